import { givenFields } from './changes';

describe('partial updates', () => {
  it('keeps given fields, skips absent ones and clears optional ones with null', () => {
    const changes = { name: 'New', description: null, rooms: undefined } as { name?: string | null; description?: string | null; rooms?: number };
    expect(givenFields(changes, ['name'])).toEqual({ fields: { name: 'New', description: null }, errors: [] });
  });

  it('refuses to clear a required field', () => {
    expect(givenFields({ name: null } as { name?: string | null }, ['name']).errors).toEqual([{ field: 'name', message: 'name cannot be cleared' }]);
  });
});
