import { type FieldError } from '@ib/domain';

/** RFC 9457 problem details, with our stable `code` and field errors as extensions. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: readonly FieldError[];
};

export const problemType = (code: string) => `/problems/${code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: readonly FieldError[],
): ProblemDetails => ({
  type: problemType(code),
  title,
  status,
  detail,
  code,
  ...(errors && errors.length > 0 ? { errors } : {}),
});
