import {
  type ConnectionBound,
  type ConnectionUnbound,
  type IntegrationConnectionSelected,
  type IntegrationCreated,
  type RecordedEvent,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../infrastructure/read-model/projection';

/**
 * Which connection serves an integration in one environment, as Connections needs to know it: a
 * connection that serves a deployment, or that an integration builds on in its own environment (the one
 * its wizard selected), cannot be deleted. Folded from the deployments' and integrations' own events
 * (Publishing's deployments view and the integrations view hold more, and are their contexts' to change).
 */
export type ConnectionBindingView = Readonly<{
  /**
   * `${integrationId}:${environment}`: one binding per integration and environment; `${integrationId}:own`
   * for the connection the integration was built on, in the environment it was created in.
   */
  id: string;
  integrationId: string;
  environment: string;
  /** Empty until the integration's wizard selects its connection. */
  connectionId: string;
}>;

type BindingEvent = ConnectionBound | ConnectionUnbound | IntegrationCreated | IntegrationConnectionSelected;

const BINDING_EVENT_TYPES: readonly BindingEvent['type'][] = [
  'ConnectionBound',
  'ConnectionUnbound',
  'IntegrationCreated',
  'IntegrationConnectionSelected',
];

const isBindingEvent = isOneOf<BindingEvent>(BINDING_EVENT_TYPES);

const evolve = (
  view: ConnectionBindingView | undefined,
  recorded: RecordedEvent,
): ConnectionBindingView | undefined => {
  if (!isBindingEvent(recorded)) return view;
  switch (recorded.type) {
    // Unbound: the connection serves nothing there any more, so it may be deleted.
    case 'ConnectionUnbound':
      return undefined;
    case 'IntegrationCreated': {
      const { integrationId, environment } = recorded.data;
      return { id: ownId(integrationId), integrationId, environment, connectionId: '' };
    }
    case 'IntegrationConnectionSelected':
      return view === undefined ? view : { ...view, connectionId: recorded.data.connectionId };
    case 'ConnectionBound': {
      const { integrationId, environment, connectionId } = recorded.data;
      // A new binding replaces the one before it: the environment is served by one connection.
      return { id: bindingId(integrationId, environment), integrationId, environment, connectionId };
    }
  }
};

const bindingId = (integrationId: string, environment: string): string => `${integrationId}:${environment}`;
const ownId = (integrationId: string): string => `${integrationId}:own`;

export const connectionBindingsProjection: Projection<ConnectionBindingView> = {
  name: 'connection_bindings',
  handles: BINDING_EVENT_TYPES,
  idOf: (event) => {
    const binding = event as RecordedOf<BindingEvent>;
    if (binding.type === 'IntegrationCreated' || binding.type === 'IntegrationConnectionSelected')
      return ownId(binding.data.integrationId);
    return bindingId(binding.data.integrationId, binding.data.environment);
  },
  evolve,
};
