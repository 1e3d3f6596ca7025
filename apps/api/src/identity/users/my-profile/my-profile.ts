import { DEFAULT_EMAIL_KINDS, type NotificationKind } from '@ib/domain';
import { type UserView } from '../user-queries/users.projection';

/** One's own user, with the notification settings in effect rather than only those they chose. */
export type MyProfile = Omit<UserView, 'emailKinds'> &
  Readonly<{ notifications: Readonly<{ email: readonly NotificationKind[] }> }>;

export const myProfileOf = ({ emailKinds, ...user }: UserView): MyProfile => ({
  ...user,
  notifications: { email: emailKinds ?? DEFAULT_EMAIL_KINDS },
});
