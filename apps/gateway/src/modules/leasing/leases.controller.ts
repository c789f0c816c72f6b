import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@quartier/auth';
import {
  AsOfDto,
  ChargePageView,
  CreateLeaseDto,
  ExpiringLeasesQueryDto,
  LeasePageView,
  LeaseQueryDto,
  LeaseView,
  LeasingSubjects,
  LifecycleRunResult,
  RenewLeaseDto,
  RentRunResult,
  TerminateLeaseDto,
  UpdateLeaseDto,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('leases')
@ApiAuthenticated()
@Controller('leases')
export class LeasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List leases (status, unit, tenant); residents see their own' })
  @ApiOkResponse({ type: LeasePageView })
  @ApiProblems(422)
  list(@Query() query: LeaseQueryDto, @RequestCaller() caller: Caller): Promise<LeasePageView> {
    return this.rpc.request(LeasingSubjects.leasesList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a pending lease: the unit (portfolio) and tenant must exist; an overlapping pending or active lease on the unit is a 409' })
  @ApiCreatedResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesCreate, dto, caller);
  }

  @Get('expiring')
  @ApiOperation({ summary: 'Active leases ending within `days` days (default 30), soonest first' })
  @ApiOkResponse({ type: LeasePageView })
  @ApiProblems(422)
  expiring(@Query() query: ExpiringLeasesQueryDto, @RequestCaller() caller: Caller): Promise<LeasePageView> {
    return this.rpc.request(LeasingSubjects.leasesExpiring, query, caller);
  }

  @Get('active')
  @ApiOperation({ summary: 'Active leases' })
  @ApiOkResponse({ type: LeasePageView })
  @ApiProblems(422)
  active(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<LeasePageView> {
    return this.rpc.request(LeasingSubjects.leasesActive, query, caller);
  }

  @Post('rent-run')
  @HttpCode(200)
  @RequireRoles('owner', 'admin', 'manager')
  @ApiOperation({ summary: 'Run the rent schedule now for this organization (idempotent; backfills, prorates, late fees)' })
  @ApiOkResponse({ type: RentRunResult })
  @ApiProblems(422)
  rentRun(@Body() dto: AsOfDto, @RequestCaller() caller: Caller): Promise<RentRunResult> {
    return this.rpc.request(LeasingSubjects.rentRun, dto, caller);
  }

  @Post('lifecycle-run')
  @HttpCode(200)
  @RequireRoles('owner', 'admin', 'manager')
  @ApiOperation({ summary: 'Activate leases whose start has come and expire those past their end, now' })
  @ApiOkResponse({ type: LifecycleRunResult })
  @ApiProblems(422)
  lifecycleRun(@Body() dto: AsOfDto, @RequestCaller() caller: Caller): Promise<LifecycleRunResult> {
    return this.rpc.request(LeasingSubjects.lifecycleRun, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a pending or active lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a pending or active lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a pending lease (409 once active)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(LeasingSubjects.leasesDelete, { id }, caller);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'pending → active: the unit becomes occupied and the rent schedule starts' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  activate(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesActivate, { id }, caller);
  }

  @Post(':id/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew an active or expired lease to a new end date (optional new rent from the day after the old end)' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  renew(@UuidParam() id: string, @Body() dto: RenewLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesRenew, { ...dto, id }, caller);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Terminate an active lease on a date not before its start, with a reason' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  terminate(@UuidParam() id: string, @Body() dto: TerminateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.rpc.request(LeasingSubjects.leasesTerminate, { ...dto, id }, caller);
  }

  @Get(':id/charges')
  @ApiOperation({ summary: 'Rent charges and late fees of a lease, by period' })
  @ApiOkResponse({ type: ChargePageView })
  @ApiProblems(404, 422)
  charges(@UuidParam() id: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<ChargePageView> {
    return this.rpc.request(LeasingSubjects.leasesCharges, { ...query, id }, caller);
  }
}
