import { useEffect, useState } from 'react';
import { useInfiniteList } from '@refinedev/core';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { DateText } from '../../components/date-text';
import { PageFrame } from '../../components/page-frame';
import type { AuditEvent } from '../../types';
import { AuditFilters } from './audit-filters';
import { type AuditSearch, auditSearchOf, crudFiltersOf, searchParamsOf } from './audit-search';
import { EventDrawer } from './event-drawer';
import { ExportButtons } from './export-buttons';

const PAGE_SIZE = 50;

/**
 * The audit log: every event the user may read (owners: all; auditors and administrators: those of
 * their environments), newest first, filtered, a page at a time through the API's cursor, each event
 * opened whole in a drawer, and the whole search exported.
 */
export const AuditList = () => {
  const [params, setParams] = useSearchParams();
  const search = auditSearchOf(params);
  const [opened, setOpened] = useState<AuditEvent>();
  const { result, query } = useInfiniteList<AuditEvent>({
    resource: 'audit',
    filters: crudFiltersOf(search),
    pagination: { pageSize: PAGE_SIZE },
    meta: { cursor: true },
    queryOptions: { refetchOnWindowFocus: false },
  });
  const events = result.data?.pages.flatMap((page) => page.data) ?? [];
  // The types offered: every one seen since the page opened (a narrower search keeps offering the others).
  const [knownTypes, setKnownTypes] = useState<string[]>([]);
  const shownTypes = [...new Set(events.map(({ type }) => type))];
  useEffect(() => {
    if (shownTypes.some((type) => !knownTypes.includes(type)))
      setKnownTypes((known) => [...new Set([...known, ...shownTypes])].sort());
  }, [shownTypes.join(',')]);
  const apply = (next: AuditSearch) => setParams(searchParamsOf(next));

  return (
    <PageFrame title="Audit log" buttons={<ExportButtons search={search} />}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          <AuditFilters search={search} knownTypes={knownTypes} onSearch={apply} />
        </Card>
        <Table<AuditEvent>
          dataSource={events}
          loading={query.isFetching && !query.isFetchingNextPage}
          rowKey="position"
          size="small"
          pagination={false}
          aria-label="Audit events"
          locale={{ emptyText: 'No events match these filters' }}
          onRow={(event) => ({ onClick: () => setOpened(event), style: { cursor: 'pointer' } })}
        >
          <Table.Column dataIndex="position" title="Position" align="right" />
          <Table.Column
            dataIndex="recordedAt"
            title="Time"
            render={(value: string) => <DateText value={value} format="YYYY-MM-DD HH:mm:ss" />}
          />
          <Table.Column<AuditEvent>
            dataIndex="type"
            title="Type"
            render={(type: string, event) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                aria-label={`Open event ${event.position}`}
                onClick={(click) => {
                  click.stopPropagation();
                  setOpened(event);
                }}
              >
                <Tag>{type}</Tag>
              </Button>
            )}
          />
          <Table.Column
            dataIndex="streamId"
            title="Stream"
            render={(streamId: string) => <Typography.Text code>{streamId}</Typography.Text>}
          />
          <Table.Column dataIndex={['actor', 'username']} title="Actor" />
          <Table.Column
            dataIndex="environment"
            title="Environment"
            render={(environment: string | null) => environment ?? '-'}
          />
        </Table>
        {result.hasNextPage && (
          <div style={{ textAlign: 'center' }}>
            <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              Load older events
            </Button>
          </div>
        )}
      </Space>
      <EventDrawer
        event={opened}
        onClose={() => setOpened(undefined)}
        onCorrelation={(correlationId) => {
          setOpened(undefined);
          apply({ correlationId });
        }}
      />
    </PageFrame>
  );
};
