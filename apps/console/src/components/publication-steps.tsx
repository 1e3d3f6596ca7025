import type { ReactNode } from 'react';
import { Space, Tag, Tooltip } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import type { Publication, PublicationStepName } from '../types';

const STEPS: { step: PublicationStepName; label: string }[] = [
  { step: 'validateSchema', label: 'Validate schema' },
  { step: 'generatePackage', label: 'Generate package' },
  { step: 'checkDependencies', label: 'Check dependencies' },
  { step: 'publish', label: 'Publish' },
];

type Shown = 'done' | 'failed' | 'running' | 'pending';

const LOOK: Record<Shown, { color: string; icon: ReactNode }> = {
  done: { color: 'success', icon: <CheckCircleOutlined /> },
  failed: { color: 'error', icon: <CloseCircleOutlined /> },
  running: { color: 'processing', icon: <SyncOutlined spin /> },
  pending: { color: 'default', icon: <ClockCircleOutlined /> },
};

/**
 * The four steps of a publication as tags. A publication's own view lists the steps that happened; the
 * list view lists all four with `pending` ones: both read the same here.
 */
export const PublicationSteps = ({ publication }: { publication: Publication }) => {
  const statusOf = (step: PublicationStepName) => publication.steps.find((current) => current.step === step);
  const current = STEPS.find(({ step }) => (statusOf(step)?.status ?? 'pending') === 'pending')?.step;
  return (
    <Space size={[0, 4]} wrap>
      {STEPS.map(({ step, label }) => {
        const recorded = statusOf(step);
        const shown: Shown =
          recorded?.status === 'done' || recorded?.status === 'failed'
            ? recorded.status
            : publication.status === 'running' && step === current
              ? 'running'
              : 'pending';
        return (
          <Tooltip
            key={step}
            title={recorded?.at ? `${shown} at ${new Date(recorded.at).toLocaleString()}` : shown}
          >
            <Tag color={LOOK[shown].color} icon={LOOK[shown].icon} data-step={step} data-status={shown}>
              {label}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
};
