import autocannon from 'autocannon';
import { type BenchApp, publishAndWait, startBenchApp } from './lib/bench-app';
import { BENCH_ODATA_USER, startBenchODataService } from './lib/odata-service';
import { report } from './lib/report';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_S = 2;
const PAGE = 100;
const BASIC = `Basic ${Buffer.from(`${BENCH_ODATA_USER.username}:${BENCH_ODATA_USER.password}`).toString('base64')}`;

type Side = Readonly<{
  label: string;
  url: string;
  headers: Record<string, string>;
  rows: (body: unknown) => number;
}>;

const load = (side: Side, duration: number) =>
  new Promise<autocannon.Result>((done, fail) =>
    autocannon(
      { url: side.url, headers: side.headers, connections: CONNECTIONS, duration },
      (error, result) => (error ? fail(error) : done(result)),
    ),
  );

async function checkPage(side: Side): Promise<void> {
  const response = await fetch(side.url, { headers: side.headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${side.label}: ${response.status} ${text.slice(0, 300)}`);
  const rows = side.rows(JSON.parse(text));
  if (rows !== PAGE) throw new Error(`${side.label}: ${rows} rows instead of ${PAGE}`);
}

/** Enough customers for a page of PAGE rows, written through OData itself. */
async function seedCustomers(serviceUrl: string): Promise<void> {
  for (let id = 1000; id < 1000 + PAGE; id++) {
    const response = await fetch(`${serviceUrl}Customers`, {
      method: 'POST',
      headers: { authorization: BASIC, 'content-type': 'application/json' },
      body: JSON.stringify({
        ID: id,
        name: `Customer ${id}`,
        email: `c${id}@example.com`,
        vip: id % 2 === 0,
      }),
    });
    if (response.status !== 201) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  }
}

async function odataIntegration(api: BenchApp, serviceUrl: string) {
  const { body: connection } = await api.call<{ id: string }>('POST', '/api/connections', {
    name: 'CAP shop',
    provider: 'odata',
    details: { url: serviceUrl, username: BENCH_ODATA_USER.username, options: { auth: 'basic' } },
    password: BENCH_ODATA_USER.password,
  });
  const { body: created } = await api.call<{ id: string }>('POST', '/api/integrations', {
    provider: 'odata',
    applicationName: 'Bench OData',
  });
  const path = `/api/integrations/${created.id}`;
  await api.call('PUT', `${path}/connection`, { connectionId: connection.id });
  await api.call('PUT', `${path}/database`, { database: 'ShopService' });
  await api.call('POST', `${path}/entities`, { tables: ['Customers'] });
  const { body } = await api.call<{ entities: { name: string; table: string }[] }>('GET', path);
  await publishAndWait(api, created.id);
  return { integrationId: created.id, entity: body.entities[0].name };
}

/**
 * A page of 100 rows of an OData entity set through the data API (API key) against a raw fetch of the
 * same OData URL (`Customers?$orderby=ID asc&$top=100`) on the same CAP service, in the same run.
 * Both sides share the service's own cost; the ratio is what the data API adds on top of it.
 */
export async function runODataListBench(): Promise<void> {
  const service = await startBenchODataService();
  const api = await startBenchApp('odata-list');
  try {
    await seedCustomers(service.serviceUrl);
    const { integrationId, entity } = await odataIntegration(api, service.serviceUrl);
    const { body: key } = await api.call<{ key: string }>('POST', '/api/environments/development/api-keys', {
      appName: 'Bench',
    });
    const raw: Side = {
      label: 'baseline',
      url: `${service.serviceUrl}Customers?$orderby=ID%20asc&$top=${PAGE}`,
      headers: { authorization: BASIC, accept: 'application/json' },
      rows: (body) => (body as { value: unknown[] }).value.length,
    };
    const ours: Side = {
      label: 'apikey',
      url: `${api.url}/api/data/development/${integrationId}/${encodeURIComponent(entity)}?limit=${PAGE}`,
      headers: { 'x-api-key': key.key },
      rows: (body) => (body as { items: unknown[] }).items.length,
    };
    for (const side of [raw, ours]) {
      await checkPage(side);
      await load(side, WARM_UP_S);
    }
    const results = new Map<string, autocannon.Result[]>();
    for (let round = 0; round < ROUNDS; round++)
      for (const side of [raw, ours])
        results.set(side.label, [...(results.get(side.label) ?? []), await load(side, DURATION_S)]);
    const best = (label: string) =>
      results.get(label)!.reduce((a, b) => (b.requests.average > a.requests.average ? b : a));
    const spread = (label: string) =>
      results
        .get(label)!
        .map((result) => Math.round(result.requests.average))
        .join(' / ');
    const figures = (result: autocannon.Result) =>
      `p99 ${result.latency.p99} ms, p50 ${result.latency.p50} ms, non-2xx ${result.non2xx}, errors ${result.errors}`;
    const baseline = best('baseline');
    const apikey = best('apikey');
    report(
      'odata.list.baseline',
      baseline.requests.average,
      'req/s',
      `raw fetch of the OData URL; ${figures(baseline)}; ${spread('baseline')}`,
    );
    report(
      'odata.list.apikey',
      apikey.requests.average,
      'req/s',
      `GET ?limit=${PAGE}, ${CONNECTIONS} connections, ${DURATION_S} s, best of ${ROUNDS}; ${figures(apikey)}; ${spread('apikey')}`,
    );
    report(
      'odata.list.apikey.ratio',
      apikey.requests.average / baseline.requests.average,
      'x',
      'ours / raw OData',
    );
  } finally {
    await api.close();
    await service.stop();
  }
}

if (require.main === module) {
  runODataListBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
