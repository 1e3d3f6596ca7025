import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { RoleGrantSchema } from '../../auth/role-grant.schema';
import { type UserView } from '../../projections';

/** An IT user as the API answers it; the password hash never leaves the credential store. */
@ApiSchema({ name: 'User' })
export class UserSchema implements UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'dana', pattern: '^[A-Za-z0-9._@-]{3,64}$' })
  username!: string;

  @ApiPropertyOptional({ example: 'Dana Scully' })
  displayName?: string;

  @ApiProperty({ type: [RoleGrantSchema] })
  roles!: RoleGrantSchema[];

  @ApiProperty({ description: 'The installation role (creates environments, runs operations)' })
  owner!: boolean;

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
