import { deviceTopics, parseDeviceTopic } from './mqtt-topics';

describe('device topics', () => {
  it('round-trips every inbound channel', () => {
    const topics = deviceTopics('qt', 'org', 'dev');
    expect(parseDeviceTopic('qt', topics.telemetry)).toEqual({ organizationId: 'org', deviceId: 'dev', channel: 'telemetry' });
    expect(parseDeviceTopic('qt', topics.commandResponse)?.channel).toBe('command/response');
  });

  it('ignores foreign prefixes and unknown channels', () => {
    expect(parseDeviceTopic('qt', 'other/org/dev/telemetry')).toBeUndefined();
    expect(parseDeviceTopic('qt', 'qt/org/dev/command')).toBeUndefined();
    expect(parseDeviceTopic('qt', 'qt/org')).toBeUndefined();
  });
});
