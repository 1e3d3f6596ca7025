import { Table } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { StatusTag } from '../../components/status-tag';
import { useTableProps } from '../../components/use-table-props';
import type { Environment } from '../../types';

export const EnvironmentList = () => {
  const { tableProps } = useTableProps<Environment>({ syncWithLocation: true });
  return (
    <PageFrame
      title="Environments"
      buttons={
        <NavButton resource="environments" action="create" type="primary">
          Add environment
        </NavButton>
      }
    >
      <Table {...tableProps} rowKey="name">
        <Table.Column dataIndex="name" title="Name" />
        <Table.Column dataIndex="kind" title="Kind" render={(value: string) => <StatusTag value={value} />} />
        <Table.Column dataIndex="address" title="Address" />
        <Table.Column<Environment>
          dataIndex="fourEyes"
          title="Four eyes"
          render={(fourEyes: boolean) => (fourEyes ? 'On' : 'Off')}
        />
        <Table.Column
          dataIndex="createdAt"
          title="Created"
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<Environment>
          key="actions"
          title="Actions"
          render={(_, environment) => (
            <NavButton
              resource="environments"
              action="show"
              hideText
              size="small"
              id={environment.name}
              aria-label={`Show ${environment.name}`}
            />
          )}
        />
      </Table>
    </PageFrame>
  );
};
