import { useEffect } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEnvironmentSelect } from '../../components/use-environment-select';
import { AUDIT_AGGREGATES, type AuditSearch } from './audit-search';

type Values = {
  actor?: string;
  types?: string[];
  aggregate?: string;
  id?: string;
  environment?: string;
  correlationId?: string;
  range?: [Dayjs | null, Dayjs | null];
};

const toValues = (search: AuditSearch): Values => ({
  actor: search.actor,
  types: search.type?.split(',').filter(Boolean),
  aggregate: search.aggregate,
  id: search.id,
  environment: search.environment,
  correlationId: search.correlationId,
  range:
    search.from || search.to
      ? [search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]
      : undefined,
});

const text = (value: string | undefined) => value?.trim() || undefined;

const toSearch = ({
  actor,
  types,
  aggregate,
  id,
  environment,
  correlationId,
  range,
}: Values): AuditSearch => ({
  actor: text(actor),
  type: types?.length ? types.map((type) => type.trim()).join(',') : undefined,
  aggregate,
  id: aggregate ? text(id) : undefined,
  environment,
  correlationId: text(correlationId),
  from: range?.[0]?.toISOString(),
  to: range?.[1]?.toISOString(),
});

type Props = {
  search: AuditSearch;
  /** Event types to offer (any other can be typed). */
  knownTypes: string[];
  onSearch: (search: AuditSearch) => void;
};

/** The audit log's filters; each applies once searched, together (every one must hold). */
export const AuditFilters = ({ search, knownTypes, onSearch }: Props) => {
  const [form] = Form.useForm<Values>();
  const environments = useEnvironmentSelect();
  const aggregate = Form.useWatch('aggregate', form);
  // The address is the truth (a link, the browser's back button): the form follows it.
  const key = new URLSearchParams(Object.entries(search) as [string, string][]).toString();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(search));
  }, [key]);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="Audit filters"
      onFinish={(values) => onSearch(toSearch(values))}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Actor" name="actor" tooltip="A username, a user id, or system">
            <Input allowClear placeholder="username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Event types" name="types">
            <Select
              mode="tags"
              allowClear
              placeholder="any type"
              options={knownTypes.map((type) => ({ value: type, label: type }))}
              tokenSeparators={[',', ' ']}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Environment" name="environment">
            <Select {...environments} allowClear placeholder="every environment I may read" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Object">
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="aggregate" noStyle>
                <Select
                  allowClear
                  aria-label="Aggregate"
                  placeholder="any kind"
                  style={{ width: '45%' }}
                  options={AUDIT_AGGREGATES.map((value) => ({ value, label: value }))}
                />
              </Form.Item>
              <Form.Item name="id" noStyle>
                <Input
                  allowClear
                  aria-label="Object id"
                  placeholder={aggregate ? 'id (every one: empty)' : 'pick a kind first'}
                  disabled={!aggregate}
                  style={{ width: '55%' }}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Correlation id" name="correlationId" tooltip="Every event of one request">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Recorded" name="range">
            <DatePicker.RangePicker
              showTime
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              placeholder={['from', 'to']}
            />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          Search
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          Clear filters
        </Button>
      </Space>
    </Form>
  );
};
