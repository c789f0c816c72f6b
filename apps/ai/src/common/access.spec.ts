import { RpcException } from '@nestjs/microservices';
import { requireStaff } from './access';

const caller = (roles: string[], scopes: string[]) => ({ requestId: 'r', roles, scopes }) as never;

describe('document access', () => {
  it('lets staff with the scope in and keeps residents and read-only staff out', () => {
    expect(() => requireStaff(caller(['manager'], ['read', 'write']), 'write')).not.toThrow();
    expect(() => requireStaff(caller(['viewer'], ['read']), 'write')).toThrow(RpcException);
    expect(() => requireStaff(caller(['resident'], ['read', 'write']), 'read')).toThrow(RpcException);
  });

  it('treats a resident who is also staff as staff', () => {
    expect(() => requireStaff(caller(['resident', 'agent'], ['read']), 'read')).not.toThrow();
  });
});
