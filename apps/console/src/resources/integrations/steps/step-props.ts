import type { Integration } from '../../../types';

export type StepProps = { integration: Integration; onBack?: () => void; onNext: () => void };
