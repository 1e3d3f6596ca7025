import { useState } from 'react';
import { type HttpError, useCustom } from '@refinedev/core';
import { Alert, Button, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { Deployment, Entity, Integration } from '../../types';

/** The data API's filter operators, as the published OpenAPI document lists them. */
const OPERATORS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'endsWith'] as const;
type Operator = (typeof OPERATORS)[number];
type Filter = Readonly<{ field: string; op: Operator; value: string }>;
type Row = Record<string, unknown>;
type Page = Readonly<{ items: Row[]; count?: number }>;

const PAGE_SIZES = [10, 20, 50, 100];

/** What a cell shows: text as it is, anything else (JSON, sets) as JSON, no value as a dim dash. */
const cell = (value: unknown) =>
  value === null || value === undefined ? (
    <Typography.Text type="secondary">-</Typography.Text>
  ) : typeof value === 'object' ? (
    <Typography.Text code>{JSON.stringify(value)}</Typography.Text>
  ) : (
    String(value)
  );

/** A row's key values, or the whole row where it has no key (a view): unique either way. */
const keyOf = (row: Row, primaryKey: readonly string[]): string =>
  primaryKey.length > 0 && primaryKey.every((key) => row[key] !== undefined)
    ? JSON.stringify(primaryKey.map((key) => row[key]))
    : JSON.stringify(row);

type Props = { integration: Integration; deployments: readonly Deployment[] };

/**
 * Each deployed entity's rows, read through the same data API apps use, with the caller's own rights
 * (an environment they hold no role in is refused there, not hidden here): filter, sort and page run on
 * the server.
 */
export const DataBrowser = ({ integration, deployments }: Props) => {
  const environments = deployments.map(({ environment }) => environment);
  const [environment, setEnvironment] = useState(environments[0]);
  const [entityName, setEntityName] = useState(integration.entities[0]?.name);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const [sort, setSort] = useState<string>();
  const [draft, setDraft] = useState<Filter>({ field: '', op: 'eq', value: '' });
  const [filter, setFilter] = useState<Filter>();
  const entity: Entity | undefined = integration.entities.find(({ name }) => name === entityName);
  const deployed = environment !== undefined && entity !== undefined;

  const { query } = useCustom<Page>({
    url: `/data/${environment ?? ''}/${integration.id}/${encodeURIComponent(entityName ?? '')}`,
    method: 'get',
    config: {
      query: {
        offset: (page - 1) * pageSize,
        limit: pageSize,
        count: true,
        ...(sort ? { sort } : {}),
        ...(filter ? { [`${filter.field}[${filter.op}]`]: filter.value } : {}),
      },
    },
    errorNotification: false,
    queryOptions: { enabled: deployed, retry: false },
  });
  const error = query.error as HttpError | null;
  const applyFilter = () => {
    if (!draft.field) return;
    setFilter(draft);
    setPage(1);
  };
  const reset = () => {
    setPage(1);
    setSort(undefined);
    setFilter(undefined);
    setDraft({ field: '', op: 'eq', value: '' });
  };

  if (environments.length === 0 || integration.entities.length === 0)
    return <Empty description="Publish the integration to browse its data" />;

  const attributes = entity?.attributes ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="Environment"
          value={environment}
          style={{ minWidth: 160 }}
          options={environments.map((name) => ({ value: name, label: name }))}
          onChange={(value: string) => {
            setEnvironment(value);
            reset();
          }}
        />
        <Select
          aria-label="Entity"
          value={entityName}
          style={{ minWidth: 200 }}
          options={integration.entities.map(({ name }) => ({ value: name, label: name }))}
          onChange={(value: string) => {
            setEntityName(value);
            reset();
          }}
        />
      </Space>
      <Space.Compact>
        <Select
          aria-label="Filter attribute"
          placeholder="Attribute"
          value={draft.field || undefined}
          style={{ minWidth: 160 }}
          options={attributes.map(({ name }) => ({ value: name, label: name }))}
          onChange={(field: string) => setDraft({ ...draft, field })}
        />
        <Select
          aria-label="Filter operator"
          value={draft.op}
          style={{ minWidth: 120 }}
          options={OPERATORS.map((op) => ({ value: op, label: op }))}
          onChange={(op: Operator) => setDraft({ ...draft, op })}
        />
        <Input
          aria-label="Filter value"
          placeholder="Value"
          value={draft.value}
          onChange={(event) => setDraft({ ...draft, value: event.target.value })}
          onPressEnter={applyFilter}
        />
        <Button disabled={!draft.field} onClick={applyFilter}>
          Filter
        </Button>
        {filter && <Button onClick={reset}>Clear</Button>}
      </Space.Compact>
      {error && (
        <Alert
          type={error.statusCode === 503 ? 'warning' : 'error'}
          showIcon
          message={error.title ?? 'The data API refused the request'}
          description={`${error.message}${error.code ? ` (${error.code})` : ''}`}
        />
      )}
      <Table<Row>
        // A table per entity: rows of another entity never linger under these columns.
        key={`${environment ?? ''}/${entityName ?? ''}`}
        aria-label={`Rows of ${entityName ?? ''}`}
        size="small"
        loading={query.isFetching}
        // The rows of the previous request, kept while this one loads, may be another entity's.
        dataSource={error || query.isPlaceholderData ? [] : query.data?.data.items}
        rowKey={(row) => keyOf(row, entity?.primaryKey ?? [])}
        columns={attributes.map(({ name }) => ({
          title: name,
          dataIndex: name,
          key: name,
          sorter: true,
          sortOrder: sort === name ? 'ascend' : sort === `-${name}` ? 'descend' : null,
          render: cell,
        }))}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.data.count,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => `${total} rows`,
        }}
        onChange={(pagination, _filters, sorter) => {
          const { field, order } = sorter as SorterResult<Row>;
          const next = order ? `${order === 'descend' ? '-' : ''}${String(field)}` : undefined;
          const size = pagination.pageSize ?? pageSize;
          if (next !== sort || size !== pageSize) {
            setSort(next);
            setPageSize(size);
            setPage(1);
          } else setPage(pagination.current ?? 1);
        }}
      />
    </Space>
  );
};
