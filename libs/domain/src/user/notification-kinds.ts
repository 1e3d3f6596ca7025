/**
 * What a person is told about, each kind driven by events (see the notifications context). A user's
 * settings name the kinds that also go by email; in-app notifications are always on.
 */
export const NOTIFICATION_KINDS = [
  /** A connection was requested in an environment the recipient administers. */
  'connection-requested',
  /** The recipient's connection request was approved. */
  'request-approved',
  /** The recipient's connection request was rejected (with the reason). */
  'request-rejected',
  /** The recipient's connection request was cancelled (by someone else). */
  'request-cancelled',
  /** A publication the recipient asked for failed (with the failing step and reason). */
  'publication-failed',
  /** An integration deployed in an environment the recipient administers must be republished. */
  'republish-required',
  /** Breaking schema drift was found, or resolved, in an environment the recipient administers. */
  'schema-drift',
  /** Another administrator asked for a four-eyes change in an environment the recipient administers. */
  'change-requested',
  /** The recipient's change request was approved and applied, or applied refused (failed). */
  'change-decided',
  /** The recipient's change request was rejected (with the reason). */
  'change-rejected',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Without settings of their own, a user with an email address gets every kind by email too. */
export const DEFAULT_EMAIL_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS;
