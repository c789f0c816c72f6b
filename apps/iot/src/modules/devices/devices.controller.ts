import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CreateDeviceDto, IotIdRequest, DeviceListQueryDto, DeviceResponse, IotSubjects, UnitDevicesRequest, UpdateDeviceRequest } from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { DevicesService } from './devices.service';

@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @MessagePattern(IotSubjects.devicesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: DeviceListQueryDto): Promise<Page<DeviceResponse>> {
    return this.devices.list(caller, query);
  }

  @MessagePattern(IotSubjects.devicesByUnit)
  byUnit(@CurrentCaller() caller: OrgCaller, @Payload() request: UnitDevicesRequest): Promise<DeviceResponse[]> {
    return this.devices.byUnit(caller, request.unitId);
  }

  @MessagePattern(IotSubjects.devicesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<DeviceResponse> {
    return this.devices.get(caller, request.id);
  }

  @MessagePattern(IotSubjects.devicesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateDeviceDto): Promise<DeviceResponse> {
    return this.devices.create(caller, dto);
  }

  @MessagePattern(IotSubjects.devicesUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateDeviceRequest): Promise<DeviceResponse> {
    return this.devices.update(caller, request.id, request.changes);
  }

  @MessagePattern(IotSubjects.devicesDelete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<{ deleted: true }> {
    await this.devices.remove(caller, request.id);
    return { deleted: true };
  }
}
