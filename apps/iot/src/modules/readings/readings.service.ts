import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { IotErrorCode, ReadingAggregateResponse, ReadingQueryDto, ReadingResponse } from '@quartier/contracts-iot';
import { allowListedSort, rpcError } from '@quartier/messaging';
import { DevicesService } from '../devices/devices.service';
import { MAX_BUCKETS, TimeRange, bucketCount, resolveRange } from './bucketing';

/** Aggregated rows returned at most, across all series of one query. */
const MAX_AGGREGATE_ROWS = 20_000;

interface Filter {
  sql: string;
  params: unknown[];
  range: TimeRange;
}

@Injectable()
export class ReadingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DevicesService,
  ) {}

  async list(caller: OrgCaller, query: ReadingQueryDto): Promise<Page<ReadingResponse>> {
    const filter = await this.filter(caller, query);
    const { page, size, offset } = pageParams(query);
    const [{ direction }] = allowListedSort(query.sort, ['recordedAt'], '-recordedAt');
    // Readings have no id: device, metric and value complete the order of equal timestamps, so
    // pages neither repeat nor skip them.
    // One snapshot for the page and its total: ingestion commits all the time, and two separate
    // statements could count readings the page does not list.
    const [rows, [{ total }]] = await this.dataSource.transaction('REPEATABLE READ', async (manager) => [
      (await manager.query(
        `SELECT device_id, metric, value, recorded_at FROM readings WHERE ${filter.sql}
         ORDER BY recorded_at ${direction}, device_id, metric, value LIMIT ${size} OFFSET ${offset}`,
        filter.params,
      )) as { device_id: string; metric: string; value: number; recorded_at: Date }[],
      (await manager.query(`SELECT count(*)::int AS total FROM readings WHERE ${filter.sql}`, filter.params)) as { total: number }[],
    ]);
    const items = rows.map((row) => ({ deviceId: row.device_id, metric: row.metric, value: row.value, recordedAt: row.recorded_at.toISOString() }));
    return pageOf(items, total, page, size);
  }

  /** avg/min/max/count per device, metric and UTC bucket, oldest first. */
  async aggregate(caller: OrgCaller, query: ReadingQueryDto): Promise<ReadingAggregateResponse> {
    const bucket = query.bucket ?? 'hour';
    const filter = await this.filter(caller, query);
    if (bucketCount(filter.range, bucket) > MAX_BUCKETS) {
      throw rpcError(422, IotErrorCode.INVALID_RANGE, `The range spans more than ${MAX_BUCKETS} ${bucket} buckets; pick a coarser bucket or a shorter range`);
    }
    const params = [...filter.params, bucket];
    const rows: { device_id: string; metric: string; bucket_start: Date; avg: number; min: number; max: number; count: number }[] =
      await this.dataSource.query(
        `SELECT device_id, metric, date_trunc($${params.length}, recorded_at, 'UTC') AS bucket_start,
                avg(value) AS avg, min(value) AS min, max(value) AS max, count(*)::int AS count
           FROM readings WHERE ${filter.sql}
          GROUP BY 1, 2, 3 ORDER BY 3, 1, 2 LIMIT ${MAX_AGGREGATE_ROWS}`,
        params,
      );
    return {
      bucket,
      from: filter.range.from.toISOString(),
      to: filter.range.to.toISOString(),
      items: rows.map((row) => ({
        deviceId: row.device_id,
        metric: row.metric,
        bucketStart: row.bucket_start.toISOString(),
        avg: row.avg,
        min: row.min,
        max: row.max,
        count: row.count,
      })),
    };
  }

  /** The latest value of every metric of a device. */
  async latest(caller: OrgCaller, deviceId: string): Promise<ReadingResponse[]> {
    await this.devices.load(caller.organizationId, deviceId);
    const rows: { metric: string; value: number; recorded_at: Date }[] = await this.dataSource.query(
      'SELECT metric, value, recorded_at FROM latest_readings WHERE organization_id = $1 AND device_id = $2 ORDER BY metric',
      [caller.organizationId, deviceId],
    );
    return rows.map((row) => ({ deviceId, metric: row.metric, value: row.value, recordedAt: row.recorded_at.toISOString() }));
  }

  private async filter(caller: OrgCaller, query: ReadingQueryDto): Promise<Filter> {
    const range = resolveRange(query.from, query.to, new Date());
    if (!range) throw rpcError(422, IotErrorCode.INVALID_RANGE, '`from` must be before `to`');
    // A device of another organization is a 404, not an empty list.
    if (query.deviceId) await this.devices.load(caller.organizationId, query.deviceId);
    const params: unknown[] = [caller.organizationId, range.from.toISOString(), range.to.toISOString()];
    let sql = 'organization_id = $1 AND recorded_at >= $2 AND recorded_at < $3';
    if (query.deviceId) {
      params.push(query.deviceId);
      sql += ` AND device_id = $${params.length}`;
    }
    if (query.metric) {
      params.push(query.metric);
      sql += ` AND metric = $${params.length}`;
    }
    return { sql, params, range };
  }
}
