import { Client } from 'pg';
import {
  AuthOperations,
  AuthSessionDto,
  LimitCheckResultDto,
  LimitOperations,
  MemberDto,
  MemberOperations,
  OrganizationOperations,
} from '@quartier/contracts-identity';
import { Page } from '@quartier/contracts-shared';
import { TestStack, startTestStack, testCaller } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, callerOf, failure, register, send } from './identity-test-helpers';

describe('identity organizations, members and limits over NATS', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack([identityService]);
  });
  afterAll(async () => {
    await stack.teardown();
  });

  const members = async (session: AuthSessionDto): Promise<Page<MemberDto>> =>
    send(stack, MemberOperations.list, {}, callerOf(session));

  it('lets owners change the organization and nobody below admin', async () => {
    const owner = await register(stack);
    const updated = await send(stack, OrganizationOperations.update,
      { name: 'Renamed GmbH', currency: 'CHF', settings: { fiscalYearStart: '01-01' } },
      callerOf(owner),
    );
    expect(updated).toMatchObject({ name: 'Renamed GmbH', currency: 'CHF', timeZone: 'Europe/Berlin', settings: { fiscalYearStart: '01-01' } });
    const viewer = testCaller(owner.organization.id, { roles: ['viewer'], scopes: ['read'] });
    expect(await failure(send(stack, OrganizationOperations.update, { name: 'x' }, viewer))).toMatchObject({ status: 403 });
    expect((await send(stack, OrganizationOperations.get, {}, viewer)).name).toBe('Renamed GmbH');
  });

  it('adds members up to the plan user limit (starter: 2), then answers 402', async () => {
    const owner = await register(stack);
    const added = await send(stack, MemberOperations.add,
      { email: 'Agent@Example.de', role: 'agent', name: 'Alex Agent', password: 'agent password 1' },
      callerOf(owner),
    );
    expect(added).toMatchObject({ email: 'agent@example.de', name: 'Alex Agent', role: 'agent' });
    const agentLogin = await send(stack, AuthOperations.login,
      { email: 'agent@example.de', password: 'agent password 1' },
      anonymous(),
    );
    expect(agentLogin).toMatchObject({ role: 'agent', organization: { id: owner.organization.id } });

    const refused = await failure(send(stack, MemberOperations.add, { email: 'third@example.de', role: 'viewer' }, callerOf(owner)));
    expect(refused).toMatchObject({ status: 402, code: 'PLAN_LIMIT_REACHED', details: { resource: 'users', limit: 2 } });
    expect((await members(owner)).total).toBe(2);

    const limits = await send(stack, LimitOperations.get, {}, callerOf(owner));
    expect(limits).toEqual({
      plan: 'starter',
      subscriptionStatus: 'active',
      limits: { properties: 10, users: 2, documents: 100, storage: 1024 ** 3 },
      usersUsed: 2,
    });
  });

  it('lets only owners and admins manage members (403 otherwise)', async () => {
    const owner = await register(stack);
    const agent = testCaller(owner.organization.id, { roles: ['agent'], scopes: ['read', 'write'] });
    expect(await failure(send(stack, MemberOperations.list, {}, agent))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(await failure(send(stack, MemberOperations.add, { email: 'x@example.de', role: 'viewer' }, agent))).toMatchObject({
      status: 403,
    });
    const admin = testCaller(owner.organization.id, { roles: ['admin'], scopes: ['read', 'write', 'delete', 'admin'] });
    expect(await failure(send(stack, MemberOperations.add, { email: 'x@example.de', role: 'owner' }, admin))).toMatchObject({
      status: 403,
    });
  });

  it('never removes or demotes the last owner (409 LAST_OWNER)', async () => {
    const owner = await register(stack);
    const [ownMembership] = (await members(owner)).items;
    expect(ownMembership).toMatchObject({ userId: owner.user.id, role: 'owner' });
    const caller = callerOf(owner);
    expect(await failure(send(stack, MemberOperations.remove, { memberId: ownMembership.id }, caller))).toMatchObject({
      status: 409,
      code: 'LAST_OWNER',
    });
    expect(
      await failure(send(stack, MemberOperations.changeRole, { memberId: ownMembership.id, role: 'admin' }, caller)),
    ).toMatchObject({ status: 409, code: 'LAST_OWNER' });

    // With a second owner, the first may step down.
    const second = await send(stack, MemberOperations.add, { email: 'co-owner@example.de', role: 'owner' }, caller);
    const demoted = await send(stack, MemberOperations.changeRole, { memberId: ownMembership.id, role: 'admin' }, caller);
    expect(demoted.role).toBe('admin');
    expect(second.role).toBe('owner');
  });

  it('removes a member and ends their sessions in the organization', async () => {
    const owner = await register(stack);
    const member = await send(stack, MemberOperations.add,
      { email: 'leaving@example.de', role: 'viewer', password: 'leaving password' },
      callerOf(owner),
    );
    const session = await send(stack, AuthOperations.login, { email: 'leaving@example.de', password: 'leaving password' }, anonymous());
    await send(stack, MemberOperations.remove, { memberId: member.id }, callerOf(owner));
    expect(await failure(send(stack, AuthOperations.refresh, { refreshToken: session.refreshToken }, anonymous()))).toMatchObject({
      status: 401,
    });
    expect((await members(owner)).items.map((item) => item.email)).toEqual([owner.user.email]);
  });

  it('answers another organization’s member ids exactly like missing ones (404)', async () => {
    const mine = await register(stack);
    const theirs = await register(stack);
    const [theirMembership] = (await members(theirs)).items;
    const caller = callerOf(mine);
    expect(await failure(send(stack, MemberOperations.remove, { memberId: theirMembership.id }, caller))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      await failure(send(stack, MemberOperations.changeRole, { memberId: theirMembership.id, role: 'viewer' }, caller)),
    ).toMatchObject({ status: 404 });
    expect((await members(theirs)).items[0].role).toBe('owner');
  });

  it('pages and sorts members and refuses unknown sort fields (422)', async () => {
    const owner = await register(stack);
    await send(stack, MemberOperations.add, { email: 'b@example.de', role: 'viewer' }, callerOf(owner));
    const page = await send(stack, MemberOperations.list, { page: 1, size: 1, sort: '-createdAt' }, callerOf(owner));
    expect(page).toMatchObject({ total: 2, page: 1, size: 1, pages: 2, items: [{ email: 'b@example.de' }] });
    expect(await failure(send(stack, MemberOperations.list, { sort: 'password' }, callerOf(owner)))).toMatchObject({ status: 422 });
  });

  it('checks plan limits for other services (402 over the limit or with a canceled subscription)', async () => {
    const owner = await register(stack);
    const caller = callerOf(owner);
    const check = (body: object): Promise<LimitCheckResultDto> => stack.rpc.request(LimitOperations.check.subject, body, caller);
    expect(await check({ resource: 'properties', currentUsage: 9 })).toEqual({ ok: true, resource: 'properties', limit: 10, remaining: 0 });
    expect(await failure(check({ resource: 'properties', currentUsage: 10 }))).toMatchObject({
      status: 402,
      code: 'PLAN_LIMIT_REACHED',
      details: { resource: 'properties', limit: 10 },
    });
    expect(await failure(check({ resource: 'documents', currentUsage: 95, adding: 6 }))).toMatchObject({ status: 402 });
    expect(await failure(check({ resource: 'rooms', currentUsage: 1 }))).toMatchObject({ status: 422 });

    const db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
    await db.query(`UPDATE identity.organizations SET subscription_status = 'canceled' WHERE id = $1`, [owner.organization.id]);
    await db.end();
    expect(await failure(check({ resource: 'properties', currentUsage: 0 }))).toMatchObject({ status: 402, code: 'SUBSCRIPTION_INACTIVE' });
  });
});
