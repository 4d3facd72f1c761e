// The broken rubric of the "CI for rubric authors" checks: guangxi-2021 with standards no estate can meet,
// as a rule-set author might write them by mistake. Shared by the CLI's end-to-end test and the release
// tests, which break the copy that the installed @sunshine-rubric/guangxi ships.

/** Where the broken standards are: S28 and the two standards of R24 (the satisfaction survey). */
const at = {
  S28: [1, 3, 0],
  S64: [4, 0, 0],
  S65: [4, 0, 1],
} as const;

interface Document {
  aspects: { requirements: { standards: { condition: unknown; drafted?: unknown }[] }[] }[];
}

/**
 * A copy of guangxi-2021's JSON with two standards that can never be met: one asks for a CCTV coverage of
 * 150% (`cctvCoverage` is a share, at most 1) — S28, or with `neverEligible` S64 — and S65 for more than 500
 * and fewer than 100 rental households. With `neverEligible` both are R24's only standards, so that no estate
 * can cover R24 and none can be eligible. Their `drafted` marks, which name the values replaced, go.
 *
 * @example
 * ```ts
 * const broken = brokenGuangxi(JSON.parse(readFileSync(guangxiJsonFile, 'utf8')));
 * lintRuleSet(broken).findings; // two STANDARD_NEVER_MET, at aspects[1]… and aspects[4]…
 * ```
 */
export function brokenGuangxi(guangxi: unknown, { neverEligible = false } = {}): unknown {
  const copy = structuredClone(guangxi) as Document;
  const standard = ([aspect, requirement, index]: readonly [number, number, number]) =>
    copy.aspects[aspect]!.requirements[requirement]!.standards[index]!;
  const cctv = standard(neverEligible ? at.S64 : at.S28);
  const households = standard(at.S65);
  delete cctv.drafted;
  delete households.drafted;
  cctv.condition = { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 1.5 };
  households.condition = {
    all: [
      { fact: 'rentalHouseholds', operator: 'greaterThan', value: 500 },
      { fact: 'rentalHouseholds', operator: 'lessThan', value: 100 },
    ],
  };
  return copy;
}

/**
 * The JSON path of a broken standard's condition, as `brokenGuangxi` places it.
 *
 * @example
 * ```ts
 * brokenConditionPath('S65'); // ['aspects', 4, 'requirements', 0, 'standards', 1, 'condition']
 * ```
 */
export function brokenConditionPath(standardId: keyof typeof at): (string | number)[] {
  const [aspect, requirement, index] = at[standardId];
  return ['aspects', aspect, 'requirements', requirement, 'standards', index, 'condition'];
}
