import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type MikroORM } from '@mikro-orm/libsql';
import { inNativeTransaction } from './native-transaction';
import { type ReadModelWriter, type WriteGroup, type WriteOutcome } from './read-model-writes';
import {
  runWriteGroups,
  type WriteReply,
  type WriteRequest,
  type WriterThreadData,
} from './read-model-writer.thread';
import { type NativeDatabase } from './view-table';

/**
 * Writes on the main thread's own connection, inside the caller's turn: for a database in memory,
 * which no other connection can open.
 */
export class InlineReadModelWriter implements ReadModelWriter {
  constructor(
    private readonly orm: MikroORM,
    private readonly db: NativeDatabase,
  ) {}

  async write(groups: readonly WriteGroup[]): Promise<WriteOutcome> {
    let outcome: WriteOutcome = { failed: [] };
    await inNativeTransaction(this.orm, this.db, () => {
      outcome = { failed: runWriteGroups(this.db, groups).failed };
    });
    return outcome;
  }

  async close(): Promise<void> {}
}

type Pending = Readonly<{ resolve: (outcome: WriteOutcome) => void; reject: (error: Error) => void }>;

/**
 * Writes on a thread of its own with its own connection to the file, so the main thread goes on
 * reading the log and folding the next batch meanwhile: on a catch-up, SQLite's part of the work (row
 * encoding, B-tree and WAL pages, checkpoints) no longer adds to the event loop's. Writes are applied
 * in the order they were sent.
 */
export class ThreadReadModelWriter implements ReadModelWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure?: Error;
  private closed?: Promise<void>;

  constructor(file: string) {
    const script = join(__dirname, `read-model-writer.thread${extname(__filename)}`);
    const workerData: WriterThreadData = { readModelWriter: true, file };
    this.worker = new Worker(script, {
      workerData,
      // Specs run the TypeScript file itself, which Node would warn about once per thread.
      execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'],
    });
    // The thread keeps the process alive only while a write waits for it, as a socket would.
    this.worker.unref();
    this.worker.on('message', (reply: WriteReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`The read-model writer stopped (exit code ${code})`)),
    );
  }

  write(groups: readonly WriteGroup[]): Promise<WriteOutcome> {
    if (this.failure !== undefined || this.closed !== undefined)
      return Promise.reject(this.failure ?? new Error('The read-model writer is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      const request: WriteRequest = { id, groups };
      this.worker.postMessage(request);
    });
  }

  /** Lets the writes sent so far finish, then closes the thread's connection. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      const request: WriteRequest = { close: true };
      this.worker.postMessage(request);
    });
    return this.closed;
  }

  private settle({ id, outcome, error }: WriteReply): void {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error !== undefined) pending?.reject(new Error(error));
    else pending?.resolve(outcome ?? { failed: [] });
  }

  private fail(error: Error): void {
    this.failure ??= this.closed === undefined ? error : undefined;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

/** A writer on the ORM's own connection (see InlineReadModelWriter). */
export async function inlineWriterFor(orm: MikroORM): Promise<ReadModelWriter> {
  return new InlineReadModelWriter(orm, await orm.em.getConnection().getNativeClient());
}

/** The writer for a read-model file: on its own thread, unless the database lives in memory. */
export async function createReadModelWriter(orm: MikroORM, file: string): Promise<ReadModelWriter> {
  return file === ':memory:' ? inlineWriterFor(orm) : new ThreadReadModelWriter(file);
}
