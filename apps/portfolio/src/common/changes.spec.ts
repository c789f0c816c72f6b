import { givenFields } from './changes';

describe('partial updates', () => {
  it('keeps given fields, skips absent ones and keeps null, which clears a field', () => {
    const changes = { name: 'New', description: null, rooms: undefined } as { name?: string | null; description?: string | null; rooms?: number };
    expect(givenFields(changes)).toEqual({ name: 'New', description: null });
  });
});
