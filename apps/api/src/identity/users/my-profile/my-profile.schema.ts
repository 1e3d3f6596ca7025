import { ApiProperty, ApiSchema, OmitType } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@ib/domain';
import { UserSchema } from '../user-queries/user.schema';
import { type MyProfile } from './my-profile';

@ApiSchema({ name: 'NotificationSettings' })
export class NotificationSettingsSchema {
  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description: 'The kinds that also go by email (in-app notifications are always on)',
  })
  email!: NotificationKind[];
}

/** The caller as `GET /api/users/me` answers it: their user, with the notification settings in effect. */
@ApiSchema({ name: 'MyProfile' })
export class MyProfileSchema extends OmitType(UserSchema, ['emailKinds'] as const) implements MyProfile {
  @ApiProperty({
    type: NotificationSettingsSchema,
    description: 'In effect: the kinds the user chose, or every kind when they never chose',
  })
  notifications!: NotificationSettingsSchema;
}
