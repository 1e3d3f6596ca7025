import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { http } from '../../providers/http';
import type { ApiKey, DeployedIntegration, Integration, Items } from '../../types';
import { DateText } from '../../components/date-text';

export type ApiKeyScope = NonNullable<ApiKey['scope']>;
type Usage = ApiKey['usage'];

/** An integration a key may be limited to: one deployed in the environment, with its entities when readable. */
type Scopable = { id: string; name: string; entities: string[] };

/** The form's scope fields: entities as `integrationId/entity`, so one select lists those of every chosen integration. */
export type ScopeFields = { integrations?: string[]; entities?: string[]; readOnly?: boolean };

const entityValue = (integrationId: string, entity: string) => `${integrationId}/${entity}`;

/** The scope the API takes: only what restricts, nothing when nothing does. */
export const scopeOf = ({
  integrations = [],
  entities = [],
  readOnly,
}: ScopeFields): ApiKeyScope | undefined => {
  const scope: ApiKeyScope = {
    ...(integrations.length > 0 ? { integrations } : {}),
    ...(integrations.length > 0 && entities.length > 0
      ? {
          entities: entities.map((value) => {
            const slash = value.indexOf('/');
            return { integrationId: value.slice(0, slash), entity: value.slice(slash + 1) };
          }),
        }
      : {}),
    ...(readOnly === true ? { readOnly: true } : {}),
  };
  return Object.keys(scope).length === 0 ? undefined : scope;
};

/** The integrations deployed in the environment, named (and their entities listed) where the admin may read them. */
const scopableIn = async (environment: string): Promise<Scopable[]> => {
  const { data } = await http<Items<DeployedIntegration>>(
    `/environments/${encodeURIComponent(environment)}/deployments`,
  );
  return Promise.all(
    data.items.map(async ({ integrationId }) => {
      try {
        const { data: integration } = await http<Integration>(`/integrations/${integrationId}`);
        return {
          id: integrationId,
          name: integration.applicationName,
          entities: integration.entities.map(({ name }) => name),
        };
      } catch {
        return { id: integrationId, name: `Integration ${integrationId}`, entities: [] };
      }
    }),
  );
};

/** Scope fields of the create form: leave them empty for a key that opens the whole data API of the environment. */
export const ApiKeyScopeFields = ({ environment }: { environment: string }) => {
  const scopable = useQuery({
    queryKey: ['api-key-scopable', environment],
    refetchOnWindowFocus: false,
    queryFn: () => scopableIn(environment),
  });
  const chosen = Form.useWatch<string[] | undefined>('integrations') ?? [];
  const integrations = scopable.data ?? [];
  const entityOptions = integrations
    .filter(({ id }) => chosen.includes(id))
    .map(({ id, name, entities }) => ({
      label: name,
      title: name,
      options: entities.map((entity) => ({ value: entityValue(id, entity), label: `${name} · ${entity}` })),
    }));
  return (
    <>
      <Form.Item
        label="Integrations"
        name="integrations"
        extra="Leave empty for every integration deployed in the environment"
      >
        <Select
          mode="multiple"
          allowClear
          loading={scopable.isLoading}
          placeholder="All integrations"
          optionFilterProp="label"
          options={integrations.map(({ id, name }) => ({ value: id, label: name }))}
        />
      </Form.Item>
      <Form.Item
        label="Entities"
        name="entities"
        extra="Within a chosen integration, only these entities; an integration with none chosen here opens all of its entities"
      >
        <Select
          mode="multiple"
          allowClear
          disabled={chosen.length === 0}
          placeholder={chosen.length === 0 ? 'Choose integrations first' : 'All their entities'}
          optionFilterProp="label"
          options={entityOptions}
        />
      </Form.Item>
      <Form.Item name="readOnly" valuePropName="checked">
        <Checkbox>Read-only: list and get rows, never create, update or delete</Checkbox>
      </Form.Item>
    </>
  );
};

/** What a key reaches, as tags; integration ids are shortened (their names belong to another page). */
export const ApiKeyScopeTags = ({ scope }: { scope: ApiKey['scope'] }) => {
  if (scope === undefined) return <Tag>Whole environment</Tag>;
  return (
    <Space size={[0, 4]} wrap>
      {scope.integrations?.map((id) => {
        const entities = scope.entities?.filter(({ integrationId }) => integrationId === id) ?? [];
        return (
          <Tooltip key={id} title={id}>
            <Tag color="blue">
              {id.slice(0, 8)}
              {entities.length > 0 ? `: ${entities.map(({ entity }) => entity).join(', ')}` : ''}
            </Tag>
          </Tooltip>
        );
      })}
      {scope.integrations === undefined && <Tag>All integrations</Tag>}
      {scope.readOnly === true && <Tag color="gold">Read-only</Tag>}
    </Space>
  );
};

/** The last call and the calls per day, totalled over the days shown. */
export const ApiKeyUsageSummary = ({ usage }: { usage: Usage }) => {
  if (usage.lastUsedAt === undefined) return <Typography.Text type="secondary">Never used</Typography.Text>;
  const total = usage.callsPerDay.reduce((sum, { calls }) => sum + calls, 0);
  return (
    <Tooltip
      title={usage.callsPerDay.map(({ day, calls }) => (
        <div key={day}>
          {day}: {calls}
        </div>
      ))}
    >
      <Space direction="vertical" size={0}>
        <span>
          Last used <DateText value={usage.lastUsedAt} format="YYYY-MM-DD HH:mm" />
        </span>
        <Typography.Text type="secondary">
          {usage.callsPerDay[0]?.calls ?? 0} calls on {usage.callsPerDay[0]?.day ?? '-'} · {total} in 30 days
        </Typography.Text>
      </Space>
    </Tooltip>
  );
};
