import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { AuthController } from './auth.controller';

@Module({ controllers: [AuthController], providers: [OperationClient] })
export class AuthRoutesModule {}
