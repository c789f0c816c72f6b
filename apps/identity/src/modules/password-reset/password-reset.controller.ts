import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConfirmPasswordResetDto,
  IdentitySubjects,
  OkDto,
  PasswordResetAcceptedDto,
  PasswordResetRequestMessage,
} from '@quartier/contracts-identity';
import { Caller } from '@quartier/contracts-shared';
import { AnyCaller } from '@quartier/messaging';
import { PasswordResetService } from './password-reset.service';

@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @MessagePattern(IdentitySubjects.authPasswordResetRequest)
  request(@Payload() request: PasswordResetRequestMessage): Promise<PasswordResetAcceptedDto> {
    return this.resets.request(request);
  }

  @MessagePattern(IdentitySubjects.authPasswordResetConfirm)
  confirm(@Payload() request: ConfirmPasswordResetDto, @AnyCaller() caller: Caller): Promise<OkDto> {
    return this.resets.confirm(request, caller);
  }
}
