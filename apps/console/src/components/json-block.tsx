import { Typography } from 'antd';

type Props = { value: unknown; label?: string };

/** A value as indented JSON, in a scrollable block that keeps its line breaks. */
export const JsonBlock = ({ value, label }: Props) => (
  <Typography.Paragraph style={{ marginBottom: 0 }}>
    <pre aria-label={label} style={{ margin: 0, maxHeight: 480, overflow: 'auto', fontSize: 12 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  </Typography.Paragraph>
);
