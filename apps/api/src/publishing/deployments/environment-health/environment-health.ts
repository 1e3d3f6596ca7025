import { type Provider } from '@ib/domain';

/** ok: every bound connection answers (or none is bound); degraded: some do; down: none does. */
export type HealthStatus = 'ok' | 'degraded' | 'down';

export type ConnectionHealth = Readonly<{
  connectionId: string;
  /** Absent when the connection no longer exists (deleted while still bound). */
  name?: string;
  provider?: Provider;
  /** The integrations deployed in the environment that call through it. */
  integrationIds: readonly string[];
  status: 'up' | 'down';
  /** Up: from opening a connection to the test's answer. */
  latencyMs?: number;
  serverVersion?: string;
  /** Down: why, as the connector tells it (never a secret). */
  error?: Readonly<{ code: string; message: string }>;
}>;

export type EnvironmentHealth = Readonly<{
  environment: string;
  status: HealthStatus;
  checkedAt: string;
  /** When the environment's schema drift was last checked; null: never. */
  lastDriftCheck: string | null;
  connections: readonly ConnectionHealth[];
}>;

export const overallStatus = (connections: readonly Pick<ConnectionHealth, 'status'>[]): HealthStatus => {
  const up = connections.filter(({ status }) => status === 'up').length;
  if (up === connections.length) return 'ok';
  return up === 0 ? 'down' : 'degraded';
};

/** The connections serving an environment, each with the integrations it serves there, by connection id. */
export const boundConnections = (
  deployments: readonly Readonly<{ integrationId: string; connectionId?: string }>[],
): Map<string, string[]> => {
  const bound = new Map<string, string[]>();
  for (const { integrationId, connectionId } of deployments)
    if (connectionId !== undefined)
      bound.set(connectionId, [...(bound.get(connectionId) ?? []), integrationId]);
  return new Map([...bound].sort(([a], [b]) => a.localeCompare(b)));
};
