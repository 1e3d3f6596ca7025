// Public face of the domain library. Deciders are added by their folders.
export * from './shared/event';
export * from './shared/command';
export * from './shared/decider';
export * from './shared/errors';
export * from './shared/provider';
export * from './shared/connection-details';
export * from './integration/integration.events';
export * from './integration/integration.commands';
export * from './connection/connection.events';
export * from './connection/connection.commands';
export * from './connection-request/connection-request.events';
export * from './connection-request/connection-request.commands';
export * from './environment/environment.events';
export * from './environment/environment.commands';
export * from './user/user.events';
export * from './user/user.commands';
