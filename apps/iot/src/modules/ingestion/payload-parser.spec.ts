import { parseCommandResponse, parseEvent, parseState, parseTelemetry, parseTimestamp } from './payload-parser';

const now = new Date('2026-01-01T12:00:00Z');
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('telemetry payloads', () => {
  it('reads flat and nested metrics with the device timestamp', () => {
    expect(parseTelemetry(json({ ts: '2026-01-01T11:59:00Z', temperature: 21.5, humidity: 40 }), now)).toEqual({
      recordedAt: new Date('2026-01-01T11:59:00Z'),
      deviceTimestamped: true,
      values: [
        { metric: 'temperature', value: 21.5 },
        { metric: 'humidity', value: 40 },
      ],
    });
    expect(parseTelemetry(json({ metrics: { power: 3 } }), now)).toEqual({ recordedAt: now, deviceTimestamped: false, values: [{ metric: 'power', value: 3 }] });
  });

  it('rejects what cannot be stored', () => {
    expect(parseTelemetry(Buffer.from('not json'), now)).toBeUndefined();
    expect(parseTelemetry(json([1, 2]), now)).toBeUndefined();
    expect(parseTelemetry(json({ ts: 1 }), now)).toBeUndefined();
    expect(parseTelemetry(json({ temperature: 'warm' }), now)).toBeUndefined();
    expect(parseTelemetry(json({ 'bad metric': 1 }), now)).toBeUndefined();
    expect(parseTelemetry(json({ ts: '2026-01-02T12:00:00Z', temperature: 1 }), now)).toBeUndefined();
  });

  it('accepts epoch seconds and milliseconds', () => {
    expect(parseTimestamp(1767268800, now)).toEqual(new Date('2026-01-01T12:00:00Z'));
    expect(parseTimestamp(1767268800000, now)).toEqual(new Date('2026-01-01T12:00:00Z'));
    expect(parseTimestamp('yesterday', now)).toBeUndefined();
  });
});

describe('state, event and command response payloads', () => {
  it('keeps scalar state properties only', () => {
    expect(parseState(json({ door: 'open', battery: 80, ts: 1 }))).toEqual({ door: 'open', battery: 80 });
    expect(parseState(json({ nested: { a: 1 } }))).toBeUndefined();
  });

  it('needs an event type', () => {
    expect(parseEvent(json({ type: 'button_pressed' }), now)?.type).toBe('button_pressed');
    expect(parseEvent(json({ kind: 'x' }), now)).toBeUndefined();
  });

  it('reads command responses', () => {
    const commandId = '5f0c8a4e-8a43-4d8e-9c61-1a1b6f1d2c3e';
    expect(parseCommandResponse(json({ commandId, status: 'ok' }))?.success).toBe(true);
    expect(parseCommandResponse(json({ commandId, status: 'error', reason: 'jammed' }))?.success).toBe(false);
    expect(parseCommandResponse(json({ commandId: 'x', status: 'ok' }))).toBeUndefined();
  });
});
