import { Type } from '@nestjs/common';
import { AiRoutesModule } from './modules/ai/ai.module';
import { AuditLogsRoutesModule } from './modules/audit-logs/audit-logs.module';
import { AuthRoutesModule } from './modules/auth/auth.module';
import { ContactsRoutesModule } from './modules/contacts/contacts.module';
import { DocumentsRoutesModule } from './modules/documents/documents.module';
import { IotRoutesModule } from './modules/iot/iot.module';
import { LeasingRoutesModule } from './modules/leasing/leasing.module';
import { MeRoutesModule } from './modules/me/me.module';
import { OrganizationRoutesModule } from './modules/organization/organization.module';
import { PlatformRoutesModule } from './modules/platform/platform.module';
import { PortfolioRoutesModule } from './modules/portfolio/portfolio.module';
import { PublishingRoutesModule } from './modules/publishing/publishing.module';
import { RealtimeRoutesModule } from './modules/realtime/realtime.module';
import { ValuationRoutesModule } from './modules/valuation/valuation.module';
import { WellKnownModule } from './modules/well-known/well-known.module';
import { WorkOrdersRoutesModule } from './modules/workorders/workorders.module';

/**
 * Every HTTP route module under /api/v1. Adding a domain: create
 * `modules/<domain>/<domain>.module.ts` (see modules/portfolio/ for the pattern) and add one line here.
 */
export const DOMAIN_ROUTES: Type<unknown>[] = [
  AuthRoutesModule,
  MeRoutesModule,
  OrganizationRoutesModule,
  AuditLogsRoutesModule,
  PlatformRoutesModule,
  WellKnownModule,
  PortfolioRoutesModule,
  DocumentsRoutesModule,
  ContactsRoutesModule,
  WorkOrdersRoutesModule,
  IotRoutesModule,
  LeasingRoutesModule,
  ValuationRoutesModule,
  PublishingRoutesModule,
  RealtimeRoutesModule,
  AiRoutesModule,
];
