/**
 * Whether a path inside a package's tarball is a test or a test fixture, which a tarball must not carry.
 * `src/fixtures/` and `dist/fixtures/` are core's `@sunshine-rubric/core/fixtures` entry point (coverage and
 * flip reports for users' own fixtures), not test data.
 *
 * @param {string} path a path as `npm pack --json` lists it
 * @returns {boolean}
 */
export function isPackedTestFile(path) {
  if (/^(src|dist)\/fixtures\//.test(path)) return false;
  return /\.test\.|(^|\/)(test|tests|__fixtures__|fixtures?)\//.test(path);
}
