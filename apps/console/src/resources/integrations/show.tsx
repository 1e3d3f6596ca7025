import { useState } from 'react';
import { useShow } from '@refinedev/core';
import { EditButton, RefreshButton, Show } from '@refinedev/antd';
import { Alert, Button, Popconfirm, Skeleton, Space, Tabs } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { HistoryTimeline } from '../../components/history-timeline';
import { IntegrationReviewView } from '../../components/integration-review-view';
import { auditLinkOf } from '../audit/audit-search';
import type { Entity, Integration } from '../../types';
import { ConvertToOpenButton } from './convert-to-open-button';
import { AsOfPicker } from './as-of-picker';
import { ApiExplorer } from './api-explorer/api-explorer';
import { DataBrowser } from './data-browser';
import { DeploymentsTable } from './deployments-table';
import { IntegrationAsOf } from './integration-as-of';
import { NullPolicyCard } from './null-policy-card';
import { IntegrationDriftTags } from './integration-drift-tags';
import { PublicationsTable } from './publications-table';
import { PublishButton } from './publish-button';
import { RepublishRequiredAlert } from './republish-required-alert';
import { VersionsTable } from './versions-table';
import { useIntegrationCommand } from './use-integration-command';
import { useIntegrationPublishing } from './use-integration-publishing';
import { useIntegrationReview } from './use-integration-review';

/**
 * An integration: as it is now (what publishing made of it, what can be done with it), as it was at a
 * moment picked (`?asOf=`, read from the event log; a link to it shows the same), and its history.
 */
export const IntegrationShow = () => {
  const { result: integration, query } = useShow<Integration>();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const [tab, setTab] = useState('overview');
  const showAsOf = (moment: string | undefined) => {
    setParams(moment === undefined ? {} : { asOf: moment }, { replace: true });
    setTab('overview');
  };
  const shownAs = asOf ? dayjs(asOf).format('YYYY-MM-DD HH:mm:ss') : '';
  const { query: reviewQuery } = useIntegrationReview(integration?.id);
  const { run, isRunning } = useIntegrationCommand(integration);
  const publishing = useIntegrationPublishing(integration?.id);
  const review = reviewQuery.data?.data;
  const editable = integration?.status === 'draft';

  const remove = async (entity: Entity) => {
    await run({
      path: `/entities/${encodeURIComponent(entity.name)}`,
      method: 'delete',
      successMessage: `Entity ${entity.name} removed`,
    });
    await reviewQuery.refetch();
  };

  const removeButton = (entity: Entity) => (
    <span onClick={(event) => event.stopPropagation()}>
      <Popconfirm title={`Remove entity ${entity.name}?`} onConfirm={() => remove(entity)} okText="Remove">
        <Button size="small" danger icon={<DeleteOutlined />} loading={isRunning}>
          Remove
        </Button>
      </Popconfirm>
    </span>
  );

  const now = (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <RepublishRequiredAlert state={publishing.dependencies} />
      {integration && <IntegrationDriftTags integrationId={integration.id} />}
      {review ? (
        <IntegrationReviewView review={review} entityExtra={editable ? removeButton : undefined} />
      ) : (
        <Skeleton active />
      )}
      {integration && (
        <>
          <NullPolicyCard integration={integration} onChanged={() => void reviewQuery.refetch()} />
          <PublicationsTable
            integration={integration}
            publications={publishing.publications}
            loading={publishing.publicationsLoading}
          />
          <VersionsTable integration={integration} versions={publishing.versions} />
          <DeploymentsTable
            integration={integration}
            deployments={publishing.deployments}
            versions={publishing.versions}
            onChanged={publishing.refreshDeployments}
            dependencies={publishing.dependencies}
          />
        </>
      )}
    </Space>
  );

  const then = integration && asOf && (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message={`As of ${shownAs}`}
        description="The integration and its deployments as they were at that moment, read from the audit log."
        action={<Button onClick={() => showAsOf(undefined)}>Back to now</Button>}
      />
      <IntegrationAsOf integrationId={integration.id} asOf={asOf} shownAs={shownAs} />
    </Space>
  );

  return (
    <Show
      isLoading={query.isLoading}
      title={integration?.applicationName ?? 'Integration'}
      headerButtons={
        asOf ? (
          <RefreshButton onClick={() => void query.refetch()} />
        ) : (
          <>
            <RefreshButton
              onClick={() => void Promise.all([query.refetch(), reviewQuery.refetch(), publishing.refresh()])}
            />
            {editable && <EditButton>Edit in wizard</EditButton>}
            {integration && <ConvertToOpenButton integration={integration} />}
            {integration && (
              <PublishButton
                integration={integration}
                running={publishing.running}
                ready={review?.readyToPublish ?? false}
                onStarted={({ publicationId }) => publishing.watch(publicationId)}
              />
            )}
          </>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={<AsOfPicker asOf={asOf} onChange={showAsOf} />}
        items={[
          { key: 'overview', label: 'Overview', children: asOf ? then : now },
          {
            key: 'data',
            label: 'Data',
            children: integration && !asOf && (
              <DataBrowser integration={integration} deployments={publishing.deployments} />
            ),
          },
          {
            key: 'api',
            label: 'Try the API',
            children: integration && !asOf && (
              <ApiExplorer
                integration={integration}
                versions={publishing.versions}
                deployments={publishing.deployments}
              />
            ),
          },
          {
            key: 'history',
            label: 'History',
            children: integration && (
              <HistoryTimeline
                path={`/integrations/${integration.id}`}
                auditLink={auditLinkOf('integration', integration.id)}
                onShowAsOf={showAsOf}
              />
            ),
          },
        ]}
      />
    </Show>
  );
};
