import { RuleActionDto } from '@quartier/contracts-iot';
import { Firing, alertsFirst, rememberAlert } from './rule-firing';

const action = (type: RuleActionDto['type']): RuleActionDto => Object.assign(new RuleActionDto(), { type });

describe('alertsFirst', () => {
  it('raises alerts before work orders and keeps the rest in order', () => {
    const actions = [action('work_order'), action('notify'), action('alert'), action('command')];
    expect(alertsFirst(actions).map((a) => a.type)).toEqual(['alert', 'work_order', 'notify', 'command']);
  });
});

describe('rememberAlert', () => {
  it('names the alert of the firing', () => {
    const firing: Firing = {};
    rememberAlert(firing, { id: 'a1', severity: 'medium', unitId: null });
    expect(firing.alertId).toBe('a1');
  });

  it('prefers an alert that opens a work order by itself, so only one work order exists', () => {
    const firing: Firing = {};
    rememberAlert(firing, { id: 'low', severity: 'low', unitId: 'u1' });
    rememberAlert(firing, { id: 'critical', severity: 'critical', unitId: 'u1' });
    rememberAlert(firing, { id: 'later', severity: 'high', unitId: 'u1' });
    expect(firing.alertId).toBe('critical');
  });
});
