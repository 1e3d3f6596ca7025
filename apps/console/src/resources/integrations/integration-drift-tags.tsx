import { useCustom } from '@refinedev/core';
import { Space } from 'antd';
import { SchemaDriftBadge } from '../../components/schema-drift-badge';
import type { IntegrationDrift } from '../../types';

/** The integration's schema drift, one badge per environment it drifted in (the caller's environments). */
export const IntegrationDriftTags = ({ integrationId }: { integrationId: string }) => {
  const { query } = useCustom<IntegrationDrift>({
    url: `/integrations/${integrationId}/drift`,
    method: 'get',
    queryOptions: { refetchOnWindowFocus: false, retry: false },
    errorNotification: false,
  });
  const drifting = (query.data?.data.items ?? []).filter(({ status }) => status === 'drift');
  if (drifting.length === 0) return null;
  return (
    <Space size={4} wrap>
      {drifting.map((drift) => (
        <SchemaDriftBadge key={drift.environment} drift={drift} />
      ))}
    </Space>
  );
};
