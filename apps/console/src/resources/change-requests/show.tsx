import { Show } from '@refinedev/antd';
import { type HttpError, useGetIdentity, useShow } from '@refinedev/core';
import { Alert, Card, Descriptions, Result, Space } from 'antd';
import { StatusTag } from '../../components/status-tag';
import { useUserNames } from '../../components/use-user-names';
import type { Identity } from '../../providers/auth-provider';
import type { ChangeRequest } from '../../types';
import { ChangeDetails } from './change-details';
import { ChangeRequestActions } from './change-request-actions';
import { CHANGE_KIND_LABELS } from './change-request-model';
import { ChangeRequestSteps } from './change-request-steps';
import { DateText } from '../../components/date-text';

/** A change request: what it changes, its steps so far, and the decision it waits for. */
export const ChangeRequestShow = () => {
  const userName = useUserNames();
  const { data: identity } = useGetIdentity<Identity>();
  const { result: request, query } = useShow<ChangeRequest>({ errorNotification: false });
  const error = query.error as HttpError | null;
  if (error)
    return (
      <Result
        status={error.statusCode === 404 ? '404' : 'error'}
        title={error.statusCode === 404 ? 'No such change request' : 'The change request cannot be read'}
        subTitle={error.message}
      />
    );
  const own = request !== undefined && identity != null && identity.id === request.requestedBy;
  return (
    <Show
      isLoading={request === undefined}
      title={request?.summary ?? 'Change request'}
      headerButtons={request && <ChangeRequestActions request={request} />}
    >
      {request && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {own && request.status === 'pending' && (
            <Alert
              type="info"
              showIcon
              message="Waiting for another administrator"
              description={`You asked for this change: another administrator of ${request.environment} approves or rejects it (four eyes: nobody approves their own change). You may cancel it.`}
            />
          )}
          {request.status === 'rejected' && (
            <Alert type="error" showIcon message="Rejected" description={request.reason} />
          )}
          {request.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              message="Approved, but the change failed when it ran"
              description={[request.failureCode, request.failureMessage].filter(Boolean).join(': ')}
            />
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Change" span="filled">
              {request.summary}
            </Descriptions.Item>
            <Descriptions.Item label="Kind">{CHANGE_KIND_LABELS[request.kind]}</Descriptions.Item>
            <Descriptions.Item label="Status">
              <StatusTag value={request.status} />
            </Descriptions.Item>
            <Descriptions.Item label="Environment">{request.environment}</Descriptions.Item>
            <Descriptions.Item label="Requested by">{userName(request.requestedBy)}</Descriptions.Item>
            <Descriptions.Item label="Requested">
              <DateText value={request.requestedAt} format="YYYY-MM-DD HH:mm" />
            </Descriptions.Item>
          </Descriptions>
          <Card title="What it changes" size="small">
            <ChangeDetails request={request} />
          </Card>
          <Card title="Steps" size="small">
            <ChangeRequestSteps request={request} />
          </Card>
        </Space>
      )}
    </Show>
  );
};
