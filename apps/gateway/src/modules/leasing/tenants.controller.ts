import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@quartier/auth';
import {
  CreateTenantDto,
  LeasePageView,
  LeasingSubjects,
  PaymentPageView,
  TenantPageView,
  TenantQueryDto,
  TenantView,
  UpdateOwnTenantDto,
  UpdateTenantDto,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('tenants')
@ApiAuthenticated()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List tenants (renters): search by name, company or email; filter by status' })
  @ApiOkResponse({ type: TenantPageView })
  @ApiProblems(422)
  list(@Query() query: TenantQueryDto, @RequestCaller() caller: Caller): Promise<TenantPageView> {
    return this.rpc.request(LeasingSubjects.tenantsList, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a tenant; a duplicate email in the organization is a 409' })
  @ApiCreatedResponse({ type: TenantView })
  @ApiProblems(409, 422)
  create(@Body() dto: CreateTenantDto, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsCreate, dto, caller);
  }

  @Get('me')
  @ApiOperation({ summary: "The resident's own tenant record" })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404)
  me(@RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsMe, {}, caller);
  }

  @Put('me')
  @RequireScopes('read')
  @ApiOperation({ summary: 'A resident updates their own contact details' })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404, 409, 422)
  updateMe(@Body() dto: UpdateOwnTenantDto, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsMeUpdate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a tenant' })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsGet, { id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a tenant' })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateTenantDto, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a tenant' })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateTenantDto, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.rpc.request(LeasingSubjects.tenantsUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tenant without leases (409 otherwise)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(LeasingSubjects.tenantsDelete, { id }, caller);
  }

  @Get(':id/leases')
  @ApiOperation({ summary: "A tenant's leases" })
  @ApiOkResponse({ type: LeasePageView })
  @ApiProblems(404, 422)
  leases(@UuidParam() id: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<LeasePageView> {
    return this.rpc.request(LeasingSubjects.tenantsLeases, { ...query, id }, caller);
  }

  @Get(':id/payments')
  @ApiOperation({ summary: "A tenant's payments" })
  @ApiOkResponse({ type: PaymentPageView })
  @ApiProblems(404, 422)
  payments(@UuidParam() id: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<PaymentPageView> {
    return this.rpc.request(LeasingSubjects.tenantsPayments, { ...query, id }, caller);
  }
}
