import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import {
  AuthOperations,
  AuthSessionDto,
  InvitationOperations,
  LoginDto,
  PasswordResetAcceptedDto,
  PasswordResetOperations,
  RequestPasswordResetDto,
} from '@quartier/contracts-identity';
import { Caller } from '@quartier/contracts-shared';
import { ApiPublicProblems } from '../../platform/api-docs';
import { RequestCaller } from '../../security/caller.decorator';
import { operationController } from '../../operations/operation-routes.factory';

/**
 * /api/v1/auth: signing up and in, sessions, password reset and accepting invitations, generated
 * from identity's operation descriptors. The route names keep the operationIds clients use.
 */
@Controller()
export class AuthController extends operationController('AuthController', {
  register: AuthOperations.register,
  refresh: AuthOperations.refresh,
  logout: AuthOperations.logout,
  confirmPasswordReset: PasswordResetOperations.confirm,
  acceptInvitation: InvitationOperations.accept,
  me: AuthOperations.me,
}) {
  // Hand-written: it adds the client's address, which failed logins are throttled by.
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password (401 with one generic message on failure)',
    description: 'Failed logins are throttled per email and client address: after a few, each further attempt from that address waits a doubling delay (429 with Retry-After). Unknown emails are answered and throttled the same way; there is no lockout.',
  })
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiPublicProblems(401, 422)
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<AuthSessionDto> {
    return this.client.send(AuthOperations.login, { email: dto.email, password: dto.password, organizationId: dto.organizationId, clientIp: request.ip }, caller);
  }

  // Hand-written: it answers 202 and adds the client's address (throttling per IP), which a descriptor's route cannot.
  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a single-use password-reset link (always 202 with the same body, whether or not the account exists)',
    description: 'Each email gets a few mails per hour (further requests are answered the same, without a mail); each client address a few requests (429 beyond).',
  })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedDto })
  @ApiPublicProblems(422)
  requestPasswordReset(@Body() dto: RequestPasswordResetDto, @Req() request: FastifyRequest, @RequestCaller() caller: Caller): Promise<PasswordResetAcceptedDto> {
    return this.client.send(PasswordResetOperations.request, { email: dto.email, clientIp: request.ip }, caller);
  }
}
