import { type TableInfo } from '../spi';
import { createODataConnector } from './odata-connector';
import { fakeODataService, type FakeAnswer } from './odata-fake-service';
import { DATAVERSE_METADATA, SAP_V2_METADATA } from './odata-recorded-metadata';

const SAP = 'https://gw.example.com/sap/opu/odata/sap/GWSAMPLE_BASIC/';
const DATAVERSE = 'https://org.crm4.dynamics.com/api/data/v9.2/';

const serve = (
  root: string,
  metadata: string,
  answer: (path: string, method: string, body?: string) => FakeAnswer,
) => {
  const service = fakeODataService(root, ({ path, method, body }) =>
    path === '$metadata' ? { body: metadata } : answer(path, method, body),
  );
  const connector = createODataConnector({ serviceUrl: root, auth: { kind: 'none' } }, service.fetch);
  return { ...service, connector, data: connector.data! };
};

/** Recorded SAP Gateway v2 answers: verbose JSON (`d.results`), `__count`, `__next`, `/Date(..)/`, `PT..` times. */
const sapOrder = (id: string) => ({
  __metadata: {
    uri: `${SAP}SalesOrderSet('${id}')`,
    type: 'GWSAMPLE_BASIC.SalesOrder',
    etag: 'W/"datetime\'2024-01-01T00%3A00%3A00\'"',
  },
  SalesOrderID: id,
  CustomerID: '0100000000',
  GrossAmount: '1137.640',
  ItemCount: 3,
  DeliveryDate: '/Date(1705276800000)/',
  PickupTime: 'PT09H30M00S',
  Paid: false,
  Checksum: 'AAEC/w==',
  Serial: '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60',
  Revision: '9007199254740993',
  Weight: 1.5,
  ToBusinessPartner: { __deferred: { uri: '...' } },
});

