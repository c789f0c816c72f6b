import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BuildingQueryDto,
  BuildingResponse,
  CreateBuildingDto,
  DeleteMessageDto,
  DeletedResponse,
  IdDto,
  PortfolioSubjects,
  UpdateBuildingMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { BuildingsService } from './buildings.service';

@Controller()
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @MessagePattern(PortfolioSubjects.buildingsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: BuildingQueryDto): Promise<Page<BuildingResponse>> {
    return this.buildings.list(caller.organizationId, query);
  }

  @MessagePattern(PortfolioSubjects.buildingsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<BuildingResponse> {
    return this.buildings.get(caller.organizationId, dto.id);
  }

  @MessagePattern(PortfolioSubjects.buildingsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateBuildingDto): Promise<BuildingResponse> {
    return this.buildings.create(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.buildingsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateBuildingMessageDto): Promise<BuildingResponse> {
    return this.buildings.update(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.buildingsDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteMessageDto): Promise<DeletedResponse> {
    await this.buildings.delete(caller.organizationId, dto.id, dto.cascade ?? false);
    return { deleted: true };
  }
}
