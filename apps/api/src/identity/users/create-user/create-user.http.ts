import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EMAIL_MAX_LENGTH, ROLES, type Role } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { UserSchema } from '../user-queries/user.schema';
import { UserViews } from '../user-queries/user-views';
import { CreateUserCommand } from './create-user.command';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

export class RoleGrantBody {
  @ApiProperty({ example: 'development' })
  @IsString()
  @Length(1, 40)
  environment!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class CreateUserBody {
  @ApiProperty({ example: 'dana' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{3,64}$/, { message: 'username must be 3 to 64 letters, digits or ._@-' })
  username!: string;

  @ApiProperty({ minLength: 8, description: 'Hashed with scrypt; never stored or returned in clear' })
  @IsString()
  @Length(8, 200)
  password!: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @ApiProperty({ type: [RoleGrantBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantBody)
  roles!: RoleGrantBody[];

  @ApiPropertyOptional({
    description: 'The installation role (creates environments); granted by owners only',
  })
  @Omittable()
  @IsBoolean()
  owner?: boolean;

  @ApiPropertyOptional({
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'dana@example.com',
    description: 'Where notifications go by mail (its domain is stored lower-case); absent: none',
  })
  @Omittable()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class CreateUserController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: UserViews,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an IT user with roles per environment (administrators of those environments)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: UserSchema })
  @ApiProblems({
    400: 'USER.INVALID (a malformed `email` among others) or a missing or invalid field',
    403: 'AUTH.ADMIN_REQUIRED: a grant in an environment the caller does not administer; AUTH.OWNER_REQUIRED: `owner` set by a non-owner',
    409: 'USER.ALREADY_EXISTS: the username is taken; IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After)',
    422: 'IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body',
  })
  async create(@Body() body: CreateUserBody, @Ctx() context: RequestContext) {
    const roles = body.roles.map(({ environment, role }) => ({ environment, role }));
    const outcome = await this.commands.execute(new CreateUserCommand({ ...body, roles }, context));
    return this.views.afterWrite(outcome.userId, outcome.position);
  }
}
