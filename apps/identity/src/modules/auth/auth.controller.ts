import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AuthOperations,
  AuthSessionDto,
  JwksDto,
  LoginRequestMessage,
  MeDto,
  OkDto,
  ProvisionTrustedDto,
  RefreshTokenDto,
  RegisterDto,
  TrustedPrincipalDto,
} from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller, HandlesOperation } from '@quartier/messaging';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @HandlesOperation(AuthOperations.register)
  register(@Payload() request: RegisterDto): Promise<AuthSessionDto> {
    return this.auth.register(request);
  }

  @HandlesOperation(AuthOperations.login)
  login(@Payload() request: LoginRequestMessage): Promise<AuthSessionDto> {
    return this.auth.login(request);
  }

  @HandlesOperation(AuthOperations.refresh)
  refresh(@Payload() request: RefreshTokenDto): Promise<AuthSessionDto> {
    return this.auth.refresh(request);
  }

  @HandlesOperation(AuthOperations.logout)
  logout(@Payload() request: RefreshTokenDto): Promise<OkDto> {
    return this.auth.logout(request);
  }

  @HandlesOperation(AuthOperations.me)
  me(@CurrentCaller() caller: OrgCaller): Promise<MeDto> {
    return this.auth.me(caller);
  }

  @HandlesOperation(AuthOperations.jwks)
  jwks(): Promise<JwksDto> {
    return this.auth.jwks();
  }

  /** Only the gateway calls this, after it verified the request came from a trusted proxy. */
  @HandlesOperation(AuthOperations.provisionTrusted)
  provisionTrusted(@Payload() request: ProvisionTrustedDto): Promise<TrustedPrincipalDto> {
    return this.auth.provisionTrusted(request);
  }
}
