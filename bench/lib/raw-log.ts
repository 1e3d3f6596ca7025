import { DatabaseSync } from 'node:sqlite';
import {
  DURABILITY_PRAGMAS,
  SQL,
} from '../../apps/api/src/infrastructure/event-store/sqlite-event-store.schema';

/**
 * The floor under anything that reads the log: every event row read through node:sqlite in batches,
 * on a connection set up as the store's, its data and metadata parsed; nothing else is done with them.
 * Answers how many events were read.
 */
export function readAndParseEveryEvent(file: string, batchSize: number): number {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    for (const pragma of DURABILITY_PRAGMAS) db.exec(pragma);
    const read = db.prepare(SQL.readAll);
    read.setReturnArrays(true);
    let events = 0;
    for (let position = 0; ;) {
      const rows = read.all(position, batchSize) as unknown as (string | number)[][];
      if (rows.length === 0) return events;
      for (const row of rows) {
        JSON.parse(row[6] as string);
        JSON.parse(row[7] as string);
      }
      events += rows.length;
      position = rows[rows.length - 1][0] as number;
    }
  } finally {
    db.close();
  }
}
