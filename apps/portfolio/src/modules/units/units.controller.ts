import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AvailableUnitQueryDto,
  ChangeUnitStatusMessageDto,
  CreateUnitDto,
  DeletedResponse,
  IdDto,
  ReplaceUnitMessageDto,
  UnitHistoryMessageDto,
  UnitOperations,
  UnitPageResponse,
  UnitQueryDto,
  UnitResponse,
  UnitStatusHistoryPageResponse,
  UpdateUnitMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { UnitsService } from './units.service';

@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @HandlesOperation(UnitOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: UnitQueryDto): Promise<UnitPageResponse> {
    return this.units.list(caller.organizationId, query);
  }

  @HandlesOperation(UnitOperations.available)
  available(@CurrentCaller() caller: OrgCaller, @Payload() query: AvailableUnitQueryDto): Promise<UnitPageResponse> {
    return this.units.list(caller.organizationId, { ...query, status: 'vacant' });
  }

  @HandlesOperation(UnitOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<UnitResponse> {
    return this.units.get(caller.organizationId, dto.id);
  }

  @HandlesOperation(UnitOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUnitDto): Promise<UnitResponse> {
    return this.units.create(caller, dto);
  }

  @HandlesOperation(UnitOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateUnitMessageDto): Promise<UnitResponse> {
    return this.units.update(caller, dto);
  }

  /** A replace sends every required field; the given fields change like an update. */
  @HandlesOperation(UnitOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() dto: ReplaceUnitMessageDto): Promise<UnitResponse> {
    return this.units.update(caller, dto);
  }

  @HandlesOperation(UnitOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<DeletedResponse> {
    await this.units.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }

  @HandlesOperation(UnitOperations.history)
  history(@CurrentCaller() caller: OrgCaller, @Payload() dto: UnitHistoryMessageDto): Promise<UnitStatusHistoryPageResponse> {
    return this.units.history(caller.organizationId, dto);
  }

  @HandlesOperation(UnitOperations.changeStatus)
  changeStatus(@CurrentCaller() caller: OrgCaller, @Payload() dto: ChangeUnitStatusMessageDto): Promise<UnitResponse> {
    return this.units.changeStatus(caller, dto);
  }
}
