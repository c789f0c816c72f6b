export * from './subjects';
export * from './errors';
export * from './work-order.dto';
export * from './contractor.dto';
export * from './board.dto';
export * from './task.dto';
export * from './events';
export * from './responses';
