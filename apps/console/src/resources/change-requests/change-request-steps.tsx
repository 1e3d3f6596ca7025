import { Steps, Typography } from 'antd';
import { useUserNames } from '../../components/use-user-names';
import type { ChangeRequest } from '../../types';
import { type ChangeRequestStep, changeRequestSteps } from './change-request-model';
import { DateText } from '../../components/date-text';

const STATUS: Record<ChangeRequestStep['outcome'], 'finish' | 'process' | 'error'> = {
  done: 'finish',
  waiting: 'process',
  refused: 'error',
};

/** A change request's life: requested, then approved and applied (or failed), rejected or cancelled. */
export const ChangeRequestSteps = ({ request }: { request: ChangeRequest }) => {
  const userName = useUserNames();
  return (
    <Steps
      direction="vertical"
      size="small"
      aria-label="Steps"
      items={changeRequestSteps(request).map(({ title, by, at, outcome, detail }) => ({
        title,
        status: STATUS[outcome],
        description: (
          <>
            {by !== undefined && <>by {userName(by)} </>}
            {at !== undefined && (
              <>
                at <DateText value={at} format="YYYY-MM-DD HH:mm:ss" />
              </>
            )}
            {detail && <Typography.Paragraph style={{ marginBottom: 0 }}>{detail}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
};
