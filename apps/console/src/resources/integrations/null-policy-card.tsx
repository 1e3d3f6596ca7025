import { Card, Radio, Typography } from 'antd';
import type { Integration } from '../../types';
import { NULL_POLICY_HELP, NULL_POLICY_OPTIONS, type NullPolicy } from './null-policy';
import { useIntegrationCommand } from './use-integration-command';

type Props = { integration: Integration; onChanged: () => void };

/**
 * What the data API does with NULLs. The builder changes it until the integration is converted to open;
 * it applies to the versions published next, each deployed version keeps the policy it was published with.
 */
export const NullPolicyCard = ({ integration, onChanged }: Props) => {
  const { run, isRunning } = useIntegrationCommand(integration);
  const editable = integration.status === 'draft';

  const choose = async (nullPolicy: NullPolicy) => {
    const changed = await run({
      path: '/null-policy',
      method: 'put',
      values: { nullPolicy },
      successMessage: `Null values: ${nullPolicy}`,
    });
    if (changed) onChanged();
  };

  return (
    <Card title="Null values" size="small" role="region" aria-label="Null values">
      <Radio.Group
        aria-label="Null policy"
        options={NULL_POLICY_OPTIONS}
        value={integration.nullPolicy}
        disabled={!editable || isRunning}
        onChange={(event) => void choose(event.target.value as NullPolicy)}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {NULL_POLICY_HELP}{' '}
        {editable
          ? 'A change applies to the versions published next; deployed versions keep theirs.'
          : 'Converted to open: the builder no longer changes it.'}
      </Typography.Paragraph>
    </Card>
  );
};
