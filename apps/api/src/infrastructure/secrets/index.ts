export * from './secret-errors';
export * from './secret-store';
export * from './master-key';
