import { Popover, Tag } from 'antd';
import type { SchemaDrift } from '../types';

/** Red while breaking drift stands (its data API answers 409 there), orange for non-breaking drift only. */
export const driftColor = ({ breaking }: Pick<SchemaDrift, 'breaking'>) => (breaking > 0 ? 'red' : 'orange');

/** "schema drift" in an environment, the differences on hover; nothing while the database is as published. */
export const SchemaDriftBadge = ({ drift }: { drift: SchemaDrift }) => {
  if (drift.status !== 'drift') return null;
  return (
    <Popover
      title={`Schema drift in ${drift.environment} (version ${drift.version})`}
      content={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 480 }}>
          {drift.differences.map((difference) => (
            <li key={`${difference.kind}-${difference.table}-${difference.column ?? ''}`}>
              <Tag color={difference.breaking ? 'red' : 'orange'}>
                {difference.breaking ? 'breaking' : 'non-breaking'}
              </Tag>
              {difference.message}
            </li>
          ))}
        </ul>
      }
    >
      <Tag color={driftColor(drift)} aria-label={`schema drift in ${drift.environment}`}>
        schema drift: {drift.environment}
        {drift.breaking > 0 ? ` (${drift.breaking} breaking)` : ''}
      </Tag>
    </Popover>
  );
};
