import type { OpenNotificationParams } from '@refinedev/core';

/**
 * Refine hands a notification provider only a failed request's message (its problem's detail), under
 * a heading of its own ("Error (status code: 409)"). The titles of the latest problems, by the message
 * their error carries, let the notice lead with the problem's title instead.
 */
const recentTitles = new Map<string, string>();
const REMEMBERED = 20;

export const rememberProblemTitle = (message: string, title: string | undefined): void => {
  if (!title) return;
  recentTitles.delete(message);
  recentTitles.set(message, title);
  if (recentTitles.size > REMEMBERED) recentTitles.delete(recentTitles.keys().next().value as string);
};

/** Refine's own headings of a failed request, all ending in the status code. */
const REFINE_ERROR_HEADING = /\(status code: \d+\)$/;

export type Notice = Readonly<{ message: string; description?: string }>;

/**
 * What an antd notice shows: `message` as its heading and `description` below it, as the console and
 * Refine's hooks mean them (Refine's antd provider swaps the two). A failed request's notice leads with
 * its problem's title, its detail below.
 */
export const noticeOf = ({ message, description, type }: OpenNotificationParams): Notice => {
  const title =
    type === 'error' && description !== undefined && REFINE_ERROR_HEADING.test(message)
      ? recentTitles.get(description)
      : undefined;
  const heading = title ?? message;
  return description === undefined || description === heading
    ? { message: heading }
    : { message: heading, description };
};
