import { AlertPayload } from '@quartier/contracts-iot';
import { alertWorkOrderDraft } from './alert-work-order';

const alert: AlertPayload = {
  alertId: '7b1d3c2a-1f4e-4c55-9a0b-2d3e4f5a6b7c',
  deviceId: 'd1',
  unitId: '2c9e1b7d-5a4f-4e3b-8c2d-1a0b9c8d7e6f',
  severity: 'critical',
  kind: 'threshold',
  title: 'Water leak',
  message: 'Leak sensor reports water',
  metric: 'moisture',
  value: 97,
  raisedAt: '2026-03-02T08:00:00Z',
};

describe('alertWorkOrderDraft', () => {
  it('opens an emergency for a critical alert and a high-priority order for a high one', () => {
    expect(alertWorkOrderDraft(alert)).toMatchObject({
      alertId: alert.alertId,
      unitId: alert.unitId,
      title: 'Alert: Water leak',
      description: 'Leak sensor reports water (moisture = 97)',
      priority: 'emergency',
    });
    expect(alertWorkOrderDraft({ ...alert, severity: 'high' })?.priority).toBe('high');
  });

  it('opens nothing for lower severities or alerts without a unit', () => {
    expect(alertWorkOrderDraft({ ...alert, severity: 'medium' })).toBeNull();
    expect(alertWorkOrderDraft({ ...alert, unitId: undefined })).toBeNull();
  });

  it('skips payloads whose ids are unusable instead of failing forever', () => {
    expect(alertWorkOrderDraft({ ...alert, alertId: 'not-a-uuid' })).toBeNull();
    expect(alertWorkOrderDraft({ ...alert, unitId: 'u-1' })).toBeNull();
  });

  it('keeps titles within 200 characters and names the kind when the title is empty', () => {
    expect(alertWorkOrderDraft({ ...alert, title: 'x'.repeat(300) })?.title).toHaveLength(200);
    expect(alertWorkOrderDraft({ ...alert, title: ' ' })?.title).toBe('Alert: threshold alert');
  });
});
