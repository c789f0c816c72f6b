import { ComparisonOperator, RuleConditionDto, RuleTriggerDto } from '@quartier/contracts-iot';

/** Something that happened which rules may react to. */
export type RuleSignal =
  | { kind: 'reading'; deviceId: string; metric: string; value: number; at: Date }
  | { kind: 'state'; deviceId: string; state: Record<string, string | number | boolean>; at: Date }
  | { kind: 'connectivity'; deviceId: string; online: boolean; at: Date }
  | { kind: 'tick'; at: Date };

export interface RuleSnapshot {
  trigger: RuleTriggerDto;
  conditions: RuleConditionDto[];
  firing: boolean;
  pendingSince: Date | null;
  lastFiredAt: Date | null;
}

export interface RuleOutcome {
  /** Run the actions now. */
  fire: boolean;
  /** The rule was firing and its trigger no longer holds. */
  clear: boolean;
  firing: boolean;
  pendingSince: Date | null;
}

/** Latest known value of a metric, for `metric` conditions. */
export type LatestValue = (deviceId: string, metric: string) => number | undefined;

export function compare(operator: ComparisonOperator, actual: number, expected: number): boolean {
  switch (operator) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'eq':
      return actual === expected;
    case 'neq':
      return actual !== expected;
  }
}

type TriggerMatch = 'breach' | 'normal' | 'irrelevant';

function matchTrigger(rule: RuleSnapshot, signal: RuleSignal): TriggerMatch {
  const trigger = rule.trigger;
  switch (trigger.type) {
    case 'threshold':
      if (signal.kind !== 'reading' || signal.deviceId !== trigger.deviceId || signal.metric !== trigger.metric) return 'irrelevant';
      return compare(trigger.operator ?? 'gt', signal.value, trigger.value ?? 0) ? 'breach' : 'normal';
    case 'state': {
      if (signal.kind !== 'state' || signal.deviceId !== trigger.deviceId) return 'irrelevant';
      const value = signal.state[trigger.property ?? ''];
      if (value === undefined) return 'irrelevant';
      return String(value) === trigger.equals ? 'breach' : 'normal';
    }
    case 'offline':
      if (signal.kind !== 'connectivity' || signal.deviceId !== trigger.deviceId) return 'irrelevant';
      return signal.online ? 'normal' : 'breach';
    case 'schedule': {
      if (signal.kind !== 'tick') return 'irrelevant';
      const intervalMs = (trigger.intervalMinutes ?? 60) * 60_000;
      const due = rule.lastFiredAt === null || signal.at.getTime() - rule.lastFiredAt.getTime() >= intervalMs;
      return due ? 'breach' : 'irrelevant';
    }
  }
}

function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Every condition must hold at `at` (UTC). A time window may wrap past midnight (22:00–06:00). */
export function conditionsHold(conditions: RuleConditionDto[], at: Date, latest: LatestValue, triggerDeviceId?: string): boolean {
  return conditions.every((condition) => {
    switch (condition.type) {
      case 'time_window': {
        const now = at.getUTCHours() * 60 + at.getUTCMinutes();
        const from = minutesOfDay(condition.from ?? '00:00');
        const to = minutesOfDay(condition.to ?? '23:59');
        return from <= to ? now >= from && now < to : now >= from || now < to;
      }
      case 'weekdays':
        return (condition.days ?? []).includes(at.getUTCDay());
      case 'metric': {
        const deviceId = condition.deviceId ?? triggerDeviceId;
        const value = deviceId && condition.metric ? latest(deviceId, condition.metric) : undefined;
        return value !== undefined && compare(condition.operator ?? 'gt', value, condition.value ?? 0);
      }
    }
  });
}

/**
 * Pure rule step: a breach must last `durationSeconds` (measured on signal timestamps) and pass
 * the conditions before the rule fires; a firing rule does not fire again until a normal signal
 * clears it. Schedule rules fire once per interval and never stay firing.
 */
export function evaluateRule(rule: RuleSnapshot, signal: RuleSignal, latest: LatestValue): RuleOutcome {
  const unchanged: RuleOutcome = { fire: false, clear: false, firing: rule.firing, pendingSince: rule.pendingSince };
  const match = matchTrigger(rule, signal);
  if (match === 'irrelevant') return unchanged;
  if (match === 'normal') return { fire: false, clear: rule.firing, firing: false, pendingSince: null };
  if (rule.firing) return unchanged;
  const pendingSince = rule.pendingSince ?? signal.at;
  const heldMs = signal.at.getTime() - pendingSince.getTime();
  if (heldMs < (rule.trigger.durationSeconds ?? 0) * 1000) return { fire: false, clear: false, firing: false, pendingSince };
  if (!conditionsHold(rule.conditions, signal.at, latest, rule.trigger.deviceId)) {
    return { fire: false, clear: false, firing: false, pendingSince };
  }
  const recurring = rule.trigger.type === 'schedule';
  return { fire: true, clear: false, firing: !recurring, pendingSince: recurring ? null : pendingSince };
}
