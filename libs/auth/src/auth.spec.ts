import { PLATFORM_OPERATOR } from '@quartier/contracts-shared';
import { isAllowed } from './access';
import { isResidentOnly, scopesForRoles } from './roles';
import { isTrustedSource, parseCidrs, parseGroupRoles, parseTrustedHeaders } from './trusted-headers';

describe('roles and scopes', () => {
  it('derives scopes from roles', () => {
    expect(scopesForRoles(['viewer'])).toEqual(['read']);
    expect(scopesForRoles(['agent', 'viewer']).sort()).toEqual(['read', 'write']);
    expect(scopesForRoles(['owner'])).toContain('admin');
  });

  it('allows only callers with every scope and one of the roles', () => {
    const viewer = { roles: ['viewer' as const], scopes: scopesForRoles(['viewer']) };
    expect(isAllowed(viewer, { scopes: ['read'] })).toBe(true);
    expect(isAllowed(viewer, { scopes: ['write'] })).toBe(false);
    expect(isAllowed(viewer, { roles: ['owner', 'admin'] })).toBe(false);
    expect(isAllowed({ roles: ['admin'], scopes: scopesForRoles(['admin']) }, { roles: ['owner', 'admin'], scopes: ['admin'] })).toBe(true);
  });

  it('keeps platform-wide actions from every organization role, the owner included', () => {
    const platformWide = { scopes: [], roles: [PLATFORM_OPERATOR] as const };
    expect(isAllowed({ roles: ['owner'], scopes: scopesForRoles(['owner']) }, platformWide)).toBe(false);
    expect(isAllowed({ roles: ['viewer', PLATFORM_OPERATOR], scopes: scopesForRoles(['viewer']) }, platformWide)).toBe(true);
  });
});

describe('residents', () => {
  it('counts a caller as resident only without any staff role', () => {
    expect(isResidentOnly(['resident'])).toBe(true);
    expect(isResidentOnly(['resident', 'manager'])).toBe(false);
    expect(isResidentOnly(['owner'])).toBe(false);
  });
});

describe('trusted headers', () => {
  const proxies = parseCidrs(['10.0.0.0/8', '127.0.0.1', '::1']);

  it('trusts only configured proxy addresses', () => {
    expect(isTrustedSource(proxies, '10.1.2.3')).toBe(true);
    expect(isTrustedSource(proxies, '::ffff:127.0.0.1')).toBe(true);
    expect(isTrustedSource(proxies, '::1')).toBe(true);
    expect(isTrustedSource(proxies, '192.168.1.1')).toBe(false);
    expect(isTrustedSource(proxies, undefined)).toBe(false);
  });

  it('rejects malformed proxy lists and group mappings', () => {
    expect(() => parseCidrs(['not-an-ip'])).toThrow('Invalid proxy address');
    expect(() => parseGroupRoles(['admins:superuser'])).toThrow('Invalid group mapping');
    // The installation names its operators in identity; an identity provider's group cannot grant the role.
    expect(() => parseGroupRoles([`ops:${PLATFORM_OPERATOR}`])).toThrow('Invalid group mapping');
  });

  it('maps Authelia groups to roles', () => {
    const groupRoles = parseGroupRoles(['qt-admins:admin', 'qt-staff:manager']);
    const identity = parseTrustedHeaders(
      { 'remote-user': 'anna', 'remote-email': 'anna@example.de', 'remote-groups': 'qt-staff, other', 'remote-name': 'Anna' },
      groupRoles,
      'viewer',
    );
    expect(identity).toEqual({ username: 'anna', email: 'anna@example.de', name: 'Anna', roles: ['manager'] });
    expect(parseTrustedHeaders({ 'remote-user': 'bob', 'remote-email': 'b@x.de' }, groupRoles, 'viewer')?.roles).toEqual(['viewer']);
    expect(parseTrustedHeaders({ 'remote-user': 'bob' }, groupRoles, 'viewer')).toBeUndefined();
  });
});
