import { useState } from 'react';

const POLL_MS = 500;
const GIVE_UP_MS = 10_000;

type Expectation<T> = { test: (data: T | undefined) => boolean; until: number };

/**
 * The API's lists are read models, which follow a write a moment later. After a write, `expect` what the
 * list must show; its query (given `refetchInterval`) is read again every half second until it does.
 */
export const useEventually = <T>() => {
  const [expectation, setExpectation] = useState<Expectation<T>>();
  const refetchInterval = (query: { state: { data?: { data: T } } }): number | false =>
    expectation !== undefined && Date.now() < expectation.until && !expectation.test(query.state.data?.data)
      ? POLL_MS
      : false;
  const expect = (test: (data: T | undefined) => boolean) =>
    setExpectation({ test, until: Date.now() + GIVE_UP_MS });
  return { refetchInterval, expect };
};
