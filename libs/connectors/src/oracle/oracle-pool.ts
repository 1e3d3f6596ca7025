import { LentConnectionPool } from '../pooling/lent-connection-pool';
import { type OracleConnection } from './oracle-driver';

/** node-oracledb thin connections, each lent to one caller at a time (see LentConnectionPool). */
export type OraclePool = LentConnectionPool<OracleConnection>;
export const OraclePool = LentConnectionPool<OracleConnection>;
