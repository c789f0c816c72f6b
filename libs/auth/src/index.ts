export * from './roles';
export * from './principal';
export * from './trusted-headers';
export * from './auth.decorators';
export * from './access';
