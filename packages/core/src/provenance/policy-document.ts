import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

const WordsSchema = z.strictObject({
  zh: z.string().min(1).meta({ description: 'Chinese wording (authoritative).' }),
  en: z.string().min(1).optional().meta({ description: 'English wording, for readers of English.' }),
});

/**
 * A policy document that a rule set or a target plan rests on, by its number (文号) and title: one shape for
 * both, so that a city's plan and the rubric it applies cite their basis alike.
 */
export const PolicyDocumentSchema = z
  .strictObject({
    number: z.string().min(1).meta({ description: 'The document number (文号), e.g. 桂建保〔2021〕3号.' }),
    title: WordsSchema.meta({ description: 'The document’s title.' }),
    issuedBy: WordsSchema.optional().meta({ description: 'Who issued it.' }),
  })
  .meta({ description: 'A policy document, by its number (文号) and title.' });

/**
 * A policy document by number and title, as a rule set's `provenance.basis` or a plan's `basis` lists it.
 *
 * @example
 * ```ts
 * const basis: PolicyDocument = { number: '桂建保〔2021〕3号', title: { zh: '…的通知' } };
 * ```
 */
export interface PolicyDocument {
  readonly number: string;
  readonly title: { readonly zh: string; readonly en?: string | undefined };
  readonly issuedBy?: { readonly zh: string; readonly en?: string | undefined } | undefined;
}

restoreJit();
