import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@quartier/auth';
import { Caller } from '@quartier/contracts-shared';
import {
  CreateListingDto,
  JobListView,
  ListingPageView,
  ListingQueryDto,
  ListingReadinessView,
  ListingSubjects,
  ListingView,
  PublishListingDto,
  UnpublishListingDto,
  UpdateListingDto,
} from '@quartier/contracts-publishing';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { PUBLISHING_ROLES } from './publishing-route.dto';

@ApiTags('publishing')
@ApiAuthenticated()
@RequireRoles(...PUBLISHING_ROLES)
@Controller('listings')
export class ListingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Create a listing from a portfolio property or unit plus marketing data',
    description:
      'Area, rooms, target rent, features and the Energieausweis default to what portfolio knows about the unit and property; the body overrides them. The property and unit must be in your organization (404 otherwise).',
  })
  @ApiCreatedResponse({ type: ListingView })
  @ApiProblems(404, 422)
  create(@Body() dto: CreateListingDto, @RequestCaller() caller: Caller): Promise<ListingView> {
    return this.rpc.request(ListingSubjects.create, dto, caller);
  }

  @Get()
  @ApiOperation({ summary: 'Listings with their publications per channel, newest first' })
  @ApiOkResponse({ type: ListingPageView })
  @ApiProblems(422)
  list(@Query() query: ListingQueryDto, @RequestCaller() caller: Caller): Promise<ListingPageView> {
    return this.rpc.request(ListingSubjects.list, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One listing with its publications (status, portal id and URL, last error per channel)' })
  @ApiOkResponse({ type: ListingView })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ListingView> {
    return this.rpc.request(ListingSubjects.get, { id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change marketing data; the channels it is published on get the change by themselves (422 if it would no longer be complete for one of them)' })
  @ApiOkResponse({ type: ListingView })
  @ApiProblems(404, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateListingDto, @RequestCaller() caller: Caller): Promise<ListingView> {
    return this.rpc.request(ListingSubjects.update, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a listing that is on no channel (409 while published: unpublish first)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 409, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(ListingSubjects.delete, { id }, caller);
  }

  @Get(':id/readiness')
  @ApiOperation({ summary: 'Per channel, what the listing still lacks before it can be published there' })
  @ApiOkResponse({ type: ListingReadinessView })
  @ApiProblems(404, 422)
  readiness(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ListingReadinessView> {
    return this.rpc.request(ListingSubjects.readiness, { id }, caller);
  }

  @Post(':id/publish')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish to channels: one job per channel, processed in the background',
    description:
      '422 PUBLISHING_LISTING_INCOMPLETE names the missing fields per channel (details.missing); 422 PUBLISHING_CHANNEL_NOT_CONFIGURED names channels without credentials. Asking again while a job waits returns that job. Follow the jobs under /publishing/jobs; publishing.listing.published / failed events report the outcome.',
  })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  publish(@UuidParam() id: string, @Body() dto: PublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.rpc.request(ListingSubjects.publish, { ...dto, id }, caller);
  }

  @Post(':id/unpublish')
  @HttpCode(202)
  @ApiOperation({ summary: 'Withdraw from channels (default: every channel it is on), one job per channel' })
  @ApiAcceptedResponse({ type: JobListView })
  @ApiProblems(404, 409, 422)
  unpublish(@UuidParam() id: string, @Body() dto: UnpublishListingDto, @RequestCaller() caller: Caller): Promise<JobListView> {
    return this.rpc.request(ListingSubjects.unpublish, { ...dto, id }, caller);
  }
}
