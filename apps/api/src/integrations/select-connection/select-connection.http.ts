import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { SelectConnectionCommand } from './select-connection.command';

export class SelectConnectionBody {
  @ApiProperty()
  @IsUUID()
  connectionId!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class SelectConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/connection')
  @ApiOperation({ summary: 'Attach a connection of the integration’s provider and environment' })
  @ApiHeader({ name: 'If-Match', required: false })
  async select(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SelectConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new SelectConnectionCommand(id, body.connectionId, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
