/**
 * Where a connection points. Never holds a password: credentials live in the secret store and
 * events carry only `secretRef`.
 */
export type ConnectionDetails = Readonly<{
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  /** SQLite: a file path relative to the configured databases folder. */
  path?: string;
  /** OData: the service root URL. */
  url?: string;
  options?: Readonly<Record<string, string | number | boolean>>;
}>;
