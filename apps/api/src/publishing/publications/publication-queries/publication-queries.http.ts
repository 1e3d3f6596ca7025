import {
  Controller,
  Get,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotFoundError, type PublicationEvent, publicationDecider, publicationStreamId } from '@ib/domain';
import { allows, authorize, Ctx, type RequestContext } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { EVENT_STORE, type EventStore } from '../../../infrastructure/event-store/event-store.port';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { PackageStore } from '../package-store.port';
import { PublicationIndex } from '../publication-index';
import { PublicationDetailsSchema, type PublicationStepRecordSchema } from './publication-details.schema';

const STEP_OF: Partial<Record<PublicationEvent['type'], string>> = {
  IntegrationPublishRequested: 'requested',
  SchemaValidated: 'validateSchema',
  PackageGenerated: 'generatePackage',
  DependenciesChecked: 'checkDependencies',
  IntegrationPublished: 'publish',
};

const timeOf = (event: PublicationEvent): string => {
  switch (event.type) {
    case 'IntegrationPublishRequested':
      return event.data.requestedAt;
    case 'SchemaValidated':
      return event.data.validatedAt;
    case 'PackageGenerated':
      return event.data.generatedAt;
    case 'DependenciesChecked':
      return event.data.checkedAt;
    case 'IntegrationPublished':
      return event.data.publishedAt;
    case 'IntegrationPublishFailed':
      return event.data.failedAt;
  }
};

@ApiTags('publications')
@ApiBearerAuth()
@Controller('api')
export class PublicationQueriesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly integrations: IntegrationViews,
    private readonly index: PublicationIndex,
    private readonly packages: PackageStore,
  ) {}

  @Get('publications/:id')
  @ApiOperation({ summary: 'A publication and each of its steps, folded from its stream' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The publication id (the Location of a publish)' })
  @ApiOkResponse({
    type: PublicationDetailsSchema,
    headers: {
      ETag: { required: true, description: 'The publication stream version', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ 404: 'PUBLICATION.NOT_FOUND: unknown, or of an environment the caller has no role in' })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<PublicationDetailsSchema> {
    const { events, version } = await this.store.readStream<PublicationEvent>(publicationStreamId(id));
    const state = events.reduce(
      (current, recorded) =>
        publicationDecider.evolve(current, { type: recorded.type, data: recorded.data } as PublicationEvent),
      publicationDecider.initialState(),
    );
    if (state.status === 'none') throw notFound(id);
    try {
      authorize(context.user, 'publication.read', state.environment);
    } catch {
      throw notFound(id);
    }
    reply.header('ETag', `"${version}"`);
    const steps = events.map(({ data, type, metadata }): PublicationStepRecordSchema => {
      const event = { type, data } as PublicationEvent;
      return {
        step: event.type === 'IntegrationPublishFailed' ? event.data.failedStep : (STEP_OF[type] ?? type),
        event: type,
        status: type === 'IntegrationPublishFailed' ? 'failed' : 'done',
        at: timeOf(event),
        actorId: metadata.actorId,
      };
    });
    return {
      id,
      integrationId: state.integrationId,
      version: state.version,
      environment: state.environment,
      status: state.status,
      requestedBy: state.requestedBy,
      requestedAt: state.requestedAt,
      ...(state.status === 'running' ? { nextStep: state.nextStep } : {}),
      ...(state.status === 'published' ? { publishedAt: state.publishedAt } : {}),
      ...(state.status === 'failed'
        ? { reason: state.reason, failedStep: state.failedStep, failedAt: state.failedAt }
        : {}),
      ...(state.packageHash === undefined ? {} : { packageHash: state.packageHash }),
      ...(state.dependencies === undefined ? {} : { dependencies: state.dependencies }),
      steps,
    };
  }

  @Get('integrations/:id/versions/:version/package')
  @ApiOperation({
    summary: "Download a version's generated package (also a failed publication's, when generated)",
  })
  @ApiProduces('application/x-tar')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiParam({
    name: 'version',
    description: 'The published version number',
    schema: { type: 'integer', minimum: 1, example: 1 },
  })
  @ApiOkResponse({
    description: 'The package: a tar of the generated OpenAPI document, client and manifest',
    content: { 'application/x-tar': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      ETag: { required: true, description: 'The package hash, quoted', schema: { type: 'string' } },
      'Content-Disposition': {
        required: true,
        description: 'attachment; filename="<module name>-<version>.tar"',
        schema: { type: 'string', example: 'attachment; filename="Chinook_IS-1.tar"' },
      },
    },
  })
  @ApiProblems({
    404: 'PACKAGE.NOT_FOUND: no such integration for the caller, or no package generated for the version',
  })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const missing = new NotFoundError(
      'PACKAGE.NOT_FOUND',
      `Integration ${id} has no generated package for version ${version}`,
    );
    const integration = await this.integrations.get(id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (integration === undefined || !allows(context.user, 'publication.read', integration.environment))
      throw missing;
    const candidates = (await this.index.publicationsOf(id)).filter(
      (publication) => publication.version === version && publication.packageHash !== undefined,
    );
    // The published one wins; otherwise the latest failed publication whose package was generated.
    const chosen =
      candidates.find((publication) => publication.status === 'published') ??
      candidates.filter((publication) => publication.status === 'failed').at(-1);
    const bytes = chosen?.packageHash === undefined ? undefined : await this.packages.get(chosen.packageHash);
    if (chosen?.packageHash === undefined || bytes === undefined) throw missing;
    reply.header('ETag', `"${chosen.packageHash}"`);
    return new StreamableFile(bytes, {
      type: 'application/x-tar',
      disposition: `attachment; filename="${integration.moduleName}-${version}.tar"`,
      length: bytes.length,
    });
  }
}

const notFound = (id: string) =>
  new NotFoundError('PUBLICATION.NOT_FOUND', `Publication ${id} does not exist`);
