import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, parseXml } from '../../test/ci-output-parsers.js';
import type { CheckCase, Finding } from './findings.js';
import {
  annotation,
  escapeData,
  escapeProperty,
  githubAnnotations,
  repositoryPath,
} from './github-annotations.js';
import { junitXml } from './junit-xml.js';
import type { CheckReport } from './run-check.js';

const hostile = 'a<b>&c"d\'e ]]> f\u001b[31mred\u0000\r\n::error::injected, x: y 100% \ud800 \u202e';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    source: 'fixture',
    code: 'EXPECTATION_NOT_MET',
    severity: 'error',
    message: { zh: `预期符合申报条件 ${hostile}`, en: `expected eligible ${hostile}` },
    file: 'fixtures/estate, a: b.json',
    path: ['expect', 'eligible'],
    line: 7,
    column: 3,
    ...overrides,
  };
}

function report(cases: CheckCase[]): CheckReport {
  return { file: 'rules/city.json', cases, findings: cases.flatMap((entry) => entry.findings) };
}

const sample = report([
  { source: 'schema', name: 'rule set', file: 'rules/city.json', findings: [] },
  { source: 'lint', name: 'lint', file: 'rules/city.json', findings: [] },
  { source: 'fixture', name: `estate ${hostile}`, file: 'fixtures/a.json', findings: [finding()] },
  { source: 'fixture', name: 'estate-b', file: 'fixtures/b.json', findings: [] },
  {
    source: 'flip',
    name: 'estate-b',
    file: 'rules/city.json',
    findings: [
      finding({ source: 'flip', code: 'VERDICT_FLIPPED', severity: 'warning', file: 'rules/city.json' }),
    ],
  },
]);

describe('JUnit XML', () => {
  it('is well-formed, one suite per step and one case per check, whatever the data holds', () => {
    const tree = parseXml(junitXml(sample, 'error', 'en'));
    expect(tree.name).toBe('testsuites');
    expect(tree.attributes).toMatchObject({ tests: '5', failures: '1' });
    expect(tree.children.map((suite) => [suite.attributes.name, suite.attributes.tests])).toEqual([
      ['schema', '1'],
      ['lint', '1'],
      ['fixture', '2'],
      ['flip', '1'],
    ]);
    const fixture = tree.children[2]!.children[0]!;
    // Everything XML can carry comes back exactly; the rest (NUL, a lone surrogate, ESC) as escapes.
    const carried = (value: string) =>
      value.replace('\u0000', '\\u0000').replace('\ud800', '\\ud800').replace('\u001b', '\\u001b');
    expect(fixture.attributes.name).toBe(carried(`estate ${hostile}`));
    const failure = fixture.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.type).toBe('EXPECTATION_NOT_MET');
    expect(failure.attributes.message).toBe(carried(`expected eligible ${hostile}`));
    expect(failure.text).toContain('fixtures/estate, a: b.json:7:3 error EXPECTATION_NOT_MET');
    // A warning does not fail the check at the default level: it is the case's output, not a failure.
    const flip = tree.children[3]!.children[0]!;
    expect(flip.children.map((child) => child.name)).toEqual(['system-out']);
  });

  it('fails a warning with --fail-on warning', () => {
    const tree = parseXml(junitXml(sample, 'warning', 'zh'));
    expect(tree.attributes.failures).toBe('2');
    expect(tree.children[3]!.children[0]!.children[0]!.attributes.message).toContain('预期符合申报条件');
  });

  it('stays well-formed for any string in any field', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, message) => {
        const cases: CheckCase[] = [
          {
            source: 'fixture',
            name,
            file: name,
            findings: [finding({ message: { zh: message, en: message }, file: name, code: name })],
          },
        ];
        const tree = parseXml(junitXml(report(cases), 'error', 'en'));
        expect(tree.children[0]!.children).toHaveLength(1);
      }),
    );
  });
});

describe('GitHub annotations', () => {
  it('puts each finding on its line, escaped so that nothing in the data ends or starts a command', () => {
    const lines = githubAnnotations(sample, 'en').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [fixture, flip, summary] = lines.map(parseCommand);
    expect(fixture).toEqual({
      command: 'error',
      properties: {
        file: 'fixtures/estate, a: b.json',
        line: '7',
        col: '3',
        title: 'fixture EXPECTATION_NOT_MET',
      },
      message: `expected eligible ${hostile}`,
    });
    expect(flip).toMatchObject({ command: 'warning', properties: { file: 'rules/city.json', line: '7' } });
    expect(summary).toBeUndefined();
    expect(lines[2]).toBe('sunshine-rubric check rules/city.json: 1 error(s), 1 warning(s), 0 notice(s)');
  });

  it('escapes as GitHub documents: % CR LF in data, and : , in properties too', () => {
    expect(escapeData('50%\r\nnext: a, b')).toBe('50%25%0D%0Anext: a, b');
    expect(escapeProperty('50%\r\nnext: a, b')).toBe('50%25%0D%0Anext%3A a%2C b');
    const { file: _file, ...nowhere } = finding({ severity: 'info' });
    expect(annotation(nowhere, 'zh')).toMatch(
      /^::notice title=fixture EXPECTATION_NOT_MET::预期符合申报条件 /,
    );
  });

  it('names files from the repository root in a GitHub job (GITHUB_WORKSPACE), wherever the command ran', () => {
    const job = { cwd: '/home/runner/work/city/city/rules', workspace: '/home/runner/work/city/city' };
    expect(repositoryPath('./city.json', job)).toBe('rules/city.json');
    expect(repositoryPath('/home/runner/work/city/city/fixtures/a.json', job)).toBe('fixtures/a.json');
    expect(repositoryPath('/tmp/base.json', job)).toBe('/tmp/base.json');
    expect(repositoryPath('./city.json', {})).toBe('city.json');
    expect(githubAnnotations(sample, 'en', { cwd: '/w/sub', workspace: '/w' })).toContain(
      '::warning file=sub/rules/city.json,line=7',
    );
  });

  it('round-trips any file name and message through one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (file, message) => {
        const line = annotation(finding({ file, message: { zh: message, en: message } }), 'en');
        expect(line.includes('\n') || line.includes('\r')).toBe(false);
        expect(parseCommand(line)).toMatchObject({ properties: { file: file.replace(/\\/g, '/') }, message });
      }),
    );
  });
});
