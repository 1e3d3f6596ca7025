import { useList } from '@refinedev/core';
import { Card, Col, Row, Skeleton, Tag, Typography, theme } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import type { Provider, ProviderId } from '../types';

type Props = { value?: ProviderId; onChange?: (value: ProviderId) => void };

/** Provider cards; a provider whose driver is not available cannot be chosen. */
export const ProviderPicker = ({ value, onChange }: Props) => {
  const { token } = theme.useToken();
  const { result, query } = useList<Provider>({ resource: 'providers', pagination: { mode: 'off' } });
  if (query.isLoading) return <Skeleton active />;
  return (
    <Row gutter={[16, 16]}>
      {result.data.map((provider) => {
        const selected = provider.id === value;
        return (
          <Col key={provider.id} xs={24} sm={12} md={8}>
            <Card
              hoverable={provider.available}
              onClick={() => provider.available && onChange?.(provider.id)}
              style={{
                borderColor: selected ? token.colorPrimary : undefined,
                opacity: provider.available ? 1 : 0.5,
                cursor: provider.available ? 'pointer' : 'not-allowed',
              }}
            >
              <Card.Meta
                avatar={<DatabaseOutlined style={{ fontSize: 28, color: token.colorPrimary }} />}
                title={provider.name}
                description={
                  provider.available ? (
                    <Typography.Text type="secondary">{provider.id}</Typography.Text>
                  ) : (
                    <Tag>Unavailable</Tag>
                  )
                }
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
};
