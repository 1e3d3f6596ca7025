import { type TestApp, bearer } from './test-app';

export const SAMPLE_CONNECTION_ID = '0190a000-0000-7000-8000-00000000a001';

type Draft = Readonly<{
  applicationName: string;
  provider?: string;
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
    .send({ provider: draft.provider ?? 'sqlite', applicationName: draft.applicationName })
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

export type Started = Readonly<{ publicationId: string; version: number; status: string }>;

export async function publish(t: TestApp, token: string, integrationId: string): Promise<Started> {
  const response = await t
    .http()
    .post(`/api/integrations/${integrationId}/publish`)
    .set(bearer(token))
    .expect(202);
  return response.body as Started;
}

/** Polls the publication until it is no longer running (the process runs in the background). */
export async function finished(
  t: TestApp,
  token: string,
  publicationId: string,
): Promise<Record<string, unknown> & { status: string }> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const { body } = await t.http().get(`/api/publications/${publicationId}`).set(bearer(token)).expect(200);
    if (body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Publication ${publicationId} is still running`);
}

/** Publishes and waits: the publication as it ended. */
export async function published(t: TestApp, token: string, integrationId: string) {
  const started = await publish(t, token, integrationId);
  return finished(t, token, started.publicationId);
}
