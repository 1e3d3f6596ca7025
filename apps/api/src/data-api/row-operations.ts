import { DataValidationError, type Row } from '@ib/connectors';
import { NotFoundError } from '@ib/domain';
import { encodeKey } from '../publishing';
import { parseKey } from './data-query';
import { type EntityRoute, type ServedEntity } from './published-entities';

const valuesOf = (body: unknown): Row => {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DataValidationError('The body must be an object of attributes', [
      { field: 'values', message: 'must be an object of attributes' },
    ]);
  return body as Row;
};

/*
 * Every read and write goes with the deployed version's null policy (served.options), as its manifest
 * records it; the connectors apply it (libs/connectors, data/null-policy.ts):
 * - 'overwrite': rows are answered and values stored as they are. A NULL is answered as null, and a
 *   default value sent ('' / 0 / false / the epoch) is stored as that value, overwriting a NULL.
 * - 'preserve': a NULL is answered as its attribute type's default ('' for text, 0, false, the epoch,
 *   [] for a set; a JSON attribute keeps null), and that default sent for a nullable, non-key attribute
 *   is stored as NULL, so an app that reads a row and writes it back leaves the NULLs it was shown.
 *   An explicit null is stored as NULL under both.
 */

const rowNotFound = (served: ServedEntity, key: string) =>
  new NotFoundError('DATA.ROW_NOT_FOUND', `${served.entity.name} ${decodeURIComponent(key)} does not exist`);

/**
 * A row by the key segment of its URL as the client sent it (`rawKey`, still percent-encoded: a
 * composite key may carry `%3B` inside a value; see rawKeyOf), as update and delete take it too.
 */
export async function getRow(served: ServedEntity, rawKey: string): Promise<Row> {
  const row = await served.data.get(served.table, parseKey(served.table, rawKey), served.options);
  if (row === undefined) throw rowNotFound(served, rawKey);
  return row;
}

/** The new row as the database holds it (defaults filled in), and the path that names it. */
export async function createRow(
  served: ServedEntity,
  route: EntityRoute,
  body: unknown,
): Promise<{ row: Row; location: string }> {
  const key = await served.data.insert(served.table, valuesOf(body), served.options);
  const encoded = encodeKey(served.table.primaryKey, key as Parameters<typeof encodeKey>[1]);
  const location = `/api/data/${route.env}/${route.integrationId}/${encodeURIComponent(route.entity)}/${encoded}`;
  return { row: (await served.data.get(served.table, key, served.options)) ?? { ...key }, location };
}

/** Some attributes of a row changed: answers the row as it is now. */
export async function updateRow(served: ServedEntity, rawKey: string, body: unknown): Promise<Row> {
  const key = parseKey(served.table, rawKey);
  const changed = await served.data.update(served.table, key, valuesOf(body), served.options);
  const row = changed === 0 ? undefined : await served.data.get(served.table, key, served.options);
  if (row === undefined) throw rowNotFound(served, rawKey);
  return row;
}

export async function deleteRow(served: ServedEntity, rawKey: string): Promise<void> {
  const deleted = await served.data.delete(served.table, parseKey(served.table, rawKey));
  if (deleted === 0) throw rowNotFound(served, rawKey);
}
