import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIP, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { Nullable } from '@quartier/contracts-shared';

export class RequestPasswordResetDto {
  @ApiProperty({ example: 'anna@example.de', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/** What the gateway sends identity: the body plus the client address, which throttles requests per IP. */
export class PasswordResetRequestMessage extends RequestPasswordResetDto {
  @ApiPropertyOptional({ example: '203.0.113.7' })
  @Nullable()
  @IsIP()
  clientIp?: string;
}

export const PASSWORD_RESET_ACCEPTED_MESSAGE = 'If an account exists for this email, a link to reset its password has been sent';

/** The one answer to every reset request, whether or not an account has that email. */
export class PasswordResetAcceptedDto {
  @ApiProperty({ example: true }) accepted!: true;
  @ApiProperty({ example: PASSWORD_RESET_ACCEPTED_MESSAGE }) message!: string;
}

export class ConfirmPasswordResetDto {
  @ApiProperty({ description: 'The token from the reset link (single use)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
