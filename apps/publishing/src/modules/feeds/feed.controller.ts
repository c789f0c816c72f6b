import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { FeedChannelDto, FeedDeliveryView, FeedOperations, FeedQueryDto, FeedView } from '@quartier/contracts-publishing';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard, forbidden } from '@quartier/messaging';
import { FeedService } from './feed.service';

@Controller()
@UseGuards(StaffOnlyGuard)
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @HandlesOperation(FeedOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() query: FeedQueryDto): Promise<FeedView> {
    return this.feeds.download(caller, query);
  }

  @HandlesOperation(FeedOperations.deliver)
  deliver(@CurrentCaller() caller: OrgCaller, @Payload() dto: FeedChannelDto): Promise<FeedDeliveryView> {
    if (!caller.scopes.includes('write')) throw forbidden('Sending a feed to the portal needs write access');
    return this.feeds.deliverFull(caller, dto.channel);
  }
}
