import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { AuthOperations, AuthSessionDto, InvitationOperations, LimitOperations, MemberOperations, PlanOperations } from '@quartier/contracts-identity';
import { PLATFORM_OPERATOR } from '@quartier/contracts-shared';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, callerOf, failure, register, send } from './identity-test-helpers';

const rolesIn = (session: AuthSessionDto): unknown => decodeJwt(session.accessToken).roles;

/** The platform operator role: granted by the installation (PLATFORM_OPERATORS), never by an organization. */
describe('identity platform operators', () => {
  let stack: TestStack;
  const operatorEmail = `ops-${randomUUID()}@example.de`;

  beforeAll(async () => {
    stack = await startTestStack([identityService], { PLATFORM_OPERATORS: `someone-else@example.de,${operatorEmail.toUpperCase()}` });
  }, 120_000);
  afterAll(async () => {
    await stack?.teardown();
  });

  it('puts the operator role into the tokens of a listed user only, on register and on refresh', async () => {
    const operator = await register(stack, { email: operatorEmail });
    expect(rolesIn(operator)).toEqual(['owner', 'platform_operator']);
    const refreshed = await send(stack, AuthOperations.refresh, { refreshToken: operator.refreshToken }, anonymous());
    expect(rolesIn(refreshed)).toEqual(['owner', 'platform_operator']);

    const owner = await register(stack);
    expect(rolesIn(owner)).toEqual(['owner']);
  });

  it('refuses the operator role in invitations, added members and role changes of an organization (422)', async () => {
    const owner = await register(stack);
    const caller = callerOf(owner);
    // Raw payloads, as a client or a compromised component could send them: the typed DTOs cannot even express the role.
    const refusal = (subject: string, payload: object) => failure(stack.rpc.request(subject, payload, caller));
    const { items } = await send(stack, MemberOperations.list, {}, caller);
    const attempts: [string, object][] = [
      [InvitationOperations.create.subject, { email: `${randomUUID()}@example.de`, role: PLATFORM_OPERATOR }],
      [MemberOperations.add.subject, { email: `${randomUUID()}@example.de`, role: PLATFORM_OPERATOR }],
      [MemberOperations.changeRole.subject, { memberId: items[0].id, role: PLATFORM_OPERATOR }],
    ];
    for (const [subject, payload] of attempts) {
      expect([subject, await refusal(subject, payload)]).toEqual([subject, expect.objectContaining({ status: 422, code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'role' })] })]);
    }
    expect(rolesIn(await send(stack, AuthOperations.login, { email: owner.user.email, password: 'correct horse battery' }, anonymous()))).toEqual(['owner']);
  });

  it('lets a platform operator set any organization’s plan; its owner gets 403 and an unknown organization 404', async () => {
    const customer = await register(stack);
    const plan = { organizationId: customer.organization.id, plan: 'professional', subscriptionStatus: 'active' } as const;
    expect(await failure(send(stack, PlanOperations.set, plan, callerOf(customer)))).toMatchObject({ status: 403, code: 'FORBIDDEN' });

    // The operator's own membership is elsewhere: the role, not the organization, lets it act.
    const operator = testCaller(randomUUID(), { roles: ['viewer', PLATFORM_OPERATOR], scopes: ['read'] });
    expect(await send(stack, PlanOperations.set, plan, operator)).toMatchObject({ id: customer.organization.id, plan: 'professional', subscriptionStatus: 'active' });
    expect(await send(stack, LimitOperations.get, {}, callerOf(customer))).toMatchObject({ plan: 'professional' });
    expect(await failure(send(stack, PlanOperations.set, { ...plan, organizationId: randomUUID() }, operator))).toMatchObject({ status: 404 });
  });
});
