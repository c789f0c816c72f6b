export * from './lease.events';
export * from './leasing.subjects';
export * from './leasing.errors';
export * from './common.dto';
export * from './tenant.dto';
export * from './lease.dto';
export * from './payment.dto';
export * from './invoice.dto';
