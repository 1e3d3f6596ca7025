import type { HttpError } from '@refinedev/core';
import dayjs from 'dayjs';

/** What the API tells of a request decided before this decision (CONNECTION_REQUEST.NOT_PENDING). */
type DecidedAlready = { decision?: string; decidedByName?: string; decidedAt?: string };

/**
 * A refusal in the words of the screen: a request decided meanwhile (in another tab, by another
 * administrator) says by whom and when, never a version number.
 */
export const refusalOf = (error: HttpError | undefined): { message: string; description?: string } => {
  if (error?.code === 'CONNECTION_REQUEST.NOT_PENDING') {
    const { decision, decidedByName, decidedAt } = (error.problem ?? {}) as DecidedAlready;
    if (decision && decidedByName && decidedAt)
      return {
        message: `Already ${decision} by ${decidedByName} at ${dayjs(decidedAt).format('YYYY-MM-DD HH:mm')}`,
        description: 'Nothing was changed; the request now shows as it is.',
      };
    return { message: 'This request was decided already', description: error.message };
  }
  if (error?.code === 'PRECONDITION_FAILED')
    return {
      message: 'This request changed since you opened it',
      description: 'Nothing was changed; look at it again, then decide.',
    };
  return { message: 'The request was not decided', description: error?.message };
};
