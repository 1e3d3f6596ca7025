import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';

/**
 * Refine's notices shown with antd's `App` notifications, as `@refinedev/antd`'s provider does (its
 * arguments included): ours so that the first page does not load that whole library (~110 KB gzipped,
 * markdown renderer and all) for one hook. No mutation is undoable here, so no undo countdown either.
 */
export const useNotificationProvider = (): NotificationProvider => {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) =>
      notification.open({
        key,
        description: message,
        message: description ?? null,
        type: type === 'progress' ? 'info' : type,
      }),
    close: (key) => notification.destroy(key),
  };
};
