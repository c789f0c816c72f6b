import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ActiveLeasesForResidentRequest,
  ActiveLeasesForResidentResponse,
  ChargeView,
  CreateLeaseDto,
  ExpiringLeasesQueryDto,
  IdPageRequest,
  IdRequest,
  LeaseOperations,
  LeaseQueryDto,
  LeaseView,
  RenewLeaseRequest,
  TenantOperations,
  TerminateLeaseRequest,
  UpdateLeaseRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { LeaseService } from './lease.service';

@Controller()
export class LeaseController {
  constructor(private readonly leases: LeaseService) {}

  @HandlesOperation(LeaseOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: LeaseQueryDto): Promise<Page<LeaseView>> {
    return this.leases.list(caller, query);
  }

  @HandlesOperation(TenantOperations.leases)
  forTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<LeaseView>> {
    return this.leases.forTenant(caller, id, query);
  }

  @HandlesOperation(LeaseOperations.active)
  active(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<LeaseView>> {
    return this.leases.active(caller, query);
  }

  @HandlesOperation(LeaseOperations.activeForResident)
  activeForResident(@CurrentCaller() caller: OrgCaller, @Payload() { userId }: ActiveLeasesForResidentRequest): Promise<ActiveLeasesForResidentResponse> {
    return this.leases.activeForResident(caller, userId);
  }

  @HandlesOperation(LeaseOperations.expiring)
  expiring(@CurrentCaller() caller: OrgCaller, @Payload() query: ExpiringLeasesQueryDto): Promise<Page<LeaseView>> {
    return this.leases.expiring(caller, query);
  }

  @HandlesOperation(LeaseOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<LeaseView> {
    return this.leases.get(caller, id);
  }

  @HandlesOperation(LeaseOperations.charges)
  charges(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<ChargeView>> {
    return this.leases.charges(caller, id, query);
  }

  @HandlesOperation(LeaseOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateLeaseDto): Promise<LeaseView> {
    return this.leases.create(caller, dto);
  }

  @HandlesOperation(LeaseOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateLeaseRequest): Promise<LeaseView> {
    return this.leases.update(caller, id, dto);
  }

  @HandlesOperation(LeaseOperations.remove)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.leases.remove(caller, id);
    return { deleted: true };
  }

  @HandlesOperation(LeaseOperations.activate)
  activate(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<LeaseView> {
    return this.leases.activate(caller, id);
  }

  @HandlesOperation(LeaseOperations.renew)
  renew(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: RenewLeaseRequest): Promise<LeaseView> {
    return this.leases.renew(caller, id, dto);
  }

  @HandlesOperation(LeaseOperations.terminate)
  terminate(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: TerminateLeaseRequest): Promise<LeaseView> {
    return this.leases.terminate(caller, id, dto);
  }
}
