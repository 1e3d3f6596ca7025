/** How many failed logins a window tolerates, per username and per client address. */
export type LoginThrottleSettings = Readonly<{
  maxFailuresPerUsername: number;
  maxFailuresPerAddress: number;
  windowMs: number;
}>;

/** Keys remembered at most; beyond it the keys with the oldest failures are forgotten first. */
const MAX_KEYS = 100_000;

/**
 * Counts failed password checks (logins, and password changes with a wrong current password) in a
 * sliding window, by username (whether or not such a user exists, so the answer never tells) and by
 * client address. Once either count reaches its limit, logins with that
 * username or from that address are refused until the oldest failure leaves the window, before any
 * password is checked. Kept in this process's memory: with several instances, each counts its own.
 */
export class LoginThrottle {
  /** Failure times by key, oldest first; Map order keeps the least recently failed keys first. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly settings: LoginThrottleSettings) {}

  /** Seconds to wait before trying again, or 0 when a login may be tried now. */
  retryAfterSeconds(username: string, address: string, now: Date): number {
    const wait = Math.max(
      this.waitMs(usernameKey(username), this.settings.maxFailuresPerUsername, now.getTime()),
      this.waitMs(addressKey(address), this.settings.maxFailuresPerAddress, now.getTime()),
    );
    return Math.ceil(wait / 1000);
  }

  recordFailure(username: string, address: string, now: Date): void {
    this.record(usernameKey(username), this.settings.maxFailuresPerUsername, now.getTime());
    this.record(addressKey(address), this.settings.maxFailuresPerAddress, now.getTime());
  }

  /** A successful login forgets the username's failures (not the address's: it may be guessing others). */
  recordSuccess(username: string): void {
    this.failures.delete(usernameKey(username));
  }

  private waitMs(key: string, limit: number, now: number): number {
    const times = this.recent(key, now);
    if (times.length < limit) return 0;
    return times[times.length - limit] + this.settings.windowMs - now;
  }

  private record(key: string, limit: number, now: number): void {
    const times = [...this.recent(key, now), now].slice(-limit);
    this.failures.delete(key);
    this.failures.set(key, times);
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (times === undefined) return [];
    const recent = times.filter((time) => time > now - this.settings.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}

const usernameKey = (username: string) => `user:${username.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
