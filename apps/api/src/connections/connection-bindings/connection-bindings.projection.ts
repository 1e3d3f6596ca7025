import { type ConnectionBound, type RecordedEvent } from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../infrastructure/read-model/projection';

/**
 * Which connection serves an integration in one environment, as Connections needs to know it: a
 * connection that serves a deployment cannot be deleted. Folded from the deployments streams' own
 * events (Publishing's deployments view holds more, and is Publishing's to change).
 */
export type ConnectionBindingView = Readonly<{
  /** `${integrationId}:${environment}`: one binding per integration and environment. */
  id: string;
  integrationId: string;
  environment: string;
  connectionId: string;
}>;

const isConnectionBound = isOneOf<ConnectionBound>(['ConnectionBound']);

const evolve = (
  view: ConnectionBindingView | undefined,
  recorded: RecordedEvent,
): ConnectionBindingView | undefined => {
  if (!isConnectionBound(recorded)) return view;
  const { integrationId, environment, connectionId } = recorded.data;
  // A new binding replaces the one before it: the environment is served by one connection.
  return { id: bindingId(integrationId, environment), integrationId, environment, connectionId };
};

const bindingId = (integrationId: string, environment: string): string => `${integrationId}:${environment}`;

export const connectionBindingsProjection: Projection<ConnectionBindingView> = {
  name: 'connection_bindings',
  handles: ['ConnectionBound'],
  idOf: (event) => {
    const { integrationId, environment } = (event as RecordedOf<ConnectionBound>).data;
    return bindingId(integrationId, environment);
  },
  evolve,
};
