// lintRuleSet from the installed @sunshine-rubric/core/lint on the broken copies of guangxi-2021 the release
// test wrote, and what the installed evaluator makes of the witness that comes with a NEVER_ELIGIBLE proof.
// Prints one JSON line for the release test to read.
import { readFileSync } from 'node:fs';
import { defineRuleSet, evaluate } from '@sunshine-rubric/core';
import { lintRuleSet } from '@sunshine-rubric/core/lint';

const lint = (file) => {
  const document = JSON.parse(readFileSync(file, 'utf8'));
  const { findings } = lintRuleSet(document);
  const errors = findings
    .filter((finding) => finding.severity === 'error')
    .map(({ code, path, message, proof }) => ({ code, path, message: message.en, proof }));
  const neverEligible = findings.find((finding) => finding.code === 'NEVER_ELIGIBLE');
  const witness = neverEligible?.witness && evaluate(defineRuleSet(document), neverEligible.witness);
  return {
    errors,
    witness: witness && {
      met: witness.compliance.met,
      applicable: witness.compliance.applicable,
      eligible: witness.eligible,
    },
  };
};

console.log(JSON.stringify(process.argv.slice(2).map(lint)));
