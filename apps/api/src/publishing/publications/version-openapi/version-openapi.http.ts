import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { NotFoundError } from '@ib/domain';
import { createHash } from 'node:crypto';
import {
  API_KEY_HEADER,
  AcceptsApiKey,
  type AuthenticatedUser,
  Ctx,
  type RequestContext,
  keyReachInto,
} from '../../../identity';
import { IntegrationViews } from '../../../integrations';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { DeploymentViews } from '../../deployments/deployment-queries/deployment-views';
import { canonicalJson, readTarFile } from '../package';
import { PackageStore } from '../package-store.port';
import { PublicationIndex } from '../publication-index';
import { documentForKey, type KeyView } from './key-document';

const OPENAPI_FILE = 'openapi.json';

/** Served as the package writes its files, so a trimmed document reads like the published one. */
const asPackaged = (document: Record<string, unknown>): Buffer =>
  Buffer.from(canonicalJson(document, 2) + '\n', 'utf8');

/**
 * The OpenAPI document of a published version's data API, for a try-it explorer: the very
 * `openapi.json` of the package that version published (same bytes, so the same document an app's
 * generated client was built from), never one generated again from a newer generator.
 *
 * A console user reads it for any published version of an integration they may read. An app reads
 * it with its key for the version its environment serves, checked as its data calls are: the key's
 * scope first, then the deployment, with the same answers. A key limited to some entities of the
 * integration gets the document of those entities only, a read-only key the reading operations only
 * (its own ETag then).
 */
@ApiTags('publications')
@ApiBearerAuth()
@Controller('api/integrations')
export class VersionOpenApiController {
  constructor(
    private readonly integrations: IntegrationViews,
    private readonly index: PublicationIndex,
    private readonly packages: PackageStore,
    private readonly deployments: DeploymentViews,
  ) {}

  @Get(':id/versions/:version/openapi.json')
  @AcceptsApiKey()
  @ApiSecurity(API_KEY_HEADER)
  @ApiOperation({
    summary:
      "The OpenAPI document of a published version's data API (whoever may read the integration, " +
      'or an app key of an environment that serves the version)',
  })
  @ApiProduces('application/json')
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiParam({
    name: 'version',
    description: 'The published version number',
    schema: { type: 'integer', minimum: 1, example: 1 },
  })
  @ApiOkResponse({
    description:
      "The OpenAPI 3.1 document of the version's data API, as its package holds it; for an app key " +
      'limited to some entities of the integration, with only those entities; for a read-only key, with only ' +
      'the operations that read',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    headers: {
      ETag: {
        required: true,
        description: 'The package hash, quoted (the hash of the document when trimmed for a limited key)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({
    403:
      'API_KEY.OUT_OF_SCOPE: the app key does not open this integration; ' +
      'API_KEY.REVOKED: the app key was revoked',
    404:
      'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; ' +
      'INTEGRATION.VERSION_NOT_FOUND: no such published version; ' +
      "INTEGRATION.NOT_DEPLOYED: the app key's environment does not serve this version",
  })
  async document(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<StreamableFile> {
    // The index first: it waits for the views to catch up, which the other views read then are too.
    const publications = await this.index.publicationsOf(id);
    const { user } = context;
    let view: KeyView | undefined;
    if (user.apiKey === undefined) await this.integrations.get(id, user);
    else view = await this.openedToApp(id, version, user);
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
    const served =
      view === undefined
        ? document
        : asPackaged(documentForKey(JSON.parse(document.toString('utf8')), id, view));
    const etag =
      served === document ? published.packageHash : createHash('sha256').update(served).digest('hex');
    reply.header('ETag', `"${etag}"`);
    return new StreamableFile(served, { type: 'application/json; charset=utf-8', length: served.length });
  }

  /**
   * What of the version an app key may see described (undefined: all of it; else some entities, or
   * reads only): its scope first, as a data call is checked (403 API_KEY.OUT_OF_SCOPE, whether the
   * integration exists or not), then the version its environment serves (404 INTEGRATION.NOT_DEPLOYED,
   * as a data call there answers when nothing is deployed).
   */
  private async openedToApp(
    id: string,
    version: number,
    app: AuthenticatedUser,
  ): Promise<KeyView | undefined> {
    const reach = keyReachInto(app, id);
    const { environment } = app;
    const deployed = await this.deployments.find(id, environment);
    if (deployed?.version !== version)
      throw new NotFoundError(
        'INTEGRATION.NOT_DEPLOYED',
        deployed === undefined
          ? `Integration ${id} is not deployed in environment '${environment}'`
          : `Version ${version} of integration ${id} is not deployed in environment '${environment}' ` +
              `(version ${deployed.version} is)`,
      );
    return reach;
  }
}
