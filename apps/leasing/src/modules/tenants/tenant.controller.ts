import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTenantDto,
  IdRequest,
  LeasingSubjects,
  TenantQueryDto,
  TenantView,
  UpdateOwnTenantDto,
  UpdateTenantRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { TenantService } from './tenant.service';

@Controller()
export class TenantController {
  constructor(private readonly tenants: TenantService) {}

  @MessagePattern(LeasingSubjects.tenantsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: TenantQueryDto): Promise<Page<TenantView>> {
    return this.tenants.list(caller, query);
  }

  @MessagePattern(LeasingSubjects.tenantsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<TenantView> {
    return this.tenants.get(caller, id);
  }

  @MessagePattern(LeasingSubjects.tenantsCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateTenantDto): Promise<TenantView> {
    return this.tenants.create(caller, dto);
  }

  @MessagePattern(LeasingSubjects.tenantsUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateTenantRequest): Promise<TenantView> {
    return this.tenants.update(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.tenantsDelete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.tenants.remove(caller, id);
    return { deleted: true };
  }

  @MessagePattern(LeasingSubjects.tenantsMe)
  me(@CurrentCaller() caller: OrgCaller): Promise<TenantView> {
    return this.tenants.me(caller);
  }

  @MessagePattern(LeasingSubjects.tenantsMeUpdate)
  updateMe(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateOwnTenantDto): Promise<TenantView> {
    return this.tenants.updateMe(caller, dto);
  }
}
