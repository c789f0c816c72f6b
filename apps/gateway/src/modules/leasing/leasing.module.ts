import { Module } from '@nestjs/common';
import { InvoiceOperations, LeaseOperations, PaymentOperations, TenantOperations, UtilityOperations } from '@quartier/contracts-leasing';
import { OperationClient } from '@quartier/messaging';
import { operationController } from '../../operations/operation-routes.factory';
import { InvoicesController } from './invoices.controller';
import { LeasesController } from './leases.controller';
import { PaymentsController } from './payments.controller';
import { TenantsController } from './tenants.controller';
import { UtilitiesController } from './utilities.controller';

/*
 * Routes generated from leasing's operation descriptors. Each keeps the controller and route name
 * of its old hand-written method (the operationId clients know), beside the hand-written class of
 * the same name that serves what the factory cannot.
 */
const TenantRoutes = operationController('TenantsController', {
  list: TenantOperations.list,
  create: TenantOperations.create,
  me: TenantOperations.me,
  updateMe: TenantOperations.updateMe,
  get: TenantOperations.get,
  remove: TenantOperations.remove,
  update: TenantOperations.update,
  leases: TenantOperations.leases,
  payments: TenantOperations.payments,
});

const LeaseRoutes = operationController('LeasesController', {
  list: LeaseOperations.list,
  create: LeaseOperations.create,
  expiring: LeaseOperations.expiring,
  active: LeaseOperations.active,
  rentRun: LeaseOperations.rentRun,
  lifecycleRun: LeaseOperations.lifecycleRun,
  get: LeaseOperations.get,
  remove: LeaseOperations.remove,
  update: LeaseOperations.update,
  activate: LeaseOperations.activate,
  renew: LeaseOperations.renew,
  terminate: LeaseOperations.terminate,
  charges: LeaseOperations.charges,
});

const PaymentRoutes = operationController('PaymentsController', {
  list: PaymentOperations.list,
  overdue: PaymentOperations.overdue,
  summary: PaymentOperations.summary,
  get: PaymentOperations.get,
  record: PaymentOperations.record,
  update: PaymentOperations.update,
  remove: PaymentOperations.remove,
  refund: PaymentOperations.refund,
  intent: PaymentOperations.intent,
});

const InvoiceRoutes = operationController('InvoicesController', {
  list: InvoiceOperations.list,
  create: InvoiceOperations.create,
  sync: InvoiceOperations.sync,
  overdue: InvoiceOperations.overdue,
  get: InvoiceOperations.get,
  remove: InvoiceOperations.remove,
  update: InvoiceOperations.update,
  send: InvoiceOperations.send,
  pay: InvoiceOperations.pay,
});

const UtilityRoutes = operationController('UtilitiesController', {
  list: UtilityOperations.bills,
  create: UtilityOperations.createBill,
  overdue: UtilityOperations.overdueBills,
  get: UtilityOperations.bill,
  remove: UtilityOperations.removeBill,
  update: UtilityOperations.updateBill,
  pay: UtilityOperations.payBill,
  analytics: UtilityOperations.usageAnalytics,
  forecast: UtilityOperations.costForecast,
  providers: UtilityOperations.providers,
  createProvider: UtilityOperations.createProvider,
  provider: UtilityOperations.provider,
  updateProvider: UtilityOperations.updateProvider,
  removeProvider: UtilityOperations.removeProvider,
});

/** /api/v1 routes of the leasing service: tenants, leases, payments (+ Stripe webhook), invoices, utilities. */
@Module({
  // Each hand-written class before its generated routes: the document lists /invoices/tenant/{tenantId}
  // before /invoices/{id}/send as it did, so the ambiguous-path exceptions of .redocly.lint-ignore.yaml still apply.
  controllers: [
    TenantsController,
    TenantRoutes,
    LeasesController,
    LeaseRoutes,
    PaymentsController,
    PaymentRoutes,
    InvoicesController,
    InvoiceRoutes,
    UtilitiesController,
    UtilityRoutes,
  ],
  providers: [OperationClient],
})
export class LeasingRoutesModule {}
