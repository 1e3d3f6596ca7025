import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@ib/domain';
import { Ctx, type RequestContext } from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { readTarFile } from '../package';
import { PackageStore } from '../package-store.port';
import { PublicationIndex } from '../publication-index';

const OPENAPI_FILE = 'openapi.json';

/**
 * The OpenAPI document of a published version's data API, for a try-it explorer: the very
 * `openapi.json` of the package that version published (same bytes, so the same document an app's
 * generated client was built from), never one generated again from a newer generator.
 */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class VersionOpenApiController {
  constructor(
    private readonly integrations: IntegrationViews,
    private readonly index: PublicationIndex,
    private readonly packages: PackageStore,
  ) {}

  @Get(':id/versions/:version/openapi.json')
  @ApiOperation({
    summary: "The OpenAPI document of a published version's data API (whoever may read the integration)",
  })
  @ApiProduces('application/json')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiParam({
    name: 'version',
    description: 'The published version number',
    schema: { type: 'integer', minimum: 1, example: 1 },
  })
  @ApiOkResponse({
    description: "The OpenAPI 3.1 document of the version's data API, as its package holds it",
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    headers: {
      ETag: { required: true, description: 'The package hash, quoted', schema: { type: 'string' } },
    },
  })
  @ApiProblems({
    404:
      'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; ' +
      'INTEGRATION.VERSION_NOT_FOUND: no such published version',
  })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<StreamableFile> {
    // The index first: it waits for the views to catch up, which the integration's view then is too.
    const publications = await this.index.publicationsOf(id);
    await this.integrations.get(id, context.user);
    const published = publications.find(
      (publication) => publication.version === version && publication.status === 'published',
    );
    const bytes =
      published?.packageHash === undefined ? undefined : await this.packages.get(published.packageHash);
    const document = bytes === undefined ? undefined : readTarFile(bytes, OPENAPI_FILE);
    if (published?.packageHash === undefined || document === undefined)
      throw new NotFoundError(
        'INTEGRATION.VERSION_NOT_FOUND',
        `Version ${version} of integration ${id} is not published`,
      );
    reply.header('ETag', `"${published.packageHash}"`);
    return new StreamableFile(document, { type: 'application/json; charset=utf-8', length: document.length });
  }
}
