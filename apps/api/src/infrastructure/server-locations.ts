import { type MysqlServer } from './mysql/mysql-server-url';

/** Where the log lives (`EVENT_STORE_URL`). */
export type EventStoreLocation =
  | Readonly<{ kind: 'sqlite' }>
  | Readonly<{ kind: 'mysql'; server: MysqlServer }>
  /** The client's own connection string (`kurrentdb://`, `esdb://`, and their `+discover` forms). */
  | Readonly<{ kind: 'kurrentdb'; connectionString: string }>;

/** Where the read model and the product's other durable state live (`DATABASE_URL`). */
export type DatabaseLocation =
  Readonly<{ kind: 'sqlite' }> | Readonly<{ kind: 'mysql'; server: MysqlServer }>;
