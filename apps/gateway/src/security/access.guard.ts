import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { PUBLIC_KEY, ROLES_KEY, SCOPES_KEY, isAllowed } from '@quartier/auth';
import { CommonErrorCode, Role, Scope } from '@quartier/contracts-shared';
import { ProblemException } from '../platform/problem';
import '../platform/request-state';
import { accessRequirement } from './access-rule';
import { unauthenticated } from './authenticator';

/**
 * Enforces authentication and the route's scopes/roles (403 otherwise). The principal was
 * resolved by the authentication hook; routes marked @Public() are open to anyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!request.principal) throw request.authFailure ?? unauthenticated('Authentication is required');
    const requirement = accessRequirement(request.method, {
      scopes: this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_KEY, targets),
      roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
    });
    if (!isAllowed(request.principal, requirement)) {
      throw new ProblemException(403, CommonErrorCode.FORBIDDEN, 'Your role does not allow this action');
    }
    return true;
  }
}
