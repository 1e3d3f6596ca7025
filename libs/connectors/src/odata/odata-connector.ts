import { performance } from 'node:perf_hooks';
import {
  ConnectorError,
  type ConnectionTestResult,
  type Connector,
  type EntityDataAccess,
  type TableInfo,
  type TableSummary,
} from '../spi';
import { mapEntitySet, mapEntitySetSummary, serviceNameOf } from './map-odata-tables';
import { ODataDataAccess } from './odata-data-access';
import { ODataHttp, type ODataFetch } from './odata-http';
import { type ODataConnectorOptions } from './odata-options';
import { EdmxError, readEdmx, type ODataServiceModel } from './read-edmx';

/**
 * An OData service (v2 or v4: SAP Gateway, SAP CAP, Dataverse and Dynamics 365) as a connector: its
 * `$metadata` is its catalog, read once per connector (a changed service is seen by a new connector,
 * as a changed connection opens one), its entity sets its tables. Nothing is sent until the first call.
 */
export function createODataConnector(options: ODataConnectorOptions, fetcher?: ODataFetch): Connector {
  return new ODataConnector(new ODataHttp(options, fetcher));
}

/** A connector on an uploaded `$metadata` document: introspection only, no service behind it. */
export function createODataSpecificationConnector(edmx: string): Connector {
  const model = readModel(edmx, 'the uploaded specification');
  return new ODataConnector(undefined, model);
}

class ODataConnector implements Connector {
  readonly provider = 'odata' as const;
  readonly data?: EntityDataAccess;
  private model?: Promise<ODataServiceModel>;

  constructor(
    private readonly http: ODataHttp | undefined,
    known?: ODataServiceModel,
  ) {
    if (known !== undefined) this.model = Promise.resolve(known);
    if (http !== undefined)
      this.data = new ODataDataAccess(http, async () => (await this.metadata()).version);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const started = performance.now();
    this.model = undefined;
    const model = await this.metadata();
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    return {
      ok: true,
      serverVersion: `OData ${model.version === 'v4' ? '4.0' : '2.0'} ${serviceNameOf(model)}`,
      latencyMs,
    };
  }

  async listDatabases(): Promise<string[]> {
    return [serviceNameOf(await this.metadata())];
  }

  async listTables(database: string): Promise<TableSummary[]> {
    const model = await this.service(database);
    return model.entitySets.map((set) => mapEntitySetSummary(database, set));
  }

  async describe(database: string, tables: readonly string[]): Promise<TableInfo[]> {
    const model = await this.service(database);
    const wanted = new Set(tables);
    return model.entitySets.filter((set) => wanted.has(set.name)).map((set) => mapEntitySet(model, set));
  }

  async close(): Promise<void> {
    this.model = undefined;
  }

  private async service(database: string): Promise<ODataServiceModel> {
    const model = await this.metadata();
    if (database !== serviceNameOf(model)) {
      throw new ConnectorError(
        'CONNECTOR.DATABASE_NOT_FOUND',
        `The OData service offers ${serviceNameOf(model)}, not ${database}`,
      );
    }
    return model;
  }

  private metadata(): Promise<ODataServiceModel> {
    if (this.model === undefined) {
      const http = this.http!;
      const loading = http
        .request({
          method: 'GET',
          path: '$metadata',
          kind: 'metadata',
          headers: { Accept: 'application/xml' },
        })
        .then(({ text }) => readModel(text, http.label));
      loading.catch(() => {
        if (this.model === loading) this.model = undefined;
      });
      this.model = loading;
    }
    return this.model;
  }
}

function readModel(text: string, label: string): ODataServiceModel {
  try {
    return readEdmx(text);
  } catch (error) {
    if (error instanceof EdmxError) {
      throw new ConnectorError(
        'CONNECTOR.INVALID_OPTIONS',
        `${label} is not an OData service: ${error.message}`,
      );
    }
    throw error;
  }
}
