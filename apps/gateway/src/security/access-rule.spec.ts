import { isAllowed, scopesForRoles } from '@quartier/auth';
import { accessRequirement, defaultScopeFor } from './access-rule';

describe('default scope by HTTP method', () => {
  it('maps reads, writes and deletes', () => {
    expect(defaultScopeFor('GET')).toBe('read');
    expect(defaultScopeFor('head')).toBe('read');
    expect(['POST', 'PUT', 'PATCH'].map(defaultScopeFor)).toEqual(['write', 'write', 'write']);
    expect(defaultScopeFor('DELETE')).toBe('delete');
  });

  it('lets a viewer read but not write or delete', () => {
    const viewer = { roles: ['viewer' as const], scopes: scopesForRoles(['viewer']) };
    expect(isAllowed(viewer, accessRequirement('GET', {}))).toBe(true);
    expect(isAllowed(viewer, accessRequirement('POST', {}))).toBe(false);
    expect(isAllowed(viewer, accessRequirement('DELETE', {}))).toBe(false);
  });

  it('lets declared scopes replace the default and keeps declared roles', () => {
    const viewer = { roles: ['viewer' as const], scopes: scopesForRoles(['viewer']) };
    expect(isAllowed(viewer, accessRequirement('PATCH', { scopes: ['read'] }))).toBe(true);
    expect(accessRequirement('GET', { roles: ['owner', 'admin'] })).toEqual({ scopes: ['read'], roles: ['owner', 'admin'] });
    const agent = { roles: ['agent' as const], scopes: scopesForRoles(['agent']) };
    expect(isAllowed(agent, accessRequirement('DELETE', {}))).toBe(false);
  });
});
