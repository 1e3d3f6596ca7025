import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, List, Modal, Skeleton } from 'antd';
import { http } from '../../providers/http';
import type { Connection, DeployedIntegration, Integration, Items } from '../../types';

type Props = { connection: Connection; detail: string | undefined; open: boolean; onClose: () => void };

type Served = { integrationId: string; environment: string; name: string };

/** Its name when the user may read it: the deployment may be of an integration of another environment. */
const nameOf = async (integrationId: string): Promise<string> => {
  try {
    return (await http<Integration>(`/integrations/${integrationId}`)).data.applicationName;
  } catch {
    return `Integration ${integrationId}`;
  }
};

/** The deployments the connection serves: a connection serves only in its own environment. */
const servedBy = async ({ id, environment }: Connection): Promise<Served[]> => {
  const { data } = await http<Items<DeployedIntegration>>(
    `/environments/${encodeURIComponent(environment)}/deployments`,
  );
  const served = data.items.filter(({ binding }) => binding?.connectionId === id);
  return Promise.all(
    served.map(async ({ integrationId }) => ({
      integrationId,
      environment,
      name: await nameOf(integrationId),
    })),
  );
};

/**
 * A bound connection cannot be deleted: where it serves, with a link to each integration, whose page
 * binds another connection there.
 */
export const ConnectionBoundModal = ({ connection, detail, open, onClose }: Props) => {
  const served = useQuery({
    queryKey: ['connection-served-by', connection.id],
    enabled: open,
    refetchOnWindowFocus: false,
    queryFn: () => servedBy(connection),
  });
  return (
    <Modal
      open={open}
      title="The connection is still in use"
      onCancel={onClose}
      onOk={onClose}
      okText="Close"
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message="Nothing was deleted: bind another connection where this one serves, then delete it."
        description={detail}
      />
      {served.isLoading ? (
        <Skeleton active />
      ) : (
        <List
          size="small"
          header="Where it serves"
          bordered
          dataSource={served.data ?? []}
          locale={{ emptyText: 'No deployment found now: it may have been unbound meanwhile' }}
          renderItem={({ integrationId, environment, name }) => (
            <List.Item>
              <Link to={`/integrations/show/${integrationId}`}>{name}</Link> in {environment}
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
};
