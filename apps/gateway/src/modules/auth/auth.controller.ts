import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import {
  AcceptInvitationDto,
  AuthSessionDto,
  ConfirmPasswordResetDto,
  IdentitySubjects,
  InvitationAcceptedDto,
  LoginDto,
  MeDto,
  OkDto,
  PasswordResetAcceptedDto,
  PasswordResetRequestMessage,
  RefreshTokenDto,
  RegisterDto,
  RequestPasswordResetDto,
} from '@quartier/contracts-identity';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Create an organization with its owner and sign in (409 when the email is taken)' })
  @ApiCreatedResponse({ type: AuthSessionDto })
  @ApiPublicProblems(409, 422)
  register(@Body() dto: RegisterDto, @RequestCaller() caller: Caller): Promise<AuthSessionDto> {
    return this.rpc.request(IdentitySubjects.authRegister, dto, caller);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password (401 with one generic message on failure)' })
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiPublicProblems(401, 422)
  login(@Body() dto: LoginDto, @RequestCaller() caller: Caller): Promise<AuthSessionDto> {
    return this.rpc.request(IdentitySubjects.authLogin, dto, caller);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (rotation; a replayed token revokes its family, 401)' })
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiPublicProblems(401, 422)
  refresh(@Body() dto: RefreshTokenDto, @RequestCaller() caller: Caller): Promise<AuthSessionDto> {
    return this.rpc.request(IdentitySubjects.authRefresh, dto, caller);
  }

  @Public()
  @Post('logout')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a refresh token (works with an expired access token)' })
  @ApiOkResponse({ type: OkDto })
  @ApiPublicProblems(422)
  logout(@Body() dto: RefreshTokenDto, @RequestCaller() caller: Caller): Promise<OkDto> {
    return this.rpc.request(IdentitySubjects.authLogout, dto, caller);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a single-use password-reset link (always 202 with the same body, whether or not the account exists)',
    description: 'Each email gets a few mails per hour (further requests are answered the same, without a mail); each client address a few requests (429 beyond).',
  })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  @ApiPublicProblems(422)
  requestPasswordReset(@Body() dto: RequestPasswordResetDto, @Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<PasswordResetAcceptedDto> {
    const message: PasswordResetRequestMessage = { email: dto.email, clientIp: request.ip };
    return this.rpc.request(IdentitySubjects.authPasswordResetRequest, message, caller);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the token from the reset link (single use; every session of the user ends)' })
  @ApiOkResponse({ type: OkDto })
  @ApiPublicProblems(422)
  confirmPasswordReset(@Body() dto: ConfirmPasswordResetDto, @RequestCaller() caller: Caller): Promise<OkDto> {
    return this.rpc.request(IdentitySubjects.authPasswordResetConfirm, dto, caller);
  }

  @Public()
  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept an invitation with the token from its link and join the organization',
    description:
      'An existing account joins with the token alone; a new account needs name and password (422 ACCOUNT_DETAILS_REQUIRED otherwise). 402 when the plan has no room, 409 when already a member, 422 for an invalid, expired, revoked or used token.',
  })
  @ApiOkResponse({ type: InvitationAcceptedDto })
  @ApiPublicProblems(402, 409, 422)
  acceptInvitation(@Body() dto: AcceptInvitationDto, @RequestCaller() caller: Caller): Promise<InvitationAcceptedDto> {
    return this.rpc.request(IdentitySubjects.authInvitationAccept, dto, caller);
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'The signed-in user, organization, role and scopes' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems()
  me(@RequestCaller() caller: Caller): Promise<MeDto> {
    return this.rpc.request(IdentitySubjects.authMe, {}, caller);
  }
}
