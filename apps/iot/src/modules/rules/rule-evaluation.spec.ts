import { RuleConditionDto, RuleTriggerDto } from '@quartier/contracts-iot';
import { RuleSnapshot, conditionsHold, evaluateRule } from './rule-evaluation';
import { validateRuleShape } from './rule-validation';

const device = 'd1';
const at = (iso: string): Date => new Date(`2026-01-05T${iso}Z`);
const reading = (value: number, time: string) => ({ kind: 'reading' as const, deviceId: device, metric: 'temperature', value, at: at(time) });
const none = (): undefined => undefined;

function rule(trigger: Partial<RuleTriggerDto>, conditions: RuleConditionDto[] = []): RuleSnapshot {
  return {
    trigger: { type: 'threshold', deviceId: device, metric: 'temperature', operator: 'gt', value: 30, ...trigger },
    conditions,
    firing: false,
    pendingSince: null,
    lastFiredAt: null,
  };
}

/** Feeds signals through a rule like the engine does, collecting fire/clear decisions. */
function run(snapshot: RuleSnapshot, signals: Parameters<typeof evaluateRule>[1][]): string[] {
  const log: string[] = [];
  let state = snapshot;
  for (const signal of signals) {
    const outcome = evaluateRule(state, signal, none);
    if (outcome.fire) log.push('fire');
    if (outcome.clear) log.push('clear');
    state = { ...state, firing: outcome.firing, pendingSince: outcome.pendingSince, lastFiredAt: outcome.fire ? signal.at : state.lastFiredAt };
  }
  return log;
}

describe('threshold rules', () => {
  it('fire once while the threshold holds, and again only after clearing', () => {
    expect(run(rule({}), [reading(31, '10:00:00'), reading(35, '10:01:00'), reading(20, '10:02:00'), reading(32, '10:03:00')])).toEqual([
      'fire',
      'clear',
      'fire',
    ]);
  });

  it('wait for the breach to last the duration', () => {
    const slow = rule({ durationSeconds: 120 });
    expect(run(slow, [reading(31, '10:00:00'), reading(31, '10:01:00'), reading(31, '10:02:00')])).toEqual(['fire']);
    expect(run(slow, [reading(31, '10:00:00'), reading(20, '10:01:00'), reading(31, '10:02:00'), reading(31, '10:03:00')])).toEqual([]);
  });

  it('ignore other devices and metrics', () => {
    const other = { kind: 'reading' as const, deviceId: 'd2', metric: 'temperature', value: 99, at: at('10:00:00') };
    expect(run(rule({}), [other, { ...reading(99, '10:00:00'), metric: 'humidity' }])).toEqual([]);
  });
});

describe('state, offline and schedule rules', () => {
  it('fire on a matching state and clear on another', () => {
    const door = rule({ type: 'state', property: 'door', equals: 'open' });
    const state = (value: string, time: string) => ({ kind: 'state' as const, deviceId: device, state: { door: value }, at: at(time) });
    expect(run(door, [state('open', '10:00:00'), state('open', '10:00:01'), state('closed', '10:00:02')])).toEqual(['fire', 'clear']);
  });

  it('fire when the device goes offline, clear when it is back', () => {
    const offline = rule({ type: 'offline' });
    const connectivity = (online: boolean, time: string) => ({ kind: 'connectivity' as const, deviceId: device, online, at: at(time) });
    expect(run(offline, [connectivity(false, '10:00:00'), connectivity(false, '10:05:00'), connectivity(true, '10:06:00')])).toEqual(['fire', 'clear']);
  });

  it('fire a schedule once per interval', () => {
    const hourly = rule({ type: 'schedule', intervalMinutes: 60 });
    const tick = (time: string) => ({ kind: 'tick' as const, at: at(time) });
    expect(run(hourly, [tick('10:00:00'), tick('10:30:00'), tick('11:00:00')])).toEqual(['fire', 'fire']);
  });
});

describe('conditions', () => {
  it('hold inside a time window that wraps past midnight', () => {
    const night: RuleConditionDto[] = [{ type: 'time_window', from: '22:00', to: '06:00' }];
    expect(conditionsHold(night, at('23:30:00'), none)).toBe(true);
    expect(conditionsHold(night, at('05:59:00'), none)).toBe(true);
    expect(conditionsHold(night, at('12:00:00'), none)).toBe(false);
  });

  it('check weekdays and the latest value of another metric', () => {
    // 2026-01-05 is a Monday.
    expect(conditionsHold([{ type: 'weekdays', days: [1] }], at('12:00:00'), none)).toBe(true);
    expect(conditionsHold([{ type: 'weekdays', days: [0, 6] }], at('12:00:00'), none)).toBe(false);
    const humid: RuleConditionDto[] = [{ type: 'metric', metric: 'humidity', operator: 'gte', value: 70 }];
    expect(conditionsHold(humid, at('12:00:00'), () => 75, device)).toBe(true);
    expect(conditionsHold(humid, at('12:00:00'), () => 50, device)).toBe(false);
    expect(conditionsHold(humid, at('12:00:00'), none, device)).toBe(false);
  });

  it('keep a breached rule pending until its conditions hold', () => {
    const nightOnly = rule({}, [{ type: 'time_window', from: '22:00', to: '06:00' }]);
    expect(run(nightOnly, [reading(31, '21:59:00'), reading(31, '22:00:00'), reading(31, '22:01:00')])).toEqual(['fire']);
  });
});

describe('rule shape validation', () => {
  it('names the fields each trigger and action type needs', () => {
    const errors = validateRuleShape({ type: 'threshold', deviceId: device }, [{ type: 'weekdays' }], [{ type: 'command' }, { type: 'notify' }]);
    expect(errors.map((error) => error.field)).toEqual([
      'trigger.metric',
      'trigger.operator',
      'trigger.value',
      'conditions.0.days',
      'actions.0.command',
      'actions.1.message',
    ]);
    expect(validateRuleShape({ type: 'schedule', intervalMinutes: 5 }, [], [{ type: 'alert' }])).toEqual([
      { field: 'actions.0.type', message: 'alert actions need a device trigger' },
    ]);
  });
});
