export * from './errors';
export * from './pagination';
export * from './caller';
export * from './events';
export * from './audit';
