/** A remediation instance as `remediationInstance` in packages/core builds it. */
export interface BaselineInstance {
  readonly overallFloor: number;
  readonly aspectFloors: readonly number[];
  readonly requirements: readonly { readonly aspect: number; readonly countFloor: number }[];
  readonly fixable: readonly {
    readonly position: number;
    readonly requirement: number;
    readonly units: number;
    readonly cost: number;
  }[];
}

/** The old exact planner: positions of the cheapest fixes, ascending, or undefined when unreachable. */
export function baselineCheapestFixes(instance: BaselineInstance): number[] | undefined;
