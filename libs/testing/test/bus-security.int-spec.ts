import { ErrorCode, NatsConnection, NatsError, connect, nkeyAuthenticator } from 'nats';
import { generateBusKeyPair } from '@quartier/messaging';
import { TestStack, startTestStack } from '../src';

/** Subscribes and resolves with the error the server reports (permissions are checked asynchronously). */
function subscribeError(connection: NatsConnection, subject: string, queue?: string): Promise<NatsError | undefined> {
  return new Promise((resolve) => {
    connection.subscribe(subject, { queue, callback: (error) => resolve(error ?? undefined) });
    // A subscription the server accepts stays silent: a flush round trip later it is known to be allowed.
    void connection.flush().then(() => setTimeout(() => resolve(undefined), 200));
  });
}

describe('the bus is a trust boundary', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack([]);
  });
  afterAll(async () => {
    await stack.teardown();
  });

  it('refuses a connection without credentials', async () => {
    const error = (await connect({ servers: stack.bus.url }).catch((e: NatsError) => e)) as NatsError;
    expect(error).toBeInstanceOf(NatsError);
    expect(error.code).toBe(ErrorCode.AuthorizationViolation);
  });

  it('refuses an NKey the server does not know', async () => {
    const stranger = generateBusKeyPair();
    const attempt = connect({ servers: stack.bus.url, authenticator: nkeyAuthenticator(new TextEncoder().encode(stranger.seed)) });
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.AuthorizationViolation });
  });

  it("keeps a service's credentials off another service's subjects", async () => {
    const portfolio = await stack.connectAs('portfolio');
    try {
      const foreign = await subscribeError(portfolio, `${stack.prefix}.identity.v1.>`, 'identity');
      expect(foreign?.code).toBe(ErrorCode.PermissionsViolation);
      // Its own subjects only inside its own queue group: never as an eavesdropper beside it.
      const outsideQueue = await subscribeError(portfolio, `${stack.prefix}.portfolio.v1.>`);
      expect(outsideQueue?.code).toBe(ErrorCode.PermissionsViolation);
      // Nobody else's replies: the gateway's inbox is the gateway's.
      const replies = await subscribeError(portfolio, '_INBOX_gateway.>');
      expect(replies?.code).toBe(ErrorCode.PermissionsViolation);
      expect(await subscribeError(portfolio, `${stack.prefix}.portfolio.v1.>`, 'portfolio')).toBeUndefined();
    } finally {
      await portfolio.close();
    }
  });

  it('lets a component request only the services it calls and publish only its own events', async () => {
    const portfolio = await stack.connectAs('portfolio');
    const violations: string[] = [];
    void (async () => {
      for await (const status of portfolio.status()) if (status.type === 'error') violations.push(String(status.data));
    })();
    const violationsAfter = async (subject: string): Promise<number> => {
      const before = violations.length;
      portfolio.publish(subject);
      await portfolio.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return violations.length - before;
    };
    try {
      // portfolio calls identity and owns portfolio events; it never calls leasing or speaks for it.
      expect(await violationsAfter(`${stack.prefix}.identity.v1.limits.check`)).toBe(0);
      expect(await violationsAfter(`${stack.prefix}.events.portfolio.unit.created`)).toBe(0);
      expect(await violationsAfter(`${stack.prefix}.leasing.v1.leases.list`)).toBe(1);
      expect(await violationsAfter(`${stack.prefix}.events.leasing.lease.activated`)).toBe(1);
      expect(violations).toEqual(['PERMISSIONS_VIOLATION', 'PERMISSIONS_VIOLATION']);
    } finally {
      await portfolio.close();
    }
  });
});
