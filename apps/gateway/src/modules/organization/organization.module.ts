import { Module } from '@nestjs/common';
import { OperationClient } from '@quartier/messaging';
import { OrganizationController } from './organization.controller';

@Module({ controllers: [OrganizationController], providers: [OperationClient] })
export class OrganizationRoutesModule {}
