import {
  assertNever,
  CHANGE_REQUEST_EVENT_TYPES,
  type ChangeKind,
  type ChangeRequestEvent,
  type ChangeRequestStatus,
  type RecordedEvent,
  type RequestedChange,
} from '@ib/domain';
import {
  isOneOf,
  type Projection,
  type RecordedOf,
  withoutUndefined,
} from '../../infrastructure/read-model/projection';

export type ChangeRequestViewStatus = Exclude<ChangeRequestStatus, 'none'>;

/** The change as asked, without the reference of the password it sealed. */
export type ShownChange = Readonly<Record<string, unknown>> & Readonly<{ kind: ChangeKind }>;

export type ChangeRequestView = Readonly<{
  id: string;
  environment: string;
  kind: ChangeKind;
  summary: string;
  change: ShownChange;
  status: ChangeRequestViewStatus;
  requestedBy: string;
  requestedAt: string;
  /** Who approved, rejected or cancelled it, and when. */
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  /** When the approved change was applied or refused. */
  completedAt?: string;
  failureCode?: string;
  failureMessage?: string;
  version: number;
}>;

const shown = (change: RequestedChange): ShownChange => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { secretRef, ...rest } = change as RequestedChange & { secretRef?: string };
  return rest;
};

const isChangeRequestEvent = isOneOf<ChangeRequestEvent>(CHANGE_REQUEST_EVENT_TYPES);

const evolve = (
  view: ChangeRequestView | undefined,
  recorded: RecordedEvent,
): ChangeRequestView | undefined => {
  if (!isChangeRequestEvent(recorded)) return view;
  const version = recorded.streamVersion;
  if (recorded.type === 'ChangeRequested') {
    const { changeRequestId, environment, change, summary, requestedBy, requestedAt } = recorded.data;
    return {
      id: changeRequestId,
      environment,
      kind: change.kind,
      summary,
      change: shown(change),
      status: 'pending',
      requestedBy,
      requestedAt,
      version,
    };
  }
  if (view === undefined) return undefined;
  switch (recorded.type) {
    case 'ChangeApproved': {
      const { approvedBy, approvedAt } = recorded.data;
      return { ...view, status: 'approved', decidedBy: approvedBy, decidedAt: approvedAt, version };
    }
    case 'ChangeRejected': {
      const { reason, rejectedBy, rejectedAt } = recorded.data;
      return { ...view, status: 'rejected', decidedBy: rejectedBy, decidedAt: rejectedAt, reason, version };
    }
    case 'ChangeCancelled': {
      const { cancelledBy, cancelledAt } = recorded.data;
      return { ...view, status: 'cancelled', decidedBy: cancelledBy, decidedAt: cancelledAt, version };
    }
    case 'ChangeApplied':
      return { ...view, status: 'applied', completedAt: recorded.data.appliedAt, version };
    case 'ChangeFailed': {
      const { code, message, failedAt } = recorded.data;
      return withoutUndefined<ChangeRequestView>({
        ...view,
        status: 'failed',
        completedAt: failedAt,
        failureCode: code,
        failureMessage: message,
        version,
      });
    }
    default:
      return assertNever(recorded);
  }
};

export const changeRequestsProjection: Projection<ChangeRequestView> = {
  name: 'change_requests',
  handles: CHANGE_REQUEST_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<ChangeRequestEvent>).data.changeRequestId,
  evolve,
};
