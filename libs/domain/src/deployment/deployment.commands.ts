import { type EnvironmentKind } from '../environment/environment.events';
import { type RuntimeDependency } from '../publication/publication.events';
import { type Command } from '../shared/command';
import { type Provider } from '../shared/provider';
import { type SchemaOverride } from './deployment.events';

/**
 * Development gets the version a publication produced; qa and production get one by promotion.
 * The handler reads what the rules need: the target environment's kind, the integration's
 * published version numbers and the runtime dependencies the deployed version was built against.
 */
export type DeployVersion = Command<
  'DeployVersion',
  {
    integrationId: string;
    version: number;
    environment: string;
    environmentKind: EnvironmentKind;
    publishedVersions: readonly number[];
    builtAgainst: readonly RuntimeDependency[];
    /** The promotion gate found a schema mismatch and the administrator deployed anyway. */
    override?: SchemaOverride;
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
    /** The promotion gate found a schema mismatch and the administrator bound anyway. */
    override?: SchemaOverride;
  }
>;

export type UnbindConnection = Command<'UnbindConnection', { integrationId: string; environment: string }>;

/**
 * `environment` and `version`: where the breaking update was installed, and its version. Without
 * them, an update installed everywhere (before updates were per environment) is replayed.
 */
export type RequireRepublish = Command<
  'RequireRepublish',
  { integrationId: string; dependency: string; reason: string; environment?: string; version?: string }
>;

export type DeploymentCommand = DeployVersion | BindConnection | UnbindConnection | RequireRepublish;
