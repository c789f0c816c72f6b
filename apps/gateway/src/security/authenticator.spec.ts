import { principalFromClaims } from './authenticator';

describe('principalFromClaims', () => {
  it('builds the principal from identity access-token claims', () => {
    expect(principalFromClaims({ sub: 'u-1', org: 'o-1', email: 'a@b.de', roles: ['agent'], scopes: ['read', 'write'] })).toEqual({
      userId: 'u-1',
      organizationId: 'o-1',
      email: 'a@b.de',
      roles: ['agent'],
      scopes: ['read', 'write'],
      via: 'jwt',
    });
  });

  it('drops roles and scopes it does not know, and rejects tokens without subject or organization', () => {
    expect(principalFromClaims({ sub: 'u', org: 'o', roles: ['root', 'viewer'], scopes: ['read', 'sudo'] })).toMatchObject({
      roles: ['viewer'],
      scopes: ['read'],
    });
    expect(principalFromClaims({ org: 'o', roles: [] })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u', roles: [] })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u', org: 'o' })).toBeUndefined();
  });
});
