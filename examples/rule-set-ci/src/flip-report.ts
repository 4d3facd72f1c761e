// Prints the Markdown a CI job posts on a pull request that changes the rule set.
import { flipReport, formatFlipReport } from '@sunshine-rubric/testing';
import { fixtures, previousRuleSet, ruleSet } from './load.js';

process.stdout.write(formatFlipReport(flipReport(previousRuleSet, ruleSet, fixtures)));
