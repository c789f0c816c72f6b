import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Public, RequireRoles, RequireScopes } from '@quartier/auth';
import { AnyOperation } from '@quartier/contracts-shared';

/**
 * The access a hand-written route needs, read off its operation descriptor as the route factory
 * reads it: the scopes and roles AccessGuard checks, and `x-quartier-access` in OpenAPI.
 */
export function OperationAccess(operation: AnyOperation): MethodDecorator {
  if (operation.access === 'public') return applyDecorators(Public(), ApiExtension('x-quartier-access', { public: true }));
  const { scopes, roles } = operation.access;
  return applyDecorators(
    RequireScopes(...scopes),
    ...(roles?.length ? [RequireRoles(...roles)] : []),
    ApiExtension('x-quartier-access', operation.access),
  );
}
