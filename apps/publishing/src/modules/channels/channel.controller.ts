import { Controller, UseGuards } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { ChannelDeletedView, ChannelListView, ChannelNameDto, ChannelOperations, ChannelView, ConfigureChannelMessageDto } from '@quartier/contracts-publishing';
import { CurrentCaller, HandlesOperation, StaffOnlyGuard, forbidden } from '@quartier/messaging';
import { ChannelService } from './channel.service';

function requireAdmin(caller: OrgCaller): void {
  if (!caller.roles.some((role) => role === 'owner' || role === 'admin')) throw forbidden('Only owners and admins configure publishing channels');
}

@Controller()
@UseGuards(StaffOnlyGuard)
export class ChannelController {
  constructor(private readonly channels: ChannelService) {}

  @HandlesOperation(ChannelOperations.list)
  list(@CurrentCaller() caller: OrgCaller): Promise<ChannelListView> {
    return this.channels.list(caller);
  }

  @HandlesOperation(ChannelOperations.configure)
  configure(@CurrentCaller() caller: OrgCaller, @Payload() dto: ConfigureChannelMessageDto): Promise<ChannelView> {
    requireAdmin(caller);
    return this.channels.configure(caller, dto);
  }

  @HandlesOperation(ChannelOperations.remove)
  remove(@CurrentCaller() caller: OrgCaller, @Payload() dto: ChannelNameDto): Promise<ChannelDeletedView> {
    requireAdmin(caller);
    return this.channels.remove(caller, dto.channel);
  }
}
