import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsString, Matches } from 'class-validator';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { InstallDependencyUpdateCommand } from './install-dependency-update.command';
import { InstalledUpdateSchema } from './installed-update.schema';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

/** Only the types are checked here: the domain names a bad version or too long notes itself. */
export class InstallDependencyUpdateBody {
  @ApiProperty({
    example: '2.0.0',
    pattern: '^(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})$',
    description: 'The new version, x.y.z, newer than the installed one',
  })
  @IsString()
  version!: string;

  @ApiPropertyOptional({ description: 'Breaking although not a new major version' })
  @Omittable()
  @IsBoolean()
  breaking?: boolean;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What changed (at most 2000 characters)' })
  @Omittable()
  @IsString()
  notes?: string;

  @ApiPropertyOptional({
    example: 'development',
    pattern: '^[a-z][a-z0-9-]{0,39}$',
    description: 'The environment to install it in (you need the admin role there); yours by default',
  })
  @Omittable()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'environment must be an environment name' })
  environment?: string;
}

@ApiTags('dependencies')
@ApiBearerAuth()
@Controller('api/dependencies')
export class InstallDependencyUpdateController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':name/updates')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Install a newer version of a runtime dependency in one environment (admin there); a breaking ' +
      'one makes the integrations deployed there, built against an older version, need a republish',
  })
  @ApiParam({ name: 'name', description: 'The runtime dependency', example: 'integration-manager' })
  @ApiCreatedResponse({ type: InstalledUpdateSchema })
  @ApiProblems({
    400: 'REQUEST.INVALID or DEPENDENCY.INVALID: a bad version (x.y.z), notes or environment',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: 'DEPENDENCY.NOT_FOUND (not a runtime dependency) or ENVIRONMENT.NOT_FOUND',
    409: 'DEPENDENCY.NOT_NEWER: the version is not newer than the one installed there',
  })
  install(
    @Param('name') name: string,
    @Body() body: InstallDependencyUpdateBody,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new InstallDependencyUpdateCommand(name, body, context));
  }
}
