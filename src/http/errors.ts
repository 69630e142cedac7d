/**
 * One error shape for every response: `{error: {code, message}}`. Problems from the use-cases
 * keep their code and wording; Fastify's own refusals get a code of ours; anything else is a
 * bug, logged here and answered with a message that gives nothing away.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem, type ProblemCode } from '../domain/errors.js';

/** A refusal that belongs to the HTTP shell itself (media types, body sizes), not to a use-case. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

const PROBLEM_STATUS: Record<ProblemCode, number> = {
  not_found: 404,
  invalid_input: 400,
  invalid_move: 409,
  conflict: 409,
  unsupported_format: 422,
  forbidden: 403,
  unavailable: 502,
};

/** Fastify's refusals of a request it could not read, in our words. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'the request body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'the request body is empty; send a JSON document',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'the request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'send the request body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'the request body does not match its Content-Length',
  },
};

interface Described {
  status: number;
  code: string;
  message: string;
}

export function describeError(error: unknown): Described {
  if (error instanceof Problem)
    return { status: PROBLEM_STATUS[error.code], code: error.code, message: error.message };
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
  const fastifyError = error as Partial<FastifyError> | null;
  const code = typeof fastifyError?.code === 'string' ? fastifyError.code : '';
  const known = FASTIFY_ERRORS[code];
  if (known) return known;
  // Other refusals by Fastify itself (a malformed URL, say) are the client's doing; their
  // messages are Fastify's own and safe to show.
  const status = fastifyError?.statusCode;
  if (code.startsWith('FST_') && typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: fastifyError?.message ?? 'bad request' };
  }
  return {
    status: 500,
    code: 'internal',
    message: 'something went wrong inside Onward; the details are in its log',
  };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const described = describeError(error);
    if (described.status >= 500)
      request.log.error({ err: error, method: request.method, url: request.url }, 'request failed');
    // A body we stopped reading may still be arriving: do not reuse the connection for it.
    if (described.status === 413) reply.header('connection', 'close');
    return reply.status(described.status).send(errorBody(described.code, described.message));
  });

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]?.slice(0, 200) ?? '';
    return reply.status(404).send(errorBody('not_found', `no such address: ${request.method} ${path}`));
  });
}
