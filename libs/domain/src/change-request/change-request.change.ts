import { type ConnectionDetails } from '../shared/connection-details';
import { type Provider } from '../shared/provider';

/** A request body kept as the caller sent it, to be handed to the same command once approved. */
export type ChangeBody = Readonly<Record<string, unknown>>;

/**
 * What a change request changes once approved: the call it stands for, as that call received it.
 * A password never appears here: `secretRef` names it in the secret store. `ifMatch` is the version
 * the requester saw, checked again when the change is applied.
 */
export type RequestedChange =
  | Readonly<{ kind: 'promote'; integrationId: string; body: ChangeBody }>
  | Readonly<{ kind: 'bind'; integrationId: string; body: ChangeBody }>
  | Readonly<{ kind: 'unbind'; integrationId: string }>
  | Readonly<{
      kind: 'create-connection';
      connection: Readonly<{ name: string; provider: Provider; details: ConnectionDetails }>;
      secretRef?: string;
    }>
  | Readonly<{
      kind: 'edit-connection';
      connectionId: string;
      edit: Readonly<{ name?: string; details?: ConnectionDetails }>;
      ifMatch?: number;
    }>
  | Readonly<{ kind: 'rotate-password'; connectionId: string; secretRef: string; ifMatch?: number }>
  | Readonly<{ kind: 'delete-connection'; connectionId: string; ifMatch?: number }>
  | Readonly<{ kind: 'environment-policy'; fourEyes: boolean }>;

export type ChangeKind = RequestedChange['kind'];

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'promote',
  'bind',
  'unbind',
  'create-connection',
  'edit-connection',
  'rotate-password',
  'delete-connection',
  'environment-policy',
];

/** The secret a change holds until it is applied, rejected or cancelled. */
export const secretRefOf = (change: RequestedChange): string | undefined =>
  change.kind === 'create-connection' || change.kind === 'rotate-password' ? change.secretRef : undefined;
