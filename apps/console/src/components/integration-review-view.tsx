import type { ReactNode } from 'react';
import { Alert, Avatar, Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import type { Entity, Integration, IntegrationReview } from '../types';
import { AttributesTable } from './attributes-table';
import { StatusTag } from './status-tag';
import { DateText } from './date-text';

type Props = { review: IntegrationReview; entityExtra?: (entity: Entity) => ReactNode };

const Readiness = ({ review }: { review: IntegrationReview }) =>
  review.readyToPublish ? (
    <Alert type="success" showIcon message="Ready to publish" />
  ) : (
    <Alert
      type="warning"
      showIcon
      message="Not ready to publish yet"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {review.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      }
    />
  );

type DetailsProps = {
  integration: Integration;
  connectionName?: string;
  entityExtra?: (entity: Entity) => ReactNode;
};

/** An integration's settings and entities, as it is now or as it was (`?asOf=`). */
export const IntegrationDetails = ({ integration, connectionName, entityExtra }: DetailsProps) => (
  <Space direction="vertical" size="large" style={{ width: '100%' }}>
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="Application">
        <Space>
          <Avatar shape="square" src={integration.icon} icon={<AppstoreOutlined />} />
          {integration.applicationName}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="Module">{integration.moduleName}</Descriptions.Item>
      <Descriptions.Item label="Provider">{integration.provider}</Descriptions.Item>
      <Descriptions.Item label="Environment">{integration.environment}</Descriptions.Item>
      <Descriptions.Item label="Status">
        <StatusTag value={integration.status} />
      </Descriptions.Item>
      <Descriptions.Item label="Connection">
        {connectionName ??
          (integration.specificationId ? (
            <Tag color="blue">none yet: built from the uploaded specification</Tag>
          ) : (
            <Tag>none</Tag>
          ))}
      </Descriptions.Item>
      <Descriptions.Item label="Database">{integration.database ?? <Tag>none</Tag>}</Descriptions.Item>
      <Descriptions.Item label="Null values">{integration.nullPolicy}</Descriptions.Item>
      <Descriptions.Item label="Updated">
        <DateText value={integration.updatedAt} format="YYYY-MM-DD HH:mm" />
      </Descriptions.Item>
      <Descriptions.Item label="Description" span="filled">
        {integration.description}
      </Descriptions.Item>
    </Descriptions>
    <Typography.Title level={5} style={{ margin: 0 }}>
      Entities ({integration.entities.length})
    </Typography.Title>
    {integration.entities.length === 0 ? (
      <Empty description="No tables added yet" />
    ) : (
      <Collapse
        items={integration.entities.map((entity) => ({
          key: entity.name,
          label: (
            <Space>
              <strong>{entity.name}</strong>
              <Typography.Text type="secondary">{entity.table}</Typography.Text>
              <Tag>{entity.kind}</Tag>
              <Typography.Text type="secondary">{entity.attributes.length} attributes</Typography.Text>
            </Space>
          ),
          extra: entityExtra?.(entity),
          children: <AttributesTable rows={entity.attributes} />,
        }))}
      />
    )}
  </Space>
);

export const IntegrationReviewView = ({ review, entityExtra }: Props) => (
  <Space direction="vertical" size="large" style={{ width: '100%' }}>
    <Readiness review={review} />
    <IntegrationDetails
      integration={review.integration}
      connectionName={review.connection?.name}
      entityExtra={entityExtra}
    />
  </Space>
);