describe('OData data access on a recorded SAP Gateway v2 service', () => {
  let orders: TableInfo;
  const setup = (answer: Parameters<typeof serve>[2]) => {
    const served = serve(SAP, SAP_V2_METADATA, answer);
    return served;
  };

  beforeAll(async () => {
    const { connector } = setup(() => ({ status: 404 }));
    [orders] = await connector.describe('GWSAMPLE_BASIC', ['SalesOrderSet']);
  });

  it('given a page split by the server, when found with a count, then __next is followed, __count read and v2 values converted', async () => {
    const { data, requests } = setup((path) =>
      !path.includes('skiptoken')
        ? {
            body: {
              d: { results: [sapOrder('1')], __count: '2', __next: `${SAP}SalesOrderSet?$skiptoken=1` },
            },
          }
        : { body: { d: { results: [sapOrder('2')] } } },
    );
    const result = await data.find(orders, {
      limit: 2,
      count: true,
      filters: [{ field: 'Paid', op: 'eq', value: false }],
    });
    expect(result.total).toBe(2);
    expect(result.rows.map((row) => row.SalesOrderID)).toEqual(['1', '2']);
    expect(result.rows[0]).toEqual({
      SalesOrderID: '1',
      CustomerID: '0100000000',
      GrossAmount: '1137.640',
      ItemCount: 3,
      DeliveryDate: '2024-01-15',
      PickupTime: '09:30:00',
      Paid: false,
      Checksum: 'AAEC/w==',
      Serial: '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60',
      Revision: '9007199254740993',
      Weight: '1.5',
    });
    expect(decodeURIComponent(requests[1].url)).toBe(
      `${SAP}SalesOrderSet?$filter=Paid eq false&$orderby=SalesOrderID asc&$top=2&$inlinecount=allpages&$format=json`,
    );
    expect(requests[2].url).toBe(`${SAP}SalesOrderSet?$skiptoken=1`);
  });

  it('given an order with an ETag, when updated, then its key is read first and the MERGE carries that ETag and v2 forms of dates and times', async () => {
    const { data, requests } = setup((_, method) =>
      method === 'GET' ? { body: { d: sapOrder('1') } } : { status: 204 },
    );
    const changed = await data.update(
      orders,
      { SalesOrderID: '1' },
      { DeliveryDate: '2024-01-15', PickupTime: '09:30:00', Revision: 12, CustomerID: '0100000001' },
    );
    expect(changed).toBe(1);
    const [read, merge] = requests.slice(1);
    expect(read).toMatchObject({
      method: 'GET',
      url: `${SAP}SalesOrderSet('1')?$select=SalesOrderID&$format=json`,
    });
    expect(merge).toMatchObject({ method: 'MERGE', url: `${SAP}SalesOrderSet('1')?$format=json` });
    expect(merge.headers['if-match']).toBe(sapOrder('1').__metadata.etag);
    expect(JSON.parse(merge.body!)).toEqual({
      DeliveryDate: '/Date(1705276800000)/',
      PickupTime: 'PT09H30M00S',
      Revision: '12',
      CustomerID: '0100000001',
    });
  });

  it('given a row changed by someone else meanwhile, when updated, then the 412 of the service is DATA.ROW_CHANGED', async () => {
    const { data } = setup((_, method) =>
      method === 'GET'
        ? { body: { d: sapOrder('1') } }
        : { status: 412, body: { error: { code: 'SY/530', message: { value: 'ETag mismatch' } } } },
    );
    await expect(
      data.update(orders, { SalesOrderID: '1' }, { CustomerID: '0100000001' }),
    ).rejects.toMatchObject({
      name: 'DataConstraintError',
      code: 'DATA.ROW_CHANGED',
    });
  });

  it('given a row without an ETag, when updated, then If-Match is *', async () => {
    const {
      __metadata: { etag: _etag, ...metadata },
      ...order
    } = sapOrder('1');
    const { data, requests } = setup((_, method) =>
      method === 'GET' ? { body: { d: { ...order, __metadata: metadata } } } : { status: 204 },
    );
    expect(await data.update(orders, { SalesOrderID: '1' }, { CustomerID: '0100000001' })).toBe(1);
    expect(requests[2].headers['if-match']).toBe('*');
  });

  it('given no row with the key, when updated, then 0 rows and nothing is written', async () => {
    const { data, requests } = setup(() => ({ status: 404 }));
    expect(await data.update(orders, { SalesOrderID: '9' }, { CustomerID: '0100000001' })).toBe(0);
    expect(requests.map(({ method }) => method)).toEqual(['GET', 'GET']);
  });

  it('given a service that refuses $select on an entity, when updated, then the whole row is read for its ETag', async () => {
    const { data, requests } = setup((path, method) =>
      method !== 'GET'
        ? { status: 204 }
        : path.includes('$select')
          ? { status: 400 }
          : { body: { d: sapOrder('1') } },
    );
    expect(await data.update(orders, { SalesOrderID: '1' }, { CustomerID: '0100000001' })).toBe(1);
    expect(requests[2].url).toBe(`${SAP}SalesOrderSet('1')?$format=json`);
    expect(requests[3].headers['if-match']).toBe(sapOrder('1').__metadata.etag);
  });

  it('given a computed key, when created, then the key comes from the answer', async () => {
    const { data, requests } = setup(() => ({ status: 201, body: { d: sapOrder('0500000042') } }));
    const key = await data.insert(orders, { CustomerID: '0100000000' });
    expect(key).toEqual({ SalesOrderID: '0500000042' });
    expect(requests[1].headers.prefer).toBe('return=representation');
  });

  it("given binary answered in base64url, as CAP's v2 adapter passes it through, when read, then it is base64", async () => {
    const { data } = setup(() => ({ body: { d: { ...sapOrder('1'), Checksum: 'AAEC_w==' } } }));
    expect(await data.get(orders, { SalesOrderID: '1' })).toMatchObject({ Checksum: 'AAEC/w==' });
  });

  it('given a value that does not fit, when written, then DATA.INVALID before any request', async () => {
    const { data, requests } = setup(() => ({ status: 204 }));
    await expect(data.update(orders, { SalesOrderID: '1' }, { ItemCount: 2 ** 31 })).rejects.toMatchObject({
      code: 'DATA.INVALID',
    });
    expect(requests).toHaveLength(0);
  });
});

