import { EmptyRequest, OperationDescriptor, OperationHttp, defineOperation, pathParameters, subjectsOf } from './operation';

class ShelfView {
  name!: string;
}

const http: OperationHttp = { method: 'POST', path: '/shelves/clear', status: 204, tags: ['library'], summary: 'Clear' };

const base: OperationDescriptor<EmptyRequest, ShelfView, 'SHELF_LOCKED'> = {
  service: 'library',
  subject: 'library.v1.shelves.clear',
  request: EmptyRequest,
  response: ShelfView,
  http,
  access: { scopes: ['delete'] },
  paged: false,
  idempotency: 'none',
  errors: { SHELF_LOCKED: 409 },
};

describe('defineOperation', () => {
  it('returns the declaration frozen, errors included', () => {
    const operation = defineOperation(base);
    expect(operation).toEqual(base);
    expect(Object.isFrozen(operation) && Object.isFrozen(operation.errors)).toBe(true);
  });

  it('refuses a subject outside its service or without a version and a relative path', () => {
    expect(() => defineOperation({ ...base, subject: 'shelves.v1.clear' })).toThrow('with service library');
    expect(() => defineOperation({ ...base, subject: 'library.shelves.clear' })).toThrow('<service>.v<n>.<action>');
    expect(() => defineOperation({ ...base, http: { ...http, path: 'shelves/clear' } })).toThrow('must start with /');
  });

  it('reads path parameters and the subjects of a group', () => {
    expect(pathParameters('/shelves/:shelfId/books/:id')).toEqual(['shelfId', 'id']);
    expect(pathParameters('/shelves')).toEqual([]);
    expect(subjectsOf({ clear: defineOperation(base) })).toEqual({ clear: 'library.v1.shelves.clear' });
  });
});
