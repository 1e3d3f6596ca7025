import { type MikroORM } from '@mikro-orm/libsql';
import { type NativeDatabase } from './view-table';

/**
 * One transaction around `work` on the driver's own connection to the read-model file. The driver is
 * synchronous, so BEGIN, the writes and COMMIT run without yielding and no other query can come
 * between them. Only while the ORM holds a transaction open on the connection (migrations at start)
 * does this join it instead.
 */
export async function inNativeTransaction(
  orm: MikroORM,
  db: NativeDatabase,
  work: () => void,
): Promise<void> {
  if (db.inTransaction) {
    await orm.em.fork().transactional(async () => work());
    return;
  }
  db.exec('begin immediate');
  try {
    work();
    db.exec('commit');
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    throw error;
  }
}
