import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OrgCaller } from '@quartier/contracts-shared';
import { AlertActionRequest, AlertListQueryDto, AlertOperations, AlertPageResponse, AlertResponse, IotIdRequest } from '@quartier/contracts-iot';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { AlertsService } from './alerts.service';

@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @HandlesOperation(AlertOperations.list)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: AlertListQueryDto): Promise<AlertPageResponse> {
    return this.alerts.list(caller, query);
  }

  @HandlesOperation(AlertOperations.get)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<AlertResponse> {
    return this.alerts.get(caller, request.id);
  }

  @HandlesOperation(AlertOperations.acknowledge)
  acknowledge(@CurrentCaller() caller: OrgCaller, @Payload() request: AlertActionRequest): Promise<AlertResponse> {
    return this.alerts.acknowledge(caller, request.id, request.note);
  }

  @HandlesOperation(AlertOperations.resolve)
  resolve(@CurrentCaller() caller: OrgCaller, @Payload() request: AlertActionRequest): Promise<AlertResponse> {
    return this.alerts.resolve(caller, request.id, request.note);
  }
}
