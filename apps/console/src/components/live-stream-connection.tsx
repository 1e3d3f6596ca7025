import { useEffect } from 'react';
import { liveStream, stopLiveStream } from '../providers/live-provider';

/** Follows the event stream while the console is shown to a logged-in user: from login to logout. */
export const LiveStreamConnection = () => {
  useEffect(() => {
    liveStream.start();
    return stopLiveStream;
  }, []);
  return null;
};
