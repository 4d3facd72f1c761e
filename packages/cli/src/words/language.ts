/**
 * The language of the CLI's text output and reports (`--lang`): Chinese (the default, authoritative) or
 * English. The words themselves, and `say`, are core's (`@sunshine-rubric/core/words`).
 */
export type Language = 'zh' | 'en';
