import { DEFAULT_DRIFT_CHECK_INTERVAL_MS, driftCheckInterval } from './drift-check-interval';

const parse = (raw: string | undefined) => {
  const problems: string[] = [];
  return { ms: driftCheckInterval(raw, problems), problems };
};

describe('DRIFT_CHECK_INTERVAL', () => {
  it('is hourly when unset or empty', () => {
    expect(parse(undefined)).toEqual({ ms: DEFAULT_DRIFT_CHECK_INTERVAL_MS, problems: [] });
    expect(parse(' ')).toEqual({ ms: 3_600_000, problems: [] });
  });

  it.each([
    ['1h', 3_600_000],
    ['30m', 1_800_000],
    ['45s', 45_000],
    ['2d', 172_800_000],
    ['90', 90_000],
    [' 15M ', 900_000],
  ])('reads %p as %p ms', (raw, ms) => expect(parse(raw)).toEqual({ ms, problems: [] }));

  it.each([['0'], ['off'], ['OFF']])('reads %p as disabled', (raw) =>
    expect(parse(raw)).toEqual({ ms: 0, problems: [] }),
  );

  it.each([['-1h'], ['1.5h'], ['1w'], ['hourly'], ['8d'], ['0s']])('refuses %p, naming the variable', (raw) =>
    expect(parse(raw).problems).toEqual([expect.stringContaining('DRIFT_CHECK_INTERVAL')]),
  );
});
