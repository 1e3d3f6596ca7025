import { useState } from 'react';
import { type HttpError, useCustom } from '@refinedev/core';
import { Alert, Collapse, Empty, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { Deployment, Integration, PublishedVersion } from '../../../types';
import { type OpenApiDocument, operationsOf } from './openapi-operations';
import { OperationPanel } from './operation-panel';

const METHOD_COLORS: Record<string, string> = {
  get: 'blue',
  post: 'green',
  patch: 'orange',
  put: 'orange',
  delete: 'red',
};

type Props = {
  integration: Integration;
  versions: readonly PublishedVersion[];
  deployments: readonly Deployment[];
};

/**
 * A try-it explorer of a published version's data API, from the OpenAPI document its package carries:
 * each operation called for real, in an environment serving it, with an app's key (kept in this page
 * only) or the user's own session.
 */
export const ApiExplorer = ({ integration, versions, deployments }: Props) => {
  const latest = versions.reduce((highest, { version }) => Math.max(highest, version), 0);
  const [version, setVersion] = useState<number>();
  const shown = version ?? latest;
  const serving = deployments.filter((deployment) => deployment.version === shown);
  const [chosenEnvironment, setEnvironment] = useState<string>();
  const environment =
    serving.find(({ environment: name }) => name === chosenEnvironment)?.environment ??
    serving[0]?.environment;
  const [apiKey, setApiKey] = useState('');
  const { query } = useCustom<OpenApiDocument>({
    url: `/integrations/${integration.id}/versions/${shown}/openapi.json`,
    method: 'get',
    errorNotification: false,
    queryOptions: { enabled: shown > 0 },
  });
  const doc = query.data?.data;
  const error = query.error as HttpError | null;

  if (latest === 0) return <Empty description="Publish the integration to try its data API" />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="Version"
          value={shown}
          style={{ minWidth: 120 }}
          options={versions.map(({ version: v }) => ({ value: v, label: `v${v}` }))}
          onChange={(v: number) => setVersion(v)}
        />
        <Select
          aria-label="Environment"
          value={environment}
          placeholder="Not deployed"
          style={{ minWidth: 160 }}
          options={serving.map(({ environment: name }) => ({ value: name, label: name }))}
          onChange={(name: string) => setEnvironment(name)}
        />
        <Input.Password
          aria-label="API key"
          placeholder="X-API-Key (empty: your session)"
          style={{ minWidth: 320 }}
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
        <Typography.Link
          href={`/api/integrations/${integration.id}/versions/${shown}/openapi.json`}
          target="_blank"
        >
          openapi.json
        </Typography.Link>
      </Space>
      {!environment && (
        <Alert
          type="info"
          showIcon
          message={`Version ${shown} is not deployed anywhere: promote it to try it`}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          message={error.title ?? 'No OpenAPI document'}
          description={error.message}
        />
      )}
      {query.isLoading && <Skeleton active />}
      {doc && environment && (
        <>
          <Typography.Paragraph type="secondary">{doc.info?.description}</Typography.Paragraph>
          <Collapse
            items={operationsOf(doc).map((operation) => ({
              key: operation.id,
              label: (
                <Space>
                  <Tag color={METHOD_COLORS[operation.method]}>{operation.method.toUpperCase()}</Tag>
                  <Typography.Text code>{operation.path.replace(`/${integration.id}`, '/…')}</Typography.Text>
                  <span>{operation.summary}</span>
                </Space>
              ),
              children: (
                <OperationPanel
                  key={`${shown}/${environment}`}
                  doc={doc}
                  operation={operation}
                  environment={environment}
                  apiKey={apiKey}
                />
              ),
            }))}
          />
        </>
      )}
    </Space>
  );
};
