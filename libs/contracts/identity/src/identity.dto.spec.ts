import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AcceptInvitationDto,
  AddMemberDto,
  CheckLimitDto,
  ConfirmPasswordResetDto,
  CreateInvitationDto,
  ListAuditLogsDto,
  ListInvitationsDto,
  LoginRequestMessage,
  PasswordResetRequestMessage,
  ProvisionTrustedDto,
  RegisterDto,
} from './index';

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

  it('validates password-reset messages, including the client address the gateway adds', () => {
    expect(invalidFields(PasswordResetRequestMessage, { email: 'anna@example.de', clientIp: '2001:db8::1' })).toEqual([]);
    expect(invalidFields(PasswordResetRequestMessage, { email: 'anna', clientIp: 'localhost' }).sort()).toEqual(['clientIp', 'email']);
    expect(invalidFields(ConfirmPasswordResetDto, { token: '', newPassword: 'short' }).sort()).toEqual(['newPassword', 'token']);
  });

  it('validates login messages, including the client address the gateway adds', () => {
    expect(invalidFields(LoginRequestMessage, { email: 'anna@example.de', password: 'x', clientIp: '203.0.113.7' })).toEqual([]);
    expect(invalidFields(LoginRequestMessage, { email: 'anna@example.de', password: '', clientIp: 'somewhere' }).sort()).toEqual(['clientIp', 'password']);
  });

  it('validates invitations: known roles and statuses, optional account details with the password rules', () => {
    expect(invalidFields(CreateInvitationDto, { email: 'ben@example.de', role: 'agent' })).toEqual([]);
    expect(invalidFields(CreateInvitationDto, { email: 'ben@example.de', role: 'tenant' })).toEqual(['role']);
    expect(invalidFields(ListInvitationsDto, { status: 'pending', page: '1' })).toEqual([]);
    expect(invalidFields(ListInvitationsDto, { status: 'lost' })).toEqual(['status']);
    expect(invalidFields(AcceptInvitationDto, { token: 't' })).toEqual([]);
    expect(invalidFields(AcceptInvitationDto, { token: 't', name: '', password: 'short' }).sort()).toEqual(['name', 'password']);
  });
});
