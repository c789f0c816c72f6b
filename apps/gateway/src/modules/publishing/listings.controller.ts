import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { Caller } from '@quartier/contracts-shared';
import { JobListView, ListingOperations, PublishListingDto, UnpublishListingDto } from '@quartier/contracts-publishing';
import { operationController } from '../../operations/operation-routes.factory';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { OperationAccess } from '../../operations/operation-access.decorator';

/** /api/v1/listings, generated from the listing descriptors; publish and unpublish are written by hand. */
@Controller()
export class ListingsController extends operationController('ListingsController', {
  create: ListingOperations.create,
  list: ListingOperations.list,
  get: ListingOperations.get,
  update: ListingOperations.update,
  remove: ListingOperations.delete,
  readiness: ListingOperations.readiness,
}) {
  // Hand-written: the factory answers 200, 201 or 204, not 202.
  @Post('listings/:id/publish')
  @HttpCode(202)
  @OperationAccess(ListingOperations.publish)
  @ApiAuthenticated()
  @ApiOperation({
    summary: 'Publish to channels: one job per channel, processed in the background',
    description:
      '422 PUBLISHING_LISTING_INCOMPLETE names the missing fields per channel (details.missing); 422 PUBLISHING_CHANNEL_NOT_CONFIGURED names channels without credentials. Asking again while a job waits returns that job. Follow the jobs under /publishing/jobs; publishing.listing.published / failed events report the outcome.',
  })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  publish(@UuidParam() id: string, @Body() dto: PublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.client.send(ListingOperations.publish, { ...dto, id }, caller);
  }

  // Hand-written: the factory answers 200, 201 or 204, not 202.
  @Post('listings/:id/unpublish')
  @HttpCode(202)
  @OperationAccess(ListingOperations.unpublish)
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Withdraw from channels (default: every channel it is on), one job per channel' })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  unpublish(@UuidParam() id: string, @Body() dto: UnpublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.client.send(ListingOperations.unpublish, { ...dto, id }, caller);
  }
}
