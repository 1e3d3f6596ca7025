import type { ReactNode } from 'react';
import type { HttpError } from '@refinedev/core';
import { Alert, Skeleton, Tabs } from 'antd';
import { HistoryTimeline } from './history-timeline';

type Props = {
  /** The object as it is now; undefined while it loads or when it cannot be read. */
  details: ReactNode | undefined;
  error?: HttpError | null;
  /** The object's API path, e.g. `/connections/<id>`. */
  path: string;
  auditLink?: string;
};

/**
 * An object's page: its details, and its history from the event log. The history stays readable when
 * the object itself is not (deleted, or outside what the user may see now but may audit).
 */
export const DetailsAndHistory = ({ details, error, path, auditLink }: Props) => (
  <Tabs
    items={[
      {
        key: 'details',
        label: 'Details',
        children:
          details ??
          (error ? (
            <Alert
              type="warning"
              showIcon
              message="It cannot be shown as it is now"
              description={error.message}
            />
          ) : (
            <Skeleton active />
          )),
      },
      { key: 'history', label: 'History', children: <HistoryTimeline path={path} auditLink={auditLink} /> },
    ]}
  />
);
