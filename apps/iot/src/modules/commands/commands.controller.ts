import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { CommandListQueryDto, CommandResponse, IotIdRequest, IotSubjects, SendCommandRequest } from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { CommandsService } from './commands.service';

@Controller()
export class CommandsController {
  constructor(private readonly commands: CommandsService) {}

  @MessagePattern(IotSubjects.commandsSend)
  send(@CurrentCaller() caller: OrgCaller, @Payload() request: SendCommandRequest): Promise<CommandResponse> {
    return this.commands.send(caller, request.id, request.command);
  }

  @MessagePattern(IotSubjects.commandsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: CommandListQueryDto): Promise<Page<CommandResponse>> {
    return this.commands.list(caller, query);
  }

  @MessagePattern(IotSubjects.commandsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<CommandResponse> {
    return this.commands.get(caller, request.id);
  }
}
