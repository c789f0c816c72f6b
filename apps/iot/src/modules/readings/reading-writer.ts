import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ReadingRow {
  organizationId: string;
  deviceId: string;
  metric: string;
  value: number;
  recordedAt: Date;
}

/**
 * Batched writes: one multi-row INSERT (arrays unnested server-side, so the statement has five
 * parameters whatever the batch size) plus one upsert of the latest value per device and
 * metric, which only moves forward in time.
 */
@Injectable()
export class ReadingWriter {
  constructor(private readonly dataSource: DataSource) {}

  async write(rows: ReadingRow[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO readings (organization_id, device_id, metric, value, recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::timestamptz[])`,
      columns(rows),
    );
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
