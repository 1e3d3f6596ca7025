import { Button, Space } from 'antd';

type Props = {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  loading?: boolean;
  submit?: boolean;
};

export const StepActions = ({ onBack, onNext, nextLabel = 'Next', nextDisabled, loading, submit }: Props) => (
  <Space style={{ marginTop: 24, width: '100%', justifyContent: 'flex-end' }}>
    {onBack && <Button onClick={onBack}>Back</Button>}
    <Button
      type="primary"
      htmlType={submit ? 'submit' : 'button'}
      onClick={onNext}
      disabled={nextDisabled}
      loading={loading}
    >
      {nextLabel}
    </Button>
  </Space>
);
