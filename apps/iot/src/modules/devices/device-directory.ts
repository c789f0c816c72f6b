import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IOT_CONFIG, IotConfig } from '../../iot.config';

/** What ingestion needs to know about a device. */
export interface DeviceInfo {
  id: string;
  organizationId: string;
  active: boolean;
  unitId: string | null;
  buildingId: string | null;
  name: string;
}

interface CacheEntry {
  info: DeviceInfo | null;
  expiresAt: number;
}

/**
 * Cached device lookups for ingestion, keyed by (organization, device) from the topic, so a
 * flood of messages costs at most one query per device and TTL. Misses are cached too, so
 * unknown devices cannot hammer Postgres. Changes made by this replica invalidate at once;
 * other replicas see them within DEVICE_CACHE_TTL_MS.
 */
@Injectable()
export class DeviceDirectory {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
  ) {}

  async resolve(keys: { organizationId: string; deviceId: string }[]): Promise<Map<string, DeviceInfo | null>> {
    const now = Date.now();
    const result = new Map<string, DeviceInfo | null>();
    const missing = new Map<string, { organizationId: string; deviceId: string }>();
    for (const key of keys) {
      const cacheKey = DeviceDirectory.key(key.organizationId, key.deviceId);
      const entry = this.cache.get(cacheKey);
      if (entry && entry.expiresAt > now) result.set(cacheKey, entry.info);
      else missing.set(cacheKey, key);
    }
    if (missing.size === 0) return result;
    const wanted = [...missing.values()];
    const rows: { id: string; organization_id: string; active: boolean; unit_id: string | null; building_id: string | null; name: string }[] =
      await this.dataSource.query(
        `SELECT d.id, d.organization_id, d.active, d.unit_id, d.building_id, d.name
           FROM devices d
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(organization_id, id) ON d.organization_id = k.organization_id AND d.id = k.id`,
        [wanted.map((key) => key.organizationId), wanted.map((key) => key.deviceId)],
      );
    const expiresAt = now + this.config.DEVICE_CACHE_TTL_MS;
    for (const cacheKey of missing.keys()) this.cache.set(cacheKey, { info: null, expiresAt });
    for (const row of rows) {
      const info: DeviceInfo = {
        id: row.id,
        organizationId: row.organization_id,
        active: row.active,
        unitId: row.unit_id,
        buildingId: row.building_id,
        name: row.name,
      };
      this.cache.set(DeviceDirectory.key(row.organization_id, row.id), { info, expiresAt });
    }
    for (const cacheKey of missing.keys()) result.set(cacheKey, this.cache.get(cacheKey)?.info ?? null);
    return result;
  }

  invalidate(organizationId: string, deviceId: string): void {
    this.cache.delete(DeviceDirectory.key(organizationId, deviceId));
  }

  static key(organizationId: string, deviceId: string): string {
    return `${organizationId}/${deviceId}`;
  }
}
