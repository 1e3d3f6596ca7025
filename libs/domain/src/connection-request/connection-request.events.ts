import { type ConnectionDetails } from '../shared/connection-details';
import { type Event } from '../shared/event';
import { type Provider } from '../shared/provider';

export type ConnectionRequested = Event<
  'ConnectionRequested',
  {
    requestId: string;
    environment: string;
    name: string;
    provider: Provider;
    details: ConnectionDetails;
    secretRef?: string;
    note?: string;
    requestedBy: string;
    requestedAt: string;
  }
>;

export type ConnectionRequestApproved = Event<
  'ConnectionRequestApproved',
  { requestId: string; connectionId: string; approvedBy: string; approvedAt: string }
>;

export type ConnectionRequestRejected = Event<
  'ConnectionRequestRejected',
  { requestId: string; reason: string; rejectedBy: string; rejectedAt: string }
>;

export type ConnectionRequestCancelled = Event<
  'ConnectionRequestCancelled',
  { requestId: string; cancelledBy: string; cancelledAt: string }
>;

export type ConnectionRequestEvent =
  ConnectionRequested | ConnectionRequestApproved | ConnectionRequestRejected | ConnectionRequestCancelled;

export const CONNECTION_REQUEST_EVENT_TYPES: readonly ConnectionRequestEvent['type'][] = [
  'ConnectionRequested',
  'ConnectionRequestApproved',
  'ConnectionRequestRejected',
  'ConnectionRequestCancelled',
];
