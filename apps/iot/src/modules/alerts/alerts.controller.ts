import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrgCaller, Page } from '@quartier/contracts-shared';
import { AlertActionRequest, AlertListQueryDto, AlertResponse, IotIdRequest, IotSubjects } from '@quartier/contracts-iot';
import { CurrentCaller } from '@quartier/messaging';
import { AlertsService } from './alerts.service';

@Controller()
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @MessagePattern(IotSubjects.alertsList)
  list(@CurrentCaller() caller: OrgCaller, @Payload() query: AlertListQueryDto): Promise<Page<AlertResponse>> {
    return this.alerts.list(caller, query);
  }

  @MessagePattern(IotSubjects.alertsGet)
  get(@CurrentCaller() caller: OrgCaller, @Payload() request: IotIdRequest): Promise<AlertResponse> {
    return this.alerts.get(caller, request.id);
  }

  @MessagePattern(IotSubjects.alertsAcknowledge)
  acknowledge(@CurrentCaller() caller: OrgCaller, @Payload() request: AlertActionRequest): Promise<AlertResponse> {
    return this.alerts.acknowledge(caller, request.id, request.body?.note);
  }

  @MessagePattern(IotSubjects.alertsResolve)
  resolve(@CurrentCaller() caller: OrgCaller, @Payload() request: AlertActionRequest): Promise<AlertResponse> {
    return this.alerts.resolve(caller, request.id, request.body?.note);
  }
}
