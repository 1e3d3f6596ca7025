import { Controller, Delete, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { RemoveEntityCommand } from './remove-entity.command';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class RemoveEntityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Delete(':id/entities/:name')
  @ApiOperation({ summary: 'Remove an entity from a draft integration' })
  @ApiHeader({ name: 'If-Match', required: false })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new RemoveEntityCommand(id, name, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
