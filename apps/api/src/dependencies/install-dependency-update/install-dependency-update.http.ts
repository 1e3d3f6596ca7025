import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { InstallDependencyUpdateCommand } from './install-dependency-update.command';

/** Only the types are checked here: the domain names a bad version or too long notes itself. */
export class InstallDependencyUpdateBody {
  @ApiProperty({ example: '2.0.0', description: 'The new version, x.y.z, newer than the installed one' })
  @IsString()
  version!: string;

  @ApiPropertyOptional({ description: 'Breaking although not a new major version' })
  @IsOptional()
  @IsBoolean()
  breaking?: boolean;

  @ApiPropertyOptional({ description: 'What changed (at most 2000 characters)' })
  @IsOptional()
  @IsString()
  notes?: string;
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
      'Install a newer version of a runtime dependency (admin of a development environment); ' +
      'a breaking one makes every integration built against an older version need a republish',
  })
  install(
    @Param('name') name: string,
    @Body() body: InstallDependencyUpdateBody,
    @Ctx() context: RequestContext,
  ) {
    return this.commands.execute(new InstallDependencyUpdateCommand(name, body, context));
  }
}
