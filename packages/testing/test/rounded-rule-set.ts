import {
  definePlugin,
  defineRuleSet,
  type OperatorDefinition,
  type RuleSetInput,
} from '@sunshine-rubric/core';

/** A city plugin's kind of operator: rounds a number fact to a whole number before comparing. */
export const atLeastRounded: OperatorDefinition = {
  name: 'atLeastRounded',
  factTypes: ['number'],
  valueKind: 'scalar',
  evaluate: (factValue, value) => Math.round(Number(factValue)) >= Number(value),
};

/** An operator whose literal is not of its fact's type (a year for a date): no witness for the date. */
export const builtAfterYear: OperatorDefinition = {
  name: 'builtAfterYear',
  factTypes: ['date'],
  valueKind: 'scalar',
  valueType: 'integer',
  evaluate: (factValue, value) => Number(String(factValue).slice(0, 4)) > Number(value),
};

/** The plugin that contributes both. */
export const roundingPlugin = definePlugin({
  name: 'rounding-city',
  apiVersion: 1,
  operators: [atLeastRounded, builtAfterYear],
});

const text = (zh: string) => ({ zh });
const standard = (
  id: string,
  condition: RuleSetInput['aspects'][number]['requirements'][number]['standards'][number]['condition'],
  applicableWhen?: typeof condition,
) => ({
  id,
  title: text(`标准${id}`),
  condition,
  ...(applicableWhen ? { applicableWhen } : {}),
});

/** A small rubric whose conditions use both custom operators, in conditions, `applicableWhen` and scope. */
export const roundedDocument: RuleSetInput = {
  id: 'rounding-city',
  version: '1.0.0',
  title: text('取整市评分标准（虚构）'),
  provenance: { status: 'provisional', source: 'the testing kit’s own tests' },
  facts: {
    greenSpacePercent: { type: 'number', title: text('绿地率（%）'), min: 0, max: 100 },
    parkingPerHundred: { type: 'number', title: text('每百户车位'), min: 0 },
    builtOn: { type: 'date', title: text('建成日期') },
    hasPolicingRoom: { type: 'boolean', title: text('是否设有警务室') },
    households: { type: 'integer', title: text('户数'), min: 0 },
  },
  scope: { fact: 'households', operator: 'greaterThan', value: 0 },
  scoring: { mode: 'compliance-rate', threshold: 0.6 },
  aspects: [
    {
      id: 'A1',
      title: text('环境'),
      requirements: [
        {
          id: 'A1-R1',
          title: text('绿地与车位'),
          standards: [
            standard('G1', { fact: 'greenSpacePercent', operator: 'atLeastRounded', value: 30 }),
            standard('G2', {
              any: [
                { fact: 'parkingPerHundred', operator: 'atLeastRounded', value: 50 },
                { not: { fact: 'builtOn', operator: 'builtAfterYear', value: 2010 } },
              ],
            }),
          ],
        },
      ],
    },
    {
      id: 'A2',
      title: text('安全'),
      requirements: [
        {
          id: 'A2-R1',
          title: text('警务'),
          standards: [
            standard('P1', { fact: 'hasPolicingRoom', operator: 'equal', value: true }),
            standard(
              'P2',
              { fact: 'parkingPerHundred', operator: 'atLeastRounded', value: 20 },
              { fact: 'builtOn', operator: 'builtAfterYear', value: 2000 },
            ),
          ],
        },
      ],
    },
  ],
};

/** {@link roundedDocument}, defined with the rounding plugin's operators. */
export const roundedRuleSet = defineRuleSet(roundedDocument, { operators: roundingPlugin.operators });
