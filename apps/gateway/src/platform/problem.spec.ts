import { BadRequestException, NotFoundException } from '@nestjs/common';
import { RpcError } from '@quartier/messaging';
import { ProblemException, retryAfterSeconds, toProblem } from './problem';

describe('toProblem', () => {
  it('passes a service error through with its status, code, message and field errors', () => {
    const error = new RpcError({ status: 422, code: 'VALIDATION_FAILED', message: 'The request is invalid', errors: [{ field: 'floor', message: 'too high' }] });
    expect(toProblem(error, 'r-1')).toEqual({
      type: 'urn:problem:quartier:validation-failed',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The request is invalid',
      code: 'VALIDATION_FAILED',
      requestId: 'r-1',
      errors: [{ field: 'floor', message: 'too high' }],
    });
    expect(toProblem(new RpcError({ status: 402, code: 'PLAN_LIMIT_REACHED', message: 'Limit', details: { limit: 10 } }), 'r').details).toEqual({ limit: 10 });
  });

  it('keeps transport failures distinguishable: 503 and 504', () => {
    expect(toProblem(new RpcError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'x' }), 'r')).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(toProblem(new RpcError({ status: 504, code: 'UPSTREAM_TIMEOUT', message: 'x' }), 'r')).toMatchObject({ status: 504, code: 'UPSTREAM_TIMEOUT' });
  });

  it('maps framework errors by status with client-safe wording', () => {
    expect(toProblem(new NotFoundException('Cannot GET /api/v1/nope'), 'r')).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Cannot GET /api/v1/nope' });
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toProblem(tooLarge, 'r')).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is too large' });
    const media = Object.assign(new Error('Unsupported Media Type: application/xml'), { statusCode: 415 });
    expect(toProblem(media, 'r')).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const malformed = new BadRequestException("Body is not valid JSON but content-type is set to 'application/json'");
    expect(toProblem(malformed, 'r')).toMatchObject({ status: 400, code: 'BAD_REQUEST', title: 'Bad Request' });
  });

  it('hides the internals of unexpected errors behind a bare 500', () => {
    const problem = toProblem(new Error('connection string postgres://secret@db'), 'r');
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL', detail: 'Internal server error', errors: [] });
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(toProblem(Object.assign(new Error('boom'), { statusCode: 502 }), 'r').detail).toBe('Internal server error');
  });

  it('keeps the shape of problems raised at the edge', () => {
    expect(toProblem(new ProblemException(403, 'FORBIDDEN', 'No'), 'r')).toMatchObject({ status: 403, title: 'Forbidden', code: 'FORBIDDEN', detail: 'No' });
  });
});

describe('retryAfterSeconds', () => {
  it('tells every 503 when to come back, by default after a second', () => {
    expect(retryAfterSeconds({ status: 503 })).toBe(1);
    expect(retryAfterSeconds({ status: 503, details: { retryAfterSeconds: 2.2 } })).toBe(3);
    expect(retryAfterSeconds({ status: 503, details: { retryAfterSeconds: -4 } })).toBe(1);
  });

  it('gives a 429 the wait its limiter named, and nothing else a wait', () => {
    expect(retryAfterSeconds({ status: 429, details: { retryAfterSeconds: 30 } })).toBe(30);
    expect(retryAfterSeconds({ status: 429 })).toBeUndefined();
    expect(retryAfterSeconds({ status: 504, details: { retryAfterSeconds: 5 } })).toBeUndefined();
  });
});
