import { Table, Tag } from 'antd';
import { useUserNames } from '../../components/use-user-names';
import type { DependencyUpdate } from '../../types';
import { DateText } from '../../components/date-text';

/** The updates of one dependency, newest first. */
export const UpdateHistory = ({ updates }: { updates: DependencyUpdate[] }) => {
  const userName = useUserNames();
  return (
    <Table<DependencyUpdate>
      dataSource={[...updates].reverse()}
      rowKey={(update) => `${update.fromVersion}-${update.version}-${update.installedAt}`}
      size="small"
      pagination={false}
    >
      <Table.Column<DependencyUpdate>
        key="versions"
        title="Update"
        render={(_, update) => `${update.fromVersion} → ${update.version}`}
      />
      <Table.Column<DependencyUpdate>
        dataIndex="breaking"
        title="Breaking"
        render={(breaking: boolean) => (breaking ? <Tag color="red">breaking</Tag> : <Tag>compatible</Tag>)}
      />
      <Table.Column<DependencyUpdate> dataIndex="notes" title="Notes" />
      <Table.Column<DependencyUpdate> dataIndex="installedBy" title="Installed by" render={userName} />
      <Table.Column<DependencyUpdate>
        dataIndex="installedAt"
        title="Installed"
        render={(value: string) => <DateText value={value} format="YYYY-MM-DD HH:mm" />}
      />
    </Table>
  );
};
