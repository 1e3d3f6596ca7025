import { type EnvironmentKind } from '../environment/environment.events';
import { type Command } from '../shared/command';
import { type Provider } from '../shared/provider';

/**
 * Development gets the version a publication produced; qa and production get one by promotion.
 * The handler reads what the rules need: the target environment's kind and the integration's
 * published version numbers.
 */
export type DeployVersion = Command<
  'DeployVersion',
  {
    integrationId: string;
    version: number;
    environment: string;
    environmentKind: EnvironmentKind;
    publishedVersions: readonly number[];
  }
>;

/** The handler reads the connection and the integration and passes what the rules need of them. */
export type BindConnection = Command<
  'BindConnection',
  {
    integrationId: string;
    environment: string;
    connectionId: string;
    connectionProvider: Provider;
    connectionEnvironment: string;
    integrationProvider: Provider;
  }
>;

export type RequireRepublish = Command<
  'RequireRepublish',
  { integrationId: string; dependency: string; reason: string }
>;

export type DeploymentCommand = DeployVersion | BindConnection | RequireRepublish;
