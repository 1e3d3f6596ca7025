import { Alert } from 'antd';
import type { RequestTestOutcome } from './use-request-test';

/** How the requested details answered the test: what the administrator weighs before approving. */
export const RequestTestResult = ({ outcome }: { outcome: RequestTestOutcome | undefined }) => {
  if (!outcome) return null;
  return outcome.ok ? (
    <Alert
      type="success"
      showIcon
      message="Connection works"
      description={`${outcome.result.serverVersion}, ${outcome.result.latencyMs} ms`}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      message="Connection failed"
      description={
        outcome.error.code ? `${outcome.error.message} (${outcome.error.code})` : outcome.error.message
      }
    />
  );
};
