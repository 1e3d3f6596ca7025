import { createODataConnector, type Connector, type EntityDataAccess, type TableInfo } from '@ib/connectors';
import { ODATA_USER, startODataServer, type ODataServer } from '../support/odata-server';

describe('OData connector: data access on a CAP service', () => {
  let server: ODataServer;
  let connector: Connector;
  let data: EntityDataAccess;
  const tables: Record<string, TableInfo> = {};

  beforeAll(async () => {
    server = await startODataServer();
    connector = createODataConnector({
      serviceUrl: server.serviceUrl,
      auth: { kind: 'basic', ...ODATA_USER },
    });
    data = connector.data!;
    const described = await connector.describe('ShopService', [
      'Customers',
      'Products',
      'OrderItems',
      'Orders',
      'Currencies',
    ]);
    for (const table of described) tables[table.name] = table;
  }, 90_000);
  afterAll(async () => {
    await connector?.close();
    await server?.stop();
  });

  it('given customers, when filtered, sorted, paged and counted, then the page and the total match', async () => {
    const result = await data.find(tables.Customers, {
      filters: [{ field: 'vip', op: 'eq', value: false }],
      sort: [{ field: 'name', direction: 'desc' }],
      offset: 1,
      limit: 2,
      count: true,
      fields: ['ID', 'name'],
    });
    expect(result).toEqual({
      rows: [
        { ID: 5, name: 'Barbara Liskov' },
        { ID: 2, name: 'Alan Turing' },
      ],
      total: 3,
    });
  });

  it('given a service that answers two rows a page, when three are asked for with a count, then @odata.nextLink is followed', async () => {
    const paged = createODataConnector({
      serviceUrl: new URL('../paged/', server.serviceUrl).toString(),
      auth: { kind: 'basic', ...ODATA_USER },
    });
    const [customers] = await paged.describe('PagedService', ['Customers']);
    expect(await paged.data!.find(customers, { offset: 1, limit: 3, count: true, fields: ['ID'] })).toEqual({
      rows: [{ ID: 2 }, { ID: 3 }, { ID: 4 }],
      total: 5,
    });
    await paged.close();
  });

  it('given text filters, when contains, startsWith, in and isNull are used, then OData finds the same rows', async () => {
    const names = async (filters: Parameters<EntityDataAccess['find']>[1]['filters']) =>
      (await data.find(tables.Customers, { filters, sort: [{ field: 'ID', direction: 'asc' }] })).rows.map(
        (row) => row.ID,
      );
    expect(await names([{ field: 'name', op: 'contains', value: 'ar' }])).toEqual([5]);
    expect(await names([{ field: 'name', op: 'startsWith', value: 'A' }])).toEqual([1, 2]);
    expect(await names([{ field: 'ID', op: 'in', value: [1, 3, 9] }])).toEqual([1, 3]);
    expect(await names([{ field: 'email', op: 'isNull', value: true }])).toEqual([4]);
    expect(await names([{ field: 'name', op: 'eq', value: "O'Brien" }])).toEqual([]);
  });

  it('given products, when read, then every Edm type comes back in the data API wire format', async () => {
    const notebook = await data.get(tables.Products, { code: 'P-100' });
    expect(notebook).toEqual({
      code: 'P-100',
      name: 'Notebook',
      price: '4.50',
      stock: 1200,
      active: true,
      releaseDate: '2024-01-15',
      opensAt: '09:00:00',
      updatedAt: '2024-03-01T10:15:00Z',
      serial: '6f1c2a6e-0b4e-4c0e-9a0e-1d2c3b4a5f60',
      thumbnail: 'AQID',
    });
    const pencil = await data.get(tables.Products, { code: 'P-200' });
    expect(pencil?.stock).toBe('9007199254740993');
  });

  it('given typed filters, when a date, a decimal and a Guid are compared, then their literals are right', async () => {
    const codes = async (filters: Parameters<EntityDataAccess['find']>[1]['filters']) =>
      (await data.find(tables.Products, { filters })).rows.map((row) => row.code).sort();
    expect(await codes([{ field: 'releaseDate', op: 'gte', value: '2023-06-01' }])).toEqual([
      'P-100',
      'P-200',
    ]);
    expect(await codes([{ field: 'price', op: 'lt', value: '1.00' }])).toEqual(['P-200']);
    expect(
      await codes([{ field: 'serial', op: 'eq', value: '0c7e4b1a-9d55-4f0b-8a3c-2b1d4e5f6a70' }]),
    ).toEqual(['P-200']);
    expect(await codes([{ field: 'updatedAt', op: 'lt', value: '2024-01-01T00:00:00Z' }])).toEqual(['P-300']);
  });

  it('given a composite key, when a line is read by key, then it is found', async () => {
    const line = await data.get(tables.OrderItems, {
      order_ID: '3c9a4d2f-8b7e-4f60-8c1b-2d3e4f5a6b72',
      lineNo: 2,
    });
    expect(line).toMatchObject({ product_code: 'P-300', quantity: 1 });
    expect(
      await data.get(tables.OrderItems, { order_ID: '3c9a4d2f-8b7e-4f60-8c1b-2d3e4f5a6b72', lineNo: 9 }),
    ).toBeUndefined();
  });

  it('given a new product, when created, updated and deleted, then each change is seen and a missing row counts 0', async () => {
    const key = await data.insert(tables.Products, {
      code: "P-9'/x",
      name: 'Eraser',
      price: 0.5,
      stock: '9007199254740995',
      active: true,
      releaseDate: '2025-02-03',
      opensAt: '07:15:00',
      updatedAt: '2025-02-03T04:05:06Z',
      thumbnail: 'AAEC/w==',
    });
    expect(key).toEqual({ code: "P-9'/x" });
    expect(await data.get(tables.Products, key)).toMatchObject({
      price: '0.50',
      stock: '9007199254740995',
      thumbnail: 'AAEC/w==',
      updatedAt: '2025-02-03T04:05:06Z',
    });
    expect(await data.update(tables.Products, key, { name: 'Rubber', active: false })).toBe(1);
    expect(await data.get(tables.Products, key)).toMatchObject({ name: 'Rubber', active: false });
    expect(await data.delete(tables.Products, key)).toBe(1);
    expect(await data.get(tables.Products, key)).toBeUndefined();
    expect(await data.delete(tables.Products, key)).toBe(0);
    expect(await data.update(tables.Products, key, { name: 'Gone' })).toBe(0);
  });

  it('given an order without its Guid key, when created, then the key the service computed is answered', async () => {
    const key = await data.insert(tables.Orders, { customer_ID: 2, amount: '3.20' });
    expect(key.ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(await data.get(tables.Orders, key)).toMatchObject({ customer_ID: 2, amount: '3.20' });
  });

  describe('given orders, whose ETag is the time of their last change', () => {
    const basic = `Basic ${Buffer.from(`${ODATA_USER.username}:${ODATA_USER.password}`).toString('base64')}`;
    /** Another client of the service changes an order's amount (CAP sets its new ETag). */
    const changeElsewhere = async (id: unknown, amount: number) => {
      const response = await fetch(`${server.serviceUrl}Orders(${String(id)})`, {
        method: 'PATCH',
        headers: { Authorization: basic, 'Content-Type': 'application/json', 'If-Match': '*' },
        body: JSON.stringify({ amount }),
      });
      expect(response.status).toBe(200);
    };
    /** A connector whose reads of an order's ETag are followed by another client's change of it. */
    const racedBy = (amount: number) =>
      createODataConnector(
        { serviceUrl: server.serviceUrl, auth: { kind: 'basic', ...ODATA_USER } },
        async (url, init) => {
          const response = await fetch(url, init);
          const read = /Orders\(([0-9a-f-]{36})\)\?\$select=ID$/.exec(decodeURIComponent(url));
          if (init.method === 'GET' && read) await changeElsewhere(read[1], amount);
          return response;
        },
      );

    it('when updated and deleted with nobody else writing, then both succeed', async () => {
      const key = await data.insert(tables.Orders, { customer_ID: 2, amount: '1.00' });
      expect(await data.update(tables.Orders, key, { amount: '2.00' })).toBe(1);
      expect(await data.get(tables.Orders, key)).toMatchObject({ amount: '2.00' });
      expect(await data.delete(tables.Orders, key)).toBe(1);
      expect(await data.get(tables.Orders, key)).toBeUndefined();
    });

    it('when another client changes one between the read of its ETag and the update, then DATA.ROW_CHANGED and their change stays', async () => {
      const key = await data.insert(tables.Orders, { customer_ID: 2, amount: '1.00' });
      const raced = racedBy(7);
      await expect(raced.data!.update(tables.Orders, key, { amount: '3.00' })).rejects.toMatchObject({
        name: 'DataConstraintError',
        code: 'DATA.ROW_CHANGED',
      });
      expect(await data.get(tables.Orders, key)).toMatchObject({ amount: '7.00' });
      await raced.close();
    });

    it('when another client changes one between the read of its ETag and the delete, then DATA.ROW_CHANGED and it stays', async () => {
      const key = await data.insert(tables.Orders, { customer_ID: 2, amount: '1.00' });
      const raced = racedBy(8);
      await expect(raced.data!.delete(tables.Orders, key)).rejects.toMatchObject({
        code: 'DATA.ROW_CHANGED',
      });
      expect(await data.get(tables.Orders, key)).toMatchObject({ amount: '8.00' });
      await raced.close();
    });
  });

  it('given an existing key, when created again, then DATA.DUPLICATE_KEY without the service text', async () => {
    const error = await data
      .insert(tables.Customers, { ID: 1, name: 'Again' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'DataConstraintError', code: 'DATA.DUPLICATE_KEY' });
    expect((error as Error).message).not.toContain('shop_Customers');
  });

  it('given the read-only entity set, when written, then DATA.READ_ONLY before any request', async () => {
    await expect(data.insert(tables.Currencies, { code: 'CHF', name: 'Franc' })).rejects.toMatchObject({
      code: 'DATA.READ_ONLY',
    });
  });

  it('given an entity set the service no longer has, when read, then TABLE_NOT_FOUND', async () => {
    await expect(data.find({ ...tables.Currencies, name: 'Gone' }, {})).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
    });
  });
});
