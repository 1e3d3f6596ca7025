import { createIntegration, publishedOrFail } from './publishing';
import { manifestOf } from './package-files';
import { type TestApp, bearer } from './test-app';

/** A `contacts` row as the database holds it. */
export type ContactRow = Readonly<{ id: number; name: string; phone: string | null; visits: number | null }>;

/**
 * The database under the integrations, reached by the test itself (not through the product): where
 * `contacts (id integer primary key, name varchar(100) not null, phone varchar(40) null, visits
 * integer null)` exists.
 */
export type ContactsDatabase = Readonly<{
  insert(row: ContactRow): Promise<void>;
  row(id: number): Promise<ContactRow | undefined>;
}>;

export type NullPolicyWorld = Readonly<{
  t: TestApp;
  token: string;
  provider: 'sqlite' | 'mysql';
  connectionId: string;
  database: string;
  db: ContactsDatabase;
}>;

type Policy = 'overwrite' | 'preserve';

/**
 * The null policy through the data API, the same on every database: one integration per policy over
 * the same `contacts` table, each published (its manifest records the policy), then rows with NULLs
 * read and written through each, checking what the API answers and what the database holds.
 * `world` is filled by the caller's beforeAll.
 */
export function describeNullPolicies(world: () => NullPolicyWorld): void {
  const integrations = {} as Record<Policy, string>;
  // Each policy writes its own rows of the shared table.
  const firstId: Record<Policy, number> = { overwrite: 1000, preserve: 2000 };

  const path = (policy: Policy, rest = '') => `/api/data/development/${integrations[policy]}/contacts${rest}`;
  const call = () => {
    const { t, token } = world();
    return {
      get: (url: string) => t.http().get(url).set(bearer(token)),
      post: (url: string, body: object) => t.http().post(url).set(bearer(token)).send(body),
      patch: (url: string, body: object) => t.http().patch(url).set(bearer(token)).send(body),
    };
  };

  beforeAll(async () => {
    const { t, token, provider, connectionId, database } = world();
    for (const nullPolicy of ['overwrite', 'preserve'] as const) {
      integrations[nullPolicy] = await createIntegration(t, token, {
        applicationName: `Contacts ${nullPolicy}`,
        provider,
        nullPolicy,
        connectionId,
        database,
        tables: ['contacts'],
      });
      await publishedOrFail(t, token, integrations[nullPolicy]);
    }
  }, 120_000);

  it.each<Policy>(['overwrite', 'preserve'])(
    "given the developer chose '%s', then the integration and its published manifest record it",
    async (policy) => {
      const { t, token } = world();
      const { body } = await t.http().get(`/api/integrations/${integrations[policy]}`).set(bearer(token));
      expect(body.nullPolicy).toBe(policy);
      expect((await manifestOf(t, token, integrations[policy], 1)).nullPolicy).toBe(policy);
    },
  );

  describe("given 'preserve'", () => {
    const id = firstId.preserve;

    it("when a row with NULLs is listed and read, then each NULL is answered as its type's default", async () => {
      await world().db.insert({ id, name: 'Ada', phone: null, visits: null });
      const { body: row } = await call()
        .get(path('preserve', `/${id}`))
        .expect(200);
      expect(row).toEqual({ id, name: 'Ada', phone: '', visits: 0 });
      const { body: page } = await call()
        .get(path('preserve'))
        .query({ 'id[eq]': String(id) })
        .expect(200);
      expect(page.items).toEqual([row]);
    });

    it('when the app writes back the row it read, then the database keeps its NULLs', async () => {
      const { body: read } = await call()
        .get(path('preserve', `/${id}`))
        .expect(200);
      const { body: updated } = await call()
        .patch(path('preserve', `/${id}`), { ...read, id: undefined, name: 'Ada Lovelace' })
        .expect(200);
      expect(updated).toEqual({ id, name: 'Ada Lovelace', phone: '', visits: 0 });
      expect(await world().db.row(id)).toEqual({ id, name: 'Ada Lovelace', phone: null, visits: null });
    });

    it('when a value replaces a NULL and the default replaces it again, then the NULL comes back', async () => {
      await call()
        .patch(path('preserve', `/${id}`), { phone: '555-0100', visits: 3 })
        .expect(200);
      expect(await world().db.row(id)).toMatchObject({ phone: '555-0100', visits: 3 });
      await call()
        .patch(path('preserve', `/${id}`), { phone: '', visits: 0 })
        .expect(200);
      expect(await world().db.row(id)).toMatchObject({ phone: null, visits: null });
    });

    it('when a row is created with defaults, then nullable attributes get NULL and the others the default', async () => {
      const { body } = await call()
        .post(path('preserve'), { id: id + 1, name: '', phone: '', visits: 0 })
        .expect(201);
      expect(body).toEqual({ id: id + 1, name: '', phone: '', visits: 0 });
      expect(await world().db.row(id + 1)).toEqual({ id: id + 1, name: '', phone: null, visits: null });
    });

    it('when an explicit null is sent, then NULL is stored and the default answered', async () => {
      const { body } = await call()
        .post(path('preserve'), { id: id + 2, name: 'Bo', phone: null })
        .expect(201);
      expect(body).toEqual({ id: id + 2, name: 'Bo', phone: '', visits: 0 });
      expect(await world().db.row(id + 2)).toEqual({ id: id + 2, name: 'Bo', phone: null, visits: null });
    });
  });

  describe("given 'overwrite'", () => {
    const id = firstId.overwrite;

    it('when a row with NULLs is listed and read, then each NULL is answered as null', async () => {
      await world().db.insert({ id, name: 'Ada', phone: null, visits: null });
      const { body: row } = await call()
        .get(path('overwrite', `/${id}`))
        .expect(200);
      expect(row).toEqual({ id, name: 'Ada', phone: null, visits: null });
      const { body: page } = await call()
        .get(path('overwrite'))
        .query({ 'id[eq]': String(id) })
        .expect(200);
      expect(page.items).toEqual([row]);
    });

    it('when the app writes defaults over the NULLs, then the database stores the defaults', async () => {
      const { body } = await call()
        .patch(path('overwrite', `/${id}`), { phone: '', visits: 0 })
        .expect(200);
      expect(body).toEqual({ id, name: 'Ada', phone: '', visits: 0 });
      expect(await world().db.row(id)).toEqual({ id, name: 'Ada', phone: '', visits: 0 });
    });

    it('when a row is created with defaults and an explicit null, then each is stored as sent', async () => {
      const { body } = await call()
        .post(path('overwrite'), { id: id + 1, name: '', phone: '', visits: null })
        .expect(201);
      expect(body).toEqual({ id: id + 1, name: '', phone: '', visits: null });
      expect(await world().db.row(id + 1)).toEqual({ id: id + 1, name: '', phone: '', visits: null });
    });
  });
}
