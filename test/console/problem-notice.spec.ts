import { toHttpError } from '../../apps/console/src/providers/http';
import { noticeOf } from '../../apps/console/src/providers/problem-notice';

const problemAnswer = (problem: Record<string, unknown>) =>
  new Response(JSON.stringify(problem), {
    status: problem.status as number,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** A failed request's notice leads with the problem's title and explains with its detail. */
describe('the notice of a failed request', () => {
  it("given a problem answered by the API, when Refine notifies the failure, then the notice's message is its title and its description its detail", async () => {
    const error = await toHttpError(
      problemAnswer({
        status: 409,
        title: 'Illegal state',
        detail: 'An integration uses one database',
        code: 'INTEGRATION.ONE_DATABASE',
      }),
    );

    const notice = noticeOf({
      type: 'error',
      message: 'Error (status code: 409)',
      description: error.message,
    });

    expect(notice).toEqual({ message: 'Illegal state', description: 'An integration uses one database' });
  });

  it('given a problem with a title only, when Refine notifies the failure, then the notice shows the title once', async () => {
    const error = await toHttpError(problemAnswer({ status: 403, title: 'Forbidden' }));

    const notice = noticeOf({
      type: 'error',
      message: 'Error (status code: 403)',
      description: error.message,
    });

    expect(notice).toEqual({ message: 'Forbidden' });
  });

  it("given the console's own heading, when it notifies a failure, then the heading stays the message and the detail the description", async () => {
    const error = await toHttpError(
      problemAnswer({ status: 503, title: 'Service unavailable', detail: 'The database did not answer' }),
    );

    const notice = noticeOf({ type: 'error', message: 'Connection failed', description: error.message });

    expect(notice).toEqual({ message: 'Connection failed', description: 'The database did not answer' });
  });

  it('given a success, when it is notified, then its message is the heading', () => {
    expect(noticeOf({ type: 'success', message: 'Profile saved' })).toEqual({ message: 'Profile saved' });
  });
});
