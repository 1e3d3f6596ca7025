import { type RowDataPacket } from 'mysql2/promise';
import {
  MysqlStateTable,
  type MysqlStateStoreOptions,
  STATE_TABLE_OPTIONS,
} from '../../infrastructure/mysql/mysql-state-table';
import { PackageStore, PackageStoreUnavailableError, assertPackageHash } from './package-store.port';

const SCHEMA = `CREATE TABLE IF NOT EXISTS packages (
    hash VARCHAR(80) NOT NULL PRIMARY KEY,
    bytes LONGBLOB NOT NULL,
    created_at VARCHAR(32) NOT NULL
  ) ${STATE_TABLE_OPTIONS}`;

/**
 * Packages in the product database: the instance that generated one need not be the one asked to
 * download it. A package travels in one packet, so it must stay below the server's
 * max_allowed_packet (16 MiB on MariaDB by default; generated packages are far smaller).
 */
export class MysqlPackageStore extends PackageStore {
  private readonly table: MysqlStateTable;
  private readonly clock: () => Date;

  constructor({ clock = () => new Date(), ...options }: MysqlStateStoreOptions & { clock?: () => Date }) {
    super();
    this.clock = clock;
    this.table = new MysqlStateTable({
      ...options,
      schema: SCHEMA,
      unavailable: (detail, options) => new PackageStoreUnavailableError(detail, options),
    });
  }

  async put(hash: string, bytes: Buffer): Promise<void> {
    assertPackageHash(hash);
    // Content-addressed: a row already there holds the same bytes.
    await this.table.run('store a package', (pool) =>
      pool.execute('INSERT IGNORE INTO packages (hash, bytes, created_at) VALUES (?, ?, ?)', [
        hash,
        bytes,
        this.clock().toISOString(),
      ]),
    );
  }

  async get(hash: string): Promise<Buffer | undefined> {
    assertPackageHash(hash);
    const [rows] = await this.table.run('read a package', (pool) =>
      pool.execute<RowDataPacket[]>('SELECT bytes FROM packages WHERE hash = ?', [hash]),
    );
    return (rows[0] as { bytes: Buffer } | undefined)?.bytes;
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
