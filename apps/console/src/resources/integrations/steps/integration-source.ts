import type { Integration } from '../../../types';

/**
 * Where the wizard reads the integration's databases and tables: its connection, or, while it has none,
 * the service specification it was built from (the API answers both alike).
 */
export const sourceUrlOf = ({ id, connectionId, specificationId }: Integration): string | undefined =>
  connectionId
    ? `/connections/${connectionId}`
    : specificationId
      ? `/integrations/${id}/specification`
      : undefined;
