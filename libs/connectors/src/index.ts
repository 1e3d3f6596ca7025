export * from './spi';
export * from './data';
export * from './sqlite';
export * from './mysql';
export * from './mssql';
export * from './postgres';
export * from './connector-factory';
export { hostNameProblem } from './host-name';
