import { canChangeMembership, canManageMembers, highestRole, removesLastOwner } from './member-rules';

describe('member rules', () => {
  it('lets only owners and admins manage members', () => {
    expect(canManageMembers(['owner'])).toBe(true);
    expect(canManageMembers(['admin'])).toBe(true);
    expect(canManageMembers(['manager'])).toBe(false);
  });

  it('keeps the owner role in the hands of owners', () => {
    expect(canChangeMembership(['admin'], 'agent', 'manager')).toBe(true);
    expect(canChangeMembership(['admin'], 'agent', 'owner')).toBe(false);
    expect(canChangeMembership(['admin'], 'owner', undefined)).toBe(false);
    expect(canChangeMembership(['owner'], 'owner', 'admin')).toBe(true);
  });

  it('never removes or demotes the last owner', () => {
    expect(removesLastOwner('owner', undefined, 1)).toBe(true);
    expect(removesLastOwner('owner', 'admin', 1)).toBe(true);
    expect(removesLastOwner('owner', 'owner', 1)).toBe(false);
    expect(removesLastOwner('owner', undefined, 2)).toBe(false);
    expect(removesLastOwner('agent', undefined, 1)).toBe(false);
  });

  it('picks the most privileged of several roles', () => {
    expect(highestRole(['viewer', 'admin', 'agent'])).toBe('admin');
    expect(highestRole(['resident'])).toBe('resident');
  });
});
