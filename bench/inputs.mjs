// Inputs shared by the benchmarks: the Guangxi 2021 rule set, its sample assessments and deterministic
// pseudo-random variants of them, so that branch patterns vary from one evaluation to the next.
import { readdirSync, readFileSync } from 'node:fs';

const dataDirectory = new URL('../packages/guangxi/src/data/', import.meta.url);

/** The rule set as a user loads it: parsed JSON, not yet validated. */
export function loadRuleSetJson() {
  return JSON.parse(readFileSync(new URL('guangxi-2021.json', dataDirectory), 'utf8'));
}

/** The sample assessments shipped with the rule set, by file name. */
export function loadSamples() {
  const samplesDirectory = new URL('samples/', dataDirectory);
  return readdirSync(samplesDirectory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, assessment: JSON.parse(readFileSync(new URL(name, samplesDirectory), 'utf8')) }));
}

/** A seeded linear congruential generator (Numerical Recipes constants): the same inputs on every run. */
export function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Every sample with every catalog fact answered (a fact a sample leaves out is taken from `donor`), plus
 * `variantCount` variants: each fact flipped or nudged within its min/max with probability `mutationRate`.
 * All facts are present in every input, so every contender decides every standard (no missing-data).
 */
export function buildInputs(
  ruleSetJson,
  samples,
  { variantCount = 400, mutationRate = 0.12, seed = 0x5eed } = {},
) {
  const catalog = ruleSetJson.facts;
  const factIds = Object.keys(catalog);
  const donor = samples.find((sample) => factIds.every((factId) => sample.assessment.facts[factId] != null));
  if (!donor) throw new Error('no sample answers every fact of the catalog');
  const complete = samples.map(({ name, assessment }) => {
    const facts = {};
    let filled = 0;
    for (const factId of factIds) {
      const value = assessment.facts[factId];
      if (value == null) filled++;
      facts[factId] = value ?? donor.assessment.facts[factId];
    }
    return { name, filled, assessment: { ...assessment, facts } };
  });

  const random = lcg(seed);
  const variants = [];
  for (let index = 0; index < variantCount; index++) {
    const base = complete[index % complete.length].assessment;
    const facts = { ...base.facts };
    for (const factId of factIds) {
      if (random() >= mutationRate) continue;
      facts[factId] = mutate(facts[factId], catalog[factId], random);
    }
    variants.push({ ...base, id: `${base.id}-variant-${index}`, facts });
  }
  // Through JSON and back: what users send is what JSON.parse gives (objects in V8's fast mode), not
  // objects built key by key here (some of which V8 keeps in slower dictionary mode).
  return {
    samples: complete,
    assessments: JSON.parse(JSON.stringify([...complete.map((sample) => sample.assessment), ...variants])),
  };
}

function mutate(value, definition, random) {
  switch (definition.type) {
    case 'boolean':
      return !value;
    case 'enum':
      return definition.values[Math.floor(random() * definition.values.length)];
    case 'integer':
    case 'number': {
      // Scale by 0.4–1.6 (or pick a small number when the value is 0), then clamp to the catalog's bounds.
      let next = value === 0 ? random() * 4 : value * (0.4 + 1.2 * random());
      next = definition.type === 'integer' ? Math.round(next) : Math.round(next * 1000) / 1000;
      if (definition.min !== undefined) next = Math.max(definition.min, next);
      if (definition.max !== undefined) next = Math.min(definition.max, next);
      return next;
    }
    default:
      return value;
  }
}
