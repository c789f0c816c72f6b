import { allowedTransitions, transition } from './work-order-transitions';

describe('work order transitions', () => {
  it('follows open → assigned → in_progress → completed', () => {
    expect(transition('open', 'assign')).toEqual({ ok: true, to: 'assigned' });
    expect(transition('assigned', 'start')).toEqual({ ok: true, to: 'in_progress' });
    expect(transition('in_progress', 'complete')).toEqual({ ok: true, to: 'completed' });
  });

  it('lets an assigned work order be reassigned', () => {
    expect(transition('assigned', 'assign')).toEqual({ ok: true, to: 'assigned' });
  });

  it('cancels from every unfinished status', () => {
    for (const status of ['open', 'assigned', 'in_progress'] as const) {
      expect(transition(status, 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    }
  });

  it('refuses skipping a step and names the allowed transitions', () => {
    const result = transition('open', 'complete');
    expect(result).toEqual({
      ok: false,
      message: 'Cannot complete a work order that is open; allowed: assign (→ assigned), cancel (→ cancelled)',
      allowed: [
        { action: 'assign', to: 'assigned' },
        { action: 'cancel', to: 'cancelled' },
      ],
    });
    expect(transition('open', 'start').ok).toBe(false);
    expect(transition('in_progress', 'assign').ok).toBe(false);
  });

  it('treats completed and cancelled as final', () => {
    expect(allowedTransitions('completed')).toEqual([]);
    const result = transition('cancelled', 'start');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe('Cannot start a work order that is cancelled; allowed: none, the work order is final');
  });
});
