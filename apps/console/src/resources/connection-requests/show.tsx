import { Show } from '@refinedev/antd';
import { CanAccess, useShow, type HttpError } from '@refinedev/core';
import { Button, Space } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { DetailsAndHistory } from '../../components/details-and-history';
import type { ConnectionRequest } from '../../types';
import { auditLinkOf } from '../audit/audit-search';
import { RequestActions } from './request-actions';
import { RequestDetails } from './request-details';
import { RequestTestResult } from './request-test-result';
import { useRequestTest } from './use-request-test';

/**
 * A connection request, its decision and its history: the approval screen. While it is pending, an
 * administrator of its environment may try its details before approving.
 */
export const ConnectionRequestShow = () => {
  const { result: request, query, showId: id } = useShow<ConnectionRequest>({ errorNotification: false });
  const requestId = String(id ?? '');
  const { test, testing, outcome } = useRequestTest(requestId);
  const pending = request?.status === 'pending';
  return (
    <Show
      isLoading={false}
      title={request ? `Request for ${request.name}` : 'Connection request'}
      headerButtons={
        request && (
          <Space>
            {pending && (
              <CanAccess
                resource="connection-requests"
                action="test"
                params={{ environment: request.environment }}
              >
                <Button size="small" icon={<ApiOutlined />} loading={testing} onClick={test}>
                  Test connection
                </Button>
              </CanAccess>
            )}
            <RequestActions request={request} />
          </Space>
        )
      }
    >
      <DetailsAndHistory
        path={`/connection-requests/${requestId}`}
        auditLink={auditLinkOf('connection-request', requestId)}
        error={query.error as HttpError | null}
        details={
          request && (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {pending && <RequestTestResult outcome={outcome} />}
              <RequestDetails request={request} />
            </Space>
          )
        }
      />
    </Show>
  );
};
