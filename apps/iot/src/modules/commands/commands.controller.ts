import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { CommandListQueryDto, CommandOperations, CommandPageResponse, CommandResponse, IotIdRequest, SendCommandRequest } from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { CommandsService } from './commands.service';

@Controller()
export class CommandsController {
  constructor(private readonly commands: CommandsService) {}

  @HandlesOperation(CommandOperations.send)
  send(@CurrentCaller() caller: OrgCaller, @Payload() request: SendCommandRequest): Promise<CommandResponse> {
    const { id, ...command } = request;
    return this.commands.send(caller, id, command);
  }

  @HandlesOperation(CommandOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: CommandListQueryDto): Promise<CommandPageResponse> {
    return this.commands.list(caller, query);
  }

  @HandlesOperation(CommandOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<CommandResponse> {
    return this.commands.get(caller, request.id);
  }
}
