import type { Integration } from '../../../types';

export type StepProps = { integration: Integration; onBack?: () => void; onNext: () => void };

/**
 * Where a step keeps its unsent choice for this integration (see useDraftState); tables are chosen
 * from one database, so a choice made in another one never comes back.
 */
export const stepDraftKey = (
  integration: Integration,
  choice: 'connection' | 'database' | 'tables',
): string =>
  choice === 'tables'
    ? `integration.${integration.id}.tables.${integration.database ?? ''}`
    : `integration.${integration.id}.${choice}`;
