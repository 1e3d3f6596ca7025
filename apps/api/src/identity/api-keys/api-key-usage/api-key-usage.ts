import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { READ_MODEL_ACCESS, type ReadModelAccess } from '../../../read-model';
import { CLOCK, type Clock } from '../../../infrastructure/clock';
import { requireAll } from '../../../infrastructure/read-model/read-model-writes';
import { type ReadModelDialect } from '../../../infrastructure/read-model/view-reader';

/** How often the counts gathered in memory are added to the table. */
export const USAGE_FLUSH_INTERVAL_MS = 10_000;
/** How many days of calls a key's usage shows, today included. */
export const USAGE_DAYS = 30;
/** Ids per `in (...)` list, well under every driver's limit of bound parameters. */
const IDS_PER_QUERY = 500;

/** A key's calls on one day (UTC). */
export type DailyCalls = Readonly<{ day: string; calls: number }>;

/** What a key was used for lately: its last call and its calls per day, newest day first, days without calls left out. */
export type ApiKeyUsageView = Readonly<{ lastUsedAt?: string; callsPerDay: readonly DailyCalls[] }>;

type Pending = { keyId: string; day: string; calls: number; lastUsedAt: string };

/** Adds to a day's count (several instances may count the same key): never replaces it. */
const addCallsSql = (dialect: ReadModelDialect): string => {
  const insert =
    'insert into `api_key_usage` (`key_id`, `day`, `calls`, `last_used_at`) values (?, ?, ?, ?) ';
  return dialect === 'mysql'
    ? insert +
        'on duplicate key update `calls` = `calls` + values(`calls`), ' +
        '`last_used_at` = greatest(`last_used_at`, values(`last_used_at`))'
    : insert +
        'on conflict (`key_id`, `day`) do update set `calls` = `calls` + excluded.`calls`, ' +
        '`last_used_at` = max(`last_used_at`, excluded.`last_used_at`)';
};

const chunks = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, index) =>
    values.slice(index * size, (index + 1) * size),
  );

/**
 * Counts the data API calls of each key without slowing them down: a call only adds one to a count in
 * memory; the counts are added to the `api_key_usage` table in one write every USAGE_FLUSH_INTERVAL_MS,
 * before usage is read, and at shutdown. Usage is operational data, not a fact of the product's
 * history: it is no event, and a crash loses at most the calls of the last interval.
 */
@Injectable()
export class ApiKeyUsage implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ApiKeyUsage');
  private pending = new Map<string, Pending>();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(READ_MODEL_ACCESS) private readonly access: ReadModelAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush().catch(() => undefined), USAGE_FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }

  /** One call made with the key, now. */
  record(keyId: string): void {
    const at = this.clock.now().toISOString();
    const day = at.slice(0, 10);
    const slot = `${keyId}/${day}`;
    const known = this.pending.get(slot);
    if (known === undefined) this.pending.set(slot, { keyId, day, calls: 1, lastUsedAt: at });
    else {
      known.calls++;
      if (at > known.lastUsedAt) known.lastUsedAt = at;
    }
  }

  /** Adds the counts gathered so far to the table; one flush at a time, in order. */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.flushNow());
    return this.flushing;
  }

  /** The usage of each key, those never used included (no calls, no last use). */
  async usageOf(keyIds: readonly string[]): Promise<ReadonlyMap<string, ApiKeyUsageView>> {
    // This instance's latest counts too; if they cannot be written now, the list shows the stored ones.
    await this.flush().catch(() => undefined);
    const since = new Date(this.clock.now().getTime() - (USAGE_DAYS - 1) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const lastUsed = new Map<string, string>();
    const days = new Map<string, DailyCalls[]>();
    for (const ids of chunks(keyIds, IDS_PER_QUERY)) {
      const list = ids.map(() => '?').join(', ');
      for (const row of await this.access.reader.rows(
        `select \`key_id\`, max(\`last_used_at\`) as \`last_used_at\` from \`api_key_usage\` where \`key_id\` in (${list}) group by \`key_id\``,
        ids,
      ))
        lastUsed.set(String(row.key_id), String(row.last_used_at));
      for (const row of await this.access.reader.rows(
        `select \`key_id\`, \`day\`, \`calls\` from \`api_key_usage\` where \`key_id\` in (${list}) and \`day\` >= ? order by \`day\` desc`,
        [...ids, since],
      )) {
        const keyId = String(row.key_id);
        days.set(keyId, [...(days.get(keyId) ?? []), { day: String(row.day), calls: Number(row.calls) }]);
      }
    }
    return new Map(
      keyIds.map((keyId) => {
        const at = lastUsed.get(keyId);
        return [
          keyId,
          { ...(at === undefined ? {} : { lastUsedAt: at }), callsPerDay: days.get(keyId) ?? [] },
        ];
      }),
    );
  }

  private async flushNow(): Promise<void> {
    if (this.pending.size === 0) return;
    // Calls made while this write runs are counted in a fresh map, and flushed by the next one.
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      requireAll(
        await this.access.writer.write([
          {
            name: 'api key usage',
            statements: [
              {
                sql: addCallsSql(this.access.dialect),
                rows: batch.map(({ keyId, day, calls, lastUsedAt }) => [keyId, day, calls, lastUsedAt]),
              },
            ],
          },
        ]),
      );
    } catch (error) {
      // Kept for the next flush rather than lost: usage is worth a retry, never a failed data call.
      for (const entry of batch) {
        const slot = `${entry.keyId}/${entry.day}`;
        const known = this.pending.get(slot);
        if (known === undefined) this.pending.set(slot, entry);
        else {
          known.calls += entry.calls;
          if (entry.lastUsedAt > known.lastUsedAt) known.lastUsedAt = entry.lastUsedAt;
        }
      }
      this.logger.warn(
        `API key usage not written yet (kept for the next flush): ${(error as Error).message}`,
      );
      throw error;
    }
  }
}
