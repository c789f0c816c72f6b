import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  BuildingOperations,
  BuildingPageResponse,
  BuildingQueryDto,
  BuildingResponse,
  CreateBuildingDto,
  DeleteMessageDto,
  DeletedResponse,
  IdDto,
  ReplaceBuildingMessageDto,
  UpdateBuildingMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { BuildingsService } from './buildings.service';

@Controller()
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @HandlesOperation(BuildingOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: BuildingQueryDto): Promise<BuildingPageResponse> {
    return this.buildings.list(caller.organizationId, query);
  }

  @HandlesOperation(BuildingOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<BuildingResponse> {
    return this.buildings.get(caller.organizationId, dto.id);
  }

  @HandlesOperation(BuildingOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateBuildingDto): Promise<BuildingResponse> {
    return this.buildings.create(caller.organizationId, dto);
  }

  @HandlesOperation(BuildingOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateBuildingMessageDto): Promise<BuildingResponse> {
    return this.buildings.update(caller.organizationId, dto);
  }

  /** A replace sends every required field; the given fields change like an update. */
  @HandlesOperation(BuildingOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() dto: ReplaceBuildingMessageDto): Promise<BuildingResponse> {
    return this.buildings.update(caller.organizationId, dto);
  }

  @HandlesOperation(BuildingOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteMessageDto): Promise<DeletedResponse> {
    await this.buildings.delete(caller.organizationId, dto.id, dto.cascade ?? false);
    return { deleted: true };
  }
}
