import { discoveryMessages } from './discovery';

const device = {
  id: '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e',
  organizationId: 'org',
  name: 'Front door',
  type: 'lock' as const,
  manufacturer: 'Acme',
  model: null,
  serialNumber: null,
  metrics: ['battery'],
};

describe('Home Assistant discovery', () => {
  it('announces one sensor per metric and the native lock entity', () => {
    const messages = discoveryMessages(device, { discoveryPrefix: 'homeassistant', mqttPrefix: 'qt' });
    expect(messages.map((message) => message.topic)).toEqual([
      'homeassistant/sensor/quartier_5f0c8a4e8a434d8e9c611a1b6f1d2c3e/battery/config',
      'homeassistant/lock/quartier_5f0c8a4e8a434d8e9c611a1b6f1d2c3e/lock/config',
    ]);
    expect(messages[0].payload).toMatchObject({ state_topic: `qt/org/${device.id}/telemetry`, device: { name: 'Front door', manufacturer: 'Acme' } });
    expect(messages[1].payload).toMatchObject({ command_topic: `qt/org/${device.id}/command`, state_topic: `qt/org/${device.id}/state` });
  });

  it('announces nothing for a device without metrics or native entity', () => {
    expect(discoveryMessages({ ...device, type: 'hub', metrics: [] }, { discoveryPrefix: 'ha', mqttPrefix: 'qt' })).toEqual([]);
  });
});
