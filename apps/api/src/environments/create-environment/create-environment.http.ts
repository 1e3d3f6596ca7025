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
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { EnvironmentViews } from '../environment-queries/environment-views';
import { CreateEnvironmentCommand } from './create-environment.command';

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
  @IsOptional()
  @IsString()
  @MaxLength(255)
  address?: string;
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
  @ApiOperation({ summary: 'Add an environment (administrators)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(@Body() body: CreateEnvironmentBody, @Ctx() context: RequestContext) {
    const outcome = await this.commands.execute(new CreateEnvironmentCommand(body, context));
    return this.views.afterWrite(body.name, outcome.position);
  }
}
