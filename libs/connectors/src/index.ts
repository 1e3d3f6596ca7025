export * from './spi';
export * from './sqlite';
export * from './connector-factory';
