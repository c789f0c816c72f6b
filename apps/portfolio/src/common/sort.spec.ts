import { RpcException } from '@nestjs/microservices';
import { RpcErrorBody } from '@quartier/contracts-shared';
import { orderFor } from './list';

const allowed = { city: 'p.city', createdAt: 'p.created_at' };

describe('sort allow-list', () => {
  it('maps fields to columns with their direction, the id column last', () => {
    expect(orderFor({ sort: 'city,-createdAt' }, allowed, '-createdAt', 'p.id')).toEqual([
      { column: 'p.city', direction: 'ASC' },
      { column: 'p.created_at', direction: 'DESC' },
      { column: 'p.id', direction: 'ASC' },
    ]);
  });

  it('falls back to the default order when no sort is given', () => {
    const fallback = [
      { column: 'p.created_at', direction: 'DESC' },
      { column: 'p.id', direction: 'ASC' },
    ];
    expect(orderFor({}, allowed, '-createdAt', 'p.id')).toEqual(fallback);
    expect(orderFor({ sort: '' }, allowed, '-createdAt', 'p.id')).toEqual(fallback);
  });

  it('reports every unknown field, including prototype names (422)', () => {
    let error: unknown;
    try {
      orderFor({ sort: 'city,-password,constructor' }, allowed, '-createdAt', 'p.id');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RpcException);
    expect((error as RpcException).getError()).toMatchObject({
      status: 422,
      errors: [{ field: 'sort', message: 'cannot sort by password, constructor; allowed: city, createdAt' }],
    } satisfies Partial<RpcErrorBody>);
  });
});
