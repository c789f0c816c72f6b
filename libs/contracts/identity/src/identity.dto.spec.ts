import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AddMemberDto, CheckLimitDto, ListAuditLogsDto, ProvisionTrustedDto, RegisterDto } from './index';

function invalidFields<T extends object>(type: new () => T, body: object): string[] {
  return validateSync(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);
}

describe('identity DTOs (validated at the gateway and again in the service)', () => {
  it('requires a usable registration', () => {
    expect(invalidFields(RegisterDto, { email: 'anna@example.de', password: 'long enough pw', name: 'Anna', organizationName: 'Org' })).toEqual([]);
    expect(invalidFields(RegisterDto, { email: 'not-an-email', password: 'short', name: '', organizationName: 'Org', admin: true }).sort()).toEqual([
      'admin',
      'email',
      'name',
      'password',
    ]);
  });

  it('accepts only known roles and limited resources', () => {
    expect(invalidFields(AddMemberDto, { email: 'b@example.de', role: 'superuser' })).toEqual(['role']);
    expect(invalidFields(CheckLimitDto, { resource: 'properties', currentUsage: 3 })).toEqual([]);
    expect(invalidFields(CheckLimitDto, { resource: 'rooms', currentUsage: -1 }).sort()).toEqual(['currentUsage', 'resource']);
    expect(invalidFields(ProvisionTrustedDto, { username: 'a', email: 'a@example.de', roles: [], organizationId: 'x' }).sort()).toEqual([
      'organizationId',
      'roles',
    ]);
  });

  it('parses audit filters from query strings', () => {
    expect(invalidFields(ListAuditLogsDto, { status: '201', page: '2', method: 'POST', from: '2026-11-01T00:00:00Z' })).toEqual([]);
    expect(invalidFields(ListAuditLogsDto, { status: '99', method: 'FETCH' }).sort()).toEqual(['method', 'status']);
  });
});
