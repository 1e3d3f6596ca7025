import { createODataConnector, type Connector } from '@ib/connectors';
import { ODATA_USER, startODataServer, type ODataServer } from '../support/odata-server';

describe('OData connector: introspection of a CAP service', () => {
  let server: ODataServer;
  let connector: Connector;

  beforeAll(async () => {
    server = await startODataServer();
    connector = createODataConnector({
      serviceUrl: server.serviceUrl,
      auth: { kind: 'basic', ...ODATA_USER },
    });
  }, 90_000);
  afterAll(async () => {
    await connector?.close();
    await server?.stop();
  });

  it('given the service, when tested, then it answers with the OData version', async () => {
    const result = await connector.testConnection();
    expect(result.serverVersion).toBe('OData 4.0 ShopService');
  });

  it('given the service, when its databases are listed, then the service is the one database', async () => {
    expect(await connector.listDatabases()).toEqual(['ShopService']);
  });

  it('given the service, when its tables are listed, then each entity set is one, the @readonly one a view', async () => {
    const tables = await connector.listTables('ShopService');
    expect(tables.map(({ name, kind }) => [name, kind])).toEqual([
      ['Customers', 'table'],
      ['Orders', 'table'],
      ['OrderItems', 'table'],
      ['Products', 'table'],
      ['Currencies', 'view'],
    ]);
  });

  it('given Products, when described, then every Edm type maps to its attribute type with its facets', async () => {
    const [products] = await connector.describe('ShopService', ['Products']);
    expect(products.primaryKey).toEqual(['code']);
    expect(
      products.columns.map(({ name, nativeType, kind, length, precision, scale, nullable }) => ({
        name,
        nativeType,
        kind,
        length,
        precision,
        scale,
        nullable,
      })),
    ).toEqual([
      {
        name: 'code',
        nativeType: 'Edm.String',
        kind: 'Text',
        length: 20,
        precision: undefined,
        scale: undefined,
        nullable: false,
      },
      {
        name: 'name',
        nativeType: 'Edm.String',
        kind: 'Text',
        length: 100,
        precision: undefined,
        scale: undefined,
        nullable: false,
      },
      {
        name: 'price',
        nativeType: 'Edm.Decimal',
        kind: 'Decimal',
        length: undefined,
        precision: 9,
        scale: 2,
        nullable: true,
      },
      {
        name: 'stock',
        nativeType: 'Edm.Int64',
        kind: 'LongInteger',
        length: undefined,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'active',
        nativeType: 'Edm.Boolean',
        kind: 'Boolean',
        length: undefined,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'releaseDate',
        nativeType: 'Edm.Date',
        kind: 'Date',
        length: undefined,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'opensAt',
        nativeType: 'Edm.TimeOfDay',
        kind: 'Time',
        length: undefined,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'updatedAt',
        nativeType: 'Edm.DateTimeOffset',
        kind: 'DateTime',
        length: undefined,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'serial',
        nativeType: 'Edm.Guid',
        kind: 'Text',
        length: 36,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
      {
        name: 'thumbnail',
        nativeType: 'Edm.Binary',
        kind: 'BinaryData',
        length: 64,
        precision: undefined,
        scale: undefined,
        nullable: true,
      },
    ]);
  });

  it('given OrderItems, when described, then its composite key and its navigations are a key and foreign keys', async () => {
    const [orders, items] = await connector.describe('ShopService', ['OrderItems', 'Orders']);
    expect(items.primaryKey).toEqual(['order_ID', 'lineNo']);
    expect(items.foreignKeys).toEqual([
      { name: 'order', columns: ['order_ID'], referencedTable: 'Orders', referencedColumns: ['ID'] },
      {
        name: 'product',
        columns: ['product_code'],
        referencedTable: 'Products',
        referencedColumns: ['code'],
      },
    ]);
    expect(orders.columns.find((column) => column.name === 'ID')).toMatchObject({
      kind: 'Text',
      autoIncrement: true,
    });
  });

  it('given a database the service does not offer, when its tables are listed, then DATABASE_NOT_FOUND', async () => {
    await expect(connector.listTables('Other')).rejects.toMatchObject({
      code: 'CONNECTOR.DATABASE_NOT_FOUND',
    });
  });

  it('given wrong credentials, when tested, then AUTH_FAILED without the password in the message', async () => {
    const wrong = createODataConnector({
      serviceUrl: server.serviceUrl,
      auth: { kind: 'basic', username: 'alice', password: 'not-the-password' },
    });
    const error = await wrong.testConnection().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect(String((error as Error).message)).not.toContain('not-the-password');
  });

  it('given a URL that serves no EDMX, when tested, then INVALID_OPTIONS: not an OData service', async () => {
    const notOData = createODataConnector({
      serviceUrl: `${server.serviceUrl}Customers/`,
      auth: { kind: 'basic', ...ODATA_USER },
    });
    await expect(notOData.testConnection()).rejects.toMatchObject({
      code: expect.stringMatching(/^CONNECTOR\./),
    });
  });

  it('given nothing listens, when tested, then UNREACHABLE and transient', async () => {
    const nowhere = createODataConnector({
      serviceUrl: 'http://127.0.0.1:9/odata/',
      auth: { kind: 'none' },
    });
    await expect(nowhere.testConnection()).rejects.toMatchObject({
      code: 'CONNECTOR.UNREACHABLE',
      transient: true,
    });
  });
});
