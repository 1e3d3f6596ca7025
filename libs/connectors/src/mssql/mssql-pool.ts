import { LentConnectionPool } from '../pooling/lent-connection-pool';
import { type MssqlConnection } from './mssql-driver';

/** Tedious connections, each lent to one caller at a time (see LentConnectionPool). */
export type MssqlPool = LentConnectionPool<MssqlConnection>;
export const MssqlPool = LentConnectionPool<MssqlConnection>;
