import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { SelectDatabaseCommand } from './select-database.command';

export class SelectDatabaseBody {
  @ApiProperty({ example: 'main' })
  @IsString()
  @Length(1, 128)
  database!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class SelectDatabaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/database')
  @ApiOperation({ summary: 'Select the one database this integration uses' })
  @ApiHeader({ name: 'If-Match', required: false })
  async select(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SelectDatabaseBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new SelectDatabaseCommand(id, body.database, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
