export * from './spi';
