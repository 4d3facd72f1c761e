import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evidenceEntry } from '../../test/workbook-fixtures.js';
import { formatEvidenceLine, formatEvidenceLines, parseEvidenceLines } from './evidence-lines.js';

const hash = `sha256:${'ab'.repeat(32)}`;

describe('evidence lines: the text form of 提供的佐证材料', () => {
  it('reads what a person types: full-width or ASCII separators, fields in any order, dates as typed', () => {
    const text = [
      `建设用地批准文件：用地批复.pdf；2019-04-02；${hash}；备注：原件存档`,
      '',
      '  竣工验收备案表 : 备案表（2020）3号 ; 2020/5/6 ',
      `物业服务合同：合同.pdf；SHA256：${'AB'.repeat(32)}；2021年9月3日；复印件；第二页缺`,
    ].join('\n');
    expect(parseEvidenceLines(text)).toEqual({
      entries: [
        { kind: '建设用地批准文件', name: '用地批复.pdf', date: '2019-04-02', hash, note: '原件存档' },
        { kind: '竣工验收备案表', name: '备案表（2020）3号', date: '2020-05-06' },
        { kind: '物业服务合同', name: '合同.pdf', hash, date: '2021-09-03', note: '复印件；第二页缺' },
      ],
      problems: [],
    });
  });

  it('names each line that is not an entry, and what is wrong with it', () => {
    const text = [
      '只有名称没有种类',
      '：没有种类.pdf',
      '种类：',
      '种类：名称；sha256:1234',
      '种类：名称；2021-02-30',
      '种类：名称；2021-01-01；2021-01-02',
      '{"kind":"种类"',
      '{"kind":"种类","name":"名称","size":3}',
      '种类：名称；2021-01-01',
    ].join('\n');
    const { entries, problems } = parseEvidenceLines(text);
    expect(entries).toEqual([{ kind: '种类', name: '名称', date: '2021-01-01' }]);
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(problems[0]!.message).toContain('种类：名称');
    expect(problems[3]!.message).toContain('64 hexadecimal digits');
    expect(problems[4]!.message).toContain('not a date');
    expect(problems[7]!.message).toContain('unknown field "size"');
  });

  it('writes the plain form when it reads back the same, and JSON for text it cannot carry', () => {
    expect(formatEvidenceLine({ kind: '种类', name: '名称', hash, date: '2019-04-02', note: '备注' })).toBe(
      `种类：名称；2019-04-02；${hash}；备注：备注`,
    );
    expect(formatEvidenceLine({ kind: '种类', name: '甲；乙' })).toBe('{"kind":"种类","name":"甲；乙"}');
    expect(formatEvidenceLine({ kind: 'a:b', name: 'x' })).toBe('{"kind":"a:b","name":"x"}');
    expect(formatEvidenceLine({ kind: '种类', name: ' 前后有空格 ' })).toMatch(/^\{/);
  });

  test.prop([fc.array(evidenceEntry, { maxLength: 4 })], { numRuns: 300 })(
    'reads back exactly the entries written, whatever their text',
    (entries) => {
      expect(parseEvidenceLines(formatEvidenceLines(entries))).toEqual({ entries, problems: [] });
    },
  );
});
