import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ROLES, type Role, type RoleGrant } from '@ib/domain';

/** A role a user holds in one environment (users, the login answer and the caller all carry them). */
@ApiSchema({ name: 'RoleGrant' })
export class RoleGrantSchema implements RoleGrant {
  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;
}
