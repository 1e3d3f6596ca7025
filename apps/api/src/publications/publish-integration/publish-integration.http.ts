import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { PublishIntegrationCommand } from './publish-integration.command';

@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class PublishIntegrationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/publish')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish the integration (asynchronous): follow the Location to see each step',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async publish(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new PublishIntegrationCommand(id, context));
    reply.header('Location', `/api/publications/${outcome.publicationId}`);
    return outcome;
  }
}
