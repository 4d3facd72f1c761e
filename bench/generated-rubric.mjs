// A second rubric of Guangxi's shape for the evaluate bench, generated deterministically: 5 aspects,
// 24 requirements, 65 standards over 80 facts (booleans, integers and numbers with bounds, enums), with a
// scope, `any` and `not` conditions, `in` lists and `applicableWhen`. The same seed gives the same rule
// set and samples on every run.
import { lcg } from './inputs.mjs';

const requirementsPerAspect = [5, 5, 5, 5, 4];
const standardsPerRequirement = [3, 3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 3, 2, 3, 3, 3, 3, 3, 2];
const factCount = 80;
const enumValues = ['none', 'partial', 'full', 'planned'];

/** The generated rule set (plain JSON, as a user loads it) and five sample assessments answering every fact. */
export function generatedRubric(seed = 0x2021) {
  const random = lcg(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const facts = {};
  const factIds = [];
  for (let index = 0; index < factCount; index++) {
    const id = `fact${String(index).padStart(2, '0')}`;
    const kind = index % 5;
    if (kind === 0 || kind === 1) facts[id] = { type: 'boolean', title: { zh: `问题 ${index}` } };
    else if (kind === 2) facts[id] = { type: 'integer', title: { zh: `数量 ${index}` }, min: 0, max: 1000 };
    else if (kind === 3) facts[id] = { type: 'number', title: { zh: `比例 ${index}` }, min: 0, max: 1 };
    else facts[id] = { type: 'enum', title: { zh: `方式 ${index}` }, values: enumValues };
    factIds.push(id);
  }
  const leaf = () => {
    const fact = pick(factIds.slice(2));
    const definition = facts[fact];
    switch (definition.type) {
      case 'boolean':
        return { fact, operator: 'equal', value: random() < 0.9 };
      case 'integer':
        return random() < 0.8
          ? { fact, operator: 'greaterThanInclusive', value: Math.floor(random() * 200) }
          : { fact, operator: 'lessThan', value: 800 + Math.floor(random() * 200) };
      case 'number':
        return {
          fact,
          operator: pick(['greaterThanInclusive', 'greaterThan']),
          value: Math.round(random() * 40) / 100,
        };
      default:
        return random() < 0.7
          ? { fact, operator: 'in', value: enumValues.filter((value) => value !== pick(enumValues)) }
          : { fact, operator: 'notIn', value: [pick(enumValues)] };
    }
  };
  const condition = () => {
    const roll = random();
    if (roll < 0.55) return leaf();
    if (roll < 0.75) return { all: [leaf(), leaf()] };
    if (roll < 0.95) return { any: [leaf(), leaf(), leaf()] };
    return { not: leaf() };
  };
  let standardNumber = 0;
  let requirementNumber = 0;
  const aspects = requirementsPerAspect.map((requirementCount, aspectIndex) => ({
    id: `A${aspectIndex + 1}`,
    title: { zh: `方面 ${aspectIndex + 1}` },
    requirements: Array.from({ length: requirementCount }, () => {
      const standardCount = standardsPerRequirement[requirementNumber];
      requirementNumber++;
      return {
        id: `R${String(requirementNumber).padStart(2, '0')}`,
        title: { zh: `要求 ${requirementNumber}` },
        standards: Array.from({ length: standardCount }, () => {
          standardNumber++;
          const standard = {
            id: `S${String(standardNumber).padStart(2, '0')}`,
            title: { zh: `标准 ${standardNumber}` },
            condition: condition(),
          };
          if (random() < 0.15) standard.applicableWhen = leaf();
          return standard;
        }),
      };
    }),
  }));
  const ruleSet = {
    id: 'generated-2021',
    version: '1.0.0',
    formatVersion: 1,
    title: { zh: '生成的评分细则', en: 'A generated rubric of the same shape' },
    provenance: { status: 'provisional', source: 'bench/generated-rubric.mjs (seeded)' },
    scope: {
      all: [
        { fact: factIds[0], operator: 'equal', value: true },
        { fact: factIds[1], operator: 'equal', value: true },
      ],
    },
    scoring: { mode: 'compliance-rate', threshold: 0.85, minMetPerRequirement: 1, notApplicable: 'exclude' },
    facts,
    aspects,
  };
  // Samples leaning towards meeting the conditions, so that the seeded variants cover every outcome.
  const samples = Array.from({ length: 5 }, (_, sampleIndex) => {
    const answers = {};
    for (const id of factIds) {
      const definition = facts[id];
      if (definition.type === 'boolean') answers[id] = random() < 0.95;
      else if (definition.type === 'integer') answers[id] = 150 + Math.floor(random() * 700);
      else if (definition.type === 'number') answers[id] = Math.round((0.35 + 0.65 * random()) * 1000) / 1000;
      else answers[id] = pick(enumValues);
    }
    return {
      name: `sample-${sampleIndex}`,
      assessment: {
        id: `generated-sample-${sampleIndex}`,
        community: { name: `小区 ${sampleIndex}` },
        facts: answers,
      },
    };
  });
  return { ruleSet, samples };
}
