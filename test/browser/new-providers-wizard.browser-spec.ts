import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { ODATA_USER, startODataServer, type ODataServer } from '../support/odata-server';
import {
  createDatabase,
  dropDatabase,
  loadChinook,
  postgresServer,
  uniqueDatabaseName,
} from '../support/postgres';
import { entityNames } from '../support/publishing';
import { ADMIN, bearer, type TestApp } from '../support/test-app';
import { chooseOption, type ConsoleInBrowser, startConsoleInBrowser } from './support/console-in-browser';

/**
 * The wizard on the providers of issue 16, in a real browser: the built console (`npm run build:console`)
 * served by the real API, driven in Debian's chromium, against a real PostgreSQL holding Chinook and a real
 * OData v4 service (SAP CAP), each integration published and then read through the data API with a key.
 */
jest.setTimeout(240_000);

type Credentials = Readonly<{ username: string; password: string }>;
const PIA: Credentials = { username: 'pia', password: 'pia-password-1' };

/** What a user does, in the words of the screen: shared by both stories, each on its own page. */
function consoleUser(page: Page) {
  const menu = (name: string) => page.getByRole('menuitem', { name });
  const atLoginPage = () => page.waitForURL((url) => url.pathname === '/login' && url.search === '');
  return {
    menu,
    choose: (field: Locator, option: string) => chooseOption(page, field, option),
    /** The value shown beside a label of a bordered antd Descriptions (the review). */
    description: (label: string) =>
      page.locator('th', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::td[1]'),
    /** A row of a table (in a region of the page) that has a cell with exactly this text. */
    row: (cell: string, within: Page | Locator = page) =>
      within.getByRole('row').filter({ has: page.getByRole('cell', { name: cell, exact: true }) }),
    notified: (message: string) =>
      page.locator('.ant-notification-notice').filter({ hasText: message }).first().waitFor(),
    logIn: async ({ username, password }: Credentials) => {
      await atLoginPage();
      await page.getByLabel('Environment').fill('development');
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await page.getByRole('banner').getByText(username, { exact: true }).waitFor();
    },
    logOut: async () => {
      await menu('Logout').click();
      await atLoginPage();
    },
    /** From the integration's page: publishes, and waits until development serves version 1. */
    publishFirstVersion: async () => {
      await page.getByText('Ready to publish').waitFor();
      const publications = page.getByRole('region', { name: 'Publications' });
      await publications.getByText('Not published yet').waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await publications
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'v1', exact: true }) })
        .getByRole('cell', { name: 'published', exact: true })
        .waitFor();
      await page
        .getByRole('region', { name: 'Deployments' })
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'v1', exact: true }) })
        .waitFor();
    },
  };
}

/** An app's key to the data API of development, created by the administrator through the API. */
async function appKey(t: TestApp, appName: string): Promise<string> {
  const admin = await t.login(ADMIN.username, ADMIN.password);
  const created = await t
    .http()
    .post('/api/environments/development/api-keys')
    .set(bearer(admin))
    .send({ appName })
    .expect(201);
  return created.body.key as string;
}

