import type { Highs as HighsModule, InitOptions } from 'highs';
import type { LinearModel, PortfolioSolver, SolverOutcome } from '../model/linear-model.js';
import { lpText } from '../model/lp-text.js';

type HighsLoader = (options?: InitOptions) => Promise<HighsModule>;

let loading: Promise<HighsModule> | undefined;

/**
 * The loader, whichever way the module system hands it over: `highs` is CommonJS with an ES module build,
 * so its default export is the loader in Node's ESM and bundlers, and the exports object under CommonJS interop.
 */
async function importLoader(): Promise<HighsLoader> {
  const module: { default: unknown } = await import('highs');
  const exported = module.default as HighsLoader | { default: HighsLoader };
  return typeof exported === 'function' ? exported : exported.default;
}

/**
 * HiGHS, compiled to WebAssembly (the `highs` package), loaded once on first use. The gap tolerances are
 * 0, so `optimal` means proven optimal, not "within HiGHS's default 0.01 %".
 *
 * In Node the loader finds `highs.wasm` beside itself. In a browser bundle, pass `locateFile` to say where
 * the `.wasm` file is served (the `highs` package's `./runtime` export is that file).
 *
 * @example
 * ```ts
 * const solver = highsSolver({ locateFile: (file) => `/assets/${file}` });
 * await planPortfolio(input, { solver });
 * ```
 */
export function highsSolver(
  options: { readonly locateFile?: (file: string) => string } = {},
): PortfolioSolver {
  let own: Promise<HighsModule> | undefined;
  const load = (): Promise<HighsModule> => {
    if (options.locateFile === undefined) {
      loading ??= importLoader().then((loader) => loader());
      return loading;
    }
    const { locateFile } = options;
    own ??= importLoader().then((loader) => loader({ locateFile }));
    return own;
  };
  return {
    async solve(model, { timeLimitSeconds, start }) {
      const highs = await load();
      return solveWith(highs, model, timeLimitSeconds, start);
    },
  };
}

function solveWith(
  highs: HighsModule,
  model: LinearModel,
  timeLimitSeconds: number,
  start: Readonly<Record<string, number>> | undefined,
): SolverOutcome {
  const statuses = highs.constants.modelStatus;
  return highs.withModel<SolverOutcome>({ format: 'lp', data: lpText(model) }, (solved) => {
    solved.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      time_limit: timeLimitSeconds,
    });
    if (start !== undefined) {
      const columns = model.variables.length;
      const colValue = new Float64Array(columns);
      for (let index = 0; index < columns; index += 1) colValue[index] = start[solved.getColName(index)] ?? 0;
      solved.setSolution({ colValue });
    }
    solved.run();
    const status = solved.getModelStatus();
    if (status === statuses.infeasible) return { status: 'infeasible' } satisfies SolverOutcome;
    if (status !== statuses.optimal && status !== statuses.timeLimit && status !== statuses.interrupted) {
      throw new Error(`HiGHS stopped with model status ${status}`);
    }
    const bound = Number(solved.info.get('mip_dual_bound'));
    const objective = solved.getObjectiveValue();
    const hasSolution = Number(solved.info.get('primal_solution_status')) === 2;
    if (!hasSolution) return { status: 'time-limit', bound } satisfies SolverOutcome;
    const { colValue } = solved.getSolution();
    const values: Record<string, number> = {};
    colValue.forEach((value, index) => {
      values[solved.getColName(index)] = Math.round(value);
    });
    const solvedStatus: SolverOutcome['status'] = status === statuses.optimal ? 'optimal' : 'time-limit';
    return { status: solvedStatus, values, objective, bound };
  });
}
