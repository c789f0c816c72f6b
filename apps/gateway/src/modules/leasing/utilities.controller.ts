import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UpdateUtilityBillDto, UtilityBillPageView, UtilityBillView, UtilityOperations } from '@quartier/contracts-leasing';
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

  // Hand-written: the same operation as the generated PATCH, and a descriptor has one route.
  @Put('bills/:id')
  @ApiOperation({ summary: 'Update a utility bill' })
  @ApiOkResponse({ type: UtilityBillView })
  @ApiProblems(404, 422)
  replace(@UuidParam() id: string, @Body() dto: UpdateUtilityBillDto, @RequestCaller() caller: Caller): Promise<UtilityBillView> {
    return this.operations.send(UtilityOperations.updateBill, { ...dto, id }, caller);
  }
}
