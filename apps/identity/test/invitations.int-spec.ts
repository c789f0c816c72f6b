import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AuthOperations,
  AuthSessionDto,
  CreateInvitationDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationOperations,
} from '@quartier/contracts-identity';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, callerOf, failure, register, send } from './identity-test-helpers';
import { SmtpCapture, startSmtpCapture, tokenFrom } from './smtp-capture';

const PASSWORD = 'correct horse battery';

describe('identity invitations over NATS with a local SMTP server', () => {
  let stack: TestStack;
  let smtp: SmtpCapture;
  let db: Client;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    stack = await startTestStack([identityService], { SMTP_URL: smtp.url, APP_BASE_URL: 'https://app.quartier.test', INVITATION_TTL_HOURS: '48' });
    db = new Client({ connectionString: stack.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await stack?.teardown();
    await smtp?.close();
  });

  const invite = (caller: OrgCaller, request: CreateInvitationDto): Promise<InvitationDto> => send(stack, InvitationOperations.create, request, caller);
  const list = (caller: OrgCaller, query: object = {}): Promise<Page<InvitationDto>> => send(stack, InvitationOperations.list, query, caller);
  const revoke = (caller: OrgCaller, invitationId: string): Promise<unknown> => send(stack, InvitationOperations.revoke, { invitationId }, caller);
  const accept = (token: string, extra: object = {}): Promise<InvitationAcceptedDto> =>
    send(stack, InvitationOperations.accept, { token, ...extra }, anonymous());
  const login = (email: string, organizationId: string): Promise<AuthSessionDto> =>
    send(stack, AuthOperations.login, { email, password: PASSWORD, organizationId }, anonymous());
  const newEmail = (): string => `${randomUUID()}@example.de`;

  async function invited(owner: AuthSessionDto, email: string, role: CreateInvitationDto['role'] = 'manager'): Promise<{ invitation: InvitationDto; token: string }> {
    const before = smtp.mails.filter((mail) => mail.to.includes(email)).length;
    const invitation = await invite(callerOf(owner), { email, role });
    const mails = await smtp.mailsTo(email, before + 1);
    return { invitation, token: tokenFrom(mails[before], 'accept-invitation') };
  }

  it('mails a link; a new invitee creates the account, joins with the role and can sign in; the token works once', async () => {
    const owner = await register(stack, { name: 'Anna Schmidt', organizationName: 'Schmidt Hausverwaltung' });
    const email = newEmail();
    const invitation = await invite(callerOf(owner), { email: email.toUpperCase(), role: 'manager' });
    expect(invitation).toMatchObject({ email, role: 'manager', status: 'pending', invitedBy: owner.user.id, acceptedAt: null, revokedAt: null });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBeCloseTo(48 * 3_600_000, -3);

    const [mail] = await smtp.mailsTo(email);
    expect(mail.subject).toBe('Anna Schmidt invited you to Schmidt Hausverwaltung on Quartier');
    expect(mail.text).toContain('as manager');
    const token = tokenFrom(mail, 'accept-invitation');
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM identity.invitations WHERE id = $1', [invitation.id]);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const accepted = await accept(token, { name: 'Ben Berger', password: PASSWORD });
    expect(accepted).toMatchObject({ organizationId: owner.organization.id, organizationName: 'Schmidt Hausverwaltung', email, role: 'manager', accountCreated: true });
    const session = await login(email, owner.organization.id);
    expect(session).toMatchObject({ role: 'manager', user: { name: 'Ben Berger' } });

    expect(await failure(accept(token, { name: 'Eve', password: PASSWORD }))).toMatchObject({ status: 422, code: 'INVALID_INVITATION_TOKEN' });
    expect((await list(callerOf(owner))).items).toEqual([expect.objectContaining({ id: invitation.id, status: 'accepted' })]);
    const audit = await db.query('SELECT user_id, path FROM identity.audit_logs WHERE organization_id = $1', [owner.organization.id]);
    expect(audit.rows).toEqual([{ user_id: accepted.userId, path: '/api/v1/auth/invitations/accept' }]);
  });

  it('lets an existing user join with the token alone, keeping their password', async () => {
    const owner = await register(stack);
    const email = newEmail();
    const elsewhere = await register(stack, { email, password: PASSWORD });
    const { token } = await invited(owner, email, 'agent');
    const accepted = await accept(token, { name: 'Ignored', password: 'another passphrase' });
    expect(accepted).toMatchObject({ userId: elsewhere.user.id, role: 'agent', accountCreated: false });
    await expect(login(email, owner.organization.id)).resolves.toMatchObject({ role: 'agent', user: { id: elsewhere.user.id } });
    await expect(login(email, elsewhere.organization.id)).resolves.toMatchObject({ role: 'owner' });
  });

  it('asks a new invitee for name and password (422) and leaves the invitation pending', async () => {
    const owner = await register(stack);
    const email = newEmail();
    const { invitation, token } = await invited(owner, email);
    expect(await failure(accept(token, { name: 'Ben' }))).toMatchObject({
      status: 422,
      code: 'ACCOUNT_DETAILS_REQUIRED',
      errors: [{ field: 'password', message: 'password is required to create the account' }],
    });
    expect((await list(callerOf(owner), { status: 'pending' })).items.map((item) => item.id)).toEqual([invitation.id]);
    await expect(accept(token, { name: 'Ben', password: PASSWORD })).resolves.toMatchObject({ accountCreated: true });
  });

  it("respects the plan's user limit: acceptance past it is 402 and changes nothing, new invitations are refused", async () => {
    const owner = await register(stack);
    const first = await invited(owner, newEmail());
    const second = await invited(owner, newEmail());
    await accept(first.token, { name: 'First', password: PASSWORD });
    expect(await failure(accept(second.token, { name: 'Second', password: PASSWORD }))).toMatchObject({
      status: 402,
      code: 'PLAN_LIMIT_REACHED',
      details: { resource: 'users', limit: 2 },
    });
    const pending = await list(callerOf(owner), { status: 'pending' });
    expect(pending.items.map((item) => item.id)).toEqual([second.invitation.id]);
    const users = await db.query('SELECT 1 FROM identity.users WHERE email = $1', [second.invitation.email]);
    expect(users.rowCount).toBe(0);
    expect(await failure(invite(callerOf(owner), { email: newEmail(), role: 'viewer' }))).toMatchObject({ status: 402, code: 'PLAN_LIMIT_REACHED' });
  });

  it('revokes: the link stops working; another organization gets 404 and sees nothing', async () => {
    const owner = await register(stack);
    const stranger = await register(stack);
    const { invitation, token } = await invited(owner, newEmail());

    expect(await failure(revoke(callerOf(stranger), invitation.id))).toMatchObject({ status: 404 });
    expect((await list(callerOf(stranger))).total).toBe(0);

    await expect(revoke(callerOf(owner), invitation.id)).resolves.toEqual({ ok: true });
    await expect(revoke(callerOf(owner), invitation.id)).resolves.toEqual({ ok: true });
    expect(await failure(accept(token, { name: 'Late', password: PASSWORD }))).toMatchObject({ status: 422, code: 'INVALID_INVITATION_TOKEN' });
    expect((await list(callerOf(owner), { status: 'revoked' })).items).toEqual([expect.objectContaining({ id: invitation.id, status: 'revoked' })]);
    expect(await failure(revoke(callerOf(owner), randomUUID()))).toMatchObject({ status: 404 });
  });

  it('replaces a pending invitation of the same email, refuses expired links and accepted revocations', async () => {
    const owner = await register(stack);
    const email = newEmail();
    const old = await invited(owner, email, 'viewer');
    const current = await invited(owner, email, 'agent');
    expect(await failure(accept(old.token, { name: 'X', password: PASSWORD }))).toMatchObject({ status: 422 });
    expect((await list(callerOf(owner), { sort: 'createdAt' })).items.map((item) => item.status)).toEqual(['revoked', 'pending']);

    await db.query(`UPDATE identity.invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [current.invitation.id]);
    expect(await failure(accept(current.token, { name: 'X', password: PASSWORD }))).toMatchObject({ status: 422, code: 'INVALID_INVITATION_TOKEN' });
    expect((await list(callerOf(owner), { status: 'expired' })).items.map((item) => item.id)).toEqual([current.invitation.id]);

    const fresh = await invited(owner, email, 'agent');
    await accept(fresh.token, { name: 'X', password: PASSWORD });
    expect(await failure(revoke(callerOf(owner), fresh.invitation.id))).toMatchObject({ status: 409 });
  });

  it('lets only owners invite owners, only owners and admins invite at all, and refuses members (409)', async () => {
    const owner = await register(stack);
    const admin: OrgCaller = { ...callerOf(owner), roles: ['admin'] };
    const manager: OrgCaller = { ...callerOf(owner), roles: ['manager'] };
    expect(await failure(invite(admin, { email: newEmail(), role: 'owner' }))).toMatchObject({ status: 403 });
    expect(await failure(invite(manager, { email: newEmail(), role: 'viewer' }))).toMatchObject({ status: 403 });
    expect(await failure(list(manager))).toMatchObject({ status: 403 });
    expect(await failure(invite(callerOf(owner), { email: owner.user.email, role: 'viewer' }))).toMatchObject({ status: 409, code: 'ALREADY_MEMBER' });
    expect(await failure(invite(callerOf(owner), { email: 'not-an-email', role: 'viewer' }))).toMatchObject({ status: 422 });
    expect(await failure(stack.rpc.request(InvitationOperations.create.subject, { email: newEmail(), role: 'emperor' }, callerOf(owner)))).toMatchObject({
      status: 422,
    });
    expect((await list(callerOf(owner))).total).toBe(0);
  });
});
