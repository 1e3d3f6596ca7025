import { type RecordedEvent } from '@ib/domain';
import { type Projection } from './projection';
import { type WriteStatement } from './read-model-writes';
import { type ViewReader } from './view-reader';
import { type ViewTable } from './view-table';

type Document = Record<string, unknown>;

/** What a batch does to one view: the documents it changed (undefined: deleted) and how to write them. */
export type FoldedBatch = Readonly<{
  documents: Map<string, Document | undefined>;
  statements: WriteStatement[];
}>;

/**
 * Folds `events` into the documents they touch in `table` (a view's live table or its rebuild's
 * shadow), each loaded once (from `unwritten` when a batch still being written holds it, else from
 * the table through `reader`, in one query), and says how to write each changed document once, in
 * the reader's dialect.
 */
export async function foldBatch(
  view: Readonly<{ projection: Projection<Document>; table: ViewTable }>,
  reader: ViewReader,
  table: string,
  events: readonly RecordedEvent[],
  unwritten?: ReadonlyMap<string, Document | undefined>,
): Promise<FoldedBatch> {
  const { projection } = view;
  const ids = events.map((event) => projection.idOf(event));
  const stored = new Map<string, Document | undefined>();
  const lookups: string[] = [];
  for (const id of new Set(ids)) {
    if (unwritten?.has(id)) stored.set(id, unwritten.get(id));
    else lookups.push(id);
  }
  if (lookups.length > 0)
    for (const row of await view.table.rowsOf(reader, lookups, table)) {
      const document = view.table.toDocument(row);
      stored.set(view.table.idOf(document), document);
    }
  const current = new Map<string, Document | undefined>(stored);
  for (let index = 0; index < events.length; index++)
    current.set(ids[index], projection.evolve(current.get(ids[index]), events[index]));
  const upserts: unknown[][] = [];
  const deletes: string[] = [];
  const documents = new Map<string, Document | undefined>();
  for (const [id, document] of current) {
    if (document === stored.get(id)) continue;
    documents.set(id, document);
    if (document !== undefined) upserts.push(view.table.toParameters(document));
    else if (stored.get(id) !== undefined) deletes.push(id);
  }
  const statements: WriteStatement[] = [];
  const { dialect } = reader;
  if (upserts.length > 0) statements.push({ sql: view.table.upsertSql(table, dialect), rows: upserts });
  if (deletes.length > 0) statements.push(view.table.removal(deletes, table, dialect));
  return { documents, statements };
}
