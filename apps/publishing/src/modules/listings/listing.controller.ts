import { Controller, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import {
  CreateListingDto,
  JobListView,
  ListingIdDto,
  ListingPageView,
  ListingQueryDto,
  ListingReadinessView,
  ListingSubjects,
  ListingView,
  PublishListingMessageDto,
  UnpublishListingMessageDto,
  UpdateListingMessageDto,
} from '@quartier/contracts-publishing';
import { CurrentCaller, StaffOnlyGuard } from '@quartier/messaging';
import { ListingService } from './listing.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class ListingController {
  constructor(private readonly listings: ListingService) {}

  @MessagePattern(ListingSubjects.create)
  create(@CurrentCaller() caller: OrgCaller, @Payload() dto: CreateListingDto): Promise<ListingView> {
    return this.listings.create(caller, dto);
  }

  @MessagePattern(ListingSubjects.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: ListingQueryDto): Promise<ListingPageView> {
    return this.listings.list(caller, query);
  }

  @MessagePattern(ListingSubjects.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<ListingView> {
    return this.listings.get(caller, dto.id);
  }

  @MessagePattern(ListingSubjects.update)
  update(@CurrentCaller() caller: OrgCaller, @Payload() dto: UpdateListingMessageDto): Promise<ListingView> {
    return this.listings.update(caller, dto);
  }

  @MessagePattern(ListingSubjects.delete)
  delete(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<{ deleted: true }> {
    return this.listings.delete(caller, dto.id);
  }

  @MessagePattern(ListingSubjects.readiness)
  readiness(@CurrentCaller() caller: OrgCaller, @Payload() dto: ListingIdDto): Promise<ListingReadinessView> {
    return this.listings.readiness(caller, dto.id);
  }

  @MessagePattern(ListingSubjects.publish)
  publish(@CurrentCaller() caller: OrgCaller, @Payload() dto: PublishListingMessageDto): Promise<JobListView> {
    return this.listings.publish(caller, dto);
  }

  @MessagePattern(ListingSubjects.unpublish)
  unpublish(@CurrentCaller() caller: OrgCaller, @Payload() dto: UnpublishListingMessageDto): Promise<JobListView> {
    return this.listings.unpublish(caller, dto);
  }
}
