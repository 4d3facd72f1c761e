import { fc, test } from '@fast-check/vitest';
import { evaluate } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import {
  allTypesRuleSet,
  catalogAndAssessment,
  evidenceEntry,
  formulaLikeText,
  openWorkbook,
  ruleSetWithFacts,
  sampleAssessment,
} from '../../test/workbook-fixtures.js';
import { exportSelfCheckWorkbook } from './export-self-check.js';
import { importSelfCheckWorkbook } from './import-self-check.js';

/** Every cell of the 标准 sheet, as text. */
async function standardsSheetTexts(bytes: Uint8Array): Promise<string[][]> {
  const sheet = (await openWorkbook(bytes)).getWorksheet('标准')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).map((value) => JSON.stringify(value ?? null)));
  });
  return rows;
}

describe('self-check workbook round trip', () => {
  // Each run writes and reads a whole workbook (tens of milliseconds), hence fewer runs and more time.
  test.prop([catalogAndAssessment], { numRuns: 60 })(
    'returns exactly the facts of any assessment, over every fact type, missing facts included',
    async ({ ruleSet, assessment }) => {
      const bytes = await exportSelfCheckWorkbook(ruleSet, { assessment });
      const back = await importSelfCheckWorkbook(ruleSet, bytes);
      expect(back.facts).toEqual(assessment.facts);
      expect(Object.keys(back.facts).sort()).toEqual(Object.keys(assessment.facts).sort());
    },
    60_000,
  );

  test.prop([fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), formulaLikeText)], { numRuns: 100 })(
    'keeps any text exactly: spaces, line breaks, control characters, _xHHHH_ look-alikes, formula-like text',
    async (text) => {
      const ruleSet = ruleSetWithFacts({ note: { type: 'string', title: { zh: '备注' } } });
      // A blank estate name is rejected everywhere, so the name carries the text after one character.
      const assessment = { id: 'a', community: { name: `名${text}` }, facts: { note: text } };
      const back = await importSelfCheckWorkbook(
        ruleSet,
        await exportSelfCheckWorkbook(ruleSet, { assessment }),
      );
      expect(back.facts.note).toBe(text);
      expect(back.community.name).toBe(`名${text}`);
    },
    60_000,
  );

  test.prop(
    [
      fc.record(
        {
          S1: fc.array(evidenceEntry, { minLength: 1, maxLength: 3 }),
          S2: fc.array(evidenceEntry, { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
    ],
    { numRuns: 40 },
  )(
    'returns exactly the evidence listed, whatever its text, and exports it again cell for cell',
    async (evidence) => {
      const assessment = { ...sampleAssessment, evidence };
      const bytes = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment });
      const back = await importSelfCheckWorkbook(allTypesRuleSet, bytes);
      expect(back.evidence ?? {}).toEqual(evidence);
      expect(back).toEqual({
        ...assessment,
        ruleSet: 'all-types',
        ...(Object.keys(evidence).length === 0 ? { evidence: undefined } : {}),
      });
      const again = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: back });
      expect(await standardsSheetTexts(again)).toEqual(await standardsSheetTexts(bytes));
    },
    60_000,
  );

  it('keeps the envelope: id, assessment date, the estate with its extra fields; ruleSet becomes the id', async () => {
    const back = await importSelfCheckWorkbook(
      allTypesRuleSet,
      await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment }),
    );
    expect(back).toEqual({ ...sampleAssessment, ruleSet: 'all-types' });
  });

  it('keeps nested estate fields as JSON', async () => {
    const assessment = {
      ...sampleAssessment,
      community: { name: '小区', buildings: [{ id: 1, floors: 18 }] },
    };
    const back = await importSelfCheckWorkbook(
      allTypesRuleSet,
      await exportSelfCheckWorkbook(allTypesRuleSet, { assessment }),
    );
    expect(back.community).toEqual(assessment.community);
  });

  it.each(Object.entries(guangxiSamples))(
    'round-trips the Guangxi sample %s and evaluates the same',
    async (_name, sample) => {
      const back = await importSelfCheckWorkbook(
        guangxi2021,
        await exportSelfCheckWorkbook(guangxi2021, { assessment: sample }),
      );
      expect(back.facts).toEqual(
        Object.fromEntries(Object.entries(sample.facts).filter(([, value]) => value !== null)),
      );
      expect(back.community).toEqual(sample.community);
      expect(evaluate(guangxi2021, back)).toEqual(evaluate(guangxi2021, sample));
    },
  );

  it('round-trips in the bilingual layout too, evidence included', async () => {
    const evidence = { S1: [{ kind: '监控点位图', name: '点位图.pdf', date: '2021-06-01' }] };
    const bytes = await exportSelfCheckWorkbook(allTypesRuleSet, {
      assessment: { ...sampleAssessment, evidence },
      lang: 'zh-en',
    });
    const back = await importSelfCheckWorkbook(allTypesRuleSet, bytes);
    expect(back.facts).toEqual(sampleAssessment.facts);
    expect(back.evidence).toEqual(evidence);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await exportSelfCheckWorkbook(allTypesRuleSet, { assessment: sampleAssessment });
    const arrayBuffer = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer;
    expect((await importSelfCheckWorkbook(allTypesRuleSet, arrayBuffer)).facts).toEqual(
      sampleAssessment.facts,
    );
  });
});
