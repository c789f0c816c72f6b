import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeviceConnectivityPayload, IotEvent } from '@quartier/contracts-iot';
import { addAllToOutbox, addToOutbox } from '@quartier/db';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { AlertsService } from '../alerts/alerts.service';
import { DeviceInfo } from '../devices/device-directory';
import { RuleEngine } from '../rules/rule-engine.service';

export const OFFLINE_ALERT_KIND = 'offline';

interface OfflineRow {
  id: string;
  organization_id: string;
  unit_id: string | null;
  building_id: string | null;
  name: string;
  last_seen_at: Date | null;
}

/**
 * Online/offline from the last message: a device silent for DEVICE_OFFLINE_AFTER_S goes offline
 * (alert + event + offline rules); its next message brings it back (alert resolved, event).
 */
@Injectable()
export class ConnectivityService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly alerts: AlertsService,
    private readonly rules: RuleEngine,
  ) {}

  /** Maintenance across organizations; the UPDATE … RETURNING hands each device to one replica only. */
  async markOffline(now = new Date()): Promise<number> {
    const devices = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE devices SET online = false
          WHERE online AND active AND last_seen_at < $1
          RETURNING id, organization_id, unit_id, building_id, name, last_seen_at`,
        [new Date(now.getTime() - this.config.DEVICE_OFFLINE_AFTER_S * 1000).toISOString()],
      )) as [OfflineRow[], number];
      for (const row of rows) {
        await this.alerts.raise(manager, {
          organizationId: row.organization_id,
          deviceId: row.id,
          unitId: row.unit_id,
          buildingId: row.building_id,
          ruleId: null,
          severity: 'medium',
          kind: OFFLINE_ALERT_KIND,
          title: `${row.name} is offline`,
          message: `No message since ${row.last_seen_at?.toISOString() ?? 'ever'}`,
          raisedAt: now,
        });
        await addToOutbox(manager, row.organization_id, IotEvent.DEVICE_OFFLINE, this.payload(row.id, row.unit_id, row.building_id, row.last_seen_at));
      }
      return rows.map((row): DeviceInfo => ({
        id: row.id,
        organizationId: row.organization_id,
        unitId: row.unit_id,
        buildingId: row.building_id,
        name: row.name,
        active: true,
      }));
    });
    await this.rules.onSignals(devices.map((device) => ({ device, signal: { kind: 'connectivity', deviceId: device.id, online: false, at: now } })));
    return devices.length;
  }

  /** Devices whose message just brought them back online. */
  async markOnline(devices: DeviceInfo[], at: Date): Promise<void> {
    if (devices.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await this.alerts.resolveClearedForDevices(
        manager,
        OFFLINE_ALERT_KIND,
        devices.map((device) => ({ organizationId: device.organizationId, deviceId: device.id })),
      );
      await addAllToOutbox(
        manager,
        devices.map((device) => ({
          organizationId: device.organizationId,
          type: IotEvent.DEVICE_ONLINE,
          payload: this.payload(device.id, device.unitId, device.buildingId, at),
        })),
      );
    });
    await this.rules.onSignals(devices.map((device) => ({ device, signal: { kind: 'connectivity', deviceId: device.id, online: true, at } })));
  }

  private payload(deviceId: string, unitId: string | null, buildingId: string | null, lastSeenAt: Date | null): DeviceConnectivityPayload {
    return {
      deviceId,
      ...(unitId ? { unitId } : {}),
      ...(buildingId ? { buildingId } : {}),
      lastSeenAt: lastSeenAt?.toISOString() ?? null,
    };
  }
}
