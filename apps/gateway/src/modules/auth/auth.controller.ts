import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Public } from '@quartier/auth';
import {
  AuthOperations,
  InvitationOperations,
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
  login: AuthOperations.login,
  refresh: AuthOperations.refresh,
  logout: AuthOperations.logout,
  confirmPasswordReset: PasswordResetOperations.confirm,
  acceptInvitation: InvitationOperations.accept,
  me: AuthOperations.me,
}) {
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
