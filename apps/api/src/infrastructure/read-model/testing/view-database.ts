import { type AnyEvent } from '@ib/domain';
import { MikroORM } from '@mikro-orm/libsql';
import { projectAll } from '../projection';
import { type ProjectedView } from '../projection-runner';
import { ViewStores } from '../view-store';
import { type NativeDatabase, ViewTable } from '../view-table';
import { eventRecorder } from './projection-specification';

/**
 * An in-memory database holding the given views as their projections fold `history` (events by
 * stream, in order), written through the same ViewTable the projection runner uses: for the specs of a
 * context's queries, without the rest of the read model. Close it with `close()`.
 */
export async function viewDatabase(
  views: readonly ProjectedView[],
  history: readonly (readonly [streamId: string, event: AnyEvent])[],
) {
  const orm = new MikroORM({
    dbName: ':memory:',
    entities: views.map(({ entity }) => entity),
    ensureDatabase: false,
  });
  await orm.schema.create();
  const db = await orm.em.getConnection().getNativeClient();
  const record = eventRecorder();
  const events = history.map(([streamId, event]) => record(streamId, event));
  for (const { projection, entity } of views) {
    const table = ViewTable.of(orm, entity);
    writeDocuments(db, table, [...projectAll(projection, events).values()]);
  }
  return { stores: new ViewStores(orm, db), close: () => orm.close() };
}

/** Stores documents as the projection runner's writer would, straight on `db`. */
export function writeDocuments(db: NativeDatabase, table: ViewTable, documents: readonly object[]): void {
  const upsert = db.prepare(table.upsertSql());
  for (const document of documents) upsert.run(table.toParameters(document as Record<string, unknown>));
}
