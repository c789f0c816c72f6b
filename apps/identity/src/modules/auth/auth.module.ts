import { Module } from '@nestjs/common';
import { LimitsModule } from '../limits/limits.module';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [LimitsModule, SigningKeysModule],
  controllers: [AuthController],
  providers: [AuthService, TokenService, PasswordHasher],
  exports: [TokenService, PasswordHasher],
})
export class AuthModule {}
