import { alertOpensWorkOrder } from './alert.events';

describe('alertOpensWorkOrder', () => {
  it('opens work orders only for high or critical alerts that name a unit', () => {
    expect(alertOpensWorkOrder({ severity: 'critical', unitId: 'u' })).toBe(true);
    expect(alertOpensWorkOrder({ severity: 'high', unitId: 'u' })).toBe(true);
    expect(alertOpensWorkOrder({ severity: 'medium', unitId: 'u' })).toBe(false);
    expect(alertOpensWorkOrder({ severity: 'critical' })).toBe(false);
  });
});
