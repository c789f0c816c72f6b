export * from './publishing.subjects';
export * from './publishing.operations';
export * from './publishing.enums';
export * from './publishing.errors';
export * from './publishing.events';
export * from './listing.dto';
export * from './channel.dto';
export * from './job.dto';
