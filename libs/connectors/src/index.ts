export * from './spi';
export * from './data';
export * from './sqlite';
export * from './connector-factory';
