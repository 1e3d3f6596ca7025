import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { PublishIntegrationCommand } from './publish-integration.command';
import { PublishOutcomeSchema } from './publish-outcome.schema';

@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class PublishIntegrationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/publish')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish the integration (asynchronous): follow the Location to see each step',
    description:
      'Answers 202 with the publication that answers the request: a new one (`status: running`), or, ' +
      'without creating a version, the running publication of the same draft (a second click) or the ' +
      'latest published version when the draft has not changed since (`status: published`). Publishing ' +
      'another draft while a publication runs answers 409 PUBLICATION.IN_PROGRESS naming it.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiAcceptedResponse({
    type: PublishOutcomeSchema,
    headers: {
      Location: {
        required: true,
        description: 'The publication: /api/publications/{publicationId}',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({
    404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in',
    409:
      'INTEGRATION.NOT_READY (no connection, database or table), INTEGRATION.OPEN_LOCKED, ' +
      'ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY, PUBLICATION.IN_PROGRESS (another draft is being published), ' +
      'or PUBLICATION.RACED (starts at the same time kept conflicting; retry)',
  })
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
