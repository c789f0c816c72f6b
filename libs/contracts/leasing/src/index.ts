export * from './lease.events';
