/**
 * The versions this connection last saw of the streams it used most recently: what it committed or
 * read. The log only grows, so each is a lower bound of the stream's stored version, never more; it
 * goes stale when another connection or process appends to the stream. An append may trust it only
 * where the (stream_id, stream_version) unique key proves it: writing version `known + 1` succeeds
 * only if no one wrote it first, that is if the stream is still at `known`.
 */
export class KnownStreamVersions {
  /** In use order, the least recently used first. */
  private readonly versions = new Map<string, number>();

  constructor(private readonly capacity = 16_384) {}

  get(streamId: string): number | undefined {
    return this.versions.get(streamId);
  }

  set(streamId: string, version: number): void {
    this.versions.delete(streamId);
    this.versions.set(streamId, version);
    if (this.versions.size > this.capacity) {
      const [leastRecent] = this.versions.keys();
      this.versions.delete(leastRecent);
    }
  }

  forget(streamId: string): void {
    this.versions.delete(streamId);
  }

  clear(): void {
    this.versions.clear();
  }
}
