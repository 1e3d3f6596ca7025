import { useCustom } from '@refinedev/core';
import { Alert, Empty, Radio, Skeleton, Space, Typography } from 'antd';
import { PROVIDER_TERMS } from '../../../components/provider-terms';
import { clearFormDraft, useDraftState } from '../../../components/use-form-draft';
import type { DatabaseInfo, Items } from '../../../types';
import { useIntegrationCommand } from '../use-integration-command';
import { sourceUrlOf } from './integration-source';
import { StepActions } from './step-actions';
import { stepDraftKey, type StepProps } from './step-props';

/** An integration never spans two databases: once it has entities, its database is fixed. */
export const DatabaseStep = ({ integration, onBack, onNext }: StepProps) => {
  const draft = stepDraftKey(integration, 'database');
  const [chosen, setDatabase] = useDraftState(draft, integration.database);
  const { run, isRunning } = useIntegrationCommand(integration);
  const source = sourceUrlOf(integration);
  const { query } = useCustom<Items<DatabaseInfo>>({
    url: `${source ?? ''}/databases`,
    method: 'get',
    queryOptions: { enabled: source !== undefined },
  });
  const databases = query.data?.data.items ?? [];
  const locked = integration.entities.length > 0;
  // A choice kept from before the entities were added no longer applies.
  const database = locked ? integration.database : chosen;

  const next = async () => {
    if (database !== integration.database) {
      const selected = await run({
        path: '/database',
        method: 'put',
        values: { database },
        successMessage: 'Database selected',
      });
      if (!selected) return;
    }
    clearFormDraft(draft);
    onNext();
  };

  if (query.isLoading) return <Skeleton active />;
  return (
    <>
      <Typography.Paragraph>
        Select the {PROVIDER_TERMS[integration.provider].database} this integration consumes.
      </Typography.Paragraph>
      {locked && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message="This integration already has entities: it stays on its database."
        />
      )}
      {databases.length === 0 ? (
        <Empty description="The connection shows no databases" />
      ) : (
        <Radio.Group value={database} onChange={(event) => setDatabase(event.target.value as string)}>
          <Space direction="vertical">
            {databases.map(({ name }) => (
              <Radio key={name} value={name} disabled={locked && name !== integration.database}>
                {name}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      <StepActions onBack={onBack} onNext={next} nextDisabled={!database} loading={isRunning} />
    </>
  );
};
