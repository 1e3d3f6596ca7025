import { type Command } from '../shared/command';
import { type EnvironmentKind } from './environment.events';

/** The stream is `environment-<name>`, so a name is unique by construction. */
export type CreateEnvironment = Command<
  'CreateEnvironment',
  { name: string; kind: EnvironmentKind; address?: string }
>;

export type EnvironmentCommand = CreateEnvironment;
