import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PayUtilityBillDto,
  UpdateUtilityBillDto,
  UpdateUtilityProviderDto,
  UtilityBillPageView,
  UtilityBillView,
  UtilityOperations,
  UtilityProviderView,
} from '@quartier/contracts-leasing';
import { Caller, PageQueryDto } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';

/** The /utilities routes operationController cannot build; the others are generated in leasing.module.ts. */
@ApiTags('utilities')
@ApiAuthenticated()
@Controller('utilities')
export class UtilitiesController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the path names the property propertyId, the bus request id.
  @Get('bills/property/:propertyId')
  @ApiOperation({ summary: "A property's utility bills" })
  @ApiOkResponse({ type: UtilityBillPageView })
  @ApiProblems(422)
  byProperty(@UuidParam('propertyId') propertyId: string, @Query() query: PageQueryDto, @RequestCaller() caller: Caller): Promise<UtilityBillPageView> {
    return this.operations.send(UtilityOperations.billsByProperty, { ...query, id: propertyId }, caller);
  }

  // Hand-written: path id and body (schema name UpdateUtilityBillDto), and PUT shares PATCH's operation.
  @Put('bills/:id')
  @ApiOperation({ summary: 'Update a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.operations.send(UtilityOperations.updateBill, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name UpdateUtilityBillDto).
  @Patch('bills/:id')
  @ApiOperation({ summary: 'Update some fields of a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.operations.send(UtilityOperations.updateBill, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name PayUtilityBillDto).
  @Post('bills/:id/pay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a utility bill paid' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  pay(@UuidParam() id: string, @Body() dto: PayUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.operations.send(UtilityOperations.payBill, { ...dto, id }, caller);
  }

  // Hand-written: path id and body (schema name UpdateUtilityProviderDto).
  @Patch('providers/:id')
  @ApiOperation({ summary: 'Update a utility provider' })
  @ApiOkResponse({ type: UtilityProviderView })
  @ApiProblems(404, 422)
  updateProvider(@UuidParam() id: string, @Body() dto: UpdateUtilityProviderDto, @RequestCaller() caller: Caller): Promise<UtilityProviderView> {
    return this.operations.send(UtilityOperations.updateProvider, { ...dto, id }, caller);
  }
}
