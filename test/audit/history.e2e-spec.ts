import { SAMPLE_CONNECTION_ID } from '../support/publishing';
import {
  type HistoryScenario,
  playHistoryScenario,
  REQUEST_PASSWORD,
  startAppWithTickingLog,
} from '../support/history-scenario';
import { bearer, type TestApp } from '../support/test-app';

type Change = Readonly<{ path: string; before?: unknown; after?: unknown }>;
type Entry = Readonly<{
  version: number;
  type: string;
  recordedAt: string;
  actor: Readonly<{ id: string; username: string }>;
  changes: readonly Change[];
}>;

jest.setTimeout(60_000);

/** Each object's history, folded from the event log: what every event changed, by whom. */
describe('GET .../:id/history', () => {
  let t: TestApp;
  let s: HistoryScenario;

  const history = async (path: string, token: string) => {
    const { body } = await t.http().get(`${path}/history`).set(bearer(token)).expect(200);
    return body as { items: Entry[]; total: number };
  };
  /** An entry's changes by path, without the version and timestamps every event moves. */
  const changesOf = (entry: Entry) =>
    Object.fromEntries(
      entry.changes
        .filter(({ path }) => !['/version', '/updatedAt'].includes(path))
        .map(({ path, before, after }) => [path, { before, after }]),
    );

  beforeAll(async () => {
    t = await startAppWithTickingLog();
    s = await playHistoryScenario(t);
  });
  afterAll(() => t.close());

  it('given an integration built, renamed and published, when its history is read, then each event says what it changed, by whom, oldest first', async () => {
    const { items, total } = await history(`/api/integrations/${s.integrationId}`, s.hana);

    expect(total).toBe(items.length);
    expect(items.map(({ version, type, actor }) => [version, type, actor.username])).toEqual([
      [0, 'IntegrationCreated', 'hana'],
      [1, 'IntegrationConnectionSelected', 'hana'],
      [2, 'IntegrationDatabaseSelected', 'hana'],
      [3, 'IntegrationEntitiesAdded', 'hana'],
      [4, 'IntegrationEntitiesAdded', 'hana'],
      [5, 'IntegrationDetailsChanged', 'hana'],
      // The publication's own stream: it changes what the integration shows, not its version.
      [5, 'IntegrationPublished', 'hana'],
    ]);
    const [created, connection, database, customers, products, renamed, published] = items;
    expect(changesOf(created)).toMatchObject({
      '/id': { after: s.integrationId },
      '/applicationName': { after: 'Shop' },
      '/status': { after: 'draft' },
      '/entities': { after: [] },
    });
    expect(changesOf(connection)).toEqual({ '/connectionId': { after: SAMPLE_CONNECTION_ID } });
    expect(changesOf(database)).toEqual({ '/database': { after: 'main' } });
    expect(Object.keys(changesOf(customers))).toEqual(['/entities/customers']);
    expect(changesOf(customers)['/entities/customers'].after).toMatchObject({ table: 'customers' });
    expect(Object.keys(changesOf(products))).toEqual(['/entities/products']);
    expect(changesOf(renamed)).toEqual({
      '/applicationName': { before: 'Shop', after: 'Shop renamed' },
      '/moduleName': { before: 'Shop_IS', after: 'Shop_renamed_IS' },
      '/description': { before: '', after: 'Renamed' },
    });
    expect(changesOf(published)).toEqual({
      '/publishedVersion': { after: 1 },
      '/publishedIntegrationVersion': { after: 5 },
      '/unpublishedChanges': { before: true, after: false },
    });
    expect(items.map(({ recordedAt }) => recordedAt)).toEqual(
      items.map(({ recordedAt }) => recordedAt).sort(),
    );
  });

  it('given a connection request approved, and one rejected, when their histories are read, then each shows its decision and never the password', async () => {
    const approved = await history(`/api/connection-requests/${s.approvedRequestId}`, s.hana);
    const rejected = await history(`/api/connection-requests/${s.rejectedRequestId}`, s.hana);

    expect(approved.items.map(({ type, actor }) => [type, actor.username])).toEqual([
      ['ConnectionRequested', 'hana'],
      ['ConnectionRequestApproved', 'admin'],
    ]);
    expect(changesOf(approved.items[1])).toMatchObject({
      '/status': { before: 'pending', after: 'approved' },
      '/connectionId': { after: s.requestedConnectionId },
    });
    expect(changesOf(rejected.items[1])).toMatchObject({
      '/status': { before: 'pending', after: 'rejected' },
      '/reason': { after: 'Use the replica' },
    });
    expect(JSON.stringify(approved)).not.toMatch(new RegExp(`${REQUEST_PASSWORD}|secretRef`));
  });

  it('given the connection an approval created, when its history is read, then it says a password is stored, never it or its reference', async () => {
    const { items } = await history(`/api/connections/${s.requestedConnectionId}`, s.hana);

    expect(items.map(({ type }) => type)).toEqual(['ConnectionCreated']);
    expect(changesOf(items[0])).toMatchObject({
      '/hasSecret': { after: true },
      '/requestId': { after: s.approvedRequestId },
    });
    expect(JSON.stringify(items)).not.toMatch(new RegExp(`${REQUEST_PASSWORD}|secretRef`));
  });

  it('given a user granted a role in another environment, when their history is read, then the grant is named by its environment', async () => {
    const { items } = await history(`/api/users/${s.ivanId}`, s.admin);

    expect(items.map(({ type, actor }) => [type, actor.username])).toEqual([
      ['UserRegistered', 'admin'],
      ['UserRolesChanged', 'admin'],
    ]);
    expect(changesOf(items[1])).toEqual({
      '/roles/qa': { after: { environment: 'qa', role: 'auditor' } },
    });
  });

  it('given an environment, when its history is read, then its creation lists what it was created with', async () => {
    const { items } = await history('/api/environments/qa', s.admin);

    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ version: 0, type: 'EnvironmentCreated', actor: { username: 'admin' } });
    expect(changesOf(items[0])).toMatchObject({ '/name': { after: 'qa' }, '/kind': { after: 'qa' } });
  });

  it('given an object that never existed, when its history is read, then it is not found', async () => {
    const unknown = '0190a000-0000-7000-8000-00000000dead';
    for (const [path, code] of [
      [`/api/integrations/${unknown}`, 'INTEGRATION.NOT_FOUND'],
      [`/api/connections/${unknown}`, 'CONNECTION.NOT_FOUND'],
      [`/api/connection-requests/${unknown}`, 'CONNECTION_REQUEST.NOT_FOUND'],
      [`/api/users/${unknown}`, 'USER.NOT_FOUND'],
      ['/api/environments/nowhere', 'ENVIRONMENT.NOT_FOUND'],
    ]) {
      const answer = await t.http().get(`${path}/history`).set(bearer(s.admin));
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, code]);
    }
  });

  describe('who reads a history', () => {
    type Caller = 'hana' | 'gil' | 'auditor' | 'otherAdmin' | 'admin';
    const statusOf = async (path: string, caller: Caller | 'anonymous') => {
      const call = t.http().get(`${path}/history`);
      return (caller === 'anonymous' ? await call : await call.set(bearer(s[caller]))).status;
    };
    const expectStatuses = async (path: string, expected: Readonly<Record<Caller | 'anonymous', number>>) => {
      const actual: Record<string, number> = {};
      for (const caller of Object.keys(expected) as (Caller | 'anonymous')[])
        actual[caller] = await statusOf(path, caller);
      expect(actual).toEqual(expected);
    };

    it('lets the members of an integration’s environment and its auditors read its history, no one else', async () => {
      await expectStatuses(`/api/integrations/${s.integrationId}`, {
        hana: 200,
        gil: 200,
        auditor: 200,
        admin: 200,
        otherAdmin: 404,
        anonymous: 401,
      });
    });

    it('lets the requester, the administrators and the auditors read a request’s history, not another developer', async () => {
      await expectStatuses(`/api/connection-requests/${s.approvedRequestId}`, {
        hana: 200,
        gil: 404,
        auditor: 200,
        admin: 200,
        otherAdmin: 404,
        anonymous: 401,
      });
    });

    it('lets the auditors of the environments a user held a role in read their history, not their fellow developers', async () => {
      await expectStatuses(`/api/users/${s.ivanId}`, {
        hana: 404,
        gil: 404,
        auditor: 200,
        admin: 200,
        otherAdmin: 404,
        anonymous: 401,
      });
    });

    it('lets who reads a connection or an environment read its history', async () => {
      await expectStatuses(`/api/connections/${s.requestedConnectionId}`, {
        hana: 200,
        gil: 200,
        auditor: 200,
        admin: 200,
        otherAdmin: 404,
        anonymous: 401,
      });
      await expectStatuses('/api/environments/development', {
        hana: 200,
        gil: 200,
        auditor: 200,
        admin: 200,
        otherAdmin: 404,
        anonymous: 401,
      });
    });
  });
});
