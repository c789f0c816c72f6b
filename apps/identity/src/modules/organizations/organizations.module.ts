import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LimitsModule } from '../limits/limits.module';
import { MembersService } from './members.service';
import { OrganizationController } from './organization.controller';
import { OrganizationService } from './organization.service';

@Module({ imports: [AuthModule, LimitsModule], controllers: [OrganizationController], providers: [OrganizationService, MembersService] })
export class OrganizationsModule {}
