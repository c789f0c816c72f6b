export * from './ai.operations';
export * from './subjects';
export * from './errors';
export * from './limits';
export * from './source.dto';
export * from './chat.dto';
export * from './health.dto';
export * from './events';
