import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '@quartier/contracts-shared';
import { JobListView, ListingOperations, ListingView, PublishListingDto, UnpublishListingDto, UpdateListingDto } from '@quartier/contracts-publishing';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { OperationAccess } from './operation-access.decorator';

/**
 * The /api/v1/listings routes the route factory cannot express: publish and unpublish answer 202,
 * and update's body keeps its OpenAPI schema UpdateListingDto (the factory would name it after the
 * message class). The other listing routes are generated in publishing.module.ts.
 */
@ApiTags('publishing')
@ApiAuthenticated()
@Controller('listings')
export class ListingsController {
  constructor(private readonly operations: OperationClient) {}

  // Hand-written: the factory would rename the body's OpenAPI schema UpdateListingDto.
  @Patch(':id')
  @OperationAccess(ListingOperations.update)
  @ApiOperation({ summary: 'Change marketing data; the channels it is published on get the change by themselves (422 if it would no longer be complete for one of them)' })
  @ApiOkResponse({ type: ListingView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateListingDto, @RequestCaller() caller: Caller): Promise<ListingView> {
    return this.operations.send(ListingOperations.update, { ...dto, id }, caller);
  }

  // Hand-written: the factory answers 200, 201 or 204, not 202.
  @Post(':id/publish')
  @HttpCode(202)
  @OperationAccess(ListingOperations.publish)
  @ApiOperation({
    summary: 'Publish to channels: one job per channel, processed in the background',
    description:
      '422 PUBLISHING_LISTING_INCOMPLETE names the missing fields per channel (details.missing); 422 PUBLISHING_CHANNEL_NOT_CONFIGURED names channels without credentials. Asking again while a job waits returns that job. Follow the jobs under /publishing/jobs; publishing.listing.published / failed events report the outcome.',
  })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  publish(@UuidParam() id: string, @Body() dto: PublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.operations.send(ListingOperations.publish, { ...dto, id }, caller);
  }

  // Hand-written: the factory answers 200, 201 or 204, not 202.
  @Post(':id/unpublish')
  @HttpCode(202)
  @OperationAccess(ListingOperations.unpublish)
  @ApiOperation({ summary: 'Withdraw from channels (default: every channel it is on), one job per channel' })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  unpublish(@UuidParam() id: string, @Body() dto: UnpublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.operations.send(ListingOperations.unpublish, { ...dto, id }, caller);
  }
}
