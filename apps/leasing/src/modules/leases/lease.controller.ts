import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActiveLeasesForResidentRequest,
  ActiveLeasesForResidentResponse,
  ChargeView,
  CreateLeaseDto,
  ExpiringLeasesQueryDto,
  IdPageRequest,
  IdRequest,
  LeaseQueryDto,
  LeaseView,
  LeasingSubjects,
  RenewLeaseRequest,
  TerminateLeaseRequest,
  UpdateLeaseRequest,
} from '@quartier/contracts-leasing';
import { OrgCaller, Page, PageQueryDto } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { LeaseService } from './lease.service';

@Controller()
export class LeaseController {
  constructor(private readonly leases: LeaseService) {}

  @MessagePattern(LeasingSubjects.leasesList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: LeaseQueryDto): Promise<Page<LeaseView>> {
    return this.leases.list(caller, query);
  }

  @MessagePattern(LeasingSubjects.tenantsLeases)
  forTenant(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<LeaseView>> {
    return this.leases.forTenant(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.leasesActive)
  active(@CurrentCaller() caller: OrgCaller, @Payload() query: PageQueryDto): Promise<Page<LeaseView>> {
    return this.leases.active(caller, query);
  }

  @MessagePattern(LeasingSubjects.leasesActiveForResident)
  activeForResident(@CurrentCaller() caller: OrgCaller, @Payload() { userId }: ActiveLeasesForResidentRequest): Promise<ActiveLeasesForResidentResponse> {
    return this.leases.activeForResident(caller, userId);
  }

  @MessagePattern(LeasingSubjects.leasesExpiring)
  expiring(@CurrentCaller() caller: OrgCaller, @Payload() query: ExpiringLeasesQueryDto): Promise<Page<LeaseView>> {
    return this.leases.expiring(caller, query);
  }

  @MessagePattern(LeasingSubjects.leasesGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<LeaseView> {
    return this.leases.get(caller, id);
  }

  @MessagePattern(LeasingSubjects.leasesCharges)
  charges(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...query }: IdPageRequest): Promise<Page<ChargeView>> {
    return this.leases.charges(caller, id, query);
  }

  @MessagePattern(LeasingSubjects.leasesCreate)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateLeaseDto): Promise<LeaseView> {
    return this.leases.create(caller, dto);
  }

  @MessagePattern(LeasingSubjects.leasesUpdate)
  update(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: UpdateLeaseRequest): Promise<LeaseView> {
    return this.leases.update(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.leasesDelete)
  async remove(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<{ deleted: true }> {
    await this.leases.remove(caller, id);
    return { deleted: true };
  }

  @MessagePattern(LeasingSubjects.leasesActivate)
  activate(@CurrentCaller() caller: OrgCaller, @Payload() { id }: IdRequest): Promise<LeaseView> {
    return this.leases.activate(caller, id);
  }

  @MessagePattern(LeasingSubjects.leasesRenew)
  renew(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: RenewLeaseRequest): Promise<LeaseView> {
    return this.leases.renew(caller, id, dto);
  }

  @MessagePattern(LeasingSubjects.leasesTerminate)
  terminate(@CurrentCaller() caller: OrgCaller, @Payload() { id, ...dto }: TerminateLeaseRequest): Promise<LeaseView> {
    return this.leases.terminate(caller, id, dto);
  }
}
