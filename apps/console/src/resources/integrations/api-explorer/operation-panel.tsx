import { useState } from 'react';
import { Button, Descriptions, Input, Select, Space, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { authorizedFetch } from '../../../providers/http';
import {
  bodySkeleton,
  type ExplorerOperation,
  type OpenApiDocument,
  type OperationInput,
  requestUrl,
} from './openapi-operations';

type Answer = Readonly<{ status: number; body: string; milliseconds: number }>;

type Props = {
  doc: OpenApiDocument;
  operation: ExplorerOperation;
  environment: string;
  /** The app key to call with; without one, the user's own session (the data API takes both). */
  apiKey: string;
};

const pretty = (text: string): string => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** One operation of the version's data API: its parameters to fill, then the real call and its answer. */
export const OperationPanel = ({ doc, operation, environment, apiKey }: Props) => {
  const [values, setValues] = useState<Record<string, string>>({});
  const [filters, setFilters] = useState<OperationInput['filters']>({});
  const [body, setBody] = useState(() =>
    operation.body ? JSON.stringify(bodySkeleton(operation.body, doc), null, 2) : '',
  );
  const [answer, setAnswer] = useState<Answer>();
  const [sending, setSending] = useState(false);
  const url = requestUrl(operation, environment, { values, filters });

  const send = async () => {
    setSending(true);
    const started = performance.now();
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (apiKey) headers['X-API-Key'] = apiKey;
      if (operation.body) headers['Content-Type'] = 'application/json';
      const init = {
        method: operation.method.toUpperCase(),
        headers,
        body: operation.body ? body : undefined,
      };
      // With a key the call is the app's alone; without one, the user's session (refreshed when it lapsed).
      const response = apiKey ? await fetch(url, init) : await authorizedFetch(url, init);
      setAnswer({
        status: response.status,
        body: pretty(await response.text()),
        milliseconds: Math.round(performance.now() - started),
      });
    } catch (error) {
      setAnswer({ status: 0, body: String(error), milliseconds: Math.round(performance.now() - started) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {operation.parameters.length > 0 && (
        <Descriptions size="small" bordered column={1}>
          {operation.parameters.map(({ name, in: where, description }) => {
            const operators = operation.filterOperators[name];
            const label = `${name}${where === 'path' ? ' *' : ''}`;
            return (
              <Descriptions.Item key={`${where}:${name}`} label={label}>
                {operators ? (
                  <Space.Compact style={{ width: '100%' }}>
                    <Select
                      aria-label={`${name} operator`}
                      style={{ minWidth: 120 }}
                      placeholder="op"
                      value={filters[name]?.op}
                      options={operators.map((op) => ({ value: op, label: op }))}
                      onChange={(op: string) =>
                        setFilters({ ...filters, [name]: { op, value: filters[name]?.value ?? '' } })
                      }
                    />
                    <Input
                      aria-label={`${name} value`}
                      value={filters[name]?.value ?? ''}
                      onChange={(event) =>
                        setFilters({
                          ...filters,
                          [name]: {
                            op: filters[name]?.op ?? operators[0] ?? 'eq',
                            value: event.target.value,
                          },
                        })
                      }
                    />
                  </Space.Compact>
                ) : (
                  <Input
                    aria-label={name}
                    placeholder={description}
                    value={values[name] ?? ''}
                    onChange={(event) => setValues({ ...values, [name]: event.target.value })}
                  />
                )}
              </Descriptions.Item>
            );
          })}
        </Descriptions>
      )}
      {operation.body && (
        <Input.TextArea
          aria-label="Request body"
          autoSize={{ minRows: 4, maxRows: 16 }}
          style={{ fontFamily: 'monospace' }}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
      )}
      <Space wrap>
        <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void send()}>
          Send
        </Button>
        <Typography.Text code copyable>
          {`${operation.method.toUpperCase()} ${url}`}
        </Typography.Text>
      </Space>
      {answer && (
        <div role="region" aria-label="Answer">
          <Space>
            <Tag color={answer.status >= 200 && answer.status < 300 ? 'green' : 'red'}>
              {answer.status === 0 ? 'no answer' : answer.status}
            </Tag>
            <Typography.Text type="secondary">{answer.milliseconds} ms</Typography.Text>
          </Space>
          <pre style={{ maxHeight: 360, overflow: 'auto', marginTop: 8 }}>{answer.body}</pre>
        </div>
      )}
    </Space>
  );
};
