import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AuthSessionDto,
  IdentitySubjects,
  JwksDto,
  LoginDto,
  MeDto,
  OkDto,
  ProvisionTrustedDto,
  RefreshTokenDto,
  RegisterDto,
  TrustedPrincipalDto,
} from '@quartier/contracts-identity';
import { OrgCaller } from '@quartier/contracts-shared';
import { CurrentCaller } from '@quartier/messaging';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(IdentitySubjects.authRegister)
  register(@Payload() request: RegisterDto): Promise<AuthSessionDto> {
    return this.auth.register(request);
  }

  @MessagePattern(IdentitySubjects.authLogin)
  login(@Payload() request: LoginDto): Promise<AuthSessionDto> {
    return this.auth.login(request);
  }

  @MessagePattern(IdentitySubjects.authRefresh)
  refresh(@Payload() request: RefreshTokenDto): Promise<AuthSessionDto> {
    return this.auth.refresh(request);
  }

  @MessagePattern(IdentitySubjects.authLogout)
  logout(@Payload() request: RefreshTokenDto): Promise<OkDto> {
    return this.auth.logout(request);
  }

  @MessagePattern(IdentitySubjects.authMe)
  me(@CurrentCaller() caller: OrgCaller): Promise<MeDto> {
    return this.auth.me(caller);
  }

  @MessagePattern(IdentitySubjects.authJwks)
  jwks(): Promise<JwksDto> {
    return this.auth.jwks();
  }

  /** Only the gateway calls this, after it verified the request came from a trusted proxy. */
  @MessagePattern(IdentitySubjects.authProvisionTrusted)
  provisionTrusted(@Payload() request: ProvisionTrustedDto): Promise<TrustedPrincipalDto> {
    return this.auth.provisionTrusted(request);
  }
}
