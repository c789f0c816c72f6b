import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  CreateListingDto,
  JobListView,
  ListingDeletedView,
  ListingIdDto,
  ListingOperations,
  ListingPageView,
  ListingQueryDto,
  ListingReadinessView,
  ListingView,
  PublishListingMessageDto,
  UnpublishListingMessageDto,
  UpdateListingMessageDto,
} from '@quartier/contracts-publishing';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard } from '@quartier/messaging';
import { ListingService } from './listing.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class ListingController {
  constructor(private readonly listings: ListingService) {}

  @HandlesOperation(ListingOperations.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateListingDto): Promise<ListingView> {
    return this.listings.create(caller, dto);
  }

  @HandlesOperation(ListingOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListingQueryDto): Promise<ListingPageView> {
    return this.listings.list(caller, query);
  }

  @HandlesOperation(ListingOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<ListingView> {
    return this.listings.get(caller, dto.id);
  }

  @HandlesOperation(ListingOperations.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateListingMessageDto): Promise<ListingView> {
    return this.listings.update(caller, dto);
  }

  @HandlesOperation(ListingOperations.delete)
  delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<ListingDeletedView> {
    return this.listings.delete(caller, dto.id);
  }

  @HandlesOperation(ListingOperations.readiness)
  readiness(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<ListingReadinessView> {
    return this.listings.readiness(caller, dto.id);
  }

  @HandlesOperation(ListingOperations.publish)
  publish(@CurrentCaller() caller: OrgCaller, @Payload() dto: PublishListingMessageDto): Promise<JobListView> {
    return this.listings.publish(caller, dto);
  }

  @HandlesOperation(ListingOperations.unpublish)
  unpublish(@CurrentCaller() caller: OrgCaller, @Payload() dto: UnpublishListingMessageDto): Promise<JobListView> {
    return this.listings.unpublish(caller, dto);
  }
}
