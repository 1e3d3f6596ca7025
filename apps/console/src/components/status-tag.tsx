import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  draft: 'default',
  open: 'purple',
  pending: 'gold',
  approved: 'green',
  applied: 'green',
  rejected: 'red',
  cancelled: 'default',
  development: 'blue',
  qa: 'orange',
  production: 'red',
  running: 'processing',
  published: 'green',
  failed: 'red',
  skipped: 'default',
  finished: 'green',
  active: 'green',
  revoked: 'default',
};

export const StatusTag = ({ value }: { value: string }) => (
  <Tag color={COLORS[value] ?? 'default'}>{value}</Tag>
);
