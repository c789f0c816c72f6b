import { METRIC_PATTERN } from '@quartier/contracts-iot';

/** How far in the future a device clock may be before its timestamp is rejected. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_VALUES_PER_MESSAGE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MetricValue {
  metric: string;
  value: number;
}

export interface ParsedTelemetry {
  recordedAt: Date;
  /** The time is the device's own (`ts`/`timestamp`), so a redelivered message has the same. */
  deviceTimestamped: boolean;
  values: MetricValue[];
}

export interface ParsedCommandResponse {
  commandId: string;
  success: boolean;
  body: Record<string, unknown>;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function parseObject(payload: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(payload.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `ts`/`timestamp` as epoch milliseconds, epoch seconds or ISO string; absent means "now". */
export function parseTimestamp(raw: unknown, receivedAt: Date): Date | undefined {
  if (raw === undefined) return receivedAt;
  let date: Date;
  if (typeof raw === 'number' && Number.isFinite(raw)) date = new Date(raw < 1e12 ? raw * 1000 : raw);
  else if (typeof raw === 'string' && raw.length <= 40) date = new Date(raw);
  else return undefined;
  if (Number.isNaN(date.getTime()) || date.getTime() > receivedAt.getTime() + MAX_CLOCK_SKEW_MS) return undefined;
  return date;
}

/**
 * Telemetry is a JSON object of numeric metrics, either flat (`{"ts":…, "temperature": 21.5}`)
 * or nested (`{"ts":…, "metrics": {"temperature": 21.5}}`). Anything else is malformed.
 */
export function parseTelemetry(payload: Buffer, receivedAt: Date): ParsedTelemetry | undefined {
  const body = parseObject(payload);
  if (!body) return undefined;
  const rawTimestamp = body.ts ?? body.timestamp;
  const recordedAt = parseTimestamp(rawTimestamp, receivedAt);
  if (!recordedAt) return undefined;
  const nested = body.metrics;
  const source =
    typeof nested === 'object' && nested !== null && !Array.isArray(nested)
      ? (nested as Record<string, unknown>)
      : Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'ts' && key !== 'timestamp'));
  const values: MetricValue[] = [];
  for (const [metric, value] of Object.entries(source)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || !METRIC_PATTERN.test(metric)) return undefined;
    values.push({ metric, value });
  }
  if (values.length === 0 || values.length > MAX_VALUES_PER_MESSAGE) return undefined;
  return { recordedAt, deviceTimestamped: rawTimestamp !== undefined, values };
}

/** State is a JSON object of scalar properties (`{"door": "open", "battery": 80}`). */
export function parseState(payload: Buffer): Record<string, string | number | boolean> | undefined {
  const body = parseObject(payload);
  if (!body) return undefined;
  const entries = Object.entries(body).filter(([key]) => key !== 'ts' && key !== 'timestamp');
  if (entries.length === 0 || entries.length > MAX_VALUES_PER_MESSAGE) return undefined;
  for (const [, value] of entries) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  }
  return Object.fromEntries(entries) as Record<string, string | number | boolean>;
}

/** An event is a JSON object with a `type`. */
export function parseEvent(payload: Buffer, receivedAt: Date): { type: string; occurredAt: Date; body: Record<string, unknown> } | undefined {
  const body = parseObject(payload);
  if (!body || typeof body.type !== 'string' || body.type.length === 0 || body.type.length > 100) return undefined;
  const occurredAt = parseTimestamp(body.ts ?? body.timestamp, receivedAt);
  return occurredAt ? { type: body.type, occurredAt, body } : undefined;
}

/** A device answers a command with `{"commandId": "…", "status": "ok" | "error", …}`. */
export function parseCommandResponse(payload: Buffer): ParsedCommandResponse | undefined {
  const body = parseObject(payload);
  if (!body || typeof body.commandId !== 'string' || !isUuid(body.commandId)) return undefined;
  const status = body.status;
  if (status !== 'ok' && status !== 'error') return undefined;
  return { commandId: body.commandId, success: status === 'ok', body };
}
