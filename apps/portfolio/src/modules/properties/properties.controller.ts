import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreatePropertyDto,
  DeleteMessageDto,
  DeletedResponse,
  IdDto,
  PortfolioSubjects,
  PropertyQueryDto,
  PropertyResponse,
  UpdatePropertyMessageDto,
} from '@quartier/contracts-portfolio';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { PropertiesService } from './properties.service';

@Controller()
export class PropertiesController {
  constructor(private readonly properties: PropertiesService) {}

  @MessagePattern(PortfolioSubjects.propertiesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: PropertyQueryDto): Promise<Page<PropertyResponse>> {
    return this.properties.list(caller.organizationId, query);
  }

  @MessagePattern(PortfolioSubjects.propertiesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: IdDto): Promise<PropertyResponse> {
    return this.properties.get(caller.organizationId, dto.id);
  }

  @MessagePattern(PortfolioSubjects.propertiesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreatePropertyDto): Promise<PropertyResponse> {
    return this.properties.create(caller, dto);
  }

  @MessagePattern(PortfolioSubjects.propertiesUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdatePropertyMessageDto): Promise<PropertyResponse> {
    return this.properties.update(caller.organizationId, dto);
  }

  @MessagePattern(PortfolioSubjects.propertiesDelete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: DeleteMessageDto): Promise<DeletedResponse> {
    await this.properties.delete(caller.organizationId, dto.id, dto.cascade ?? false);
    return { deleted: true };
  }
}
