import { type NotificationKind } from '@ib/domain';

/**
 * What one user is told about one event: plain text and a console path, never a secret (connection
 * details and secret references are never copied into one). `readAt` is the user's own state.
 */
export type Notification = Readonly<{
  /** Derived from (event, recipient): recording an event's notifications twice writes nothing new. */
  id: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the console, such as `/connection-requests/show/<id>`. */
  link: string;
  eventId: string;
  /** The event's global position: notifications of one user sort by it, one per event. */
  position: number;
  environment?: string;
  /** When the event was recorded. */
  createdAt: string;
  readAt?: string;
}>;

/** The event types the notifications (and their emails) are driven by. */
export const NOTIFYING_EVENT_TYPES = [
  'ConnectionRequested',
  'ConnectionRequestApproved',
  'ConnectionRequestRejected',
  'ConnectionRequestCancelled',
  'IntegrationPublishFailed',
  'RepublishRequired',
  'SchemaDriftDetected',
  'SchemaDriftResolved',
  'ChangeRequested',
  'ChangeApplied',
  'ChangeFailed',
  'ChangeRejected',
] as const;
