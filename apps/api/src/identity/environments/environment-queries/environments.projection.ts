import {
  assertNever,
  defaultFourEyes,
  ENVIRONMENT_EVENT_TYPES,
  type EnvironmentEvent,
  type EnvironmentKind,
  type RecordedEvent,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../../infrastructure/read-model/projection';

/** Environments are keyed by their name, which is how users and events refer to them. */
export type EnvironmentView = Readonly<{
  name: string;
  kind: EnvironmentKind;
  address?: string;
  createdBy: string;
  createdAt: string;
  /** The effective policy: whether changes there need a second administrator. */
  fourEyes: boolean;
}>;

const isEnvironmentEvent = isOneOf<EnvironmentEvent>(ENVIRONMENT_EVENT_TYPES);

const evolve = (view: EnvironmentView | undefined, recorded: RecordedEvent): EnvironmentView | undefined => {
  if (!isEnvironmentEvent(recorded)) return view;
  switch (recorded.type) {
    case 'EnvironmentCreated': {
      const { name, kind, address, createdBy, createdAt } = recorded.data;
      return withoutUndefined<EnvironmentView>({
        name,
        kind,
        address,
        createdBy,
        createdAt,
        fourEyes: defaultFourEyes(kind),
      });
    }
    case 'EnvironmentPolicyChanged':
      return view === undefined ? undefined : { ...view, fourEyes: recorded.data.fourEyes };
    default:
      return assertNever(recorded);
  }
};

export const environmentsProjection: Projection<EnvironmentView> = {
  name: 'environments',
  handles: ENVIRONMENT_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<EnvironmentEvent>).data.name,
  evolve,
};
