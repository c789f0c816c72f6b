import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithContext } from './request-context';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line)) };
}

describe('createLogger', () => {
  it('adds the request context to every line', () => {
    const { stream, lines } = capture();
    const logger = createLogger('portfolio', 'info', stream);
    runWithContext({ requestId: 'r-1', organizationId: 'o-1', userId: 'u-1' }, () => logger.info('hello'));
    logger.info('outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ service: 'portfolio', requestId: 'r-1', organizationId: 'o-1', userId: 'u-1', msg: 'hello' });
    expect(outside.requestId).toBeUndefined();
  });

  it('never writes passwords or tokens', () => {
    const { stream, lines } = capture();
    const logger = createLogger('identity', 'info', stream);
    logger.info({ body: { email: 'a@b.de', password: 'hunter2', refreshToken: 'rt' } }, 'login');
    const text = JSON.stringify(lines());
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('"rt"');
    expect(text).toContain('a@b.de');
  });
});

describe('createLogger and credentials in URLs', () => {
  it('never writes the token of a logged URL, path, message or error', () => {
    const { stream, lines } = capture();
    const logger = createLogger('gateway', 'info', stream);
    logger.error({ url: '/api/v1/realtime?token=s3cr3t', err: new Error('GET /api/v1/x?access_token=s3cr3t failed') }, 'Unexpected error');
    logger.info({ path: '/api/v1/x?code=s3cr3t' }, 'request completed');
    logger.warn('Cannot GET /api/v1/y?token=s3cr3t');
    const text = JSON.stringify(lines());
    expect(text).not.toContain('s3cr3t');
    expect(lines()[0]).toMatchObject({ url: '/api/v1/realtime?token=[redacted]', err: { message: 'GET /api/v1/x?access_token=[redacted] failed' } });
    expect(lines()[2].msg).toBe('Cannot GET /api/v1/y?token=[redacted]');
  });
});
