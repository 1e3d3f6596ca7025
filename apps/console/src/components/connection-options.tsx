import { Collapse, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import type { ProviderId } from '../types';

type NumberOption = { kind: 'number'; name: string; label: string; max: number; placeholder: string };
type BooleanOption = { kind: 'boolean'; name: string; label: string; defaultValue: boolean };
type TextOption = { kind: 'text'; name: string; label: string; placeholder?: string };
type TlsOption = { kind: 'tls'; name: 'tls'; label: string };
type ConnectionOption = NumberOption | BooleanOption | TextOption | TlsOption;

const MAX_TIMEOUT_MS = 2_147_483_647;

const timeout = (name: string, label: string, defaultMs: number): NumberOption => ({
  kind: 'number',
  name,
  label: `${label} (ms)`,
  max: MAX_TIMEOUT_MS,
  placeholder: `Default ${defaultMs}`,
});

/** What each connector accepts in `details.options` (libs/connectors); the server refuses any other key. */
const PROVIDER_OPTIONS: Record<ProviderId, ConnectionOption[]> = {
  sqlite: [timeout('timeoutMs', 'Busy timeout', 5000)],
  mysql: [
    { kind: 'tls', name: 'tls', label: 'TLS' },
    timeout('connectTimeoutMs', 'Connect timeout', 10_000),
    timeout('queryTimeoutMs', 'Query timeout', 30_000),
    { kind: 'number', name: 'poolSize', label: 'Pool size', max: 100, placeholder: 'Default 5' },
  ],
  mssql: [
    {
      kind: 'text',
      name: 'instanceName',
      label: 'Instance name',
      placeholder: 'Named instance, e.g. SQLEXPRESS',
    },
    { kind: 'boolean', name: 'encrypt', label: 'Encrypt', defaultValue: true },
    {
      kind: 'boolean',
      name: 'trustServerCertificate',
      label: 'Trust server certificate',
      defaultValue: false,
    },
    timeout('connectTimeoutMs', 'Connect timeout', 15_000),
    timeout('requestTimeoutMs', 'Request timeout', 15_000),
    { kind: 'number', name: 'poolSize', label: 'Pool size', max: 1000, placeholder: 'Default 10' },
  ],
  postgres: [
    { kind: 'tls', name: 'tls', label: 'TLS' },
    timeout('connectTimeoutMs', 'Connect timeout', 10_000),
    timeout('queryTimeoutMs', 'Query timeout', 30_000),
    {
      kind: 'number',
      name: 'poolSize',
      label: 'Pool size (per database)',
      max: 100,
      placeholder: 'Default 5',
    },
  ],
  oracle: [
    { kind: 'boolean', name: 'tls', label: 'TLS (tcps, certificate verified)', defaultValue: false },
    timeout('connectTimeoutMs', 'Connect timeout', 15_000),
    timeout('callTimeoutMs', 'Call timeout', 30_000),
    { kind: 'number', name: 'poolSize', label: 'Pool size', max: 1000, placeholder: 'Default 10' },
  ],
  odata: [timeout('timeoutMs', 'Request timeout', 30_000)],
};

const TLS_MODES = [
  { label: 'Off', value: 'off' },
  { label: 'Required (encrypted, certificate not verified)', value: 'required' },
  { label: 'Verify (encrypted, certificate verified)', value: 'verify' },
];

/** An option as a reader sees it: its label on the connection form, and its value in words. */
export const describeOption = (
  provider: ProviderId,
  name: string,
  value: string | number | boolean,
): { label: string; value: string } => {
  if (name === 'ca') return { label: 'CA certificate (PEM)', value: 'provided' };
  const option = PROVIDER_OPTIONS[provider].find((known) => known.name === name);
  const shown =
    typeof value === 'boolean'
      ? value
        ? 'on'
        : 'off'
      : option?.kind === 'tls'
        ? (TLS_MODES.find((mode) => mode.value === value)?.label ?? String(value))
        : String(value);
  return { label: option?.label ?? name, value: shown };
};

const optionName = (name: string) => ['details', 'options', name];

/** An emptied field is no option at all: the connector's default applies. */
const unlessEmpty = (value: unknown) => (value === '' || value === null ? undefined : value);

const OptionItem = ({ option }: { option: ConnectionOption }) => {
  // preserve={false}: an option of another provider (or a hidden one) is never sent.
  const common = {
    label: option.label,
    name: optionName(option.name),
    preserve: false,
    normalize: unlessEmpty,
  };
  switch (option.kind) {
    case 'tls':
      return (
        <Form.Item {...common}>
          <Select allowClear placeholder="Default: off" options={TLS_MODES} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber
            min={1}
            max={option.max}
            precision={0}
            placeholder={option.placeholder}
            style={{ width: '100%' }}
          />
        </Form.Item>
      );
    case 'boolean':
      // Shows the default until the user flips it; untouched, nothing is sent.
      return (
        <Form.Item
          {...common}
          getValueProps={(value?: boolean) => ({ checked: value ?? option.defaultValue })}
        >
          <Switch />
        </Form.Item>
      );
    default:
      return (
        <Form.Item
          {...common}
          dependencies={[['details', 'port']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                value && getFieldValue(['details', 'port']) != null
                  ? Promise.reject(new Error('An instance name replaces the port: leave the port empty'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input placeholder={option.placeholder} />
        </Form.Item>
      );
  }
};

type Props = {
  provider?: ProviderId;
  /**
   * Mounted while folded: a change replaces the details whole, so the options already set must be
   * sent back even when the user never unfolds them (a field never mounted is not submitted).
   */
  forceRender?: boolean;
};

/** The provider's advanced options, folded away: only those the user sets are sent. */
export const ConnectionOptions = ({ provider, forceRender }: Props) => {
  const form = Form.useFormInstance();
  const tls = Form.useWatch<string | undefined>(optionName('tls'), form);
  if (!provider) return null;
  const options = PROVIDER_OPTIONS[provider];
  return (
    <Collapse
      key={provider}
      size="small"
      style={{ marginBottom: 24 }}
      items={[
        {
          key: 'advanced',
          label: 'Advanced options',
          forceRender,
          children: (
            <>
              {provider !== 'sqlite' && (
                <Typography.Paragraph type="secondary">
                  TLS is never silently downgraded: if the server cannot meet the setting, connecting fails.
                </Typography.Paragraph>
              )}
              {options.map((option) => (
                <OptionItem key={option.name} option={option} />
              ))}
              {(provider === 'mysql' || provider === 'postgres') && tls === 'verify' && (
                <Form.Item
                  label="CA certificate (PEM)"
                  name={optionName('ca')}
                  preserve={false}
                  normalize={unlessEmpty}
                >
                  <Input.TextArea rows={4} placeholder="-----BEGIN CERTIFICATE-----" />
                </Form.Item>
              )}
            </>
          ),
        },
      ]}
    />
  );
};
