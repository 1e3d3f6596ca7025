import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type TestApp, bearer } from './test-app';

export const SAMPLE_CONNECTION_ID = '0190a000-0000-7000-8000-00000000a001';

/**
 * Asks `probe` again, every 25 ms, until it answers something other than `undefined` (the read model,
 * reactors and background processes follow a command a moment later); fails naming `what` otherwise.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  attempts = 400,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

type Draft = Readonly<{
  applicationName: string;
  provider?: string;
  nullPolicy?: 'overwrite' | 'preserve';
  connectionId?: string;
  database?: string;
  tables?: readonly string[];
}>;

/** The builder's wizard through the API: create, select the connection and database, add tables. */
export async function createIntegration(t: TestApp, token: string, draft: Draft): Promise<string> {
  const created = await t
    .http()
    .post('/api/integrations')
    .set(bearer(token))
    .send({
      provider: draft.provider ?? 'sqlite',
      applicationName: draft.applicationName,
      ...(draft.nullPolicy === undefined ? {} : { nullPolicy: draft.nullPolicy }),
    })
    .expect(201);
  const id = created.body.id as string;
  if (draft.connectionId === undefined) return id;
  await t
    .http()
    .put(`/api/integrations/${id}/connection`)
    .set(bearer(token))
    .send({ connectionId: draft.connectionId })
    .expect(200);
  await t
    .http()
    .put(`/api/integrations/${id}/database`)
    .set(bearer(token))
    .send({ database: draft.database ?? 'main' })
    .expect(200);
  if (draft.tables !== undefined)
    await t
      .http()
      .post(`/api/integrations/${id}/entities`)
      .set(bearer(token))
      .send({ tables: draft.tables })
      .expect(200);
  return id;
}

/** The entity name the builder gave each table of the integration, by table. */
export async function entityNames(
  t: TestApp,
  token: string,
  integrationId: string,
): Promise<Readonly<Record<string, string>>> {
  const { body } = await t.http().get(`/api/integrations/${integrationId}`).set(bearer(token)).expect(200);
  return Object.fromEntries(
    (body.entities as { name: string; table: string }[]).map(({ name, table }) => [table, name]),
  );
}

export type Started = Readonly<{ publicationId: string; version: number; status: string }>;

/** Requests a publication: the whole 202 answer (its body is a `Started`). */
export function startPublication(t: TestApp, token: string, integrationId: string) {
  return t.http().post(`/api/integrations/${integrationId}/publish`).set(bearer(token)).expect(202);
}

export async function publish(t: TestApp, token: string, integrationId: string): Promise<Started> {
  return (await startPublication(t, token, integrationId)).body as Started;
}

/** A publication as `GET /api/publications/:id` shows it. */
export type Publication = Record<string, unknown> &
  Readonly<{ status: string; steps: readonly Readonly<{ step: string; status: string; at: string }>[] }>;

/** Polls the publication until it is no longer running (the process runs in the background). */
export async function finished(t: TestApp, token: string, publicationId: string): Promise<Publication> {
  return eventually(async () => {
    const { body } = await t.http().get(`/api/publications/${publicationId}`).set(bearer(token)).expect(200);
    return body.status !== 'running' ? body : undefined;
  }, `publication ${publicationId} to end`);
}

/** Publishes and waits: the publication as it ended. */
export async function published(t: TestApp, token: string, integrationId: string) {
  const started = await publish(t, token, integrationId);
  return finished(t, token, started.publicationId);
}

/** Publishes and waits, failing unless it ended published: for a setup that needs a served version. */
export async function publishedOrFail(t: TestApp, token: string, integrationId: string) {
  const publication = await published(t, token, integrationId);
  if (publication.status !== 'published') throw new Error(`Publication: ${JSON.stringify(publication)}`);
  return publication;
}

/** Polls a republish run until it is finished. */
export function finishedRun(
  t: TestApp,
  token: string,
  runId: string,
): Promise<Record<string, unknown> & { status: string }> {
  return eventually(
    async () => {
      const { body } = await t.http().get(`/api/republish-runs/${runId}`).set(bearer(token)).expect(200);
      return body.status === 'finished' ? body : undefined;
    },
    `republish run ${runId} to finish`,
    800,
  );
}

type SampleCopy = Readonly<{ file: string; name: string; environment?: string; sql?: string }>;

/**
 * A copy of the sample database (with `sql` run on it) behind a new SQLite connection: a database
 * a test may change without touching the sample. Answers the connection id and the copy's path.
 */
export async function sampleCopy(
  t: TestApp,
  token: string,
  { file, name, environment, sql }: SampleCopy,
): Promise<{ connectionId: string; path: string }> {
  const path = join(t.config.sqliteDatabasesDir, file);
  copyFileSync(join(t.config.sqliteDatabasesDir, 'sample.sqlite'), path);
  if (sql !== undefined) {
    const db = new DatabaseSync(path);
    db.exec(sql);
    db.close();
  }
  const connection = await t
    .http()
    .post('/api/connections')
    .set(bearer(token))
    .send({ name, provider: 'sqlite', ...(environment ? { environment } : {}), details: { path: file } })
    .expect(201);
  return { connectionId: connection.body.id as string, path };
}
