import { Inject, Injectable, Logger } from '@nestjs/common';
import { Brackets, DataSource } from 'typeorm';
import { OrgCaller, Page, pageOf, pageParams } from '@quartier/contracts-shared';
import { CreateDeviceDto, DeviceListQueryDto, DeviceResponse, UpdateDeviceDto } from '@quartier/contracts-iot';
import { OrgScopedRepository } from '@quartier/db';
import { notFound } from '@quartier/messaging';
import { IOT_CONFIG, IotConfig } from '../../iot.config';
import { HomeAssistantService } from '../home-assistant/home-assistant.service';
import { sortOrder } from '../sorting';
import { DeviceDirectory } from './device-directory';
import { DevicePlacement } from './device-placement';
import { DeviceEntity } from './device.entity';
import { toDeviceResponse } from './device.mapper';

const SORTABLE = { name: 'name', type: 'type', createdAt: 'created_at', lastSeenAt: 'last_seen_at' } as const;

@Injectable()
export class DevicesService {
  private readonly logger = new Logger('Devices');
  private readonly devices: OrgScopedRepository<DeviceEntity>;

  constructor(
    dataSource: DataSource,
    @Inject(IOT_CONFIG) private readonly config: IotConfig,
    private readonly directory: DeviceDirectory,
    private readonly homeAssistant: HomeAssistantService,
    private readonly placement: DevicePlacement,
  ) {
    this.devices = new OrgScopedRepository(DeviceEntity, dataSource.manager);
  }

  async list(caller: OrgCaller, query: DeviceListQueryDto): Promise<Page<DeviceResponse>> {
    const { page, size, offset } = pageParams(query);
    const builder = this.devices.query(caller.organizationId, 'd');
    if (query.type) builder.andWhere('d.type = :type', { type: query.type });
    if (query.unitId) builder.andWhere('d.unit_id = :unitId', { unitId: query.unitId });
    if (query.buildingId) builder.andWhere('d.building_id = :buildingId', { buildingId: query.buildingId });
    if (query.active !== undefined) builder.andWhere('d.active = :active', { active: query.active });
    if (query.online !== undefined) builder.andWhere('d.online = :online', { online: query.online });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
      builder.andWhere(
        new Brackets((where) =>
          where.where('d.name ILIKE :like', { like }).orWhere('d.manufacturer ILIKE :like').orWhere('d.model ILIKE :like').orWhere('d.serial_number ILIKE :like'),
        ),
      );
    }
    for (const [column, direction] of sortOrder(query.sort, SORTABLE, '-createdAt')) builder.addOrderBy(`d.${column}`, direction);
    const [items, total] = await builder.skip(offset).take(size).getManyAndCount();
    return pageOf(items.map((device) => this.toResponse(device)), total, page, size);
  }

  async byUnit(caller: OrgCaller, unitId: string): Promise<DeviceResponse[]> {
    const devices = await this.devices.find(caller.organizationId, { unitId }, { name: 'ASC' });
    return devices.map((device) => this.toResponse(device));
  }

  async get(caller: OrgCaller, id: string): Promise<DeviceResponse> {
    return this.toResponse(await this.load(caller.organizationId, id));
  }

  /** Loads a device of the organization or throws 404. */
  async load(organizationId: string, id: string): Promise<DeviceEntity> {
    const device = await this.devices.findById(organizationId, id);
    if (!device) throw notFound('Device', id);
    return device;
  }

  async create(caller: OrgCaller, dto: CreateDeviceDto): Promise<DeviceResponse> {
    const { unitId, buildingId } = await this.placement.resolve(caller, { unitId: dto.unitId ?? null, buildingId: dto.buildingId ?? null });
    const device = await this.devices.insert(caller.organizationId, {
      name: dto.name,
      type: dto.type,
      unitId,
      buildingId,
      manufacturer: dto.manufacturer ?? null,
      model: dto.model ?? null,
      serialNumber: dto.serialNumber ?? null,
      metrics: dto.metrics ?? [],
      credentials: dto.credentials ? { ...dto.credentials } : null,
      active: dto.active ?? true,
      metadata: dto.metadata ?? {},
    });
    this.directory.invalidate(caller.organizationId, device.id);
    await this.announce(device);
    return this.toResponse(device);
  }

  async update(caller: OrgCaller, id: string, changes: UpdateDeviceDto): Promise<DeviceResponse> {
    const device = await this.load(caller.organizationId, id);
    const { credentials, unitId, buildingId, ...rest } = changes;
    Object.assign(device, rest);
    if (unitId !== undefined || buildingId !== undefined) {
      // A new unit brings its own building; null clears.
      const unit = unitId !== undefined ? unitId : device.unitId;
      const building = buildingId !== undefined ? buildingId : unitId !== undefined ? null : device.buildingId;
      Object.assign(device, await this.placement.resolve(caller, { unitId: unit ?? null, buildingId: building ?? null }));
    }
    if (credentials !== undefined) device.credentials = { ...credentials };
    const saved = await this.devices.save(caller.organizationId, device);
    this.directory.invalidate(caller.organizationId, id);
    await this.announce(saved);
    return this.toResponse(saved);
  }

  async remove(caller: OrgCaller, id: string): Promise<void> {
    const device = await this.load(caller.organizationId, id);
    await this.devices.deleteById(caller.organizationId, id);
    this.directory.invalidate(caller.organizationId, id);
    await this.homeAssistant.remove(device.discoveryTopics);
  }

  /** Discovery is best effort: a broker outage must not fail the registry change. */
  private async announce(device: DeviceEntity): Promise<void> {
    try {
      const topics = await this.homeAssistant.announce(device, device.discoveryTopics);
      if (topics.join() !== device.discoveryTopics.join()) {
        device.discoveryTopics = topics;
        await this.devices.save(device.organizationId, device);
      }
    } catch (error) {
      this.logger.warn(`Home Assistant discovery for device ${device.id} failed: ${(error as Error).message}`);
    }
  }

  private toResponse(device: DeviceEntity): DeviceResponse {
    return toDeviceResponse(device, this.config.MQTT_PREFIX);
  }
}
