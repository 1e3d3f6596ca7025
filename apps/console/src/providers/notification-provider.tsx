import type { NotificationProvider } from '@refinedev/core';
import { useNotificationProvider } from '@refinedev/antd';
import { App } from 'antd';
import { noticeOf } from './problem-notice';

/**
 * antd's notices, with the heading and text where the console puts them: the message is the heading,
 * the description the text below (see noticeOf). An undoable action's countdown stays Refine's.
 */
export const useConsoleNotifications = (): NotificationProvider => {
  const refineNotices = useNotificationProvider();
  const { notification } = App.useApp();
  return {
    open: (params) => {
      if (params.type === 'progress') return refineNotices.open(params);
      notification.open({ key: params.key, type: params.type, ...noticeOf(params) });
    },
    close: refineNotices.close,
  };
};
