/** NATS subjects of the leasing service (without the deployment prefix). */
export const LeasingSubjects = {
  tenantsList: 'leasing.v1.tenants.list',
  tenantsGet: 'leasing.v1.tenants.get',
  tenantsCreate: 'leasing.v1.tenants.create',
  tenantsUpdate: 'leasing.v1.tenants.update',
  tenantsDelete: 'leasing.v1.tenants.delete',
  tenantsMe: 'leasing.v1.tenants.me',
  tenantsMeUpdate: 'leasing.v1.tenants.me.update',
  tenantsLeases: 'leasing.v1.tenants.leases',
  tenantsPayments: 'leasing.v1.tenants.payments',
  leasesList: 'leasing.v1.leases.list',
  leasesGet: 'leasing.v1.leases.get',
  leasesCreate: 'leasing.v1.leases.create',
  leasesUpdate: 'leasing.v1.leases.update',
  leasesDelete: 'leasing.v1.leases.delete',
  leasesActivate: 'leasing.v1.leases.activate',
  leasesRenew: 'leasing.v1.leases.renew',
  leasesTerminate: 'leasing.v1.leases.terminate',
  leasesExpiring: 'leasing.v1.leases.expiring',
  leasesActive: 'leasing.v1.leases.active',
  leasesCharges: 'leasing.v1.leases.charges',
  lifecycleRun: 'leasing.v1.leases.lifecycle.run',
  rentRun: 'leasing.v1.rent.run',
  paymentsList: 'leasing.v1.payments.list',
  paymentsGet: 'leasing.v1.payments.get',
  paymentsCreate: 'leasing.v1.payments.create',
  paymentsUpdate: 'leasing.v1.payments.update',
  paymentsDelete: 'leasing.v1.payments.delete',
  paymentsRefund: 'leasing.v1.payments.refund',
  paymentsOverdue: 'leasing.v1.payments.overdue',
  paymentsByTenant: 'leasing.v1.payments.by-tenant',
  paymentsSummary: 'leasing.v1.payments.summary',
} as const;
export type LeasingSubject = (typeof LeasingSubjects)[keyof typeof LeasingSubjects];

/** Subject leasing calls to check that a unit exists (answered by portfolio; 404 when missing). */
export const PORTFOLIO_UNITS_GET_SUBJECT = 'portfolio.v1.units.get';
