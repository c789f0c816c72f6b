export * from './valuation.operations';
export * from './valuation.subjects';
export * from './valuation.errors';
export * from './valuation.events';
export * from './property-attributes.dto';
export * from './valuation.dto';
export * from './market-data.dto';
export * from './model.dto';
