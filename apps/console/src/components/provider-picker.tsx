import { useList } from '@refinedev/core';
import { Card, Col, Row, Skeleton, Tag, Typography, theme } from 'antd';
import { DatabaseOutlined } from '@ant-design/icons';
import type { Provider, ProviderId } from '../types';

type Props = { value?: ProviderId; onChange?: (value: ProviderId) => void };

/**
 * Provider cards; a provider whose driver is not available cannot be chosen. The cards act as a
 * radio group, so keyboards and screen readers can choose one too.
 */
export const ProviderPicker = ({ value, onChange }: Props) => {
  const { token } = theme.useToken();
  const { result, query } = useList<Provider>({ resource: 'providers', pagination: { mode: 'off' } });
  if (query.isLoading) return <Skeleton active />;
  const choose = (provider: Provider) => provider.available && onChange?.(provider.id);
  return (
    <Row gutter={[16, 16]} role="radiogroup" aria-label="Provider">
      {result.data.map((provider) => {
        const selected = provider.id === value;
        return (
          <Col key={provider.id} xs={24} sm={12} md={8}>
            <Card
              role="radio"
              aria-checked={selected}
              aria-disabled={!provider.available}
              aria-label={provider.name}
              tabIndex={provider.available ? 0 : -1}
              hoverable={provider.available}
              onClick={() => choose(provider)}
              onKeyDown={(event) => {
                if (event.key !== ' ' && event.key !== 'Enter') return;
                event.preventDefault();
                choose(provider);
              }}
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
