import { WorkOrderRequestedPayload } from '@quartier/contracts-iot';
import { ruleWorkOrderDraft } from './rule-work-order';

const request: WorkOrderRequestedPayload = {
  ruleId: '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  deviceId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  unitId: '2c9e1b7d-5a4f-4e3b-8c2d-1a0b9c8d7e6f',
  buildingId: '3d0f2c8e-6b5a-4f4c-9d3e-2b1c0d9e8f7a',
  title: 'Check the freezer',
  description: 'Freezer too warm: temperature is -3',
  priority: 'urgent',
};

describe('ruleWorkOrderDraft', () => {
  it('opens a work order for the unit named, with the rule, device and building in its data', () => {
    expect(ruleWorkOrderDraft(request)).toEqual({
      alertId: null,
      unitId: request.unitId,
      title: 'Check the freezer',
      description: 'Freezer too warm: temperature is -3',
      priority: 'emergency',
      data: { ruleId: request.ruleId, deviceId: request.deviceId, buildingId: request.buildingId, requestedPriority: 'urgent' },
    });
  });

  it('maps the rule priorities low|medium|high|urgent to low|normal|high|emergency', () => {
    const mapped = (['low', 'medium', 'high', 'urgent'] as const).map((priority) => ruleWorkOrderDraft({ ...request, priority })?.priority);
    expect(mapped).toEqual(['low', 'normal', 'high', 'emergency']);
    expect(ruleWorkOrderDraft({ ...request, priority: undefined })?.priority).toBe('normal');
  });

  it('carries the alert of the same firing so the alert cannot open a second work order', () => {
    const alertId = '7b1d3c2a-1f4e-4c55-9a0b-2d3e4f5a6b7c';
    expect(ruleWorkOrderDraft({ ...request, alertId })).toMatchObject({ alertId, data: { alertId } });
  });

  it('names the building when the device is not in a unit', () => {
    const draft = ruleWorkOrderDraft({ ...request, unitId: undefined });
    expect(draft).toMatchObject({ unitId: null, description: `Freezer too warm: temperature is -3 (building ${request.buildingId})` });
  });

  it('skips payloads whose ids are unusable and falls back to a generic title', () => {
    expect(ruleWorkOrderDraft({ ...request, unitId: 'u-1' })).toBeNull();
    expect(ruleWorkOrderDraft({ ...request, alertId: 'a-1' })).toBeNull();
    expect(ruleWorkOrderDraft({ ...request, title: ' ' })?.title).toBe('Automation rule work order');
    expect(ruleWorkOrderDraft({ ...request, title: 'x'.repeat(300) })?.title).toHaveLength(200);
  });
});
