import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';
import { noticeOf } from './problem-notice';

/**
 * Refine's notices shown with antd's `App` notifications: ours so that the first page does not load
 * `@refinedev/antd` (~110 KB gzipped, markdown renderer and all) for one hook, and so that the heading
 * and text are where the console puts them: the message is the heading, the description the text
 * below (see noticeOf; Refine's antd provider swaps the two). No mutation is undoable here, so no undo
 * countdown either.
 */
export const useNotificationProvider = (): NotificationProvider => {
  const { notification } = App.useApp();
  return {
    open: (params) =>
      notification.open({
        key: params.key,
        type: params.type === 'progress' ? 'info' : params.type,
        ...noticeOf(params),
      }),
    close: (key) => notification.destroy(key),
  };
};
