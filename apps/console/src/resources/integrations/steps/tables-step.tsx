import { useState, type Key } from 'react';
import { useCustom } from '@refinedev/core';
import { Button, Col, Row, Table, Tag, Typography, theme } from 'antd';
import { clearFormDraft, useDraftState } from '../../../components/use-form-draft';
import type { Items, TableSummary } from '../../../types';
import { useIntegrationCommand } from '../use-integration-command';
import { sourceUrlOf } from './integration-source';
import { StepActions } from './step-actions';
import { stepDraftKey, type StepProps } from './step-props';
import { TableAttributes } from './table-attributes';

/** Tables and views of the database; the selected ones become entities. */
export const TablesStep = ({ integration, onBack, onNext }: StepProps) => {
  const { token } = theme.useToken();
  const draft = stepDraftKey(integration, 'tables');
  const [chosen, setSelected] = useDraftState<string[]>(draft, []);
  const [inspected, setInspected] = useState<string>();
  const { run, isRunning } = useIntegrationCommand(integration);
  const tablesUrl = `${sourceUrlOf(integration) ?? ''}/databases/${encodeURIComponent(
    integration.database ?? '',
  )}/tables`;
  const { query } = useCustom<Items<TableSummary>>({ url: tablesUrl, method: 'get' });
  const added = new Set(integration.entities.map((entity) => entity.table));
  // Tables kept from before they were added (in another tab, say) are entities already.
  const selected = chosen.filter((table) => !added.has(table));

  const next = async () => {
    if (selected.length > 0) {
      const changed = await run({
        path: '/entities',
        method: 'post',
        values: { tables: selected },
        successMessage: `${selected.length} table(s) added`,
      });
      if (!changed) return;
      setSelected([]);
    }
    clearFormDraft(draft);
    onNext();
  };

  return (
    <>
      <Typography.Paragraph>
        Select the tables to consume; click a table to see its attributes. You can add more tables later.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Table<TableSummary>
            dataSource={query.data?.data.items}
            loading={query.isLoading}
            rowKey="name"
            size="small"
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            rowSelection={{
              selectedRowKeys: [...added, ...selected],
              onChange: (keys: Key[]) => setSelected(keys.map(String).filter((key) => !added.has(key))),
              getCheckboxProps: (row) => ({ disabled: added.has(row.name) }),
            }}
            onRow={(row) => ({
              onClick: () => setInspected(row.name),
              style: {
                cursor: 'pointer',
                background: row.name === inspected ? token.colorPrimaryBg : undefined,
              },
            })}
          >
            <Table.Column
              dataIndex="name"
              title="Table"
              // The whole row opens the attributes on click; the name is the keyboard's way in.
              render={(name: string) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setInspected(name)}>
                  {name}
                </Button>
              )}
            />
            <Table.Column dataIndex="kind" title="Kind" render={(kind: string) => <Tag>{kind}</Tag>} />
            <Table.Column dataIndex="rowEstimate" title="Rows (est.)" align="right" />
          </Table>
        </Col>
        <Col xs={24} lg={14}>
          <TableAttributes tablesUrl={tablesUrl} table={inspected} />
        </Col>
      </Row>
      <StepActions
        onBack={onBack}
        onNext={next}
        nextLabel={selected.length > 0 ? `Add ${selected.length} table(s)` : 'Next'}
        nextDisabled={selected.length === 0 && added.size === 0}
        loading={isRunning}
      />
    </>
  );
};
