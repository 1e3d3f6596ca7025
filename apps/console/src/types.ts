/** Shapes of the HTTP API (apps/api); the console depends on HTTP only, so they are restated here. */

export type Role = 'developer' | 'admin';
export type RoleGrant = { environment: string; role: Role };
export type ProviderId = 'sqlite' | 'mysql' | 'mssql';

export type User = {
  id: string;
  username: string;
  displayName?: string;
  roles: RoleGrant[];
  createdAt?: string;
};

export type LoginResponse = {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
  user: User;
};

export type Environment = {
  name: string;
  kind: 'development' | 'qa' | 'production';
  address?: string;
  createdAt: string;
};

export type ProviderField = {
  name: string;
  label: string;
  type: 'string' | 'number' | 'password' | 'boolean';
  required: boolean;
};

export type Provider = { id: ProviderId; name: string; available: boolean; fields: ProviderField[] };

export type Attribute = {
  name: string;
  nativeType: string;
  type: string;
  length?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  defaultValue?: string | null;
  primaryKey: boolean;
  autoIncrement: boolean;
};

export type Entity = {
  name: string;
  table: string;
  kind: 'table' | 'view';
  primaryKey: string[];
  attributes: Attribute[];
};

export type Integration = {
  id: string;
  environment: string;
  provider: ProviderId;
  applicationName: string;
  moduleName: string;
  description: string;
  icon?: string;
  status: 'draft' | 'open';
  connectionId?: string;
  database?: string;
  entities: Entity[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type IntegrationDraft = Pick<Integration, 'environment' | 'provider' | 'applicationName'> &
  Partial<Pick<Integration, 'moduleName' | 'description' | 'icon'>>;

export type IntegrationReview = {
  integration: Integration;
  connection: { id: string; name: string; provider: ProviderId } | null;
  readyToPublish: boolean;
  problems: string[];
};

export type ConnectionDetails = {
  host?: string;
  port?: number;
  database?: string;
  username?: string;
  path?: string;
  /** Provider options (TLS, timeouts, pool size...); the server refuses a key it does not know. */
  options?: Record<string, string | number | boolean>;
};

export type Connection = {
  id: string;
  environment: string;
  name: string;
  provider: ProviderId;
  details: ConnectionDetails;
  hasSecret: boolean;
  createdBy: string;
  createdAt: string;
  requestId?: string;
};

export type ConnectionDraft = {
  environment: string;
  name: string;
  provider: ProviderId;
  details: ConnectionDetails;
  password?: string;
  note?: string;
};

export type ConnectionTest = { ok: boolean; serverVersion: string; latencyMs: number };

export type ConnectionRequest = {
  id: string;
  environment: string;
  name: string;
  provider: ProviderId;
  details: ConnectionDetails;
  note?: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  connectionId?: string;
  version: number;
};

export type DatabaseInfo = { name: string };

export type TableSummary = { schema: string; name: string; kind: 'table' | 'view'; rowEstimate?: number };

export type ColumnInfo = {
  name: string;
  nativeType: string;
  kind: string;
  nullable: boolean;
  defaultValue?: string | null;
  autoIncrement: boolean;
  length?: number;
  precision?: number;
  scale?: number;
};

export type TableInfo = {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: { columns: string[]; referencedTable: string; referencedColumns: string[] }[];
  indexes: unknown[];
};

export type Projection = { name: string; position: number; head: number; lag: number };

export type Items<T> = { items: T[]; total?: number };

// ---- publishing ----

export type PublicationStepName =
  'requested' | 'validateSchema' | 'generatePackage' | 'checkDependencies' | 'publish';
export type PublicationStatus = 'running' | 'published' | 'failed';

export type PublicationStep = {
  step: PublicationStepName;
  status: 'pending' | 'done' | 'failed';
  at?: string;
};

export type RuntimeDependency = { name: string; version: string };

/** One publication of an integration (GET /publications/:id, and each of GET /integrations/:id/publications). */
export type Publication = {
  id: string;
  integrationId: string;
  version: number;
  environment?: string;
  status: PublicationStatus;
  steps: PublicationStep[];
  reason?: string;
  failedStep?: PublicationStepName;
  packageHash?: string;
  dependencies?: RuntimeDependency[];
  requestedBy?: string;
  requestedAt?: string;
  finishedAt?: string;
};

/** The 202 answer of POST /integrations/:id/publish. */
export type PublishStarted = { publicationId: string; version: number; status: PublicationStatus };

export type PublishedVersion = {
  version: number;
  publicationId: string;
  packageHash: string;
  dependencies: RuntimeDependency[];
  publishedAt: string;
  packageUrl: string;
};

export type ConnectionBinding = {
  connectionId: string;
  connectionProvider?: ProviderId;
  boundBy?: string;
  boundAt?: string;
};

/** The version an environment serves, and the connection bound there (none: its calls answer 409). */
export type Deployment = {
  environment: string;
  environmentKind: Environment['kind'];
  version: number;
  deployedBy?: string;
  deployedAt: string;
  binding?: ConnectionBinding | null;
  connectionId?: string;
};

export type RepublishRequirement = { dependency: string; reason: string; requiredAt: string };

export type IntegrationDependencies = {
  integrationId: string;
  latestVersion?: number;
  builtAgainst: RuntimeDependency[];
  republishRequired: boolean | RepublishRequirement[];
  republishRequirements?: RepublishRequirement[];
};

// ---- API keys ----

export type ApiKey = {
  id: string;
  environment: string;
  appName: string;
  label?: string;
  hint: string;
  status: 'active' | 'revoked';
  createdBy?: string;
  createdAt: string;
  revokedBy?: string;
  revokedAt?: string;
};

export type ApiKeyDraft = { appName: string; label?: string };

/** The answer to a created key: the only time the key itself is shown. */
export type CreatedApiKey = ApiKey & { key: string };

// ---- runtime dependencies ----

export type DependencyUpdate = {
  fromVersion: string;
  version: string;
  breaking: boolean;
  notes: string;
  installedBy: string;
  installedAt: string;
};

export type Dependency = {
  name: string;
  version: string;
  shippedVersion?: string;
  updated?: boolean;
  installedBy?: string;
  installedAt?: string;
  updates: DependencyUpdate[];
};

export type DependencyUpdateDraft = { version: string; breaking?: boolean; notes?: string };

export type RepublishItem = {
  integrationId: string;
  status: 'pending' | 'running' | 'published' | 'failed' | 'skipped';
  publicationId?: string;
  version?: number;
  reason?: string;
};

export type RepublishRun = {
  runId: string;
  status: 'running' | 'finished';
  total: number;
  published: number;
  failed: number;
  skipped: number;
  items: RepublishItem[];
  startedBy?: string;
  startedAt?: string;
  finishedAt?: string;
};
