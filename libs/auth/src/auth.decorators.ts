import { SetMetadata } from '@nestjs/common';
import { CallerRole, Scope } from '@quartier/contracts-shared';

export const PUBLIC_KEY = 'quartier:public';
export const SCOPES_KEY = 'quartier:scopes';
export const ROLES_KEY = 'quartier:roles';

/** The route needs no authentication (login, register, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The caller needs every one of these scopes. */
export const RequireScopes = (...scopes: Scope[]): MethodDecorator & ClassDecorator => SetMetadata(SCOPES_KEY, scopes);

/** The caller needs at least one of these roles. */
export const RequireRoles = (...roles: CallerRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
