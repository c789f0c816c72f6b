export * from './test-database';
export * from './test-stack';
export * from './shared-data';
export * from './expectations';
export * from './stand-in-caller';
export * from './restartable-bus';
export * from './test-secrets';
