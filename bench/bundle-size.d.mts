/** The release target for the library's code in the browser bundle of an app that only scores estates, in bytes, minified. */
export declare const BUNDLE_TARGET_BYTES: number;

/** Bytes of the bundle that came from one input file, package or folder. */
export interface BundleShare {
  readonly bytes: number;
}

/** What `bundleBrowserConsumer` measured. */
export interface BrowserBundle {
  readonly bytes: number;
  /** The bundle itself: an ES module that sets `globalThis.scoreEstate` and `globalThis.scoreOnce`. */
  readonly code: string;
  readonly byInput: readonly (BundleShare & { readonly input: string })[];
  readonly byPackage: readonly (BundleShare & { readonly name: string })[];
  readonly byFolder: readonly (BundleShare & { readonly name: string })[];
  /** `node:` or other modules left outside the bundle: none, for a browser. */
  readonly nodeImports: readonly string[];
  readonly warnings: readonly string[];
}

/** The source of an app that calls `compileRuleSet` / `evaluate` on guangxi-2021 (the default consumer). */
export declare const scoringConsumer: string;

/**
 * The source of an app that defines a rule set fetched as JSON at run time and scores with it: sets
 * `globalThis.scorerFor(document)`, which returns `{ scoreEstate, scoreOnce }`.
 */
export declare const fetchedRuleSetConsumer: string;

/** The source of an app that calls `defineTargetPlan` / `planTimeline` (core parses plans with zod). */
export declare const timelineConsumer: string;

/**
 * Bundles, minified for browsers, a consumer (by default `scoringConsumer`: an app that calls
 * `compileRuleSet` / `evaluate` on guangxi-2021), with the packages resolved from `projectDir`'s node_modules.
 */
export declare function bundleBrowserConsumer(
  projectDir: string,
  consumerSource?: string,
): Promise<BrowserBundle>;
