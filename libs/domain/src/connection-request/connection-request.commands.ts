import { type Command } from '../shared/command';
import { type ConnectionDetails } from '../shared/connection-details';
import { type Provider } from '../shared/provider';

export type RequestConnection = Command<
  'RequestConnection',
  {
    requestId: string;
    environment: string;
    name: string;
    provider: Provider;
    details: ConnectionDetails;
    secretRef?: string;
    note?: string;
  }
>;

/** `connectionId` is chosen by the caller so the connection created on approval is known up front. */
export type ApproveConnectionRequest = Command<
  'ApproveConnectionRequest',
  { requestId: string; connectionId: string }
>;

export type RejectConnectionRequest = Command<
  'RejectConnectionRequest',
  { requestId: string; reason: string }
>;

/** `isAdmin`: an administrator may cancel anyone's request, others only their own. */
export type CancelConnectionRequest = Command<
  'CancelConnectionRequest',
  { requestId: string; isAdmin: boolean }
>;

export type ConnectionRequestCommand =
  RequestConnection | ApproveConnectionRequest | RejectConnectionRequest | CancelConnectionRequest;
