import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AvailableUnitQueryDto,
  ChangeUnitStatusMessageDto,
  CreateUnitDto,
  DeleteMessageDto,
  DeletedResponse,
  IdDto,
  PortfolioSubjects,
  UnitHistoryMessageDto,
  UnitQueryDto,
  UnitResponse,
  UnitStatusHistoryResponse,
  UpdateUnitMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { UnitsService } from './units.service';

@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @MessagePattern(PortfolioSubjects.unitsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: UnitQueryDto): Promise<Page<UnitResponse>> {
    return this.units.list(caller.organizationId, query);
  }

  @MessagePattern(PortfolioSubjects.unitsAvailable)
  available(@CurrentCaller() caller: OrgCaller, @Payload() query: AvailableUnitQueryDto): Promise<Page<UnitResponse>> {
    return this.units.list(caller.organizationId, { ...query, status: 'vacant' });
  }

  @MessagePattern(PortfolioSubjects.unitsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<UnitResponse> {
    return this.units.get(caller.organizationId, dto.id);
  }

  @MessagePattern(PortfolioSubjects.unitsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateUnitDto): Promise<UnitResponse> {
    return this.units.create(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.unitsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateUnitMessageDto): Promise<UnitResponse> {
    return this.units.update(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.unitsDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteMessageDto): Promise<DeletedResponse> {
    await this.units.delete(caller.organizationId, dto.id);
    return { deleted: true };
  }

  @MessagePattern(PortfolioSubjects.unitsHistory)
  history(@CurrentCaller() caller: OrgCaller, @Payload() dto: UnitHistoryMessageDto): Promise<Page<UnitStatusHistoryResponse>> {
    return this.units.history(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.unitsChangeStatus)
  changeStatus(@CurrentCaller() caller: OrgCaller, @Payload() dto: ChangeUnitStatusMessageDto): Promise<UnitResponse> {
    return this.units.changeStatus(caller, dto);
  }
}
