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
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { EnvironmentSchema } from '../environment-queries/environment.schema';
import { EnvironmentViews } from '../environment-queries/environment-views';
import { CreateEnvironmentCommand } from './create-environment.command';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

export class CreateEnvironmentBody {
  @ApiProperty({ example: 'qa' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    message: 'name must be lowercase letters, digits or -, starting with a letter',
  })
  name!: string;

  @ApiProperty({ enum: ENVIRONMENT_KINDS })
  @IsIn(ENVIRONMENT_KINDS)
  kind!: EnvironmentKind;

  @ApiPropertyOptional({ example: 'https://qa.example.com' })
  @Omittable()
  @IsString()
  @MaxLength(255)
  address?: string;

  @ApiPropertyOptional({
    description: 'Create a development environment although one exists (integrations are built there)',
  })
  @Omittable()
  @IsBoolean()
  anotherDevelopment?: boolean;
}

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class CreateEnvironmentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: EnvironmentViews,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an environment (installation owners); its creator administers it' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: EnvironmentSchema })
  @ApiProblems({
    400: 'Invalid name or kind',
    403: 'AUTH.OWNER_REQUIRED: only owners of the installation add environments',
    409: 'ENVIRONMENT.ALREADY_EXISTS, or ENVIRONMENT.DEVELOPMENT_EXISTS without anotherDevelopment',
  })
  async create(@Body() body: CreateEnvironmentBody, @Ctx() context: RequestContext) {
    const outcome = await this.commands.execute(new CreateEnvironmentCommand(body, context));
    return this.views.afterWrite(body.name, outcome.position);
  }
}
