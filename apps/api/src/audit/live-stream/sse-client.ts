import { once } from 'node:events';
import { type ServerResponse } from 'node:http';
import { userStreamId } from '@ib/domain';
import { type AuthenticatedUser } from '../../identity';
import { type EventScope, maySee } from './event-visibility';

/**
 * Bytes a client may leave unread in its response buffer. A client that falls further behind is
 * dropped (its EventSource reconnects and resumes from its last id) instead of holding memory for it.
 */
export const MAX_UNREAD_BYTES = 256 * 1024;
/** Live frames held while a client replays what it missed; beyond, it is dropped as too slow. */
const MAX_HELD_FRAMES = 10_000;

type Held = Readonly<{ position?: number; frame: string; endsStream?: boolean }>;

/**
 * One open stream: who it shows events to, and where its answer is. It starts by replaying what
 * it missed (live frames meanwhile are held, in order), then goes live. Every frame is written
 * whole in one call, so a heartbeat never lands inside another frame.
 */
export class SseClient {
  private held: Held[] | undefined = [];
  private closed = false;
  /** The position of the last change written: nothing at or before it is written again. */
  private lastPosition: number;
  private readonly ownStream: string;

  constructor(
    readonly viewer: AuthenticatedUser,
    private readonly response: ServerResponse,
    resumeAfter: number,
    private readonly onClose: (client: SseClient) => void,
  ) {
    this.lastPosition = resumeAfter;
    this.ownStream = userStreamId(viewer.username);
    response.once('close', () => this.close());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** A change from the live subscription: written if the viewer may see it (held while replaying). */
  offerChange(position: number, scope: EventScope, frame: string): void {
    if (this.closed || position <= this.lastPosition || !maySee(this.viewer, scope)) return;
    const endsStream = scope.streamId === this.ownStream;
    if (this.held !== undefined) {
      if (this.held.length >= MAX_HELD_FRAMES) return this.drop();
      this.held.push({ position, frame, endsStream });
      return;
    }
    this.writeChange(position, frame, endsStream);
  }

  /** A frame for this viewer that is no change (a notification): written in its turn. */
  offer(frame: string): void {
    if (this.closed) return;
    if (this.held !== undefined) this.held.push({ frame });
    else this.write(frame);
  }

  /** While replaying: writes a missed change, waiting while the client reads what it was sent. */
  async replay(position: number, scope: EventScope, frame: string): Promise<void> {
    if (this.closed || position <= this.lastPosition || !maySee(this.viewer, scope)) return;
    this.writeChange(position, frame, scope.streamId === this.ownStream);
    if (!this.closed && this.response.writableNeedDrain)
      await Promise.race([once(this.response, 'drain'), once(this.response, 'close')]);
  }

  /** The changes it missed are skipped up to `position`: the client reloads what it shows instead. */
  skipTo(position: number, frame: string): void {
    if (this.closed || position <= this.lastPosition) return;
    this.writeChange(position, frame, false);
  }

  /** Replay done: the held frames are written, and the next ones as they come. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const { position, frame, endsStream } of held) {
      if (this.closed) return;
      if (position === undefined) this.write(frame);
      else if (position > this.lastPosition) this.writeChange(position, frame, endsStream === true);
    }
  }

  /** A heartbeat or the opening lines: not held, as they carry no change. */
  write(frame: string): void {
    if (this.closed) return;
    this.response.write(frame);
    if (this.response.writableLength > MAX_UNREAD_BYTES) this.drop();
  }

  /** Ends the answer (shutdown, or a change of the viewer's own user). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = undefined;
    if (!this.response.writableEnded) this.response.end();
    this.onClose(this);
  }

  /**
   * `endsStream`: a change to the viewer's own user (roles, password, logout) may end what this
   * stream was opened with; the client comes back with a new ticket, issued to the user as they are now.
   */
  private writeChange(position: number, frame: string, endsStream: boolean): void {
    this.lastPosition = position;
    this.write(frame);
    if (endsStream) this.close();
  }

  /** Too far behind: the connection is cut, and nothing more is buffered for it. */
  private drop(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = undefined;
    this.response.destroy();
    this.onClose(this);
  }
}
