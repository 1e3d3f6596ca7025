import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { type AuthenticatedUser } from '../authenticated-user';
import { RoleGrantSchema } from '../role-grant.schema';
import { type LoginResult } from './login.command';

type LoginUser = LoginResult['user'];

/** Who a user is and what they may do: the part every answer about a user shares. */
@ApiSchema({ name: 'LoginUser' })
export class LoginUserSchema implements LoginUser {
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
}

/** The answer to a login (`implements` keeps the document in step with the handler's result). */
@ApiSchema({ name: 'LoginResult' })
export class LoginResultSchema implements LoginResult {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({
    description:
      'true: the password was a one-time one an administrator set; the token may only change it ' +
      '(POST /api/auth/password), every other call answers 403 AUTH.PASSWORD_CHANGE_REQUIRED',
  })
  passwordChangeRequired!: boolean;

  @ApiProperty({ type: LoginUserSchema })
  user!: LoginUserSchema;
}

/** The caller, as `GET /api/auth/me` answers it: the roles the user holds now, not when the token was issued. */
@ApiSchema({ name: 'CurrentUser' })
export class CurrentUserSchema
  extends OmitType(LoginUserSchema, ['displayName'] as const)
  implements Pick<AuthenticatedUser, 'id' | 'username' | 'roles' | 'owner' | 'environment'>
{
  @ApiProperty({ example: 'development', description: 'The environment the caller logged in to' })
  environment!: string;
}
