import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { MeController } from './me.controller';

@Module({ controllers: [MeController], providers: [OperationClient] })
export class MeRoutesModule {}
