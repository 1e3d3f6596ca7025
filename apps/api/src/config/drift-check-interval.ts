const UNIT_MS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** At most a week: longer and nobody would notice the checks had stopped. */
const MAX_MS = 7 * 86_400_000;

export const DEFAULT_DRIFT_CHECK_INTERVAL_MS = 3_600_000;

/**
 * DRIFT_CHECK_INTERVAL: how often every environment's schema drift is checked, as `1h`, `30m`, `45s`,
 * `1d` or a number of seconds; `0` or `off` disables the scheduled check (POST .../drift-checks still
 * runs one). Answers milliseconds, 0 for off.
 */
export function driftCheckInterval(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_DRIFT_CHECK_INTERVAL_MS;
  const value = raw.trim().toLowerCase();
  if (value === 'off' || value === '0') return 0;
  const match = /^(\d{1,9})([smhd]?)$/.exec(value);
  const ms = match === null ? undefined : Number(match[1]) * UNIT_MS[match[2] || 's'];
  if (ms === undefined || ms < 1_000 || ms > MAX_MS) {
    problems.push(
      'DRIFT_CHECK_INTERVAL must be a duration from 1s to 7d such as 1h, 30m or 45s (or seconds), or 0/off',
    );
    return DEFAULT_DRIFT_CHECK_INTERVAL_MS;
  }
  return ms;
}
