import { extendRuleSet, type RuleSet } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';

/** The fictional city's own (fictional) document that its local changes rest on. */
export const exampleCityDocument = '《示例市保障性住房小区宜居提升导则》（虚构文件，仅作示例）';

/**
 * The rule set of 示例市 / Example City, a **fictional** city: the Guangxi 2021 rule set with three local
 * changes, made with `extendRuleSet` (the base is not changed):
 *
 * - a stricter threshold: 90% of applicable standards met instead of 85%;
 * - a local standard `L01` under requirement R21 (greening): a pocket garden or community plot built with
 *   residents, read from a new fact `hasPocketGarden`;
 * - standard S54 (piped gas) removed: the fictional city has no municipal gas network, so its document does
 *   not ask for one (S33, gas safety checks, still applies where gas is piped).
 *
 * Like its base it is provisional: `extendRuleSet` keeps the base's `provenance.status`, and the patch says
 * where the local changes come from.
 *
 * @example
 * ```ts
 * exampleCityRuleSet.extends; // 'guangxi-2021@0.2.0'
 * exampleCityRuleSet.scoring; // { mode: 'compliance-rate', threshold: 0.9, ... }
 * ```
 */
export const exampleCityRuleSet: RuleSet = extendRuleSet(guangxi2021, {
  id: 'example-city-2025',
  version: '1.0.0',
  title: {
    zh: '示例市保障性住房小区“阳光社区·美丽家园”创建标准（虚构示例，基于广西2021标准）',
    en: 'Example City standard for “Sunshine Community · Beautiful Home” estates (fictional; based on guangxi-2021)',
  },
  provenance: {
    status: 'provisional',
    source: `${exampleCityDocument}第二、三条；其余同 guangxi-2021。Local changes from a fictional document of a fictional city, for this example only; everything else is guangxi-2021.`,
  },
  scoring: { threshold: 0.9 },
  facts: {
    hasPocketGarden: {
      type: 'boolean',
      title: {
        zh: '小区是否设有居民共建的口袋花园或社区菜园？',
        en: 'Does the estate have a pocket garden or community plot built with residents?',
      },
    },
  },
  remove: ['S54'],
  add: [
    {
      to: 'R21',
      standard: {
        id: 'L01',
        title: {
          zh: '小区设有居民共建的口袋花园或社区菜园',
          en: 'The estate has a pocket garden or community plot built with residents',
        },
        condition: { fact: 'hasPocketGarden', operator: 'equal', value: true },
        responsible: ['estate-operator', 'street-community'],
        evidence: ['花园照片', '居民共建协议'],
        basis: `${exampleCityDocument}第三条（虚构；暂定）`,
      },
    },
  ],
});
