import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConfirmPasswordResetDto,
  OkDto,
  PasswordResetAcceptedDto,
  PasswordResetOperations,
  PasswordResetRequestMessage,
} from '@quartier/contracts-identity';
import { Caller } from '@quartier/contracts-shared';
import { AnyCaller, HandlesOperation } from '@quartier/messaging';
import { PasswordResetService } from './password-reset.service';

@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @HandlesOperation(PasswordResetOperations.request)
  request(@Payload() request: PasswordResetRequestMessage): Promise<PasswordResetAcceptedDto> {
    return this.resets.request(request);
  }

  @HandlesOperation(PasswordResetOperations.confirm)
  confirm(@Payload() request: ConfirmPasswordResetDto, @AnyCaller() caller: Caller): Promise<OkDto> {
    return this.resets.confirm(request, caller);
  }
}