/** Keeps a failing story's last screen beside the error. */
async function screenshotOnFailure(page: Page | undefined, name: string, story: () => Promise<void>) {
  try {
    await story();
  } catch (error) {
    await page
      ?.screenshot({ path: join(tmpdir(), `${name}-failure.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  }
}

const postgresConfigured = process.env.POSTGRES_URL !== undefined && process.env.POSTGRES_URL !== '';

describe('the console, in a browser: a developer builds and publishes an integration of PostgreSQL', () => {
  if (!postgresConfigured) {
    // `npm run test:browser` starts no server; `npm run test:int` does (scripts/with-services.mjs).
    it.skip('needs a PostgreSQL server: POSTGRES_URL is not set (export the line `npm run services -- start postgres` prints)', () =>
      undefined);
    return;
  }

  const database = uniqueDatabaseName('pg_browser_chinook');
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;

  beforeAll(async () => {
    await createDatabase(database);
    await loadChinook(database);
    session = await startConsoleInBrowser();
    ({ t, page, baseUrl, pageErrors } = session);
    const owner = await t.login(ADMIN.username, ADMIN.password);
    await t
      .http()
      .post('/api/users')
      .set(bearer(owner))
      .send({ ...PIA, roles: [{ environment: 'development', role: 'developer' }] })
      .expect(201);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await dropDatabase(database);
  });

  it('lets a developer request a PostgreSQL connection, have it approved, pick <database>/<schema> and two tables of Chinook, publish, and an app list the artists with a key', () =>
    screenshotOnFailure(page, 'new-providers-postgres', async () => {
      const { menu, choose, description, row, notified, logIn, logOut, publishFirstVersion } =
        consoleUser(page);
      const server = postgresServer();
      const address = `${database}/public`;
      await page.goto(`${baseUrl}/`);

      // Given the developer pia, logged in, starting an integration on PostgreSQL
      await logIn(PIA);
      await page.getByRole('button', { name: 'Create integration' }).click();
      await page.getByRole('radio', { name: 'PostgreSQL' }).click();
      expect(await page.getByRole('radio', { name: 'PostgreSQL' }).getAttribute('aria-checked')).toBe('true');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByLabel('Application name').pressSequentially('Records');
      await page.getByRole('button', { name: 'Create draft', exact: true }).click();

      // When pia, who may not create connections, requests one to the server, naming Chinook's database
      await page.getByText('Select a connection to your PostgreSQL server').waitFor();
      await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
      const integrationId = new URL(page.url()).pathname.split('/').pop() as string;
      expect(await page.getByRole('button', { name: 'Create a connection' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Request a new connection' }).click();
      const request = page.getByRole('dialog', { name: 'Request a new connection' });
      await request.getByLabel('Name', { exact: true }).fill('Chinook on PostgreSQL');
      await request.getByLabel('Host', { exact: true }).fill(server.host);
      await request.getByLabel('Port (5432)', { exact: true }).fill(String(server.port));
      await request.getByLabel('Database', { exact: true }).fill(database);
      await request.getByLabel('Username', { exact: true }).fill(server.user);
      await request.getByLabel('Password', { exact: true }).fill(server.password);
      await request.getByLabel('Note for the administrator').fill('Chinook for the Records app');
      await request.getByRole('button', { name: 'Send request', exact: true }).click();

      // Then the wizard says an administrator was asked
      await page.getByText('Your request was sent to an administrator').waitFor();
      await request.waitFor({ state: 'hidden' });

      // When the administrator approves the request
      await logOut();
      await logIn(ADMIN);
      await menu('Connection requests').click();
      const requestRow = row('Chinook on PostgreSQL');
      await requestRow.getByRole('cell', { name: 'pending', exact: true }).waitFor();
      await requestRow.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'OK', exact: true }).click();

      // Then the connection is created
      await notified('Request approved: the connection was created');
      await requestRow.getByRole('cell', { name: 'approved', exact: true }).waitFor();

      // When pia continues the draft with the approved connection
      await logOut();
      await logIn(PIA);
      const draftRow = row('Records');
      await draftRow.getByRole('cell', { name: 'draft', exact: true }).waitFor();
      await draftRow.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Edit integration' }).waitFor();
      await choose(page.getByRole('combobox', { name: 'Connection' }), 'Chinook on PostgreSQL');
      await page.getByRole('button', { name: 'Next', exact: true }).click();

      // Then the database step offers the database's schemas as <database>/<schema>, and pia picks public
      await page.getByText('Select the database and schema this integration consumes.').waitFor();
      await page.getByRole('radio', { name: address, exact: true }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();

      // And Chinook's tables are listed; pia looks at album's attributes
      for (const table of ['album', 'artist', 'customer', 'invoice', 'track'])
        await page.getByRole('button', { name: table, exact: true }).waitFor();
      await page.getByRole('button', { name: 'album', exact: true }).click();
      const attributes = page.locator('.ant-card').filter({ hasText: 'Data type' });
      await attributes.getByRole('row').filter({ hasText: 'album_id' }).waitFor();
      await attributes.getByRole('row').filter({ hasText: 'artist_id' }).waitFor();

      // When pia selects artist and album and adds them
      const tableRow = (name: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
      await tableRow('artist').getByRole('checkbox').check();
      await tableRow('album').getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Add 2 table(s)' }).click();

      // Then the review shows the connection, the database and schema, and both entities
      await page.getByText('Ready to publish').waitFor();
      expect(await description('Connection').innerText()).toBe('Chinook on PostgreSQL');
      expect(await description('Database').innerText()).toBe(address);
      await page.getByRole('heading', { name: 'Entities (2)' }).waitFor();
      await page.getByRole('button', { name: /artist artist table 2 attributes/ }).waitFor();
      await page.getByRole('button', { name: /album album table 3 attributes/ }).waitFor();

      // When pia finishes the wizard and publishes from the integration's page
      await page.getByRole('button', { name: 'Finish later', exact: true }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await publishFirstVersion();

      // Then an app with a key lists the artists of Chinook, in order, with their count
      const key = await appKey(t, 'Records app');
      const { artist } = await entityNames(t, await t.login(PIA.username, PIA.password), integrationId);
      const listed = await t
        .http()
        .get(`/api/data/development/${integrationId}/${encodeURIComponent(artist as string)}`)
        .query({ sort: 'artist_id', limit: 3, count: true })
        .set('X-API-Key', key)
        .expect(200);
      expect(listed.body).toMatchObject({
        items: [
          { artist_id: 1, name: 'AC/DC' },
          { artist_id: 2, name: 'Accept' },
          { artist_id: 3, name: 'Aerosmith' },
        ],
        count: 275,
      });

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    }));
});

describe('the console, in a browser: an administrator builds and publishes an integration of an OData service', () => {
  let odata: ODataServer;
  let t: TestApp;
  let page: Page;
  let baseUrl: string;
  let pageErrors: string[];
  let session: ConsoleInBrowser;

  beforeAll(async () => {
    [odata, session] = await Promise.all([startODataServer(), startConsoleInBrowser()]);
    ({ t, page, baseUrl, pageErrors } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await odata?.stop();
  });

  it('lets an administrator create an OData connection with basic authentication in the wizard, take two entity sets as tables, publish, and an app list the customers with a key', () =>
    screenshotOnFailure(page, 'new-providers-odata', async () => {
      const { menu, choose, description, row, logIn, publishFirstVersion } = consoleUser(page);
      const provider = 'OData (SAP OData v2/v4, Dataverse, Dynamics 365)';
      await page.goto(`${baseUrl}/`);

      // Given the administrator, logged in, starting an integration on OData
      await logIn(ADMIN);
      await menu('My integrations').click();
      await page.getByRole('button', { name: 'Create integration' }).click();
      await page.getByRole('radio', { name: provider }).click();
      expect(await page.getByRole('radio', { name: provider }).getAttribute('aria-checked')).toBe('true');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByLabel('Application name').pressSequentially('Storefront');
      await page.getByRole('button', { name: 'Create draft', exact: true }).click();

      // When the administrator creates a connection to the service, with basic authentication
      await page.getByText('Select a connection to your OData service').waitFor();
      await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
      const integrationId = new URL(page.url()).pathname.split('/').pop() as string;
      await page.getByRole('button', { name: 'Create a connection' }).click();
      const create = page.getByRole('dialog', { name: 'Create a connection' });
      await create.getByLabel('Name', { exact: true }).fill('Shop service');
      await create.getByLabel('Service URL', { exact: true }).fill(odata.serviceUrl);
      // (the auth kind is a choice: an antd Select, its options in a popup outside the dialog)
      await choose(page.getByRole('combobox', { name: 'Authentication' }), 'basic');
      await create.getByLabel('Username or OAuth client id', { exact: true }).fill(ODATA_USER.username);
      await create
        .getByLabel('Password, client secret or API key', { exact: true })
        .fill(ODATA_USER.password);
      await create.getByRole('button', { name: 'Save', exact: true }).click();
      await create.waitFor({ state: 'hidden' });

      // Then the wizard holds the new connection, and the service is the one "database" to pick
      // (by its name once the list of connections has it: until then the select shows a bare id)
      await page
        .locator('.ant-select', { has: page.getByRole('combobox', { name: 'Connection' }) })
        .getByText('Shop service', { exact: true })
        .waitFor();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Select the service this integration consumes.').waitFor();
      await page.getByRole('radio', { name: 'ShopService', exact: true }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();

      // And the service's entity sets are its tables, the read-only one a view
      for (const entitySet of ['Currencies', 'Customers', 'OrderItems', 'Orders', 'Products'])
        await page.getByRole('button', { name: entitySet, exact: true }).waitFor();
      const tableRow = (name: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
      await tableRow('Currencies').getByText('view', { exact: true }).waitFor();

      // When the administrator selects Customers and Products and adds them
      await tableRow('Customers').getByRole('checkbox').check();
      await tableRow('Products').getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Add 2 table(s)' }).click();

      // Then the review shows the connection, the service and both entities
      await page.getByText('Ready to publish').waitFor();
      expect(await description('Connection').innerText()).toBe('Shop service');
      expect(await description('Database').innerText()).toBe('ShopService');
      await page.getByRole('heading', { name: 'Entities (2)' }).waitFor();
      await page.getByRole('button', { name: /Customers Customers table 4 attributes/ }).waitFor();
      await page.getByRole('button', { name: /Products Products table 10 attributes/ }).waitFor();

      // When the administrator finishes the wizard and publishes
      await page.getByRole('button', { name: 'Finish later', exact: true }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await publishFirstVersion();

      // Then an app with a key lists the service's customers through the data API
      const key = await appKey(t, 'Storefront app');
      const { Customers } = await entityNames(
        t,
        await t.login(ADMIN.username, ADMIN.password),
        integrationId,
      );
      const listed = await t
        .http()
        .get(`/api/data/development/${integrationId}/${encodeURIComponent(Customers as string)}`)
        .query({ sort: 'ID', fields: 'ID,name', limit: 2, count: true })
        .set('X-API-Key', key)
        .expect(200);
      expect(listed.body).toMatchObject({ items: [{ ID: 1 }, { ID: 2 }], count: 5 });

      // And the connections list shows where it points, and a test reaches the service with its credentials
      await menu('Connections').click();
      const shopRow = row('Shop service');
      await shopRow.getByRole('cell', { name: odata.serviceUrl, exact: true }).waitFor();
      await shopRow.getByRole('cell', { name: 'stored', exact: true }).waitFor();
      await shopRow.getByRole('button', { name: 'Test' }).click();
      await page
        .locator('.ant-notification-notice')
        .filter({ hasText: 'Connection works' })
        .filter({ hasText: 'OData 4.0 ShopService' })
        .waitFor();

      // And the connection keeps its password to itself
      const admin = await t.login(ADMIN.username, ADMIN.password);
      const connections = await t.http().get('/api/connections').set(bearer(admin)).expect(200);
      const shop = (connections.body.items as { name: string }[]).find(({ name }) => name === 'Shop service');
      expect(shop).toMatchObject({
        provider: 'odata',
        details: { url: odata.serviceUrl, options: { auth: 'basic' } },
      });
      expect(JSON.stringify(connections.body)).not.toContain(ODATA_USER.password);

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    }));
  it('lets an administrator build an OData integration from the uploaded $metadata before any connection exists, and publish it', () =>
    screenshotOnFailure(page, 'new-providers-odata-specification', async () => {
      const { menu, description, logIn, publishFirstVersion } = consoleUser(page);
      const provider = 'OData (SAP OData v2/v4, Dataverse, Dynamics 365)';
      const metadata = await fetch(`${odata.serviceUrl}$metadata`, {
        headers: {
          Authorization: `Basic ${Buffer.from(`${ODATA_USER.username}:${ODATA_USER.password}`).toString('base64')}`,
        },
      });
      const edmx = await metadata.text();
      await page.goto(`${baseUrl}/`);
      if (
        await page
          .getByLabel('Username')
          .isVisible()
          .catch(() => false)
      )
        await logIn(ADMIN);

      // Given a draft OData integration and no connection for it
      await menu('My integrations').click();
      await page.getByRole('button', { name: 'Create integration' }).click();
      await page.getByRole('radio', { name: provider }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByLabel('Application name').pressSequentially('Catalogue');
      await page.getByRole('button', { name: 'Create draft', exact: true }).click();
      await page.waitForURL(/\/integrations\/edit\/[0-9a-f-]{36}$/);
      const integrationId = new URL(page.url()).pathname.split('/').pop() as string;

      // When the administrator uploads the service's $metadata file instead
      await page.getByText('No connection yet? Upload the service').waitFor();
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'metadata.xml', mimeType: 'application/xml', buffer: Buffer.from(edmx) });

      // Then the wizard goes on with the service the document describes, and its entity sets as tables
      await page.getByText('Select the service this integration consumes.').waitFor();
      await page.getByRole('radio', { name: 'ShopService', exact: true }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      const tableRow = (name: string) =>
        page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
      await tableRow('Customers').getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Add 1 table(s)' }).click();

      // And the review says it is built from the specification, ready to publish without a connection
      await page.getByText('Ready to publish').waitFor();
      expect(await description('Connection').innerText()).toBe(
        'none yet: built from the uploaded specification',
      );
      await page.getByRole('button', { name: /Customers Customers table 4 attributes/ }).waitFor();
      await page.getByRole('button', { name: 'Finish later', exact: true }).click();
      await page.waitForURL(`${baseUrl}/integrations/show/${integrationId}`);
      await publishFirstVersion();

      // And nothing failed in the page along the way
      expect(pageErrors).toEqual([]);
    }));
});
