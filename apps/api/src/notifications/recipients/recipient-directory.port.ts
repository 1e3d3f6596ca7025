import { type NotificationKind } from '@ib/domain';

/** Someone notifications may go to, with what they asked for by email. */
export type Recipient = Readonly<{
  id: string;
  username: string;
  email?: string;
  /** The kinds that also go by email; absent: DEFAULT_EMAIL_KINDS. */
  emailKinds?: readonly NotificationKind[];
}>;

/** Who is told, as the users view holds them (read once it has passed the event being handled). */
export interface RecipientDirectory {
  /** The administrators of `environment`. */
  adminsOf(environment: string): Promise<Recipient[]>;
  /** The users among `ids` that exist, by id. */
  find(ids: readonly string[]): Promise<ReadonlyMap<string, Recipient>>;
}

export const RECIPIENT_DIRECTORY = Symbol('RECIPIENT_DIRECTORY');
