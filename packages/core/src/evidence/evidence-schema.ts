import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';
import { IsoDateSchema } from '../rule-set/schema.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * One document an assessment cites as evidence for a standard: a reference (kind, title, hash, date), never
 * the file itself.
 *
 * @example
 * ```ts
 * EvidenceEntrySchema.parse({ kind: '建设用地批准文件', name: '用地批复.pdf', hash: `sha256:${'0'.repeat(64)}`, date: '2019-04-02' });
 * ```
 */
export const EvidenceEntrySchema = z.strictObject({
  kind: z.string().regex(/\S/, 'kind names a required document (not blank)').meta({
    description:
      "Which of the standard's required documents this entry provides: one of its evidence strings (another kind is kept and reported as extra; it covers nothing)",
  }),
  name: z
    .string()
    .regex(/\S/, 'name is the document’s title or file name (not blank)')
    .meta({ description: 'The document’s own title or file name' }),
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/, 'hash is written sha256:<64 lowercase hex digits>')
    .optional()
    .meta({ description: 'Content hash of the document: sha256:<64 lowercase hex digits>' }),
  date: IsoDateSchema.optional().meta({ description: 'Date of the document, YYYY-MM-DD' }),
  note: z.string().optional().meta({ description: 'Free text' }),
});

restoreJit();
