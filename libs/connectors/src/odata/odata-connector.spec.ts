import { createODataConnector, createODataSpecificationConnector } from './odata-connector';
import { fakeODataService } from './odata-fake-service';
import {
  CAP_V4_METADATA,
  DATAVERSE_METADATA,
  ODD_V4_METADATA,
  SAP_V2_METADATA,
} from './odata-recorded-metadata';

const SERVICE = 'https://services.example.com/odata/';

const serving = (metadata: string) => {
  const service = fakeODataService(SERVICE, ({ path }) =>
    path === '$metadata'
      ? { headers: { 'Content-Type': 'application/xml' }, body: metadata }
      : { status: 404 },
  );
  return {
    ...service,
    connector: createODataConnector(
      { serviceUrl: SERVICE, auth: { kind: 'basic', username: 'u', password: 'p' } },
      service.fetch,
    ),
  };
};

describe('OData introspection from $metadata', () => {
  it('given SAP Gateway v2 metadata, when listed, then entity sets are tables and the all-false sap: set is a view', async () => {
    const { connector } = serving(SAP_V2_METADATA);
    expect(await connector.listDatabases()).toEqual(['GWSAMPLE_BASIC']);
    expect(await connector.listTables('GWSAMPLE_BASIC')).toEqual([
      { schema: 'GWSAMPLE_BASIC', name: 'BusinessPartnerSet', kind: 'table' },
      { schema: 'GWSAMPLE_BASIC', name: 'SalesOrderSet', kind: 'table' },
      { schema: 'GWSAMPLE_BASIC', name: 'SalesOrderLineItemSet', kind: 'table' },
      { schema: 'GWSAMPLE_BASIC', name: 'VH_SexSet', kind: 'view' },
    ]);
  });

  it('given SAP v2 metadata, when described, then Edm types, sap: computed keys, dates and associations map', async () => {
    const { connector } = serving(SAP_V2_METADATA);
    const [partners, orders, lines] = await connector.describe('GWSAMPLE_BASIC', [
      'BusinessPartnerSet',
      'SalesOrderSet',
      'SalesOrderLineItemSet',
    ]);
    expect(partners.columns[0]).toEqual({
      name: 'Address',
      nativeType: 'GWSAMPLE_BASIC.CT_Address',
      kind: 'Json',
      nullable: false,
      autoIncrement: false,
      generated: true,
      unsupported: true,
    });
    expect(partners.columns[1]).toMatchObject({
      name: 'BusinessPartnerID',
      kind: 'Text',
      length: 10,
      autoIncrement: true,
    });
    expect(partners.columns.find((c) => c.name === 'CreatedAt')).toMatchObject({
      kind: 'DateTime',
      generated: true,
    });
    const kinds = Object.fromEntries(
      orders.columns.map((c) => [c.name, [c.kind, c.precision, c.scale, c.length]]),
    );
    expect(kinds).toEqual({
      SalesOrderID: ['Text', undefined, undefined, 10],
      CustomerID: ['Text', undefined, undefined, 10],
      GrossAmount: ['Decimal', 16, 3, undefined],
      ItemCount: ['Integer', undefined, undefined, undefined],
      DeliveryDate: ['Date', undefined, undefined, undefined],
      PickupTime: ['Time', undefined, undefined, undefined],
      Paid: ['Boolean', undefined, undefined, undefined],
      Checksum: ['BinaryData', undefined, undefined, 16],
      Serial: ['Text', undefined, undefined, 36],
      Revision: ['LongInteger', undefined, undefined, undefined],
      Weight: ['Decimal', undefined, undefined, undefined],
    });
    expect(orders.foreignKeys).toEqual([
      {
        name: 'ToBusinessPartner',
        columns: ['CustomerID'],
        referencedTable: 'BusinessPartnerSet',
        referencedColumns: ['BusinessPartnerID'],
      },
    ]);
    expect(lines.primaryKey).toEqual(['SalesOrderID', 'ItemPosition']);
  });

  it('given CAP v4 metadata, when described, then Capabilities restrictions make a view and ComputedDefaultValue an auto key', async () => {
    const { connector } = serving(CAP_V4_METADATA);
    const tables = await connector.listTables('ShopService');
    expect(tables.find((t) => t.name === 'Currencies')?.kind).toBe('view');
    const [orders] = await connector.describe('ShopService', ['Orders']);
    expect(orders.columns[0]).toMatchObject({
      name: 'ID',
      nativeType: 'Edm.Guid',
      autoIncrement: true,
      nullable: false,
    });
    expect(orders.foreignKeys).toEqual([
      { name: 'customer', columns: ['customer_ID'], referencedTable: 'Customers', referencedColumns: ['ID'] },
    ]);
  });

  it('given Dataverse metadata, when described, then keys come from the type, base types resolve and lookups are foreign keys', async () => {
    const { connector } = serving(DATAVERSE_METADATA);
    expect(await connector.listDatabases()).toEqual(['Microsoft.Dynamics.CRM']);
    const [accounts] = await connector.describe('Microsoft.Dynamics.CRM', ['accounts']);
    expect(accounts.primaryKey).toEqual(['accountid']);
    expect(accounts.columns.find((c) => c.name === 'revenue')).toEqual(
      expect.objectContaining({ kind: 'Decimal' }),
    );
    expect(accounts.columns.find((c) => c.name === 'revenue')).not.toHaveProperty('scale');
    expect(accounts.columns.find((c) => c.name === 'versionnumber')?.kind).toBe('LongInteger');
    expect(accounts.foreignKeys).toEqual([
      {
        name: 'primarycontactid',
        columns: ['_primarycontactid_value'],
        referencedTable: 'contacts',
        referencedColumns: ['contactid'],
      },
    ]);
  });

  it('given an entity set without a key and types no attribute fits, when described, then it is listed, keyless and marked unsupported', async () => {
    const { connector } = serving(ODD_V4_METADATA);
    const [readings, places] = await connector.describe('Odd', ['Readings', 'Places']);
    expect(readings.primaryKey).toEqual([]);
    expect(readings.kind).toBe('table');
    const byName = Object.fromEntries(places.columns.map((c) => [c.name, c]));
    expect(byName.location).toMatchObject({ kind: 'Json', unsupported: true, generated: true });
    expect(byName.tags).toMatchObject({ kind: 'Json', unsupported: true });
    expect(byName.colour).toMatchObject({ kind: 'Enum', enumValues: ['Red', 'Green'] });
    expect(places.kind).toBe('table');
  });

  it('given an answer that is not EDMX, when tested, then INVALID_OPTIONS names the service, not the password', async () => {
    for (const body of ['<html><body>Login</body></html>', '{"value":[]}', '<edmx:Edmx Version="4.0">']) {
      const { connector } = serving(body);
      const error = await connector.testConnection().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'CONNECTOR.INVALID_OPTIONS' });
      expect((error as Error).message).toContain('services.example.com/odata/ is not an OData service');
    }
  });

  it('given the metadata, when read twice, then the service is asked once', async () => {
    const { connector, requests } = serving(CAP_V4_METADATA);
    await connector.listTables('ShopService');
    await connector.describe('ShopService', ['Products']);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', url: `${SERVICE}$metadata` });
    expect(requests[0].headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('given an uploaded specification, when introspected, then it lists and describes without a service and has no data access', async () => {
    const connector = createODataSpecificationConnector(SAP_V2_METADATA);
    expect(await connector.listDatabases()).toEqual(['GWSAMPLE_BASIC']);
    expect(connector.data).toBeUndefined();
    expect(() => createODataSpecificationConnector('not xml at all')).toThrow(/not an OData service/);
  });
});
