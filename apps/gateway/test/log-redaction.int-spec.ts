import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subscription } from 'nats';
import request from 'supertest';
import WebSocket from 'ws';
import { isComponentName } from '@quartier/contracts-shared';
import { RunningSuite, startSuite } from '@quartier/launcher';
import { TestStack, startTestStack } from '@quartier/testing';
import { respond } from './gateway-harness';

const SECRET = 's3cr3t';

/** The variables that are set, as the launcher takes a component's environment. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The gateway as `npm start` runs it (its own process, its real stdout in a log file): what an
 * operator's log collector receives must never hold a credential a client put into a URL.
 */
describe('gateway logs without credentials', () => {
  let stack: TestStack;
  let jwks: Subscription;
  let gateway: RunningSuite;
  let logDir: string;
  let logFile: string;

  beforeAll(async () => {
    stack = await startTestStack([], { LOG_LEVEL: 'info' });
    // The gateway is ready once identity answers; a stand-in publishing no key is enough here.
    jwks = respond(stack.nats, stack.prefix, 'identity.v1.auth.jwks', () => ({ keys: [] }));
    logDir = mkdtempSync(join(tmpdir(), 'quartier-logs-'));
    logFile = join(logDir, 'suite.log');
    gateway = await startSuite({
      services: ['gateway'],
      quiet: true,
      migrate: false,
      logFile,
      env: { ...definedEnv(stack.env), PORT: '0' },
      bus: { url: stack.bus.url, envFor: (app) => (isComponentName(app) ? definedEnv(stack.envFor(app)) : {}), stop: async () => undefined },
    });
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    jwks?.unsubscribe();
    await stack?.teardown();
    if (logDir) rmSync(logDir, { recursive: true, force: true });
  });

  const logged = (): string => readFileSync(logFile, 'utf8');

  async function waitForLog(text: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!logged().includes(text)) {
      if (Date.now() > deadline) throw new Error(`no log line with ${text} in:\n${logged()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('logs a 500 and its request with the token of the URL redacted', async () => {
    const crash = respond(stack.nats, stack.prefix, 'identity.v1.auth.login', () => {
      throw new Error(`mail server https://mail.example.de/send?api_key=${SECRET} refused`);
    });
    const crashed = await request(gateway.gatewayUrl as string)
      .post(`/api/v1/auth/login?token=${SECRET}&access_token=${SECRET}`)
      .send({ email: 'anna@example.de', password: 'correct horse battery' });
    crash.unsubscribe();
    expect(crashed.status).toBe(500);
    expect(crashed.body).toMatchObject({ code: 'INTERNAL' });

    // The WebSocket takes its access token in the URL; a token that does not verify is refused.
    const socket = new WebSocket(`${(gateway.gatewayUrl as string).replace(/^http/, 'ws')}/api/v1/ws?token=${SECRET}`);
    const closeCode = await new Promise<number>((resolve) => {
      socket.on('close', (code) => resolve(code));
      socket.on('error', () => resolve(0));
    });
    expect(closeCode).not.toBe(1000);

    await waitForLog('Unexpected error while serving a request');
    await waitForLog('/api/v1/ws');
    expect(logged()).toContain('/api/v1/auth/login?token=[redacted]&access_token=[redacted]');
    expect(logged()).not.toContain(SECRET);
  });
});
