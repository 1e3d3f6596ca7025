import { type ChangeKind, type RequestedChange } from '@ib/domain';
import { type RequestContext } from '../../identity';

/** Where the change applies, and the password it sealed (create a connection, rotate its password). */
export type ChangeSetting = Readonly<{ environment: string; secret?: string }>;

/**
 * Runs an approved change: dispatches the very command the direct call dispatches, with `context`
 * acting for the requester and marking the approved change.
 */
export type ChangeExecutor<K extends ChangeKind = ChangeKind> = (
  change: Extract<RequestedChange, { kind: K }>,
  context: RequestContext,
  setting: ChangeSetting,
) => Promise<unknown>;
