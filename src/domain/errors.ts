/**
 * Errors the seeker can fix. The message is one line that says what is wrong and what to do;
 * the code lets each shell pick its own exit code or HTTP status.
 */
export type ProblemCode =
  | 'not_found'
  | 'invalid_input'
  | 'invalid_move'
  | 'conflict'
  | 'unsupported_format'
  | 'forbidden'
  /** Something outside Onward that it needs (a mail server) refused or could not be reached. */
  | 'unavailable';

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'Problem';
  }
}

export const notFound = (what: string, id: string): Problem =>
  new Problem('not_found', `no ${what} with id "${id}"`);
export const invalidInput = (message: string): Problem => new Problem('invalid_input', message);
