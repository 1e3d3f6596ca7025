import { Link } from 'react-router';
import { App } from 'antd';
import { PENDING_CHANGE_MESSAGE, changeRequestPath, type PendingChange } from './pending-change';

/**
 * Tells that a change waits for another administrator (nothing was applied), with the way to its
 * change request: the requester follows it there, or cancels it.
 */
export const usePendingChangeNotice = (): ((change: PendingChange, what: string) => void) => {
  const { notification } = App.useApp();
  return (change, what) =>
    notification.info({
      key: change.changeRequestId,
      message: PENDING_CHANGE_MESSAGE,
      description: (
        <>
          {what}: not applied yet.{' '}
          <Link to={changeRequestPath(change.changeRequestId)}>Open the change request</Link>
        </>
      ),
    });
};
