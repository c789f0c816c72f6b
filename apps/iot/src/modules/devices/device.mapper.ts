import { DeviceResponse, deviceTopics } from '@quartier/contracts-iot';
import { DeviceEntity } from './device.entity';

export function toDeviceResponse(device: DeviceEntity, mqttPrefix: string): DeviceResponse {
  return {
    id: device.id,
    name: device.name,
    type: device.type,
    unitId: device.unitId,
    buildingId: device.buildingId,
    manufacturer: device.manufacturer,
    model: device.model,
    serialNumber: device.serialNumber,
    metrics: device.metrics,
    active: device.active,
    online: device.online,
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    state: device.state,
    metadata: device.metadata,
    hasCredentials: device.credentials !== null && Object.keys(device.credentials).length > 0,
    topics: deviceTopics(mqttPrefix, device.organizationId, device.id),
    createdAt: device.createdAt.toISOString(),
    updatedAt: device.updatedAt.toISOString(),
  };
}
