import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreatePropertyDto,
  DeleteMessageDto,
  DeletedResponse,
  IdDto,
  PropertyOperations,
  PropertyPageResponse,
  PropertyQueryDto,
  PropertyResponse,
  ReplacePropertyMessageDto,
  UpdatePropertyMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { PropertiesService } from './properties.service';

@Controller()
export class PropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @HandlesOperation(PropertyOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: PropertyQueryDto): Promise<PropertyPageResponse> {
    return this.properties.list(caller.organizationId, query);
  }

  @HandlesOperation(PropertyOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<PropertyResponse> {
    return this.properties.get(caller.organizationId, dto.id);
  }

  @HandlesOperation(PropertyOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreatePropertyDto): Promise<PropertyResponse> {
    return this.properties.create(caller, dto);
  }

  @HandlesOperation(PropertyOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdatePropertyMessageDto): Promise<PropertyResponse> {
    return this.properties.update(caller.organizationId, dto);
  }

  /** A replace sends every required field; the given fields change like an update. */
  @HandlesOperation(PropertyOperations.replace)
  replace(@CurrentCaller() caller: OrgCaller, @Payload() dto: ReplacePropertyMessageDto): Promise<PropertyResponse> {
    return this.properties.update(caller.organizationId, dto);
  }

  @HandlesOperation(PropertyOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteMessageDto): Promise<DeletedResponse> {
    await this.properties.delete(caller.organizationId, dto.id, dto.cascade ?? false);
    return { deleted: true };
  }
}
