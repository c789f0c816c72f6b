import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  CreateDeviceDto,
  DeviceListQueryDto,
  DeviceOperations,
  DevicePageResponse,
  DeviceResponse,
  IotDeletedResponse,
  IotIdRequest,
  ReplaceDeviceRequest,
  UnitDevicesRequest,
  UpdateDeviceRequest,
} from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { DevicesService } from './devices.service';

@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @HandlesOperation(DeviceOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: DeviceListQueryDto): Promise<DevicePageResponse> {
    return this.devices.list(caller, query);
  }

  @HandlesOperation(DeviceOperations.byUnit)
  byUnit(@CurrentCaller() caller: OrgCaller, @Payload() request: UnitDevicesRequest): Promise<DeviceResponse[]> {
    return this.devices.byUnit(caller, request.unitId);
  }

  @HandlesOperation(DeviceOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<DeviceResponse> {
    return this.devices.get(caller, request.id);
  }

  @HandlesOperation(DeviceOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateDeviceDto): Promise<DeviceResponse> {
    return this.devices.create(caller, dto);
  }

  /** PUT: the request was checked as a whole device; it is applied like an update of every field it names. */
  @HandlesOperation(DeviceOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() request: ReplaceDeviceRequest): Promise<DeviceResponse> {
    const { id, ...device } = request;
    return this.devices.update(caller, id, device);
  }

  @HandlesOperation(DeviceOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateDeviceRequest): Promise<DeviceResponse> {
    const { id, ...changes } = request;
    return this.devices.update(caller, id, changes);
  }

  @HandlesOperation(DeviceOperations.delete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<IotDeletedResponse> {
    await this.devices.remove(caller, request.id);
    return { deleted: true };
  }
}
