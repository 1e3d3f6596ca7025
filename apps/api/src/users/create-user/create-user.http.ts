import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
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
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { UserViews } from '../user-queries/user-views';
import { CreateUserCommand } from './create-user.command';

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
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @ApiProperty({ type: [RoleGrantBody] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantBody)
  roles!: RoleGrantBody[];
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
  @ApiOperation({ summary: 'Create an IT user with roles per environment (administrators)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(@Body() body: CreateUserBody, @Ctx() context: RequestContext) {
    const roles = body.roles.map(({ environment, role }) => ({ environment, role }));
    const outcome = await this.commands.execute(new CreateUserCommand({ ...body, roles }, context));
    return this.views.afterWrite(outcome.userId, outcome.position);
  }
}
