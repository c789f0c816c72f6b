import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantOperations, TenantView, UpdateTenantDto } from '@quartier/contracts-leasing';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The /tenants routes operationController cannot build; the others are generated in leasing.module.ts. */
@ApiTags('tenants')
@ApiAuthenticated()
@Controller('tenants')
export class TenantsController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the same operation as the generated PATCH, and a descriptor has one route.
  @Put(':id')
  @ApiOperation({ summary: 'Update a tenant' })
  @ApiOkResponse({ type: TenantView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateTenantDto, @RequestCaller() caller: Caller): Promise<TenantView> {
    return this.operations.send(TenantOperations.update, { ...dto, id }, caller);
  }
}
