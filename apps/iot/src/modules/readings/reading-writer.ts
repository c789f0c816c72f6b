import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ReadingRow {
  organizationId: string;
  deviceId: string;
  metric: string;
  value: number;
  recordedAt: Date;
  /** recordedAt is the device's own time: the row is keyed, and a redelivery of it is skipped. */
  deviceTimestamped: boolean;
}

/**
 * Batched writes: one multi-row INSERT (arrays unnested server-side, so the statement has six
 * parameters whatever the batch size) plus one upsert of the latest value per device and
 * metric, which only moves forward in time. A device-timestamped reading already stored (the
 * broker redelivers what was committed but not acknowledged) is skipped, not stored twice.
 */
@Injectable()
export class ReadingWriter {
  constructor(private readonly dataSource: DataSource) {}

  /** Resolves to the number of rows stored (redelivered readings are not counted). */
  async write(rows: ReadingRow[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (rows.length === 0) return 0;
    const [{ stored }] = (await manager.query(
      `WITH inserted AS (
         INSERT INTO readings (organization_id, device_id, metric, value, recorded_at, device_timestamped)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::timestamptz[], $6::bool[])
         ON CONFLICT (device_id, metric, recorded_at) WHERE device_timestamped DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS stored FROM inserted`,
      [...columns(rows), rows.map((row) => row.deviceTimestamped)],
    )) as [{ stored: number }];
    const latest = new Map<string, ReadingRow>();
    for (const row of rows) {
      const key = `${row.deviceId}/${row.metric}`;
      const current = latest.get(key);
      if (!current || current.recordedAt <= row.recordedAt) latest.set(key, row);
    }
    // Sorted keys keep concurrent writers from deadlocking on the same rows.
    const ordered = [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    await manager.query(
      `INSERT INTO latest_readings (organization_id, device_id, metric, value, recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::timestamptz[])
       ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at
       WHERE latest_readings.recorded_at <= excluded.recorded_at`,
      columns(ordered),
    );
    return stored;
  }
}

function columns(rows: ReadingRow[]): unknown[] {
  return [
    rows.map((row) => row.organizationId),
    rows.map((row) => row.deviceId),
    rows.map((row) => row.metric),
    rows.map((row) => row.value),
    rows.map((row) => row.recordedAt.toISOString()),
  ];
}