describe('OData data access on recorded Dataverse answers', () => {
  it('given accounts, when listed, then @odata.nextLink is followed until the page is full, annotations dropped', async () => {
    const account = (n: number) => ({
      '@odata.etag': 'W/"1234"',
      accountid: `00000000-0000-0000-0000-00000000000${n}`,
      name: `Account ${n}`,
      revenue: 1000.5,
      versionnumber: 1234,
      createdon: '2024-02-01T08:00:00Z',
      '_primarycontactid_value@OData.Community.Display.V1.FormattedValue': 'Yvonne McKay',
      _primarycontactid_value: null,
    });
    const { connector, data, requests } = serve(DATAVERSE, DATAVERSE_METADATA, (path) =>
      path.includes('skiptoken')
        ? { body: { value: [account(3)] } }
        : {
            body: {
              '@odata.count': 3,
              value: [account(1), account(2)],
              '@odata.nextLink': `${DATAVERSE}accounts?$skiptoken=x`,
            },
          },
    );
    const [accounts] = await connector.describe('Microsoft.Dynamics.CRM', ['accounts']);
    const result = await data.find(accounts, {
      limit: 3,
      count: true,
      fields: ['accountid', 'name', 'revenue', '_primarycontactid_value'],
    });
    expect(result.total).toBe(3);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toEqual({
      accountid: '00000000-0000-0000-0000-000000000001',
      name: 'Account 1',
      revenue: '1000.5',
      _primarycontactid_value: null,
    });
    expect(decodeURIComponent(requests[1].url)).toContain(
      '$orderby=accountid asc&$top=3&$count=true&$select=accountid,name,revenue,_primarycontactid_value',
    );
  });

  it('given an account with @odata.etag, when deleted, then the DELETE carries that ETag', async () => {
    const id = '00000000-0000-0000-0000-000000000001';
    const { connector, data, requests } = serve(DATAVERSE, DATAVERSE_METADATA, (_, method) =>
      method === 'GET' ? { body: { '@odata.etag': 'W/"5521"', accountid: id } } : { status: 204 },
    );
    const [accounts] = await connector.describe('Microsoft.Dynamics.CRM', ['accounts']);
    expect(await data.delete(accounts, { accountid: id })).toBe(1);
    const [read, remove] = requests.slice(-2);
    expect(read.url).toBe(`${DATAVERSE}accounts(${id})?$select=accountid`);
    expect(remove).toMatchObject({ method: 'DELETE', url: `${DATAVERSE}accounts(${id})` });
    expect(remove.headers['if-match']).toBe('W/"5521"');
  });

  it('given an ETag only in the header of the answer, when deleted, then the DELETE carries that ETag', async () => {
    const id = '00000000-0000-0000-0000-000000000001';
    const { connector, data, requests } = serve(DATAVERSE, DATAVERSE_METADATA, (_, method) =>
      method === 'GET' ? { headers: { ETag: 'W/"77"' }, body: { accountid: id } } : { status: 204 },
    );
    const [accounts] = await connector.describe('Microsoft.Dynamics.CRM', ['accounts']);
    expect(await data.delete(accounts, { accountid: id })).toBe(1);
    expect(requests.at(-1)!.headers['if-match']).toBe('W/"77"');
  });

  it('given a create that answers 204 with OData-EntityId, when the key is asked for, then it is read from the header', async () => {
    const { connector, data } = serve(DATAVERSE, DATAVERSE_METADATA, () => ({
      status: 204,
      headers: { 'OData-EntityId': `${DATAVERSE}accounts(7d2e3f40-0000-0000-0000-000000000001)` },
    }));
    const [accounts] = await connector.describe('Microsoft.Dynamics.CRM', ['accounts']);
    expect(await data.insert(accounts, { name: 'Contoso' })).toEqual({
      accountid: '7d2e3f40-0000-0000-0000-000000000001',
    });
  });
});
