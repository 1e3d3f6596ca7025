import { createODataConnector } from './odata-connector';

/**
 * A live Dataverse / Dynamics 365 environment, when one is configured: DATAVERSE_URL (the Web API root,
 * `https://<org>.crm.dynamics.com/api/data/v9.2/`), DATAVERSE_TOKEN_URL
 * (`https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`), DATAVERSE_CLIENT_ID and
 * DATAVERSE_CLIENT_SECRET of an application user; DATAVERSE_SCOPE defaults to `<origin>/.default`.
 * CI has none: one test then states that it is not configured, and passes only then.
 */
const { DATAVERSE_URL, DATAVERSE_TOKEN_URL, DATAVERSE_CLIENT_ID, DATAVERSE_CLIENT_SECRET, DATAVERSE_SCOPE } =
  process.env;
const configured = Boolean(
  DATAVERSE_URL && DATAVERSE_TOKEN_URL && DATAVERSE_CLIENT_ID && DATAVERSE_CLIENT_SECRET,
);

if (!configured) {
  describe('OData connector on a live Dataverse environment', () => {
    it('is not configured on this machine (set DATAVERSE_URL, DATAVERSE_TOKEN_URL, DATAVERSE_CLIENT_ID and DATAVERSE_CLIENT_SECRET to run the live suite)', () => {
      expect(configured).toBe(false);
    });
  });
} else {
  describe('OData connector on a live Dataverse environment', () => {
    const connector = () =>
      createODataConnector({
        serviceUrl: DATAVERSE_URL!,
        auth: {
          kind: 'oauth2',
          tokenUrl: DATAVERSE_TOKEN_URL!,
          clientId: DATAVERSE_CLIENT_ID!,
          clientSecret: DATAVERSE_CLIENT_SECRET!,
          scope: DATAVERSE_SCOPE ?? `${new URL(DATAVERSE_URL!).origin}/.default`,
        },
        timeoutMs: 120_000,
      });

    it('given the environment, when introspected, then accounts has its Guid key and lookups as foreign keys', async () => {
      const dataverse = connector();
      expect(await dataverse.listDatabases()).toEqual(['Microsoft.Dynamics.CRM']);
      const [accounts] = await dataverse.describe('Microsoft.Dynamics.CRM', ['accounts']);
      expect(accounts.primaryKey).toEqual(['accountid']);
      expect(accounts.foreignKeys.length).toBeGreaterThan(0);
    }, 180_000);

    it('given accounts, when an account is created, read, updated and deleted, then each change is seen', async () => {
      const dataverse = connector();
      const [accounts] = await dataverse.describe('Microsoft.Dynamics.CRM', ['accounts']);
      const data = dataverse.data!;
      const key = await data.insert(accounts, { name: 'Integration Builder live suite' });
      try {
        expect(await data.get(accounts, key)).toMatchObject({ name: 'Integration Builder live suite' });
        expect(await data.update(accounts, key, { name: 'Integration Builder live suite (changed)' })).toBe(
          1,
        );
        const found = await data.find(accounts, {
          filters: [{ field: 'name', op: 'startsWith', value: 'Integration Builder live suite' }],
          fields: ['accountid', 'name'],
          count: true,
          limit: 5,
        });
        expect(found.rows.map((row) => row.accountid)).toContain(key.accountid);
      } finally {
        expect(await data.delete(accounts, key)).toBe(1);
      }
    }, 180_000);
  });
}
