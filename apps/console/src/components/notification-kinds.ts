import type { NotificationKind } from '../types';

/** Each kind of notification, in the words of the profile page (who gets it, and when). */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'connection-requested': 'A connection is requested in an environment I administer',
  'request-approved': 'My connection request is approved',
  'request-rejected': 'My connection request is rejected',
  'request-cancelled': 'My connection request is cancelled by someone else',
  'publication-failed': 'A publication I started fails',
  'republish-required': 'An integration of an environment I administer needs republishing',
  'schema-drift': 'Breaking schema drift found (or resolved) in an environment I administer',
  'change-requested': 'Another administrator asks for a four-eyes change in an environment I administer',
  'change-decided': 'My four-eyes change is approved and applied, or fails when it runs',
  'change-rejected': 'My four-eyes change is rejected',
};

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABELS) as NotificationKind[];
