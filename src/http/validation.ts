/**
 * zod at the edge, for what the use-cases do not check themselves: path parameters and query
 * strings, which arrive as text (or as a list when a name is repeated).
 */
import { z } from 'zod';
import { invalidInput } from '../domain/errors.js';

/** Parses or throws an `invalid_input` Problem naming the parameter and what is wrong with it. */
export function parseEdge<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw invalidInput(`${what}: unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
  }
  const field = issue?.path.join('.') ?? '';
  throw invalidInput(`${what}: ${field ? `${field} ` : ''}${issue?.message ?? 'is not valid'}`);
}

/** One value of a query parameter; a repeated parameter is a mistake. */
export const queryText = z.string({ error: 'must be given once' }).trim();

/** A whole number in a query string; nine digits is more than any list will ever hold. */
export const queryCount = z
  .string({ error: 'must be given once' })
  .trim()
  .regex(/^\d{1,9}$/, 'must be a whole number, 0 or more')
  .transform(Number);

export const idParams = z.object({
  id: z.string().trim().min(1, 'must not be empty').max(100, 'is too long'),
});
