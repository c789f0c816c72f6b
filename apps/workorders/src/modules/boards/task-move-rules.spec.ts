import { checkMove, placeTask, validateColumns } from './task-move-rules';

describe('checkMove', () => {
  const review = { key: 'review', wipLimit: 2, allowedFrom: ['in_progress'] };

  it('allows a move from an allowed column under the WIP limit', () => {
    expect(checkMove('in_progress', review, 1)).toEqual({ ok: true });
  });

  it('refuses a move from a column the target does not accept, naming the accepted ones', () => {
    const result = checkMove('backlog', review, 0);
    expect(result).toMatchObject({ ok: false, reason: 'not_allowed', details: { allowedFrom: ['in_progress'] } });
    expect(!result.ok && result.message).toBe('Tasks cannot move from backlog to review; review accepts tasks from: in_progress');
  });

  it('refuses a move into a full column', () => {
    const result = checkMove('in_progress', review, 2);
    expect(result).toMatchObject({ ok: false, reason: 'wip_limit', message: 'Column review is at its WIP limit of 2' });
  });

  it('always allows reordering inside the same column, even a full one', () => {
    expect(checkMove('review', review, 5)).toEqual({ ok: true });
  });

  it('accepts any source and any count when the column has no rules', () => {
    expect(checkMove('x', { key: 'todo', wipLimit: null, allowedFrom: null }, 1000)).toEqual({ ok: true });
  });
});

describe('placeTask', () => {
  it('inserts at the position, clamped, or at the end', () => {
    expect(placeTask(['a', 'b'], 't', 0)).toEqual(['t', 'a', 'b']);
    expect(placeTask(['a', 'b'], 't', 1)).toEqual(['a', 't', 'b']);
    expect(placeTask(['a', 'b'], 't', 99)).toEqual(['a', 'b', 't']);
    expect(placeTask(['a', 'b'], 't')).toEqual(['a', 'b', 't']);
  });
});

describe('validateColumns', () => {
  it('reports duplicate keys and unknown allowed sources', () => {
    expect(validateColumns([{ key: 'a' }, { key: 'b', allowedFrom: ['a'] }])).toEqual([]);
    expect(validateColumns([{ key: 'a' }, { key: 'a' }, { key: 'c', allowedFrom: ['zzz'] }])).toEqual([
      { field: 'columns.1.key', message: 'duplicate column key a' },
      { field: 'columns.2.allowedFrom', message: 'zzz is not a column of this board' },
    ]);
  });
});
