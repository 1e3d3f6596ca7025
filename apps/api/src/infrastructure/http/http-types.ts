/** What we use of a request/reply; Fastify and Express both provide it, so handlers stay adapter-neutral. */
export interface HttpReply {
  header(name: string, value: string): unknown;
  status(code: number): HttpReply;
  send(body: unknown): unknown;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  /** Set by the authentication guard; what infrastructure needs of the caller is their id. */
  user?: Readonly<{ id: string }>;
  requestId?: string;
}
