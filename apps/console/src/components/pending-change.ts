/**
 * Where an environment's policy asks for four eyes, a change is not applied at once: the API answers
 * 202 with the change request that waits for another administrator.
 */
export type PendingChange = Readonly<{ changeRequestId: string; status: 'pending' }>;

export const PENDING_CHANGE_MESSAGE = 'Sent for approval by another administrator';

export const isPendingChange = (answer: unknown): answer is PendingChange =>
  typeof answer === 'object' &&
  answer !== null &&
  typeof (answer as { changeRequestId?: unknown }).changeRequestId === 'string' &&
  (answer as { status?: unknown }).status === 'pending';

/** The console page of a change request. */
export const changeRequestPath = (changeRequestId: string): string =>
  `/change-requests/show/${encodeURIComponent(changeRequestId)}`;
