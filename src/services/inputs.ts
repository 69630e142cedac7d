/**
 * The shapes the use-cases accept, checked with zod. The CLI and the HTTP API both hand raw input
 * to the use-cases, which parse it here: one set of rules, one wording of every complaint.
 */
import { z } from 'zod';
import { invalidInput } from '../domain/errors.js';
import { CONTACT_ROLES, INTERVIEW_KINDS, WORKPLACES } from '../domain/model.js';
import { STAGES } from '../domain/stages.js';

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullish();
const time = z.string().trim().min(1, 'must not be empty');
const webAddress = z
  .string()
  .trim()
  .refine(
    (v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v),
    'must be a web address starting with http:// or https://',
  );
const fit = z.coerce
  .number()
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5');

const workplace = z.enum(WORKPLACES, { error: () => `must be one of: ${WORKPLACES.join(', ')}` });

export const stageSchema = z.enum(STAGES, { error: () => `must be one of: ${STAGES.join(', ')}` });
export const interviewKindSchema = z.enum(INTERVIEW_KINDS, {
  error: () => `must be one of: ${INTERVIEW_KINDS.join(', ')}`,
});
export const contactRoleSchema = z.enum(CONTACT_ROLES, {
  error: () => `must be one of: ${CONTACT_ROLES.join(', ')}`,
});

/** A job description can be long; a pasted novel is a mistake. */
export const MAX_JOB_DESCRIPTION = 100_000;

export const newApplicationSchema = z.object({
  company: text(200),
  role: text(200),
  applied: time.nullish(),
  stage: stageSchema.nullish(),
  url: webAddress.nullish(),
  source: optionalText(100),
  location: optionalText(200),
  jobDescription: optionalText(MAX_JOB_DESCRIPTION),
  fit: fit.nullish(),
  workplace: workplace.nullish(),
  resumeVersion: optionalText(100),
});
export type NewApplication = z.input<typeof newApplicationSchema>;

export const applicationPatchSchema = z
  .object({
    company: text(200),
    role: text(200),
    url: webAddress.nullable(),
    source: optionalText(100),
    location: optionalText(200),
    jobDescription: optionalText(MAX_JOB_DESCRIPTION),
    fit: fit.nullable(),
    workplace: workplace.nullable(),
    resumeVersion: optionalText(100),
  })
  .partial()
  .strict();
export type ApplicationPatch = z.input<typeof applicationPatchSchema>;

export const moveSchema = z.object({
  stage: stageSchema,
  at: time.nullish(),
  note: optionalText(2000),
});
export type MoveInput = z.input<typeof moveSchema>;

export const personSchema = z.object({
  name: text(200),
  email: z.email('must be an email address').nullish(),
});
export type Person = z.infer<typeof personSchema>;

export const newInterviewSchema = z.object({
  at: time,
  kind: interviewKindSchema.nullish(),
  with: z.array(personSchema).max(20, 'at most 20 people').nullish(),
  notes: optionalText(20_000),
  /** A date they said they would reply by. */
  replyExpectedBy: time.nullish(),
});
export type NewInterview = z.input<typeof newInterviewSchema>;

export const newNoteSchema = z.object({ text: text(20_000), at: time.nullish() });
export type NewNote = z.input<typeof newNoteSchema>;

export const newContactSchema = z.object({
  name: text(200),
  email: z.email('must be an email address').nullish(),
  role: contactRoleSchema.nullish(),
  company: optionalText(200),
  phone: optionalText(50),
  linkedin: webAddress.nullish(),
  notes: optionalText(5000),
  applicationId: z.string().trim().min(1).nullish(),
});
export type NewContact = z.input<typeof newContactSchema>;

export const contactPatchSchema = newContactSchema.omit({ applicationId: true }).partial().strict();
export type ContactPatch = z.input<typeof contactPatchSchema>;

/** Parses or throws a Problem whose one line names the field and what is wrong with it. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  if (issue?.code === 'unrecognized_keys') {
    throw invalidInput(`${what}: unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`);
  }
  const message = issue?.message ?? 'is not valid';
  throw invalidInput(`${what}: ${field ? `${field} ` : ''}${message}`);
}

/** Reads "Dana Lee <dana@acme.example>", "dana@acme.example" or "Dana Lee". */
export function parsePerson(value: string): Person {
  const trimmed = value.trim();
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (angle) {
    const email = angle[2] ?? '';
    const name = (angle[1] ?? '').replace(/^"|"$/g, '').trim() || email.split('@')[0] || email;
    return parseInput(personSchema, { name, email }, `person "${value}"`);
  }
  if (/^[^\s@]+@[^\s@]+$/.test(trimmed)) {
    return parseInput(personSchema, { name: trimmed.split('@')[0], email: trimmed }, `person "${value}"`);
  }
  return parseInput(personSchema, { name: trimmed }, `person "${value}"`);
}
