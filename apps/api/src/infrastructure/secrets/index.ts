export * from './secret-errors';
export * from './secret-store.port';
export * from './secret-store';
export * from './master-key';
export * from './open-secret-store';
