import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeaseOperations, LeaseView, UpdateLeaseDto } from '@quartier/contracts-leasing';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The /leases routes operationController cannot build; the others are generated in leasing.module.ts. */
@ApiTags('leases')
@ApiAuthenticated()
@Controller('leases')
export class LeasesController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the same operation as the generated PATCH, and a descriptor has one route.
  @Put(':id')
  @ApiOperation({ summary: 'Update a pending or active lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.operations.send(LeaseOperations.update, { ...dto, id }, caller);
  }
}
