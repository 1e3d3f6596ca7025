import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent } from '@ib/domain';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { uuidv7 } from '../ids';
import { type Projection } from '../read-model/projection';
import { type ProcessManager, type ProcessStart } from './process-manager';
import { ProcessManagerRunner } from './process-manager-runner';
import { InMemoryProcessCheckpoints } from './testing/in-memory-process-checkpoints';

type Job = Readonly<{ jobId: string }>;

/** Jobs open with JobStarted and close with JobFinished; Noise is handled by no one. */
const jobsInFlight: Projection<Job> = {
  name: 'jobs-in-flight',
  handles: ['JobStarted', 'JobFinished'],
  idOf: (event) => (event.data as Job).jobId,
  evolve: (job, event) => (event.type === 'JobStarted' ? { jobId: (event.data as Job).jobId } : undefined),
};

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

/** A manager that records what it is told, and whose handler can be made to fail or wait. */
class RecordingManager implements ProcessManager<Job> {
  readonly name = 'jobs';
  readonly handles = ['JobStarted', 'JobFinished'];
  readonly instances = jobsInFlight;
  readonly starts: ProcessStart<Job>[] = [];
  readonly handled: number[] = [];
  /** What happened, in order: 'resume' then the positions handed over. */
  readonly calls: string[] = [];
  failuresLeft = 0;
  gate?: Promise<void>;
  /** Batches the handler was entered with, finished or not. */
  entered = 0;
  stopped = false;

  constructor(readonly firstStart: 'head' | 'beginning' = 'beginning') {}

  resumeInFlight(start: ProcessStart<Job>): void {
    this.starts.push(start);
    this.calls.push('resume');
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    this.entered += 1;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('the driver could not take it');
    }
    await this.gate;
    for (const { globalPosition } of events) {
      this.handled.push(globalPosition);
      this.calls.push(String(globalPosition));
    }
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }
}

