import { useState } from 'react';
import { type HttpError, useCustomMutation } from '@refinedev/core';
import type { ConnectionTest } from '../../types';

export type RequestTestOutcome =
  Readonly<{ ok: true; result: ConnectionTest }> | Readonly<{ ok: false; error: HttpError }>;

/**
 * Tries a pending request's details (the API uses the password sealed with it) before it is approved;
 * the outcome stays on the page beside the details it judges, rather than in a passing notice.
 */
export const useRequestTest = (requestId: string) => {
  const { mutate, mutation } = useCustomMutation<ConnectionTest>();
  const [outcome, setOutcome] = useState<RequestTestOutcome>();
  const test = () => {
    setOutcome(undefined);
    mutate(
      {
        url: `/connection-requests/${requestId}/test`,
        method: 'post',
        values: {},
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => setOutcome({ ok: true, result: data }),
        onError: (error) => setOutcome({ ok: false, error }),
      },
    );
  };
  return { test, testing: mutation.isPending, outcome };
};
