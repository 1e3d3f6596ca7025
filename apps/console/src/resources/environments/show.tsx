import { Show } from '@refinedev/antd';
import { useShow, type HttpError } from '@refinedev/core';
import { Descriptions } from 'antd';
import { DetailsAndHistory } from '../../components/details-and-history';
import { StatusTag } from '../../components/status-tag';
import { useUserNames } from '../../components/use-user-names';
import type { Environment } from '../../types';
import { auditLinkOf } from '../audit/audit-search';
import { EnvironmentHealthCard } from './environment-health-card';
import { FourEyesPolicyCard } from './four-eyes-policy-card';
import { DateText } from '../../components/date-text';

/**
 * An environment (its name is its id): its four-eyes policy, the health of the connections serving it,
 * and its history.
 */
export const EnvironmentShow = () => {
  const userName = useUserNames();
  const { result: environment, query, showId: id } = useShow<Environment>({ errorNotification: false });
  const name = String(id ?? '');
  return (
    <Show isLoading={false} title={name || 'Environment'}>
      {environment && <FourEyesPolicyCard environment={environment} />}
      {name && <EnvironmentHealthCard environment={name} />}
      <DetailsAndHistory
        path={`/environments/${encodeURIComponent(name)}`}
        auditLink={auditLinkOf('environment', name)}
        error={query.error as HttpError | null}
        details={
          environment && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Name">{environment.name}</Descriptions.Item>
              <Descriptions.Item label="Kind">
                <StatusTag value={environment.kind} />
              </Descriptions.Item>
              <Descriptions.Item label="Address">{environment.address}</Descriptions.Item>
              <Descriptions.Item label="Created by">{userName(environment.createdBy)}</Descriptions.Item>
              <Descriptions.Item label="Created">
                <DateText value={environment.createdAt} format="YYYY-MM-DD HH:mm" />
              </Descriptions.Item>
            </Descriptions>
          )
        }
      />
    </Show>
  );
};
