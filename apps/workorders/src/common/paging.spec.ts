import { RpcException } from '@nestjs/microservices';
import { isResidentOnly, sortOrder } from './paging';

describe('sortOrder', () => {
  it('falls back when no sort is given and maps fields with their direction', () => {
    expect(sortOrder(undefined, ['title'], { createdAt: 'DESC' })).toEqual({ createdAt: 'DESC' });
    expect(sortOrder('title,-dueAt', ['title', 'dueAt'], { createdAt: 'DESC' })).toEqual({ title: 'ASC', dueAt: 'DESC', id: 'ASC' });
  });

  it('rejects fields outside the allow-list with a 422', () => {
    expect(() => sortOrder('password', ['title'], {})).toThrow(RpcException);
    try {
      sortOrder('password', ['title'], {});
    } catch (error) {
      expect((error as RpcException).getError()).toMatchObject({ status: 422, errors: [{ field: 'sort' }] });
    }
  });
});

describe('isResidentOnly', () => {
  it('is true only for residents without a staff role', () => {
    const base = { requestId: 'r', scopes: [] };
    expect(isResidentOnly({ ...base, roles: ['resident'] })).toBe(true);
    expect(isResidentOnly({ ...base, roles: ['resident', 'manager'] })).toBe(false);
    expect(isResidentOnly({ ...base, roles: ['owner'] })).toBe(false);
  });
});
