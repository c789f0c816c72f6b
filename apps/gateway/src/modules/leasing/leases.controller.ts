import { Body, Controller, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LeaseOperations, LeaseView, RenewLeaseDto, TerminateLeaseDto, UpdateLeaseDto } from '@quartier/contracts-leasing';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/**
 * The /leases routes with a path id and a body, hand-written: operationController would document
 * their bodies under new schema names (Omit<Request>Id). The others are generated in leasing.module.ts.
 */
@ApiTags('leases')
@ApiAuthenticated()
@Controller('leases')
export class LeasesController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: path id and body (schema name UpdateLeaseDto), and PUT shares PATCH's operation.
  @Put(':id')
  @ApiOperation({ summary: 'Update a pending or active lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.operations.send(LeaseOperations.update, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name UpdateLeaseDto).
  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a pending or active lease' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.operations.send(LeaseOperations.update, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name RenewLeaseDto).
  @Post(':id/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew an active or expired lease to a new end date (optional new rent from the day after the old end)' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  renew(@UuidParam() id: string, @Body() dto: RenewLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.operations.send(LeaseOperations.renew, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name TerminateLeaseDto).
  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Terminate an active lease on a date not before its start, with a reason' })
  @ApiOkResponse({ type: LeaseView })
  @ApiProblems(404, 409, 422)
  terminate(@UuidParam() id: string, @Body() dto: TerminateLeaseDto, @RequestCaller() caller: Caller): Promise<LeaseView> {
    return this.operations.send(LeaseOperations.terminate, { ...dto, id }, caller);
  }
}
