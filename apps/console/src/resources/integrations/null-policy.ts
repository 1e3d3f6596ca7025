import type { Integration } from '../../types';

export type NullPolicy = Integration['nullPolicy'];

export const NULL_POLICY_OPTIONS: { value: NullPolicy; label: string }[] = [
  { value: 'preserve', label: 'Preserve' },
  { value: 'overwrite', label: 'Overwrite' },
];

export const NULL_POLICY_HELP =
  'Preserve: apps read a NULL as its default value (empty text, 0, false) and writing that default back ' +
  'keeps the NULL. Overwrite: apps read and write values as they are, so a default written replaces a NULL.';
