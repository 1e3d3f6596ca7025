import { DateField, Show } from '@refinedev/antd';
import { useShow, type HttpError } from '@refinedev/core';
import { Descriptions } from 'antd';
import { DetailsAndHistory } from '../../components/details-and-history';
import { StatusTag } from '../../components/status-tag';
import { useUserNames } from '../../components/use-user-names';
import type { ConnectionRequest } from '../../types';
import { auditLinkOf } from '../audit/audit-search';
import { serverOf } from '../connections/connection-server';
import { RequestActions } from './request-actions';

/** A connection request, its decision and its history. */
export const ConnectionRequestShow = () => {
  const userName = useUserNames();
  const { result: request, query, showId: id } = useShow<ConnectionRequest>({ errorNotification: false });
  const requestId = String(id ?? '');
  return (
    <Show
      isLoading={false}
      title={request ? `Request for ${request.name}` : 'Connection request'}
      headerButtons={request && <RequestActions request={request} />}
    >
      <DetailsAndHistory
        path={`/connection-requests/${requestId}`}
        auditLink={auditLinkOf('connection-request', requestId)}
        error={query.error as HttpError | null}
        details={
          request && (
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Connection">{request.name}</Descriptions.Item>
              <Descriptions.Item label="Status">
                <StatusTag value={request.status} />
              </Descriptions.Item>
              <Descriptions.Item label="Environment">{request.environment}</Descriptions.Item>
              <Descriptions.Item label="Provider">{request.provider}</Descriptions.Item>
              <Descriptions.Item label="Server">{serverOf(request.details)}</Descriptions.Item>
              <Descriptions.Item label="User">{request.details.username}</Descriptions.Item>
              <Descriptions.Item label="Requested by">{userName(request.requestedBy)}</Descriptions.Item>
              <Descriptions.Item label="Requested">
                <DateField value={request.requestedAt} format="YYYY-MM-DD HH:mm" />
              </Descriptions.Item>
              {request.decidedBy && (
                <Descriptions.Item label="Decided by">{userName(request.decidedBy)}</Descriptions.Item>
              )}
              {request.decidedAt && (
                <Descriptions.Item label="Decided">
                  <DateField value={request.decidedAt} format="YYYY-MM-DD HH:mm" />
                </Descriptions.Item>
              )}
              {request.note && (
                <Descriptions.Item label="Note" span="filled">
                  {request.note}
                </Descriptions.Item>
              )}
              {request.reason && (
                <Descriptions.Item label="Reason" span="filled">
                  {request.reason}
                </Descriptions.Item>
              )}
            </Descriptions>
          )
        }
      />
    </Show>
  );
};
