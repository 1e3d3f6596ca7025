import { useRef } from 'react';
import { useSubscription } from '@refinedev/core';
import { channelOf } from '../providers/live/stream-resources';

/**
 * Reads again what a page fetched outside Refine's resource hooks (useCustom: a publication, the API
 * keys of an environment, ...) whenever the event stream tells of a change to `resource`.
 */
export const useLiveRefresh = (resource: string, refresh: () => unknown): void => {
  // The subscription is made once: it calls the latest render's refresh.
  const latest = useRef(refresh);
  latest.current = refresh;
  useSubscription({ channel: channelOf(resource), onLiveEvent: () => void latest.current() });
};
