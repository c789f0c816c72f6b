import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsEmail, IsIn, IsIP, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Nullable, Optional, Role, ROLES, Scope, SCOPES } from '@quartier/contracts-shared';
import { OrganizationDto } from './organization.dto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { UserDto } from './profile.dto';

export class RegisterDto {
  @ApiProperty({ example: 'anna@example.de', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ example: 'Anna Schmidt', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Schmidt Hausverwaltung GmbH', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organizationName!: string;

  @ApiPropertyOptional({ example: 'de-DE', maxLength: 35 })
  @Optional()
  @Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'locale must be a BCP 47 language tag' })
  @MaxLength(35)
  locale?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'anna@example.de' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Organization to sign in to when the user belongs to several; defaults to the oldest membership' })
  @Nullable()
  @IsUUID()
  organizationId?: string;
}

/** What the gateway sends identity: the body plus the client address, which failed logins are throttled by. */
export class LoginRequestMessage extends LoginDto {
  @ApiPropertyOptional({ example: '203.0.113.7' })
  @Nullable()
  @IsIP()
  clientIp?: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token returned by login, register or a previous refresh' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

/** Tokens and who they were issued to; returned by register, login and refresh. */
export class AuthSessionDto {
  @ApiProperty({ description: 'ES256 JWT for `Authorization: Bearer`' })
  accessToken!: string;

  @ApiProperty({ description: 'Opaque; single use: every refresh returns a new one' })
  refreshToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Access token lifetime in seconds', example: 900 })
  expiresIn!: number;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt!: string;

  @ApiProperty({ type: () => UserDto })
  user!: UserDto;

  @ApiProperty({ type: () => OrganizationDto })
  organization!: OrganizationDto;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: SCOPES, isArray: true })
  scopes!: Scope[];
}

/** The signed-in user in their current organization. */
export class MeDto {
  @ApiProperty({ type: () => UserDto })
  user!: UserDto;

  @ApiProperty({ type: () => OrganizationDto })
  organization!: OrganizationDto;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: SCOPES, isArray: true })
  scopes!: Scope[];
}

export class JwkDto {
  @ApiProperty({ example: 'EC' }) kty!: string;
  @ApiProperty({ example: 'P-256' }) crv!: string;
  @ApiProperty() x!: string;
  @ApiProperty() y!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ example: 'ES256' }) alg!: string;
  @ApiProperty({ example: 'sig' }) use!: string;
}

/** Public keys that verify access tokens (RFC 7517). */
export class JwksDto {
  @ApiProperty({ type: () => JwkDto, isArray: true })
  keys!: JwkDto[];
}

/** Authelia mode: the identity the gateway read from trusted headers. */
export class ProvisionTrustedDto {
  @ApiProperty({ example: 'anna' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  username!: string;

  @ApiProperty({ example: 'anna@example.de' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'Anna Schmidt' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId!: string;
}

export class TrustedPrincipalDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes!: Scope[];
}

export class OkDto {
  @ApiProperty({ example: true })
  ok!: true;
}
