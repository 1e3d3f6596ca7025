export * from './password-hasher';
export * from './credential-store.port';
export * from './credential-store';
export * from './token-service';
