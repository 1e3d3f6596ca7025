import { Controller, Get, Inject, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { NotFoundError, type RepublishEvent, republishDecider, republishStreamId } from '@ib/domain';
import { authorize, Ctx, type RequestContext } from '../../../identity';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { RepublishRunSchema } from './republish-run.schema';

@ApiTags('republish')
@ApiBearerAuth()
@Controller('api/republish-runs')
export class RepublishQueriesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':runId')
  @ApiOperation({ summary: 'A republish run and the outcome of each integration, folded from its stream' })
  @ApiParam({ name: 'runId', format: 'uuid', description: 'The run id (the Location of a republish)' })
  @ApiOkResponse({
    type: RepublishRunSchema,
    headers: {
      ETag: { required: true, description: 'The run stream version', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ 404: 'REPUBLISH.NOT_FOUND: unknown, or of an environment the caller has no role in' })
  async get(
    @Param('runId', ParseUUIDPipe) runId: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<RepublishRunSchema> {
    const { events, version } = await this.store.readStream<RepublishEvent>(republishStreamId(runId));
    const state = events.reduce(
      (current, recorded) =>
        republishDecider.evolve(current, { type: recorded.type, data: recorded.data } as RepublishEvent),
      republishDecider.initialState(),
    );
    if (state.status === 'none') throw notFound(runId);
    // Only members of the environment the run was started in learn it exists.
    const environment = events[0].metadata.environment;
    try {
      if (environment !== undefined) authorize(context.user, 'publication.read', environment);
    } catch {
      throw notFound(runId);
    }
    reply.header('ETag', `"${version}"`);
    const count = (status: string) => state.items.filter((item) => item.status === status).length;
    return {
      runId,
      status: state.status,
      total: state.items.length,
      published: count('published'),
      failed: count('failed'),
      skipped: count('skipped'),
      items: state.items.map(({ integrationId, status, publicationId, version: itemVersion, reason }) => ({
        integrationId,
        status,
        ...(publicationId === undefined ? {} : { publicationId }),
        ...(itemVersion === undefined ? {} : { version: itemVersion }),
        ...(reason === undefined ? {} : { reason }),
      })),
      startedBy: state.startedBy,
      startedAt: state.startedAt,
      ...(state.status === 'finished' ? { finishedAt: state.finishedAt } : {}),
    };
  }
}

const notFound = (runId: string) =>
  new NotFoundError('REPUBLISH.NOT_FOUND', `Republish run ${runId} does not exist`);
