import { createLocalJWKSet, jwtVerify } from 'jose';
import { AuthOperations, AuthSessionDto, INVALID_CREDENTIALS_MESSAGE, ProfileOperations, ProvisionTrustedDto } from '@quartier/contracts-identity';
import { TestStack, startTestStack } from '@quartier/testing';
import { identityService } from '../src/identity.service-app';
import { anonymous, callerOf, failure, register, send } from './identity-test-helpers';

const PASSWORD = 'correct horse battery';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('identity auth over NATS', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack([identityService]);
  });
  afterAll(async () => {
    await stack.teardown();
  });

  const login = (email: string, password: string): Promise<AuthSessionDto> =>
    send(stack, AuthOperations.login, { email, password }, anonymous());
  const refresh = (refreshToken: string): Promise<AuthSessionDto> =>
    send(stack, AuthOperations.refresh, { refreshToken }, anonymous());

  it('registers an organization with its owner and issues an ES256 token the JWKS verifies', async () => {
    const session = await register(stack, { email: 'Owner@Example.de', organizationName: 'Müller & Söhne GmbH' });
    expect(session).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      role: 'owner',
      user: { email: 'owner@example.de', name: 'Anna Schmidt', hasAvatar: false },
      organization: { name: 'Müller & Söhne GmbH', slug: 'muller-sohne-gmbh', plan: 'starter', subscriptionStatus: 'active', timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
    expect(session.scopes.sort()).toEqual(['admin', 'delete', 'read', 'write']);
    expect(session.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(session)).not.toMatch(/argon2|passwordHash|tokenHash/);

    const jwks = await send(stack, AuthOperations.jwks, {}, anonymous());
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(session.accessToken, createLocalJWKSet(jwks), { issuer: 'quartier' });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: jwks.keys[0].kid });
    expect(payload).toMatchObject({ sub: session.user.id, org: session.organization.id, email: 'owner@example.de', roles: ['owner'] });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(900);
  });

  it('refuses a second account with the same email in any letter case (409 EMAIL_TAKEN)', async () => {
    await register(stack, { email: 'taken@example.de' });
    expect(await failure(register(stack, { email: 'TAKEN@example.de' }))).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
  });

  it('answers an unknown email and a wrong password with the same 401', async () => {
    const session = await register(stack);
    const wrongPassword = await failure(login(session.user.email, 'not the password'));
    const unknownEmail = await failure(login('nobody@example.de', 'not the password'));
    expect(wrongPassword).toEqual({ status: 401, code: 'INVALID_CREDENTIALS', message: INVALID_CREDENTIALS_MESSAGE });
    expect(unknownEmail).toEqual(wrongPassword);
    expect((await login(session.user.email.toUpperCase(), PASSWORD)).user.id).toBe(session.user.id);
  });

  it('rotates refresh tokens, and a replayed token revokes its whole family', async () => {
    const session = await register(stack);
    const second = await refresh(session.refreshToken);
    expect(second.refreshToken).not.toBe(session.refreshToken);
    expect(second.user.id).toBe(session.user.id);
    const third = await refresh(second.refreshToken);

    expect(await failure(refresh(session.refreshToken))).toMatchObject({ status: 401, code: 'INVALID_REFRESH_TOKEN' });
    // The legitimate latest token dies with its family.
    expect(await failure(refresh(third.refreshToken))).toMatchObject({ status: 401 });
    // Another session (another family) of the same user is untouched.
    const other = await login(session.user.email, PASSWORD);
    expect((await refresh(other.refreshToken)).user.id).toBe(session.user.id);
  });

  it('logs out by revoking the presented token family', async () => {
    const session = await register(stack);
    const next = await refresh(session.refreshToken);
    await send(stack, AuthOperations.logout, { refreshToken: next.refreshToken }, anonymous());
    expect(await failure(refresh(next.refreshToken))).toMatchObject({ status: 401 });
  });

  it('tells who is signed in (auth.me)', async () => {
    const session = await register(stack);
    const me = await send(stack, AuthOperations.me, {}, callerOf(session));
    expect(me).toMatchObject({ user: { id: session.user.id }, organization: { id: session.organization.id }, role: 'owner' });
    expect(await failure(send(stack, AuthOperations.me, {}, anonymous()))).toMatchObject({ status: 401 });
  });

  it('changes the password only with the current one and signs out every session', async () => {
    const session = await register(stack);
    const caller = callerOf(session);
    const wrong = await failure(
      send(stack, ProfileOperations.changePassword, { currentPassword: 'not it at all', newPassword: 'a brand new secret' }, caller),
    );
    expect(wrong).toMatchObject({ status: 422, errors: [{ field: 'currentPassword' }] });

    await send(stack, ProfileOperations.changePassword, { currentPassword: PASSWORD, newPassword: 'a brand new secret' }, caller);
    expect(await failure(refresh(session.refreshToken))).toMatchObject({ status: 401 });
    expect((await failure(login(session.user.email, PASSWORD))).status).toBe(401);
    expect((await login(session.user.email, 'a brand new secret')).user.id).toBe(session.user.id);
  });

  it('updates the profile, preferences and notification settings (PATCH semantics)', async () => {
    const caller = callerOf(await register(stack));
    await send(stack, ProfileOperations.update, { name: 'Anna Meier', phone: '+49 30 1234567' }, caller);
    await send(stack, ProfileOperations.updatePreferences, { theme: 'dark' }, caller);
    await send(stack, ProfileOperations.updatePreferences, { language: 'en-GB' }, caller);
    await send(stack, ProfileOperations.updateNotifications, { email: false, digest: 'weekly' }, caller);
    const profile = await send(stack, ProfileOperations.get, {}, caller);
    expect(profile).toMatchObject({
      name: 'Anna Meier',
      phone: '+49 30 1234567',
      locale: 'de-DE',
      preferences: { theme: 'dark', language: 'en-GB' },
      notificationSettings: { email: false, digest: 'weekly' },
    });
    const invalid = await failure(stack.rpc.request(ProfileOperations.updatePreferences.subject, { theme: 'neon', unknown: 1 }, caller));
    expect(invalid.status).toBe(422);
  });

  it('stores an avatar only when it is a small image of the declared type', async () => {
    const caller = callerOf(await register(stack));
    const set = (contentType: string, data: Buffer): Promise<unknown> =>
      send(stack, ProfileOperations.setAvatar, { contentType, data: data.toString('base64') }, caller);
    expect(await failure(send(stack, ProfileOperations.getAvatar, {}, caller))).toMatchObject({ status: 404 });

    expect(await set('image/png', PNG)).toEqual({ contentType: 'image/png', size: PNG.length });
    expect(await send(stack, ProfileOperations.getAvatar, {}, caller)).toEqual({
      contentType: 'image/png',
      data: PNG.toString('base64'),
      size: PNG.length,
    });
    expect((await send(stack, ProfileOperations.get, {}, caller)).hasAvatar).toBe(true);

    expect(await failure(set('image/svg+xml', Buffer.from('<svg/>')))).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await failure(set('image/jpeg', PNG))).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await failure(set('image/png', Buffer.concat([PNG, Buffer.alloc(512 * 1024)])))).toMatchObject({ status: 413 });
  });

  it('provisions Authelia users into the configured organization, once', async () => {
    const owner = await register(stack);
    const request: ProvisionTrustedDto = { username: 'ben', email: 'Ben@Example.de', name: 'Ben Braun', roles: ['viewer', 'manager'], organizationId: owner.organization.id };
    const first = await send(stack, AuthOperations.provisionTrusted, request, anonymous());
    expect(first).toMatchObject({ organizationId: owner.organization.id, email: 'ben@example.de', name: 'Ben Braun', roles: ['manager'] });
    expect(first.scopes.sort()).toEqual(['delete', 'read', 'write']);
    const again = await send(stack, AuthOperations.provisionTrusted, { ...request, roles: ['agent'] }, anonymous());
    expect(again).toMatchObject({ userId: first.userId, roles: ['agent'] });
  });
});
