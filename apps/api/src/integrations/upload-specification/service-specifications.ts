import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { ConnectorError, type Connector, createODataSpecificationConnector } from '@ib/connectors';
import {
  ConcurrencyError,
  NotFoundError,
  type Provider,
  ValidationError,
  specificationDecider,
  specificationStreamId,
} from '@ib/domain';
import { type RequestContext } from '../../identity';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';

/** How the document travels: as it is, or gzip-compressed and base64-encoded (what the console sends). */
export type SpecificationEncoding = 'text' | 'gzip-base64';

/** A `$metadata` document may be large (Dataverse's runs to megabytes), but not unbounded. */
export const MAX_SPECIFICATION_BYTES = 32 * 1024 * 1024;

/** Parsed documents kept per process: a wizard session asks for the same one again and again. */
const CACHED_SPECIFICATIONS = 8;

export type StoredSpecification = Readonly<{ specificationId: string; entitySets: number }>;

const invalid = (message: string) =>
  new ValidationError('INTEGRATION.SPECIFICATION_INVALID', message, [{ field: 'document', message }]);

/**
 * Uploaded service specifications: checked, stored once in the log under their SHA-256, and read
 * back as connectors that describe the service's entity sets with no service behind them.
 */
@Injectable()
export class ServiceSpecifications {
  private readonly parsed = new Map<string, Connector>();

  constructor(private readonly runner: CommandRunner) {}

  /** Reads and checks the document; nothing is stored until `store`. */
  async parse(
    document: string,
    encoding: SpecificationEncoding,
  ): Promise<{ edmx: string; connector: Connector; entitySets: number }> {
    const edmx = decode(document, encoding);
    const connector = specificationConnector(edmx);
    const [service] = await connector.listDatabases();
    const entitySets = (await connector.listTables(service!)).length;
    if (entitySets === 0) throw invalid('The specification offers no entity set');
    return { edmx, connector, entitySets };
  }

  /** Appends the document unless the same one is stored already; answers its id. */
  async store(provider: Provider, edmx: string, context: RequestContext): Promise<string> {
    const specificationId = createHash('sha256').update(edmx).digest('hex');
    const document = gzipSync(Buffer.from(edmx, 'utf8')).toString('base64');
    try {
      await this.runner.run(
        specificationStreamId(specificationId),
        specificationDecider,
        () => ({
          type: 'StoreSpecification',
          data: { specificationId, provider, document, bytes: Buffer.byteLength(edmx) },
        }),
        // The caller's If-Match names the integration's version, not this stream's.
        { actor: context.actor },
      );
    } catch (error) {
      // Two uploads of one document at once: the first stored it, which is all the second wanted.
      if (!(error instanceof ConcurrencyError) || !(await this.isStored(specificationId))) throw error;
    }
    return specificationId;
  }

  private async isStored(specificationId: string): Promise<boolean> {
    const { state } = await this.runner.load(specificationStreamId(specificationId), specificationDecider);
    return state.status === 'stored';
  }

  /** A connector on a stored specification: introspection only. */
  async connectorOf(specificationId: string): Promise<Connector> {
    const known = this.parsed.get(specificationId);
    if (known !== undefined) return known;
    const { state } = await this.runner.load(specificationStreamId(specificationId), specificationDecider);
    if (state.status !== 'stored')
      throw new NotFoundError(
        'INTEGRATION.SPECIFICATION_NOT_FOUND',
        `Specification ${specificationId} does not exist`,
      );
    const connector = specificationConnector(decode(state.document, 'gzip-base64'));
    if (this.parsed.size >= CACHED_SPECIFICATIONS) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(specificationId, connector);
    return connector;
  }
}

function decode(document: string, encoding: SpecificationEncoding): string {
  if (encoding === 'text') {
    if (Buffer.byteLength(document) > MAX_SPECIFICATION_BYTES) throw tooLarge();
    return document;
  }
  try {
    const bytes = gunzipSync(Buffer.from(document, 'base64'), { maxOutputLength: MAX_SPECIFICATION_BYTES });
    return bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw invalid('The document is not gzip-compressed base64 text');
  }
}

const tooLarge = () =>
  invalid(`The specification is larger than ${MAX_SPECIFICATION_BYTES / 1024 / 1024} MiB once uncompressed`);

function specificationConnector(edmx: string): Connector {
  try {
    return createODataSpecificationConnector(edmx);
  } catch (error) {
    if (error instanceof ConnectorError) throw invalid(error.message);
    throw error;
  }
}
