import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LoginUserSchema } from '../../auth/login/login.schema';
import { type UserView } from './users.projection';

/** An IT user as the API answers it; the password hash never leaves the credential store. */
@ApiSchema({ name: 'User' })
export class UserSchema extends LoginUserSchema implements UserView {
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
