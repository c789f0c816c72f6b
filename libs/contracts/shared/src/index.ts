export * from './errors';
export * from './pagination';
export * from './query-boolean.decorator';
export * from './caller';
export * from './events';
export * from './audit';
export * from './operation';
export * from './components';
