import { parsePlatformOperators, tokenRoles } from './platform-operators';

describe('platform operators', () => {
  const user = { sub: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', email: 'ops@example.com' };

  it('adds the operator role to a user listed by email, whatever its case', () => {
    expect(tokenRoles(['viewer'], user, parsePlatformOperators([' OPS@example.com ']))).toEqual(['viewer', 'platform_operator']);
  });

  it('adds the operator role to a user listed by id', () => {
    expect(tokenRoles(['owner'], user, parsePlatformOperators([user.sub.toUpperCase()]))).toEqual(['owner', 'platform_operator']);
  });

  it('gives an organization owner who is not listed only the organization role', () => {
    expect(tokenRoles(['owner'], user, parsePlatformOperators(['someone@example.com', '']))).toEqual(['owner']);
    expect(tokenRoles(['owner'], user, parsePlatformOperators([]))).toEqual(['owner']);
  });

  it('drops an operator role that did not come from the installation’s list', () => {
    expect(tokenRoles(['admin', 'platform_operator'], user, parsePlatformOperators([]))).toEqual(['admin']);
  });
});
