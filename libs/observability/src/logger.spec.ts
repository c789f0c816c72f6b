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
