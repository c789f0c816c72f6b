import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CreateTenantDto,
  IdRequest,
  TenantOperations,
  TenantQueryDto,
  TenantView,
  UpdateOwnTenantDto,
  UpdateTenantRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { TenantService } from './tenant.service';

@Controller()
export class TenantController {
  constructor(private readonly tenants: TenantService) {}

  @HandlesOperation(TenantOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: TenantQueryDto): Promise<Page<TenantView>> {
    return this.tenants.list(caller, query);
  }

  @HandlesOperation(TenantOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<TenantView> {
    return this.tenants.get(caller, id);
  }

  @HandlesOperation(TenantOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateTenantDto): Promise<TenantView> {
    return this.tenants.create(caller, dto);
  }

  @HandlesOperation(TenantOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateTenantRequest): Promise<TenantView> {
    return this.tenants.update(caller, id, dto);
  }

  @HandlesOperation(TenantOperations.remove)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.tenants.remove(caller, id);
    return { deleted: true };
  }

  @HandlesOperation(TenantOperations.me)
  me(@CurrentCaller() caller: OrgCaller): Promise<TenantView> {
    return this.tenants.me(caller);
  }

  @HandlesOperation(TenantOperations.updateMe)
  updateMe(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateOwnTenantDto): Promise<TenantView> {
    return this.tenants.updateMe(caller, dto);
  }
}
