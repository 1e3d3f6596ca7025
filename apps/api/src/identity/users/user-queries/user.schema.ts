import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, NOTIFICATION_KINDS, type NotificationKind } from '@ib/domain';
import { LoginUserSchema } from '../../auth/login/login.schema';
import { type UserView } from './users.projection';

/** An IT user as the API answers it; the password hash never leaves the credential store. */
@ApiSchema({ name: 'User' })
export class UserSchema extends LoginUserSchema implements UserView {
  @ApiPropertyOptional({
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'dana@example.com',
    description: 'Where notifications go by mail; absent: the user has no address',
  })
  email?: string;

  @ApiPropertyOptional({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description:
      'The notification kinds the user chose to get by email too; absent: they never chose (all kinds)',
  })
  emailKinds?: NotificationKind[];

  @ApiProperty({ description: 'A disabled user cannot log in, and every token they held is refused' })
  disabled!: boolean;

  @ApiProperty({
    description:
      'An administrator set a one-time password the user has not changed yet: a login with it may only change it',
  })
  mustChangePassword!: boolean;

  @ApiProperty({ description: 'User id of its creator (`system` for the bootstrap administrator)' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The version of the user: send it as If-Match to change their roles',
  })
  version!: number;
}
