import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import {
  ContractorIdRequest,
  ContractorQueryDto,
  ContractorOperations,
  ContractorView,
  ContractorWorkOrdersRequest,
  CreateContractorDto,
  DeletedView,
  UpdateContractorRequest,
  WorkOrderView,
} from '@quartier/contracts-workorders';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { WorkOrderService } from '../work-orders/work-order.service';
import { ContractorService } from './contractor.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class ContractorController {
  constructor(
    private readonly contractors: ContractorService,
    private readonly workOrders: WorkOrderService,
  ) {}

  @HandlesOperation(ContractorOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ContractorQueryDto): Promise<Page<ContractorView>> {
    return this.contractors.list(caller, query);
  }

  @HandlesOperation(ContractorOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: ContractorIdRequest): Promise<ContractorView> {
    return this.contractors.get(caller, request.id);
  }

  @HandlesOperation(ContractorOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateContractorDto): Promise<ContractorView> {
    return this.contractors.create(caller, dto);
  }

  @HandlesOperation(ContractorOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() request: UpdateContractorRequest): Promise<ContractorView> {
    return this.contractors.update(caller, request);
  }

  @HandlesOperation(ContractorOperations.delete)
  async delete(@CurrentCaller() caller: OrgCaller, @Payload() request: ContractorIdRequest): Promise<DeletedView> {
    await this.contractors.delete(caller, request.id);
    return { deleted: true };
  }

  /** The contractor's work orders (open and completed alike; filter by status on /workorders). */
  @HandlesOperation(ContractorOperations.workOrders)
  async workOrdersOf(@CurrentCaller() caller: OrgCaller, @Payload() request: ContractorWorkOrdersRequest): Promise<Page<WorkOrderView>> {
    await this.contractors.require(caller.organizationId, request.id);
    const { id, ...query } = request;
    return this.workOrders.list(caller, { ...query, contractorId: id });
  }
}