const eventually = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('ProcessManagerRunner', () => {
  let folder: string;
  let store: SqliteEventStore;
  let checkpoints: InMemoryProcessCheckpoints;
  const runners: ProcessManagerRunner[] = [];

  const append = async (type: string, jobId: string): Promise<number> => {
    const metadata = { actorId: 'alice', correlationId: uuidv7(), causationId: uuidv7() };
    const data = { jobId };
    const result = await store.append(`job-${jobId}`, [{ eventId: uuidv7(), type, data, metadata }], {
      expectedVersion: 'any',
    });
    return result.lastPosition;
  };

  const runnerOf = (manager: ProcessManager<Job>, options = {}) => {
    const runner = new ProcessManagerRunner(store, checkpoints, {
      retryDelayMs: 20,
      idleCheckpointIntervalMs: 0,
      ...options,
    });
    runner.register(manager);
    runners.push(runner);
    return runner;
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ib-process-runner-'));
    store = new SqliteEventStore({ file: join(folder, 'events.sqlite'), pollIntervalMs: 10 });
    checkpoints = new InMemoryProcessCheckpoints();
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given events stored, when it runs, then the manager is handed those it handles in order and the checkpoint follows', async () => {
    await append('JobStarted', 'a');
    await append('Noise', 'a');
    const last = await append('JobFinished', 'a');
    const manager = new RecordingManager();

    await runnerOf(manager).start();

    await eventually(() => checkpoints.positionOf('process:jobs') === last, 'the checkpoint');
    expect(manager.handled).toEqual([1, 3]);
  });

  it('given a manager handed a batch, then positionOf says up to where, once its handler resolved', async () => {
    const manager = new RecordingManager();
    const gate = deferred();
    manager.gate = gate.promise;
    const runner = runnerOf(manager);
    await runner.start();
    const position = await append('JobStarted', 'a');
    await eventually(() => manager.entered === 1, 'the batch to be handed over');

    expect(runner.positionOf('jobs')).toBeLessThan(position);
    gate.resolve();
    await eventually(() => runner.positionOf('jobs') === position, 'the position to follow');
    expect(runner.positionOf('nobody')).toBeUndefined();
  });

  it('given a checkpoint stored by an earlier run, when a new runner starts, then it hands over only the events after it', async () => {
    const first = new RecordingManager();
    const firstRunner = runnerOf(first);
    await firstRunner.start();
    const seen = await append('JobStarted', 'a');
    await eventually(() => first.handled.includes(seen), 'the first run to see its event');
    await firstRunner.stop();
    const later = await append('JobStarted', 'b');

    const second = new RecordingManager();
    await runnerOf(second).start();

    await eventually(() => second.handled.includes(later), 'the event appended while stopped');
    expect(second.handled).toEqual([later]);
    expect(first.stopped).toBe(true);
  });

  it('given no checkpoint and a manager whose in-flight step covers the past, when it starts, then delivery begins at the head', async () => {
    await append('JobStarted', 'old');
    const manager = new RecordingManager('head');
    const runner = runnerOf(manager);

    await runner.start();
    const live = await append('JobStarted', 'new');

    await eventually(() => manager.handled.length > 0, 'the live event');
    expect(manager.handled).toEqual([live]);
    expect(manager.starts).toEqual([{ head: 1, instances: [] }]);
  });

  it('given instances open at the checkpoint, when a new runner starts, then they are resumed before any event is handed over', async () => {
    // Given a run that saw job a start and finish and job b start, then stopped
    const first = new RecordingManager();
    const firstRunner = runnerOf(first);
    await firstRunner.start();
    await append('JobStarted', 'a');
    await append('JobFinished', 'a');
    const last = await append('JobStarted', 'b');
    await eventually(() => checkpoints.positionOf('process:jobs') === last, 'the checkpoint');
    await firstRunner.stop();
    const afterStop = await append('JobStarted', 'c');

    // When a new runner starts
    const second = new RecordingManager();
    await runnerOf(second).start();
    await eventually(() => second.handled.includes(afterStop), 'the event appended while stopped');

    // Then only job b was in flight, resumed first, with the head seen at start
    expect(second.starts).toEqual([{ head: afterStop, instances: [{ jobId: 'b' }] }]);
    expect(second.calls).toEqual(['resume', String(afterStop)]);
    expect([...(checkpoints.stored.get('process:jobs')?.instances.keys() ?? [])].sort()).toEqual(['b', 'c']);
  });

  it('given a handler that fails, then the checkpoint stays until the batch is handed over again', async () => {
    const manager = new RecordingManager();
    manager.failuresLeft = 1;
    const runner = runnerOf(manager, { retryDelayMs: 200 });
    const position = await append('JobStarted', 'a');

    await runner.start();
    await eventually(() => manager.failuresLeft === 0, 'the failure');

    expect(checkpoints.positionOf('process:jobs')).toBe(0);
    expect((await runner.status())[0]).toMatchObject({ name: 'jobs', position: 0, lag: position });
    expect((await runner.status())[0].failed).toBe('the driver could not take it');
    await eventually(() => manager.handled.includes(position), 'the batch delivered again');
    await eventually(() => checkpoints.positionOf('process:jobs') === position, 'the checkpoint');
    expect(manager.handled).toEqual([position]);
    expect((await runner.status())[0]).toEqual({
      name: 'jobs',
      position,
      head: position,
      lag: 0,
      state: 'running',
      lastError: { message: 'the driver could not take it', at: expect.any(String) },
    });
  });

  it('given a handler that keeps failing, then it is retrying and each pause is twice the one before', async () => {
    const manager = new RecordingManager();
    manager.failuresLeft = 4;
    const entries: number[] = [];
    const handle = manager.handle.bind(manager);
    manager.handle = (events) => {
      entries.push(Date.now());
      return handle(events);
    };
    const runner = runnerOf(manager, { retryDelayMs: 40, maxRetryDelayMs: 100 });
    const position = await append('JobStarted', 'a');

    await runner.start();
    await eventually(() => manager.failuresLeft === 2, 'two failures');
    expect((await runner.status())[0]).toMatchObject({
      state: 'retrying',
      failed: 'the driver could not take it',
    });
    expect(runner.retrying()).toEqual(['jobs']);
    await eventually(() => manager.handled.includes(position), 'the batch handed over at last', 10_000);

    const pauses = entries.slice(1).map((at, index) => at - entries[index]);
    expect(pauses).toHaveLength(4);
    // 40, 80, then the longest (100) twice; Date.now() and the timers' rounding may take a few ms off.
    expect(pauses[0]).toBeGreaterThanOrEqual(35);
    expect(pauses[1]).toBeGreaterThanOrEqual(75);
    expect(pauses[2]).toBeGreaterThanOrEqual(95);
    expect(pauses[3]).toBeGreaterThanOrEqual(95);
    expect((await runner.status())[0]).toMatchObject({ state: 'running', lag: 0 });
    expect(runner.retrying()).toEqual([]);
  });

  it('given a manager of every event, then it is handed events of every type', async () => {
    const manager = new RecordingManager();
    Object.defineProperty(manager, 'handles', { value: 'all' });
    const runner = runnerOf(manager);
    await append('JobStarted', 'a');
    const last = await append('SomethingElse', 'b');

    await runner.start();

    await eventually(() => manager.handled.includes(last), 'every event');
    expect(manager.handled).toHaveLength(2);
  });

  it('given a runner that is not running here, then its managers are stopped', async () => {
    const runner = runnerOf(new RecordingManager());

    expect((await runner.status())[0]).toMatchObject({ state: 'stopped' });
  });

  it('given a batch in flight, when the runner stops, then stop waits for it and stores its checkpoint', async () => {
    const manager = new RecordingManager();
    const gate = deferred();
    manager.gate = gate.promise;
    const runner = runnerOf(manager);
    await runner.start();
    const position = await append('JobStarted', 'a');
    await eventually(() => manager.entered === 1, 'the batch to be in flight');

    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    expect(manager.stopped).toBe(false);

    gate.resolve();
    await stopping;
    expect(manager.handled).toEqual([position]);
    expect(checkpoints.positionOf('process:jobs')).toBe(position);
    expect(manager.stopped).toBe(true);
  });

  it('given events it does not handle, when the idle interval has not passed, then the checkpoint is stored only on stop', async () => {
    const manager = new RecordingManager();
    const runner = runnerOf(manager, { idleCheckpointIntervalMs: 3_600_000 });
    await runner.start();
    const noise = await append('Noise', 'a');
    await eventually(async () => (await runner.status())[0].position === noise, 'the noise to pass');
    const savesBefore = checkpoints.saves;

    await runner.stop();

    expect(checkpoints.saves).toBe(savesBefore + 1);
    expect(checkpoints.positionOf('process:jobs')).toBe(noise);
  });

  it('refuses two managers of one name', () => {
    const runner = runnerOf(new RecordingManager());
    expect(() => runner.register(new RecordingManager())).toThrow(/registered already/);
  });
});
