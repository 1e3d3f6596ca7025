import { lazy, Suspense, useState } from 'react';
import type { ReasonModalProps } from './reason-modal';

const ReasonModal = lazy(async () => ({ default: (await import('./reason-modal')).ReasonModal }));

/**
 * The rejection's reason modal, loaded when first opened: the approvals inbox is an administrator's first
 * page, and antd's form would otherwise come with it. Once opened it stays mounted, so it closes as it opens.
 */
export const LazyReasonModal = (props: ReasonModalProps) => {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <ReasonModal {...props} />
    </Suspense>
  );
};
