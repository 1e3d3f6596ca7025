import { Button, DatePicker, Space, Typography } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';

type Props = {
  /** The moment shown (ISO), or undefined: now. */
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
};

/** Picks a past moment to see the object as it was then; cleared, it is shown as it is now. */
export const AsOfPicker = ({ asOf, onChange }: Props) => (
  <Space>
    <Typography.Text type="secondary">
      <HistoryOutlined /> As of
    </Typography.Text>
    <DatePicker
      showTime
      aria-label="As of"
      placeholder="now"
      value={asOf ? dayjs(asOf) : null}
      disabledDate={(day) => day.isAfter(dayjs(), 'day')}
      onChange={(value) => onChange(value ? value.toISOString() : undefined)}
    />
    {asOf && <Button onClick={() => onChange(undefined)}>Back to now</Button>}
  </Space>
);
