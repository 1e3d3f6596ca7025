import { type ConnectionBound, type ConnectionUnbound, type RecordedEvent } from '@ib/domain';
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

type BindingEvent = ConnectionBound | ConnectionUnbound;

const BINDING_EVENT_TYPES: readonly BindingEvent['type'][] = ['ConnectionBound', 'ConnectionUnbound'];

const isBindingEvent = isOneOf<BindingEvent>(BINDING_EVENT_TYPES);

const evolve = (
  view: ConnectionBindingView | undefined,
  recorded: RecordedEvent,
): ConnectionBindingView | undefined => {
  if (!isBindingEvent(recorded)) return view;
  // Unbound: the connection serves nothing there any more, so it may be deleted.
  if (recorded.type === 'ConnectionUnbound') return undefined;
  const { integrationId, environment, connectionId } = recorded.data;
  // A new binding replaces the one before it: the environment is served by one connection.
  return { id: bindingId(integrationId, environment), integrationId, environment, connectionId };
};

const bindingId = (integrationId: string, environment: string): string => `${integrationId}:${environment}`;

export const connectionBindingsProjection: Projection<ConnectionBindingView> = {
  name: 'connection_bindings',
  handles: BINDING_EVENT_TYPES,
  idOf: (event) => {
    const { integrationId, environment } = (event as RecordedOf<BindingEvent>).data;
    return bindingId(integrationId, environment);
  },
  evolve,
};
