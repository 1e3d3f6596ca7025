// Generated from /api/docs-json by `npm run api:types` (openapi-typescript); do not edit by hand.
export interface paths {
    "/api/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything waiting for your decision, newest first: the pending connection requests of the environments you administer, and their pending change requests someone else asked for */
        get: operations["ApprovalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit log: the events the caller may read (owners: all; auditors and administrators: those of their environments), newest first, a page at a time through `next` */
        get: operations["SearchAuditLogController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the events of an audit search (same filters and visibility, every page), streamed: NDJSON (one event per line, as the search answers it) or CSV (data as JSON in one field) */
        get: operations["ExportAuditLogController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay the log into a copy of every view and compare each with the live view, swapping nothing (owners) */
        post: operations["ReplayController_run"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recomputes the hash chain over every stored event and checks the signed checkpoints: says whether any stored event was edited, deleted, inserted or moved, and where first (owners, admins and auditors) */
        get: operations["VerifyChainController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in to an environment with IT user credentials; returns a short-lived bearer token, and sets the `ib_refresh` cookie (HttpOnly, SameSite=Strict, path /api/auth) that POST /api/auth/refresh spends for the next one */
        post: operations["LoginController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the caller: their bearer tokens and refresh cookies are refused from now on, in every tab and browser */
        post: operations["LoginController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller with their current roles */
        get: operations["LoginController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the caller's password, giving the current one: the only call a session opened with a one-time password may make. Every session of the caller ends (this one too): log in again with the new password */
        post: operations["ChangePasswordController_change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Continue a login: spends the `ib_refresh` cookie login set (HttpOnly, path /api/auth) for a new bearer token with the user's current roles and the next cookie. A cookie works once: a spent one coming back ends every session continuing that login */
        post: operations["RefreshController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Four-eyes change requests, newest first: every one of the environments you administer, and your own */
        get: operations["ChangeRequestQueriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/change-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A change request (its requester, the administrators of its environment) */
        get: operations["ChangeRequestQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/change-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve, as another administrator of its environment: the change runs at once (status applied, or failed with the reason it was refused) */
        post: operations["DecideChangeRequestController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/change-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending request (its requester only) */
        post: operations["DecideChangeRequestController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/change-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason (administrators of its environment) */
        post: operations["DecideChangeRequestController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection requests, newest first (administrators: all of their environments; others: their own) */
        get: operations["ConnectionRequestQueriesController_list"];
        put?: never;
        /** Ask an administrator to create a connection; the request carries every detail */
        post: operations["RequestConnectionController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection request the caller may see, with its ETag. With asOf or version, as it was then (folded from the event log; its requester, and the administrators, auditors and owners of its environment) */
        get: operations["ConnectionRequestQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: the connection is created and appears in the requester’s list (administrators) */
        post: operations["DecideConnectionRequestController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending request (its requester or an administrator) */
        post: operations["DecideConnectionRequestController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the connection request, oldest first, with who made it and what it changed (its requester, and the administrators, auditors and owners of its environment) */
        get: operations["ConnectionRequestHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason (administrators) */
        post: operations["DecideConnectionRequestController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connection-requests/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try the details of a pending request, with its password, before approving it: connect and report the server version and round-trip latency (administrators of its environment) */
        post: operations["TestConnectionRequestController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connections you may view (those of your environments), by name */
        get: operations["ConnectionQueriesController_list"];
        put?: never;
        /** Create a connection (administrators) */
        post: operations["CreateConnectionController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A connection you may view; never its password. With asOf or version, as it was then (folded from the event log; those who read it, and the auditors and administrators of its environment) */
        get: operations["ConnectionQueriesController_get"];
        put?: never;
        post?: never;
        /** Delete a connection that serves no deployment (administrators of its environment): its password is destroyed (crypto-shredded), its history stays */
        delete: operations["DeleteConnectionController_delete"];
        options?: never;
        head?: never;
        /** Change a connection's name, details and options (administrators of its environment); connectors opened with the old details are closed */
        patch: operations["ChangeConnectionController_change"];
        trace?: never;
    };
    "/api/connections/{id}/databases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Databases of the connection’s server */
        get: operations["BrowseConnectionController_databases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}/databases/{db}/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tables and views of a database */
        get: operations["BrowseConnectionController_tables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}/databases/{db}/tables/{table}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attributes, keys and indexes of one table */
        get: operations["BrowseConnectionController_table"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the connection, oldest first, with who made it and what it changed; never its password (those who read it, and the auditors and administrators of its environment) */
        get: operations["ConnectionHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rotate the password of a connection (administrators of its environment): the new one is stored encrypted and the old one destroyed (crypto-shredded); connectors opened with it are closed */
        put: operations["RotateConnectionPasswordController_rotate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/connections/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect and report the server version and round-trip latency */
        post: operations["BrowseConnectionController_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/data/{env}/{integrationId}/{entity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List rows of an entity: field[op]=value or filter[field][op]=value (eq if [op] is omitted; in: comma-separated; isNull: true|false), sort=a,-b, offset, limit (1..1000), count=true, fields=a,b (no spaces, no empty items) */
        get: operations["DataApiController_list"];
        put?: never;
        /** Create a row: answers the new row, its key in the Location */
        post: operations["DataApiController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/data/{env}/{integrationId}/{entity}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a row by key. Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is `%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`. */
        get: operations["DataApiController_get"];
        put?: never;
        post?: never;
        /** Delete a row */
        delete: operations["DataApiController_remove"];
        options?: never;
        head?: never;
        /** Update some attributes of a row: answers the updated row */
        patch: operations["DataApiController_update"];
        trace?: never;
    };
    "/api/dependencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every runtime dependency with the version installed in one environment and its updates there */
        get: operations["DependencyQueriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dependencies/{name}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install a newer version of a runtime dependency in one environment (admin there); a breaking one makes the integrations deployed there, built against an older version, need a republish */
        post: operations["InstallDependencyUpdateController_install"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The environments the caller holds a role in (owners: every environment) */
        get: operations["EnvironmentQueriesController_list"];
        put?: never;
        /** Add an environment (installation owners); its creator administers it */
        post: operations["CreateEnvironmentController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment's API keys, newest first (admin there); never the keys */
        get: operations["ApiKeyQueriesController_list"];
        put?: never;
        /**
         * Give an app a key to the data API of the environment (admin there). The answer is the only one that shows the key.
         * @description A retry with the same Idempotency-Key answers the key created by the first attempt (same id) without `key`: the key is never stored, so it cannot be shown again. If that first answer was lost, revoke the key and create another.
         */
        post: operations["CreateApiKeyController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admin of the environment): it is refused from the next request on */
        delete: operations["RevokeApiKeyController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The integration versions deployed in the environment and the connections bound there; with asOf, those of that moment (folded from the event log) */
        get: operations["EnvironmentDeploymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schema drift of every integration checked in the environment, and the environment's last check */
        get: operations["DriftQueriesController_environment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/drift-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compare every integration deployed in the environment with its live database now (admins there): drift found or resolved is recorded, and each integration answered with what was found */
        post: operations["RunDriftCheckController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether each connection bound in the environment answers and how fast (all tested at once, each given up after a few seconds), the last drift check and an overall status */
        get: operations["EnvironmentHealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/integrations/{id}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Bind the connection that serves the integration in an environment (admin there) */
        put: operations["BindConnectionController_bind"];
        post?: never;
        /** Unbind the connection that serves the integration in an environment (admin there): its data API answers as if none was ever bound */
        delete: operations["UnbindConnectionController_unbind"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{env}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the environment's policy (administrators there): four-eyes on applies at once; off, where it is on, is a change request another administrator approves */
        put: operations["EnvironmentPolicyController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An environment the caller holds a role in (owners: any); with asOf or version, as it was then (folded from the event log) */
        get: operations["EnvironmentQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/environments/{name}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the environment, oldest first, with who made it and what it changed (who holds a role there, and owners) */
        get: operations["EnvironmentHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Integrations of the environments you have a role in, most recently changed first by default */
        get: operations["IntegrationQueriesController_list"];
        put?: never;
        /** Create an integration (a draft) in a development environment */
        post: operations["CreateIntegrationController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An integration, with its ETag; with asOf or version, as it was then (folded from the event log; its members, and the auditors and administrators of its environment) */
        get: operations["IntegrationQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Attach a connection of the integration’s provider and environment */
        put: operations["SelectConnectionController_select"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/database": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Select the one database this integration uses */
        put: operations["SelectDatabaseController_select"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/dependencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the integration's latest version was built against, and in each environment it is deployed in, what the version there was built against and any republish due there */
        get: operations["DependencyQueriesController_ofIntegration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version deployed in each environment and the connection bound there */
        get: operations["DeploymentQueriesController_list"];
        put?: never;
        /** Promote a published version to a qa or production environment (admin there) */
        post: operations["PromoteVersionController_promote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change an integration's application name, module name, description and icon */
        put: operations["ChangeDetailsController_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/drift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The integration's current schema drift in each environment it was checked in (whoever reads the integration) */
        get: operations["DriftQueriesController_integration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add tables or views of the selected database as entities */
        post: operations["AddEntitiesController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/entities/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an entity from a draft integration */
        delete: operations["RemoveEntityController_remove"];
        options?: never;
        head?: never;
        /** Rename an entity: always refused (409), entities keep their names */
        patch: operations["RenameEntityController_rename"];
        trace?: never;
    };
    "/api/integrations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the integration, oldest first, with who made it and what it changed (its members, and the auditors and administrators of its environment) */
        get: operations["IntegrationHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/null-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose what the data API does with NULLs (overwrite or preserve) in the versions published next */
        put: operations["ChooseNullPolicyController_choose"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Convert an integration to open: it can no longer be edited or published by the builder */
        post: operations["ConvertToOpenController_convert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An integration's publications with their steps, newest first */
        get: operations["IntegrationPublicationsController_publications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the integration (asynchronous): follow the Location to see each step
         * @description Answers 202 with the publication that answers the request: a new one (`status: running`), or, without creating a version, the running publication of the same draft (a second click) or the latest published version when the draft has not changed since (`status: published`). Publishing another draft while a publication runs answers 409 PUBLICATION.IN_PROGRESS naming it.
         */
        post: operations["PublishIntegrationController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review the integration before publishing */
        get: operations["IntegrationQueriesController_review"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/specification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Build the integration from the service’s specification while no connection exists (OData)
         * @description Its entity sets become the tables of the wizard’s next steps. A connection selected later is used instead; publishing without one deploys a version that serves data once a connection is selected or bound.
         */
        put: operations["UploadSpecificationController_upload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/specification/databases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service of the integration’s uploaded specification */
        get: operations["BrowseSpecificationController_databases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/specification/databases/{db}/tables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entity sets of the uploaded specification, as tables */
        get: operations["BrowseSpecificationController_tables"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/specification/databases/{db}/tables/{table}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attributes, keys and relations of one entity set of the uploaded specification */
        get: operations["BrowseSpecificationController_table"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An integration's published versions, newest first, with their packages */
        get: operations["IntegrationPublicationsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/versions/{version}/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI document of a published version's data API (whoever may read the integration, or an app key of an environment that serves the version) */
        get: operations["VersionOpenApiController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/{id}/versions/{version}/package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a version's generated package (also a failed publication's, when generated) */
        get: operations["PublicationQueriesController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/integrations/republish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Republish every integration a breaking dependency update affected (admin of a development environment; asynchronous): follow the Location to see each one */
        post: operations["StartRepublishController_republish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first, a page at a time through `next`, with how many are unread */
        get: operations["MyNotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications read */
        post: operations["MyNotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every one of your notifications read */
        post: operations["MyNotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each projection’s checkpoint, the event store head and the lag between them, and the same of each process manager (owners) */
        get: operations["ProjectionsStatusController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild a projection from position 0 while the API keeps serving its current rows (owners) */
        post: operations["ProjectionsStatusController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database providers */
        get: operations["ProviderListController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/publications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publication and each of its steps, folded from its stream */
        get: operations["PublicationQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/republish-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A republish run and the outcome of each integration, folded from its stream */
        get: operations["RepublishQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events of what changes: `event: change` (id: the position; data: `{ type, streamId, position }`, never the event data) for every stored event the ticket holder may see, and `event: notification` (data: `{ id, kind, title, link }`) for their new notifications
         * @description Opened with a ticket (POST /api/stream/tickets), not a bearer token. A comment line `: heartbeat` comes every STREAM_HEARTBEAT_MS (15 s). With Last-Event-ID (or `lastEventId`) the changes after that position come first, then the live ones; a resume too far back gets `event: reset` (reload, then follow from its id). A ticket opens one stream: when the stream ends (it does when the holder's own user changes: roles, password, logout), the client asks for a new ticket and opens a new EventSource with `lastEventId`. A client that reads too slowly is disconnected.
         */
        get: operations["LiveStreamController_open"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stream/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A ticket that opens one event stream (GET /api/stream?ticket=...): single use, valid 30 s
         * @description A browser cannot set Authorization on an EventSource, and a bearer token in a URL would end up in logs and histories: the stream is opened with this ticket instead. It is bound to the caller as they are now; the stream it opens shows what their roles may see.
         */
        post: operations["LiveStreamController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users (owners: every user; administrators: the users holding a role in an environment they administer, and themselves) */
        get: operations["UserQueriesController_list"];
        put?: never;
        /** Create an IT user with roles per environment (administrators of those environments) */
        post: operations["CreateUserController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user the caller may see (the same visibility as the list; anyone: themselves). With asOf or version, as it was then (folded from the event log; also for the auditors and administrators of every environment the user held a role in) */
        get: operations["UserQueriesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: their e-mail address (anyone their own), their role grants, or disable or enable them. Every part or none changes. Another's address and disabling or enabling: the administrators of every environment the user holds a role in (an owner: an owner too); grants: the administrators of each environment whose grants change (the owner role: owners) */
        patch: operations["ChangeUserController_change"];
        trace?: never;
    };
    "/api/users/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event of the user, oldest first, with who made it and what it changed (who may see the user, and the auditors and administrators of every environment the user held a role in) */
        get: operations["UserHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a user a one-time password (another user's: the administrators of every environment they hold a role in, an owner: an owner too). Every session of the user ends; a login with it may only change it
         * @description A retry with the same Idempotency-Key answers without `oneTimePassword`: it is never stored. Reset again instead.
         */
        post: operations["ResetUserPasswordController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a user's role grants (administrators of each environment whose grants change; the owner role: owners). Withdrawing a grant ends the sessions the user has open */
        put: operations["ChangeUserRolesController_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, with their e-mail address and the notification settings in effect */
        get: operations["MyProfileController_get"];
        /** Change the caller's own e-mail address and which notifications also go by email (anyone logged in, auditors too) */
        put: operations["MyProfileController_change"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the event store answers and projections run (positions: GET /api/projections); background jobs that keep failing are named in `degraded` without making the API unready, and a broken audit chain (an altered stored event) in `auditChain` */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddEntitiesBody: {
            /**
             * @example [
             *       "customers",
             *       "orders"
             *     ]
             */
            tables: string[];
        };
        AffectedApiKey: {
            /** @example warehouse */
            appName: string;
            /** Format: uuid */
            keyId: string;
            /** @example prod */
            label: string;
        };
        ApiKey: {
            /** @example Warehouse app */
            appName: string;
            /** Format: date-time */
            createdAt: string;
            /** @description User id of who created it */
            createdBy: string;
            /** @example development */
            environment: string;
            /**
             * @description The last 4 characters of the key
             * @example x7Qa
             */
            hint: string;
            /** Format: uuid */
            id: string;
            /**
             * @description Empty when none was given
             * @example CI pipeline
             */
            label: string;
            /**
             * Format: date-time
             * @description Revoked only
             */
            revokedAt?: string;
            /** @description User id of who revoked it (revoked only) */
            revokedBy?: string;
            /** @description What of the data API the key reaches; absent: every integration and entity, reads and writes */
            scope?: components["schemas"]["ApiKeyScope"];
            /** @enum {string} */
            status: "active" | "revoked";
            /** @description Its data API calls: the last one and per day */
            usage: components["schemas"]["ApiKeyUsage"];
        };
        ApiKeyDailyCalls: {
            calls: number;
            /**
             * Format: date
             * @example 2025-03-04
             */
            day: string;
        };
        ApiKeyEntityScope: {
            /**
             * @description The entity name, as the data API routes name it
             * @example Customers
             */
            entity: string;
            /**
             * Format: uuid
             * @description The entity's integration (one of the scope's integrations)
             */
            integrationId: string;
        };
        ApiKeyScope: {
            /** @description Within an integration named here, only these entities (its others stay closed); an integration not named here opens all its entities. Each must be of one of `integrations` */
            entities?: components["schemas"]["ApiKeyEntityScope"][];
            /** @description The key opens only these integrations (leave out for every integration) */
            integrations?: string[];
            /** @description Only reads (list, get): a create, update or delete is refused with 403 API_KEY.READ_ONLY */
            readOnly?: boolean;
        };
        ApiKeyUsage: {
            /** @description Its data API calls per day (UTC) over the last 30 days, newest first; days without calls left out */
            callsPerDay: components["schemas"]["ApiKeyDailyCalls"][];
            /**
             * Format: date-time
             * @description Its last data API call; absent if never used
             */
            lastUsedAt?: string;
        };
        Approval: {
            /** @example development */
            environment: string;
            /**
             * Format: uuid
             * @description The id of what waits (the connection or change request)
             */
            id: string;
            /**
             * @description What waits: a connection request, or a four-eyes change request someone else asked for
             * @enum {string}
             */
            kind: "connection-request" | "change-request";
            /**
             * @description Its path in the console
             * @example /connection-requests/show/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10
             */
            link: string;
            /** Format: date-time */
            requestedAt: string;
            requestedBy: components["schemas"]["ApprovalRequester"];
            /**
             * @description Its name (the connection asked for), or the summary of the change
             * @example Orders DB (dev)
             */
            title: string;
        };
        ApprovalRequester: {
            /** Format: uuid */
            id: string;
            /** @example dana */
            username: string;
        };
        Approvals: {
            /** @description Newest first */
            items: components["schemas"]["Approval"][];
        };
        AuditActor: {
            /** @description The actor id the event records: a user id, or `system` */
            id: string;
            /** @description The user's username; an actor that is no user (`system`) keeps its id */
            username: string;
        };
        AuditChainAlarm: {
            /**
             * @description What was done to it (details: GET /api/audit/verify)
             * @example edited
             */
            kind: string;
            /**
             * @description Log position of the first altered event
             * @example 42
             */
            position: number;
            /** @enum {string} */
            state: "broken";
        };
        AuditEvent: {
            actor: components["schemas"]["AuditActor"];
            /** @description The request (or event) that caused this event */
            causationId: string;
            /** @description Shared by every event of one request (X-Correlation-Id) */
            correlationId: string;
            /** @description The event data as recorded (secrets are never recorded, only references to them) */
            data: {
                [key: string]: unknown;
            };
            /** @description The environment the event was recorded in; null for user events (a user spans environments) */
            environment: string | null;
            /** Format: uuid */
            eventId: string;
            /** @description Global position: the order of the log */
            position: number;
            /** Format: date-time */
            recordedAt: string;
            /** @example integration-0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10 */
            streamId: string;
            streamVersion: number;
            /**
             * @description The event type, a past-tense fact
             * @example IntegrationCreated
             */
            type: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Send as `after` (with the same filters and order) for the next page; null on the last page */
            next: string | null;
        };
        BindConnectionBody: {
            /** Format: uuid */
            connectionId: string;
            /** @description Deploy although the database does not match the version (PROMOTION.SCHEMA_MISMATCH); never overrides a failed connection test. Requires a reason, recorded in the event with the differences */
            force?: boolean;
            /**
             * @description Why the mismatch is accepted: required with force
             * @example The column is added back by tonight’s release
             */
            reason?: string;
        };
        BreakingUpdateAffecting: {
            /**
             * @description What the deployed version was built against; absent when it recorded none
             * @example 1.4.0
             */
            builtOn?: string;
            /** @example integration-manager */
            dependency: string;
            /**
             * @description Where it is installed
             * @example [
             *       "development"
             *     ]
             */
            installedIn: string[];
            /**
             * @description The newest breaking version installed anywhere
             * @example 2.0.0
             */
            version: string;
        };
        ChainCheckpoints: {
            /**
             * @description Checkpoints met
             * @example 12
             */
            checked: number;
            /**
             * @description Checkpoints whose signature holds
             * @example 12
             */
            signed: number;
        };
        ChainMismatch: {
            /** @enum {string} */
            kind: "edited" | "deleted" | "inserted" | "reordered" | "unhashed" | "rewritten" | "truncated" | "forged-checkpoint";
            /**
             * @description Log position of the first event (or checkpoint) that does not hold
             * @example 42
             */
            position: number;
            /** @description What was done to the stored events there */
            reason: string;
        };
        ChainVerification: {
            /**
             * @description Events whose hash was recomputed
             * @example 1200
             */
            checked: number;
            /** @description Checkpoints met, and how many carried a signature that holds */
            checkpoints: components["schemas"]["ChainCheckpoints"];
            firstMismatch: components["schemas"]["ChainMismatch"] | null;
            /**
             * @description Position of the last event verified
             * @example 1200
             */
            head: number;
            /** @description Whether AUDIT_KEY is set: without it checkpoints prove nothing about a full rewrite */
            keyConfigured: boolean;
            /** @description Every event and checkpoint holds */
            ok: boolean;
            /**
             * @description How long the verification took
             * @example 35
             */
            tookMs?: number;
        };
        ChangeConnectionBody: {
            /** @description The whole new details, options included (what is left out is removed); absent: unchanged. Only what the connection's provider reads: a file path for SQLite, a server for the others */
            details?: components["schemas"]["ConnectionDetailsBody"];
            /**
             * @description Absent: unchanged
             * @example Orders DB (dev)
             */
            name?: string;
        };
        ChangeDetailsBody: {
            /** @example Orders */
            applicationName: string;
            description: string;
            /** @description Icon as a data URL or a short name; absent removes it */
            icon?: string;
            /** @example Orders_IS */
            moduleName: string;
        };
        ChangeMyProfileBody: {
            /**
             * Format: email
             * @description The new address (its domain is stored lower-case); null: none; absent: unchanged
             * @example dana@example.com
             */
            email?: string | null;
            /** @description Absent: unchanged */
            notifications?: components["schemas"]["NotificationSettingsBody"];
        };
        ChangePasswordBody: {
            /** @description The password the caller logged in with (a one-time one, or their own) */
            currentPassword: string;
            /** @description Hashed with scrypt; never stored or returned in clear */
            newPassword: string;
        };
        ChangeRequest: {
            /** @description The change as the call asked for it (`kind`, the ids it names, the body it sent); never a password */
            change: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the approved change was applied or refused
             */
            completedAt?: string;
            /**
             * Format: date-time
             * @description Absent while pending
             */
            decidedAt?: string;
            /** @description Who approved, rejected or cancelled it (absent while pending) */
            decidedBy?: string;
            /**
             * @description The environment whose policy asked for four eyes
             * @example production
             */
            environment: string;
            /** @description Why the approved change was refused when it ran (failed only) */
            failureCode?: string;
            /** @description The refusal, in words (failed only) */
            failureMessage?: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "promote" | "bind" | "unbind" | "create-connection" | "edit-connection" | "rotate-password" | "delete-connection" | "environment-policy";
            /** @description Why it was rejected (rejected requests only) */
            reason?: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: uuid
             * @description User id of the requester
             */
            requestedBy: string;
            /** @enum {string} */
            status: "pending" | "approved" | "applied" | "failed" | "rejected" | "cancelled";
            /** @example Promote version 2 of Orders to production */
            summary: string;
            /** @description The version of the request (its ETag) */
            version: number;
        };
        ChangeUserBody: {
            /** @description true: the user can no longer log in and every token they hold is refused at once; false: they may log in again */
            disabled?: boolean;
            /**
             * Format: email
             * @description The new address (its domain is stored lower-case); null: none; absent: unchanged
             * @example dana@example.com
             */
            email?: string | null;
            /** @description The installation role; absent: unchanged (owners only) */
            owner?: boolean;
            /** @description Every grant the user holds afterwards (as PUT /api/users/{id}/roles); absent: unchanged */
            roles?: components["schemas"]["RoleGrantBody"][];
        };
        ChangeUserRolesBody: {
            /** @description The installation role; absent: unchanged (owners only) */
            owner?: boolean;
            /** @description Every grant the user holds afterwards */
            roles: components["schemas"]["RoleGrantBody"][];
        };
        ChooseNullPolicyBody: {
            /**
             * @example preserve
             * @enum {string}
             */
            nullPolicy: "overwrite" | "preserve";
        };
        Column: {
            autoIncrement: boolean;
            defaultIsExpression?: boolean;
            /**
             * @description A literal as text, or an expression (defaultIsExpression)
             * @example 0.00
             */
            defaultValue?: string;
            /** @description The values of an ENUM or SET column */
            enumValues?: string[];
            /** @description The database computes it: it can be read, never written */
            generated?: boolean;
            /**
             * @description The attribute type an app would see
             * @enum {string}
             */
            kind: "Text" | "Integer" | "LongInteger" | "Decimal" | "Boolean" | "Date" | "Time" | "DateTime" | "BinaryData" | "Json" | "Enum" | "Set";
            length?: number;
            /** @example unit_price */
            name: string;
            /** @example DECIMAL(10,2) */
            nativeType: string;
            nullable: boolean;
            precision?: number;
            scale?: number;
            /** @description The connector cannot map its native type (an Oracle INTERVAL or object type: read as null; an OData complex type, collection or geography: read as JSON): listed, never written */
            unsupported?: boolean;
        };
        Connection: {
            /** Format: date-time */
            createdAt: string;
            /** @description Who created it (for a request: the approval that created it) */
            createdBy: string;
            /** @description Always false in answers: deleted connections are not found */
            deleted: boolean;
            details: components["schemas"]["ConnectionDetails"];
            /** @example development */
            environment: string;
            /** @description A password is stored for it (never returned) */
            hasSecret: boolean;
            /** Format: uuid */
            id: string;
            /** @example Orders DB (dev) */
            name: string;
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @description User id of the requester, when created from a request */
            requestedBy?: string;
            /**
             * Format: uuid
             * @description The connection request it was created from
             */
            requestId?: string;
            /** @description The version of the connection (its ETag): send it as If-Match to change it */
            version: number;
        };
        ConnectionBinding: {
            /** Format: date-time */
            boundAt?: string;
            /** @description User id of who bound it */
            boundBy?: string;
            /** Format: uuid */
            connectionId: string;
            /** @enum {string} */
            connectionProvider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
        };
        ConnectionDetails: {
            /** @example orders */
            database?: string;
            /** @example db.example.com */
            host?: string;
            /** @description Driver options (TLS, timeouts, pool size, SQL Server instance name...) */
            options?: {
                [key: string]: string | number | boolean;
            };
            /**
             * @description SQLite: file path relative to the databases folder
             * @example sample.sqlite
             */
            path?: string;
            /** @example 3306 */
            port?: number;
            /**
             * @description OData: the service root URL
             * @example https://services.example.com/odata/v4/shop/
             */
            url?: string;
            /** @example app */
            username?: string;
        };
        ConnectionDetailsBody: {
            database?: string;
            /**
             * @description A host name or IP address (IPv6 without brackets); no port, URL or instance in it
             * @example db.example.com
             */
            host?: string;
            options?: {
                [key: string]: unknown;
            };
            /**
             * @description SQLite: file path relative to the databases folder
             * @example sample.sqlite
             */
            path?: string;
            /** @example 3306 */
            port?: number;
            /**
             * @description OData: the service root URL (http or https, no credentials in it)
             * @example https://services.example.com/odata/v4/shop/
             */
            url?: string;
            username?: string;
        };
        ConnectionHealth: {
            /** Format: uuid */
            connectionId: string;
            /** @description Down: why (CONNECTOR.TIMEOUT when it did not answer within a few seconds) */
            error?: components["schemas"]["HealthProblem"];
            /** @description The integrations deployed in the environment that call through it */
            integrationIds: string[];
            /** @description Up: milliseconds from opening a connection to the answer of the connection test */
            latencyMs?: number;
            /** @description Absent when the bound connection no longer exists */
            name?: string;
            /** @enum {string} */
            provider?: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @example 3.45.1 */
            serverVersion?: string;
            /**
             * @description up: the connection test answered in time
             * @enum {string}
             */
            status: "up" | "down";
        };
        ConnectionRequest: {
            /**
             * Format: uuid
             * @description The connection the approval created (approved requests only)
             */
            connectionId?: string;
            /**
             * Format: date-time
             * @description Absent while pending
             */
            decidedAt?: string;
            /** @description Who approved, rejected or cancelled it (absent while pending) */
            decidedBy?: string;
            details: components["schemas"]["ConnectionDetails"];
            /** @example development */
            environment: string;
            /** Format: uuid */
            id: string;
            /**
             * @description The name of the connection asked for
             * @example Orders DB (dev)
             */
            name: string;
            /** @description A word for the administrator */
            note?: string;
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @description Why it was rejected (rejected requests only) */
            reason?: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: uuid
             * @description User id of the requester
             */
            requestedBy: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "cancelled";
            /** @description The version of the request (its ETag): send it as If-Match to decide it */
            version: number;
        };
        ConnectionTestResult: {
            /**
             * @description Round trip of a trivial query, in milliseconds
             * @example 3.2
             */
            latencyMs: number;
            /**
             * @description Always true: a failed test answers an error
             * @enum {boolean}
             */
            ok: true;
            /** @example 11.4.2-MariaDB */
            serverVersion: string;
        };
        CreateApiKeyBody: {
            /** @example Warehouse app */
            appName: string;
            /** @example CI pipeline */
            label?: string;
            /** @description What of the data API the key reaches (leave out for all of it). Out-of-scope calls are refused with 403 API_KEY.OUT_OF_SCOPE, writes with a read-only key with 403 API_KEY.READ_ONLY */
            scope?: components["schemas"]["ApiKeyScope"];
        };
        CreateConnectionBody: {
            details: components["schemas"]["ConnectionDetailsBody"];
            /** @description Defaults to the environment you logged in to */
            environment?: string;
            /** @example Orders DB (dev) */
            name: string;
            /** @description Stored encrypted; never returned */
            password?: string;
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
        };
        CreatedApiKey: {
            /** @example Warehouse app */
            appName: string;
            /** Format: date-time */
            createdAt: string;
            /** @example development */
            environment: string;
            /**
             * @description The last 4 characters of the key
             * @example x7Qa
             */
            hint: string;
            /** Format: uuid */
            id: string;
            /** @description The key, for the app to send as X-API-Key. Only in the first answer: a retry with the same Idempotency-Key answers the same key without it (it is never stored) */
            key?: string;
            /**
             * @description Empty when none was given
             * @example CI pipeline
             */
            label: string;
            /** @description What of the data API the key reaches; absent: every integration and entity, reads and writes */
            scope?: components["schemas"]["ApiKeyScope"];
            /** @enum {string} */
            status: "active";
        };
        CreateEnvironmentBody: {
            /** @example https://qa.example.com */
            address?: string;
            /** @description Create a development environment although one exists (integrations are built there) */
            anotherDevelopment?: boolean;
            /** @enum {string} */
            kind: "development" | "qa" | "production";
            /** @example qa */
            name: string;
        };
        CreateIntegrationBody: {
            /** @example Orders */
            applicationName: string;
            description?: string;
            /**
             * @description Defaults to the environment you logged in to
             * @example development
             */
            environment?: string;
            /** @description Icon as a data URL or a short name */
            icon?: string;
            /**
             * @description Service module name; defaults to <applicationName>_IS
             * @example Orders_IS
             */
            moduleName?: string;
            /**
             * @description What the data API does with NULLs (see Integration.nullPolicy); defaults to 'preserve'
             * @enum {string}
             */
            nullPolicy?: "overwrite" | "preserve";
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
        };
        CreateUserBody: {
            displayName?: string;
            /**
             * Format: email
             * @description Where notifications go by mail (its domain is stored lower-case); absent: none
             * @example dana@example.com
             */
            email?: string;
            /** @description The installation role (creates environments); granted by owners only */
            owner?: boolean;
            /** @description Hashed with scrypt; never stored or returned in clear */
            password: string;
            roles: components["schemas"]["RoleGrantBody"][];
            /** @example dana */
            username: string;
        };
        CurrentUser: {
            /**
             * @description The environment the caller logged in to
             * @example development
             */
            environment: string;
            /** Format: uuid */
            id: string;
            /** @description The installation role (creates environments, runs operations) */
            owner: boolean;
            roles: components["schemas"]["RoleGrant"][];
            /** @example dana */
            username: string;
        };
        DatabaseList: {
            items: components["schemas"]["DatabaseName"][];
        };
        DatabaseName: {
            /** @example orders */
            name: string;
        };
        /** @description A row: the entity's attributes by name, as the published version's own OpenAPI document describes them (in its package) */
        DataRow: {
            [key: string]: unknown;
        };
        DataRowList: {
            /** @description The number of matching rows; present when `count=true` */
            count?: number;
            /** @description Every attribute of each row, or only those `fields` names */
            items: components["schemas"]["DataRow"][];
            limit: number;
            offset: number;
        };
        DependencyUpdate: {
            /** @description Declared so, or a new major version */
            breaking: boolean;
            /**
             * @description Absent on an update installed everywhere (before updates were per environment)
             * @example development
             */
            environment?: string;
            /** @example 1.0.0 */
            fromVersion: string;
            /** Format: date-time */
            installedAt: string;
            /** @description User id of who installed it */
            installedBy: string;
            /** @description What changed; empty when none were given */
            notes: string;
            /** @example 2.0.0 */
            version: string;
        };
        DeployedIntegration: {
            /** @description null while none is bound: the integration's own connection serves its development environment; elsewhere the data API answers 409 until an administrator binds one */
            binding: components["schemas"]["ConnectionBinding"] | null;
            /** Format: date-time */
            deployedAt: string;
            /** @description User id of who deployed it */
            deployedBy: string;
            /** @example qa */
            environment: string;
            /** @enum {string} */
            environmentKind: "development" | "qa" | "production";
            /** Format: uuid */
            integrationId: string;
            /** @example 1 */
            version: number;
        };
        DeployedVersion: {
            /** @example qa */
            environment: string;
            /** @enum {string} */
            environmentKind: "development" | "qa" | "production";
            /** @example 1 */
            version: number;
        };
        Deployment: {
            /**
             * Format: uuid
             * @description The connection bound there; absent until an administrator binds one
             */
            connectionId?: string;
            /** @example qa */
            environment: string;
            /** Format: uuid */
            integrationId: string;
            /** @description The version of the integration's deployments stream after the change */
            streamVersion: number;
            /**
             * @description The version deployed there
             * @example 1
             */
            version: number;
        };
        DeployVersionBody: {
            /** @example qa */
            environment: string;
            /** @description Deploy although the database does not match the version (PROMOTION.SCHEMA_MISMATCH); never overrides a failed connection test. Requires a reason, recorded in the event with the differences */
            force?: boolean;
            /**
             * @description Why the mismatch is accepted: required with force
             * @example The column is added back by tonight’s release
             */
            reason?: string;
            /** @example 1 */
            version: number;
        };
        EntityAttribute: {
            autoIncrement: boolean;
            /**
             * @description A literal or an expression, as text
             * @example CURRENT_TIMESTAMP
             */
            defaultValue?: string;
            /**
             * @description The database computes it: apps read it, never write it. Absent when not
             * @enum {boolean}
             */
            generated?: true;
            length?: number;
            /** @example unit_price */
            name: string;
            /**
             * @description The column type as the database names it
             * @example DECIMAL(10,2)
             */
            nativeType: string;
            nullable: boolean;
            precision?: number;
            primaryKey: boolean;
            scale?: number;
            /**
             * @description What an app sees; it never changes once added
             * @enum {string}
             */
            type: "Text" | "Integer" | "LongInteger" | "Decimal" | "Boolean" | "Date" | "Time" | "DateTime" | "BinaryData" | "Json" | "Enum" | "Set";
            /**
             * @description The connector cannot map its native type: it is listed and read as the connector can (null or JSON), never written. Absent when not
             * @enum {boolean}
             */
            unsupported?: true;
        };
        Environment: {
            /** @example https://qa.example.com */
            address?: string;
            /** Format: date-time */
            createdAt: string;
            /** @description User id of its creator (`system` for the first development environment) */
            createdBy: string;
            /** @description Whether changes there (promotions, bindings, connections) need a second administrator: on by default in production (PUT /api/environments/{env}/policy) */
            fourEyes: boolean;
            /** @enum {string} */
            kind: "development" | "qa" | "production";
            /** @example qa */
            name: string;
        };
        EnvironmentDependencies: {
            /** @description Breaking updates installed in any environment that the version served here was built before: a republish is required where one is installed; elsewhere the version still serves but needs attention */
            breakingUpdates: components["schemas"]["BreakingUpdateAffecting"][];
            builtAgainst: components["schemas"]["RuntimeDependency"][];
            /** @example qa */
            environment: string;
            /** @enum {string} */
            environmentKind: "development" | "qa" | "production";
            /** @description A republish is required here, or the version served here was built before a breaking update installed in another environment */
            needsAttention: boolean;
            republishRequired: boolean;
            /** @description This environment's own requirements and those of updates installed everywhere */
            republishRequirements: components["schemas"]["RepublishRequirement"][];
            /**
             * @description The version deployed there
             * @example 1
             */
            version: number;
        };
        EnvironmentDeployment: {
            /** @description null while none is bound: the integration's own connection serves its development environment; elsewhere the data API answers 409 until an administrator binds one */
            binding: components["schemas"]["ConnectionBinding"] | null;
            /** Format: date-time */
            deployedAt: string;
            /** @description User id of who deployed it */
            deployedBy: string;
            /** @example qa */
            environment: string;
            /** @enum {string} */
            environmentKind: "development" | "qa" | "production";
            /** @example 1 */
            version: number;
        };
        EnvironmentDrift: {
            /** @example qa */
            environment: string;
            items: components["schemas"]["SchemaDrift"][];
            lastCheck: components["schemas"]["EnvironmentDriftCheckSummary"] | null;
        };
        EnvironmentDriftCheck: {
            /** Format: date-time */
            checkedAt: string;
            /** @example qa */
            environment: string;
            /** @description Each integration deployed there with a connection that serves it */
            integrations: components["schemas"]["IntegrationDriftResult"][];
        };
        EnvironmentDriftCheckSummary: {
            /** @description Integrations with breaking drift */
            breaking: number;
            /** Format: date-time */
            checkedAt: string;
            /** @example qa */
            environment: string;
            integrations: number;
            /** @description Integrations with non-breaking drift only */
            nonBreaking: number;
            /** @description Integrations whose database did not answer */
            unreachable: number;
        };
        EnvironmentHealth: {
            /**
             * Format: date-time
             * @description When the connections were tested
             */
            checkedAt: string;
            /** @description Each connection bound there, by id */
            connections: components["schemas"]["ConnectionHealth"][];
            /** @example qa */
            environment: string;
            /**
             * Format: date-time
             * @description When the schema drift of the environment was last checked (POST .../drift-checks or the scheduled check); null: never
             */
            lastDriftCheck: string | null;
            /**
             * @description ok: every bound connection answers (or none is bound); degraded: some do not; down: none does
             * @enum {string}
             */
            status: "ok" | "degraded" | "down";
        };
        EnvironmentPolicyBody: {
            /** @description Whether changes there need a second administrator */
            fourEyes: boolean;
        };
        FieldError: {
            /** @example applicationName */
            field: string;
            /** @example is required */
            message: string;
        };
        ForeignKey: {
            /**
             * @example [
             *       "order_id"
             *     ]
             */
            columns: string[];
            /** @example fk_order_items_order */
            name?: string;
            /**
             * @example [
             *       "id"
             *     ]
             */
            referencedColumns: string[];
            /** @example orders */
            referencedTable: string;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        HealthProblem: {
            /** @example CONNECTOR.DATABASE_NOT_FOUND */
            code: string;
            /** @description What went wrong, fit to show (never a password) */
            message: string;
        };
        HistoryActor: {
            /** @description The user id (or `system`, or the id of an actor that is no user) */
            id: string;
            /** @description The username (the id itself for an actor that is no user) */
            username: string;
        };
        HistoryEntry: {
            actor: components["schemas"]["HistoryActor"];
            /** @description What the event changed in the object's state (its creation: every field) */
            changes: components["schemas"]["StateChange"][];
            /** Format: date-time */
            recordedAt: string;
            /**
             * @description The stored event type
             * @example IntegrationDetailsChanged
             */
            type: string;
            /** @description The object's version after the event (its ETag then; `?version=` answers that state). Events of other streams that the object's view reads (an integration's publications) keep the version */
            version: number;
        };
        Index: {
            /**
             * @example [
             *       "product_id"
             *     ]
             */
            columns: string[];
            /** @example ix_order_items_product */
            name: string;
            unique: boolean;
        };
        InstallDependencyUpdateBody: {
            /** @description Breaking although not a new major version */
            breaking?: boolean;
            /**
             * @description The environment to install it in (you need the admin role there); yours by default
             * @example development
             */
            environment?: string;
            /** @description What changed (at most 2000 characters) */
            notes?: string;
            /**
             * @description The new version, x.y.z, newer than the installed one
             * @example 2.0.0
             */
            version: string;
        };
        InstalledDependencies: {
            /**
             * @description The environment listed
             * @example development
             */
            environment: string;
            /** @description Every runtime dependency, by name */
            items: components["schemas"]["InstalledDependency"][];
            total: number;
        };
        InstalledDependency: {
            /**
             * Format: date-time
             * @description Updated only
             */
            installedAt?: string;
            /** @description User id of who installed the version (updated only) */
            installedBy?: string;
            /** @example integration-manager */
            name: string;
            /**
             * @description The version shipped with the product
             * @example 1.0.0
             */
            shippedVersion: string;
            /** @description Whether an update reached the environment */
            updated: boolean;
            /** @description The updates that reached it, oldest first */
            updates: components["schemas"]["DependencyUpdate"][];
            /**
             * @description The version installed in the environment
             * @example 1.0.0
             */
            version: string;
        };
        InstalledUpdate: {
            /** @description Declared so, or a new major version */
            breaking: boolean;
            /**
             * @description Where it was installed
             * @example development
             */
            environment: string;
            /** @example 1.0.0 */
            fromVersion: string;
            /** Format: date-time */
            installedAt: string;
            /** @example integration-manager */
            name: string;
            /** @description What changed; empty when none were given */
            notes: string;
            /** @example 2.0.0 */
            version: string;
        };
        Integration: {
            /** @example Orders */
            applicationName: string;
            /** Format: uuid */
            connectionId?: string;
            /** Format: date-time */
            createdAt: string;
            /** @description User id of its creator */
            createdBy: string;
            /** @example main */
            database?: string;
            /** @description Empty when none was given */
            description: string;
            entities: components["schemas"]["IntegrationEntity"][];
            /** @example development */
            environment: string;
            /** @description A data URL or a short name */
            icon?: string;
            /** Format: uuid */
            id: string;
            /** @example Orders_IS */
            moduleName: string;
            /**
             * @description What the data API of a version published from this draft does with NULLs. `overwrite`: values are read and written as they are. `preserve` (the default): a NULL is read as its type default (''/0/false/epoch) and that default written to a nullable attribute is stored as NULL again. A deployed version keeps the policy its manifest records.
             * @enum {string}
             */
            nullPolicy: "overwrite" | "preserve";
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @description The integration version the latest published version was made from */
            publishedIntegrationVersion?: number;
            /** @description The latest published version */
            publishedVersion?: number;
            /** @description The SHA-256 of the service specification uploaded to build the integration without a connection (OData) */
            specificationId?: string;
            /**
             * @description `open`: converted to open, no longer edited or published by the builder
             * @enum {string}
             */
            status: "draft" | "open";
            /** @description The draft moved on since the latest published version (or was never published) */
            unpublishedChanges: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description The version of the integration (its ETag): send it as If-Match to change it */
            version: number;
        };
        IntegrationDependencies: {
            /** @description What the latest published version was built against (empty while none is) */
            builtAgainst: components["schemas"]["RuntimeDependency"][];
            /** @description Each environment it is deployed in */
            environments: components["schemas"]["EnvironmentDependencies"][];
            /** Format: uuid */
            integrationId: string;
            /** @description The latest published version; absent while none is */
            latestVersion?: number;
            /** @description In at least one environment it is deployed in (see its environments) */
            needsAttention: boolean;
            /** @description In at least one environment */
            republishRequired: boolean;
            /** @description Every requirement, of every environment */
            republishRequirements: components["schemas"]["RepublishRequirement"][];
        };
        IntegrationDrift: {
            /** Format: uuid */
            integrationId: string;
            /** @description One per environment checked, by environment */
            items: components["schemas"]["SchemaDrift"][];
        };
        IntegrationDriftResult: {
            breaking: number;
            differences: components["schemas"]["SchemaDifference"][];
            /** @description Unreachable: why */
            error?: components["schemas"]["HealthProblem"];
            /** Format: uuid */
            integrationId: string;
            nonBreaking: number;
            /**
             * @description ok: in sync; drift: differences found; unreachable: the database did not answer
             * @enum {string}
             */
            status: "ok" | "drift" | "unreachable";
            /** @description The version deployed in the environment */
            version: number;
        };
        IntegrationEntity: {
            attributes: components["schemas"]["EntityAttribute"][];
            /** @enum {string} */
            kind: "table" | "view";
            /** @example order_items */
            name: string;
            /** @description Key columns, in key order (empty: no primary key) */
            primaryKey: string[];
            /**
             * @description The table or view in the database
             * @example order items
             */
            table: string;
        };
        IntegrationListItem: {
            /** @example Orders */
            applicationName: string;
            /** Format: uuid */
            connectionId?: string;
            /** Format: date-time */
            createdAt: string;
            /** @description User id of its creator */
            createdBy: string;
            /** @example main */
            database?: string;
            /** @description The version deployed in each environment, by environment (empty: deployed nowhere) */
            deployments: components["schemas"]["DeployedVersion"][];
            /** @description Empty when none was given */
            description: string;
            entities: components["schemas"]["IntegrationEntity"][];
            /** @example development */
            environment: string;
            /** @description A data URL or a short name */
            icon?: string;
            /** Format: uuid */
            id: string;
            /** @example Orders_IS */
            moduleName: string;
            /**
             * @description What the data API of a version published from this draft does with NULLs. `overwrite`: values are read and written as they are. `preserve` (the default): a NULL is read as its type default (''/0/false/epoch) and that default written to a nullable attribute is stored as NULL again. A deployed version keeps the policy its manifest records.
             * @enum {string}
             */
            nullPolicy: "overwrite" | "preserve";
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @description The integration version the latest published version was made from */
            publishedIntegrationVersion?: number;
            /** @description The latest published version */
            publishedVersion?: number;
            /** @description The SHA-256 of the service specification uploaded to build the integration without a connection (OData) */
            specificationId?: string;
            /**
             * @description `open`: converted to open, no longer edited or published by the builder
             * @enum {string}
             */
            status: "draft" | "open";
            /** @description The draft moved on since the latest published version (or was never published) */
            unpublishedChanges: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description The version of the integration (its ETag): send it as If-Match to change it */
            version: number;
        };
        IntegrationReview: {
            /** @description The selected connection (also once deleted: see problems); null when none is selected */
            connection: components["schemas"]["ReviewedConnection"] | null;
            integration: components["schemas"]["Integration"];
            /**
             * @description What still blocks publishing
             * @example [
             *       "Select a database"
             *     ]
             */
            problems: string[];
            /** @description Nothing blocks publishing: `problems` is empty */
            readyToPublish: boolean;
        };
        JobLease: {
            /**
             * Format: date-time
             * @description When the holder took the job
             */
            acquiredAt: string;
            /**
             * Format: date-time
             * @description Until when the lease holds without renewal; another instance may take the job over after it
             */
            expiresAt: string;
            /** @description Whether the instance that answered holds it */
            here: boolean;
            /**
             * @description INSTANCE_ID of the instance that runs it
             * @example api-a
             */
            holder: string;
            /**
             * @example projections
             * @enum {string}
             */
            job: "projections" | "process-managers" | "drift-checks";
            /** @description Fencing token: moves on whenever another instance takes the job over */
            token: number;
        };
        LoginBody: {
            /** @example development */
            environment: string;
            password: string;
            /** @example admin */
            username: string;
        };
        LoginResult: {
            /** @description Send it as `Authorization: Bearer <token>` */
            accessToken: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description true: the password was a one-time one an administrator set; the token may only change it (POST /api/auth/password), every other call answers 403 AUTH.PASSWORD_CHANGE_REQUIRED */
            passwordChangeRequired: boolean;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["LoginUser"];
        };
        LoginUser: {
            /** @example Dana Scully */
            displayName?: string;
            /** Format: uuid */
            id: string;
            /** @description The installation role (creates environments, runs operations) */
            owner: boolean;
            roles: components["schemas"]["RoleGrant"][];
            /** @example dana */
            username: string;
        };
        MyProfile: {
            /** Format: date-time */
            createdAt: string;
            /** @description User id of its creator (`system` for the bootstrap administrator) */
            createdBy: string;
            /** @description A disabled user cannot log in, and every token they held is refused */
            disabled: boolean;
            /** @example Dana Scully */
            displayName?: string;
            /**
             * Format: email
             * @description Where notifications go by mail; absent: the user has no address
             * @example dana@example.com
             */
            email?: string;
            /** Format: uuid */
            id: string;
            /** @description An administrator set a one-time password the user has not changed yet: a login with it may only change it */
            mustChangePassword: boolean;
            /** @description In effect: the kinds the user chose, or every kind when they never chose */
            notifications: components["schemas"]["NotificationSettings"];
            /** @description The installation role (creates environments, runs operations) */
            owner: boolean;
            roles: components["schemas"]["RoleGrant"][];
            /** Format: date-time */
            updatedAt: string;
            /** @example dana */
            username: string;
            /** @description The version of the user: send it as If-Match to change their roles */
            version: number;
        };
        Notification: {
            /** @description Plain text; lines separated by \n */
            body: string;
            /**
             * Format: date-time
             * @description When what it tells of happened
             */
            createdAt: string;
            /** @description The environment it is about */
            environment?: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "connection-requested" | "request-approved" | "request-rejected" | "request-cancelled" | "publication-failed" | "republish-required" | "schema-drift" | "change-requested" | "change-decided" | "change-rejected";
            /**
             * @description The path of what it is about in the console
             * @example /connection-requests/show/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10
             */
            link: string;
            /**
             * Format: date-time
             * @description When the recipient read it; absent while unread
             */
            readAt?: string;
            /** @example Connection requested: Orders DB (dev) */
            title: string;
        };
        NotificationPage: {
            /** @description Newest first */
            items: components["schemas"]["Notification"][];
            /** @description Send as `after` for the next (older) page; null on the last page */
            next: string | null;
            /** @description How many of all of them are unread */
            unread: number;
        };
        NotificationSettings: {
            /** @description The kinds that also go by email (in-app notifications are always on) */
            email: ("connection-requested" | "request-approved" | "request-rejected" | "request-cancelled" | "publication-failed" | "republish-required" | "schema-drift" | "change-requested" | "change-decided" | "change-rejected")[];
        };
        NotificationSettingsBody: {
            /** @description Every kind that goes by email from now on; the others stay in-app only */
            email: ("connection-requested" | "request-approved" | "request-rejected" | "request-cancelled" | "publication-failed" | "republish-required" | "schema-drift" | "change-requested" | "change-decided" | "change-rejected")[];
        };
        PasswordReset: {
            /**
             * @description Shown this once and stored nowhere but as a hash: hand it to the user, who logs in with it and must change it (POST /api/auth/password) before anything else
             * @example K7QMZ-4RXPA-T9WHC-3NDEV
             */
            oneTimePassword: string;
        };
        PendingChange: {
            /**
             * Format: uuid
             * @description GET /api/change-requests/{id}; another administrator approves it
             */
            changeRequestId: string;
            /** @enum {string} */
            status: "pending";
        };
        ProblemDetails: {
            /**
             * @description Stable, machine-readable code
             * @example REQUEST.INVALID
             */
            code: string;
            /** @example The request has invalid fields */
            detail: string;
            /** @description One entry per invalid field */
            errors?: components["schemas"]["FieldError"][];
            /**
             * @description The path that was asked for
             * @example /api/integrations
             */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Invalid request */
            title: string;
            /**
             * @description A URI reference naming the kind of problem
             * @example /problems/request-invalid
             */
            type: string;
        };
        ProcessError: {
            /** Format: date-time */
            at: string;
            /** @example Connection error: connect ECONNREFUSED 127.0.0.1:9092 */
            message: string;
        };
        ProcessManagerStatus: {
            /** @description Why its last batch failed, while it is retrying */
            failed?: string;
            /** @description Global position of the last stored event */
            head: number;
            /**
             * @description INSTANCE_ID of the instance that runs it (holds the process-managers lease)
             * @example api-a
             */
            holder?: string;
            /** @description head - position */
            lag: number;
            /** @description Its most recent failure on the instance that answered, kept after it recovered */
            lastError?: components["schemas"]["ProcessError"];
            /** @example publication */
            name: string;
            /** @description Global position of its checkpoint: every event up to it was handed over */
            position: number;
            /**
             * @description On the instance that answered: running; retrying (its last batch failed and is handed over again after a pause that grows up to 15 s while failures go on); stopped (it runs on the lease holder, or the process is stopping)
             * @enum {string}
             */
            state: "running" | "retrying" | "stopped";
        };
        ProjectionRebuild: {
            /** @example integrations */
            name: string;
            /** @enum {string} */
            status: "rebuilding";
        };
        ProjectionStatus: {
            /** @description Why it stopped: it stays behind until rebuilt or restarted */
            failed?: string;
            /** @description Global position of the last stored event */
            head: number;
            /** @description head - position */
            lag: number;
            /** @example integrations */
            name: string;
            /** @description Global position of its checkpoint */
            position: number;
            rebuilding: boolean;
        };
        Provider: {
            available: boolean;
            fields: components["schemas"]["ProviderField"][];
            /** @enum {string} */
            id: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            /** @example MySQL / MariaDB */
            name: string;
            /** @description An integration of it may be built from the service’s uploaded specification (`PUT /api/integrations/{id}/specification`) before a connection exists */
            specification: boolean;
        };
        ProviderField: {
            /**
             * @description The values a `choice` field takes, the first being the default
             * @example [
             *       "basic",
             *       "oauth2",
             *       "apiKey",
             *       "none"
             *     ]
             */
            choices?: string[];
            /** @example Host */
            label: string;
            /**
             * @description The key of `details` it fills
             * @example host
             */
            name: string;
            required: boolean;
            /** @enum {string} */
            type: "string" | "number" | "password" | "boolean" | "choice";
        };
        Publication: {
            /** @description What the version was built against, once checked */
            dependencies?: components["schemas"]["RuntimeDependency"][];
            /** @example development */
            environment: string;
            /**
             * @description The step that failed (failed only)
             * @enum {string}
             */
            failedStep?: "validateSchema" | "generatePackage" | "checkDependencies" | "publish";
            /**
             * Format: date-time
             * @description When it was published or failed
             */
            finishedAt?: string;
            /**
             * @description The package generator that made it
             * @example 1.1.0
             */
            generatorVersion?: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            integrationId: string;
            /** @description The integration stream version that was published */
            integrationVersion: number;
            /**
             * @description The generated package, once generated (a failed publication keeps it)
             * @example sha256:0000000000000000000000000000000000000000000000000000000000000000
             */
            packageHash?: string;
            /** @description Why it failed (failed only) */
            reason?: string;
            /** Format: date-time */
            requestedAt: string;
            /** @description User id of who asked for it */
            requestedBy: string;
            /** @enum {string} */
            status: "running" | "published" | "failed";
            /** @description Always the four steps, in their order */
            steps: components["schemas"]["PublicationStep"][];
            /**
             * @description The version number this publication gives (or would have given)
             * @example 1
             */
            version: number;
        };
        PublicationDetails: {
            /** @description What the version was built against, once checked */
            dependencies?: components["schemas"]["RuntimeDependency"][];
            /** @example development */
            environment: string;
            /**
             * Format: date-time
             * @description Failed only
             */
            failedAt?: string;
            /**
             * @description The step that failed (failed only)
             * @enum {string}
             */
            failedStep?: "validateSchema" | "generatePackage" | "checkDependencies" | "publish";
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            integrationId: string;
            /**
             * @description The step performed now (running only)
             * @enum {string}
             */
            nextStep?: "validateSchema" | "generatePackage" | "checkDependencies" | "publish";
            /**
             * @description The generated package, once generated (a failed publication keeps it)
             * @example sha256:0000000000000000000000000000000000000000000000000000000000000000
             */
            packageHash?: string;
            /**
             * Format: date-time
             * @description Published only
             */
            publishedAt?: string;
            /** @description Why it failed (failed only) */
            reason?: string;
            /** Format: date-time */
            requestedAt: string;
            /** @description User id of who asked for it */
            requestedBy: string;
            /** @enum {string} */
            status: "running" | "published" | "failed";
            /** @description Each recorded event, oldest first */
            steps: components["schemas"]["PublicationStepRecord"][];
            /** @example 1 */
            version: number;
        };
        PublicationStep: {
            /**
             * Format: date-time
             * @description When it was done or failed
             */
            at?: string;
            /** @enum {string} */
            status: "pending" | "done" | "failed";
            /** @enum {string} */
            step: "validateSchema" | "generatePackage" | "checkDependencies" | "publish";
        };
        PublicationStepRecord: {
            /** @description User id of who asked for it, or the process that performed it */
            actorId: string;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            event: "IntegrationPublishRequested" | "SchemaValidated" | "PackageGenerated" | "DependenciesChecked" | "IntegrationPublished" | "IntegrationPublishFailed";
            /** @enum {string} */
            status: "done" | "failed";
            /**
             * @description The step the event records (`requested` for the request; the failed step for a failure)
             * @enum {string}
             */
            step: "requested" | "validateSchema" | "generatePackage" | "checkDependencies" | "publish";
        };
        PublishedVersion: {
            dependencies: components["schemas"]["RuntimeDependency"][];
            /**
             * @description The generated package
             * @example sha256:0000000000000000000000000000000000000000000000000000000000000000
             */
            packageHash: string;
            /**
             * @description Where to download the package (application/x-tar)
             * @example /api/integrations/0190a000-0000-7000-8000-000000000001/versions/1/package
             */
            packageUrl: string;
            /** Format: uuid */
            publicationId: string;
            /** Format: date-time */
            publishedAt: string;
            /** @example 1 */
            version: number;
        };
        PublishOutcome: {
            /**
             * Format: uuid
             * @description Follow /api/publications/{publicationId} (the Location)
             */
            publicationId: string;
            /**
             * @description `running`: a publication started (by this request or a running one of the same draft); `published`: the draft has not changed since that version was published
             * @enum {string}
             */
            status: "running" | "published";
            /**
             * @description The version it gives
             * @example 1
             */
            version: number;
        };
        Readiness: {
            /** @description Present when this instance found the audit chain broken: a stored event was altered */
            auditChain?: components["schemas"]["AuditChainAlarm"];
            /**
             * @description Background jobs of this instance that keep failing and are retried (e.g. `event-feed` while the Kafka broker is away): the API serves, what they do is late. Details: GET /api/projections
             * @example [
             *       "event-feed"
             *     ]
             */
            degraded?: string[];
            /** @enum {string} */
            status: "ready" | "unavailable";
        };
        RejectBody: {
            /** @example Use the shared reporting replica instead */
            reason: string;
        };
        RejectChangeBody: {
            /** @example Not before the release notes are out */
            reason: string;
        };
        RenameEntityBody: {
            /** @example Records */
            name: string;
        };
        Replay: {
            /** @description Whether every view is equal to its replay */
            equal: boolean;
            /** @description The read model’s position when the replay took its rows: the highest view position */
            position: number;
            /** Format: date-time */
            startedAt: string;
            tookMs: number;
            views: components["schemas"]["ReplayedView"][];
        };
        ReplayDifference: {
            /**
             * @description The primary key of the row (its document id)
             * @example a1b2c3
             */
            key: string;
            /** @description The live row as the view serves it; null when the live view has no row of this key */
            live: {
                [key: string]: unknown;
            } | null;
            /** @description The row the log gives; null when the replay has no row of this key */
            replayed: {
                [key: string]: unknown;
            } | null;
        };
        ReplayedView: {
            /** @description The first differing rows by primary key, at most 10 */
            differences: components["schemas"]["ReplayDifference"][];
            /** @description Whether every live row is the replayed one, and no row is missing */
            equal: boolean;
            liveRows: number;
            /** @description The position of the live rows compared (the view’s checkpoint), which the log was replayed up to */
            position: number;
            replayedRows: number;
            /**
             * @description The view (projection) name
             * @example integrations
             */
            view: string;
        };
        RepublishOutcome: {
            /** @description The integrations it republishes, in order */
            integrationIds: string[];
            /**
             * Format: uuid
             * @description Follow /api/republish-runs/{runId} (the Location)
             */
            runId: string;
            /** @enum {string} */
            status: "running";
        };
        RepublishRequirement: {
            /**
             * @description The dependency updated
             * @example integration-manager
             */
            dependency: string;
            /**
             * @description Where it was installed; absent for an update installed everywhere
             * @example qa
             */
            environment?: string;
            reason: string;
            /** Format: date-time */
            requiredAt: string;
            /**
             * @description The breaking version a deployment must be built against (with `environment`)
             * @example 2.0.0
             */
            version?: string;
        };
        RepublishRun: {
            failed: number;
            /**
             * Format: date-time
             * @description Finished only
             */
            finishedAt?: string;
            /** @description In the order they are republished */
            items: components["schemas"]["RepublishRunItem"][];
            published: number;
            /** Format: uuid */
            runId: string;
            skipped: number;
            /** Format: date-time */
            startedAt: string;
            /** @description User id of who started it */
            startedBy: string;
            /** @enum {string} */
            status: "running" | "finished";
            /** @description Integrations in the run */
            total: number;
        };
        RepublishRunItem: {
            /** Format: uuid */
            integrationId: string;
            /**
             * Format: uuid
             * @description Once its publication started
             */
            publicationId?: string;
            /** @description Why it failed or was skipped */
            reason?: string;
            /** @enum {string} */
            status: "pending" | "running" | "published" | "failed" | "skipped";
            /** @description The version its publication gives */
            version?: number;
        };
        RequestConnectionBody: {
            details: components["schemas"]["ConnectionDetailsBody"];
            /** @description Defaults to the environment you logged in to */
            environment?: string;
            /** @example Orders DB (dev) */
            name: string;
            /** @description A word for the administrator */
            note?: string;
            /** @description Stored encrypted; never returned */
            password?: string;
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
        };
        ReviewedConnection: {
            /** Format: uuid */
            id: string;
            /** @example Orders DB (dev) */
            name: string;
            /** @enum {string} */
            provider: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
        };
        RoleGrant: {
            /** @example development */
            environment: string;
            /** @enum {string} */
            role: "developer" | "admin" | "auditor";
        };
        RoleGrantBody: {
            /** @example development */
            environment: string;
            /** @enum {string} */
            role: "developer" | "admin" | "auditor";
        };
        RotateConnectionPasswordBody: {
            /** @description The new password; stored encrypted, never returned */
            password: string;
        };
        RuntimeDependency: {
            /** @example integration-manager */
            name: string;
            /**
             * @description x.y.z
             * @example 1.0.0
             */
            version: string;
        };
        SchemaDifference: {
            /**
             * @description What the database has now
             * @example varchar(20)
             */
            actual?: string;
            /** @description Breaking: calls of the data API fail or lose data (dropped table or column, narrowed or changed type, nullability tightened, key changed, a required column added); the others an app does not notice */
            breaking: boolean;
            /** @example email */
            column?: string;
            /**
             * @description The entity concerned; absent for a new table
             * @example Customer
             */
            entity?: string;
            /**
             * @description What the published version says
             * @example varchar(50)
             */
            expected?: string;
            /** @enum {string} */
            kind: "TABLE_DROPPED" | "TABLE_KIND_CHANGED" | "COLUMN_DROPPED" | "TYPE_CHANGED" | "TYPE_NARROWED" | "NULLABILITY_TIGHTENED" | "KEY_CHANGED" | "REQUIRED_COLUMN_ADDED" | "TABLE_ADDED" | "COLUMN_ADDED" | "TYPE_WIDENED" | "NULLABILITY_RELAXED";
            /** @example Column customers.email does not exist */
            message: string;
            /** @example customers */
            table: string;
        };
        SchemaDrift: {
            /** @description The environment's active API keys, which reach the integration (for its administrators) */
            apiKeys?: components["schemas"]["AffectedApiKey"][];
            breaking: number;
            /**
             * Format: date-time
             * @description When the current (or last) drift was found
             */
            detectedAt?: string;
            differences: components["schemas"]["SchemaDifference"][];
            /** @description The entities the differences concern */
            entities: string[];
            /** @example qa */
            environment: string;
            /** Format: uuid */
            integrationId: string;
            nonBreaking: number;
            /**
             * Format: date-time
             * @description When drift was last found resolved
             */
            resolvedAt?: string;
            /**
             * @description ok: the last check found the database as published
             * @enum {string}
             */
            status: "ok" | "drift";
            /** @description The deployed version the database was compared with */
            version: number;
        };
        SchemaMismatchDifference: {
            /** @description What the database has now */
            actual?: string;
            /** @description Whether it makes calls of the data API fail or lose data */
            breaking: boolean;
            /** @example phone */
            column?: string;
            /** @example Customer */
            entity?: string;
            /**
             * @description What the version published (a native type, a key)
             * @example TEXT
             */
            expected?: string;
            /** @enum {string} */
            kind: "TABLE_DROPPED" | "TABLE_KIND_CHANGED" | "COLUMN_DROPPED" | "TYPE_CHANGED" | "TYPE_NARROWED" | "NULLABILITY_TIGHTENED" | "KEY_CHANGED" | "REQUIRED_COLUMN_ADDED" | "TABLE_ADDED" | "COLUMN_ADDED" | "TYPE_WIDENED" | "NULLABILITY_RELAXED";
            /** @example Column customers.phone does not exist */
            message: string;
            /** @example customers */
            table: string;
        };
        SchemaMismatchProblem: {
            /**
             * @description Stable, machine-readable code
             * @example REQUEST.INVALID
             */
            code: string;
            /**
             * @description PROMOTION.CONNECTION_TEST_FAILED: the connector's code
             * @example CONNECTOR.UNREACHABLE
             */
            connectorCode?: string;
            /** @example The request has invalid fields */
            detail: string;
            /** @description PROMOTION.SCHEMA_MISMATCH: every difference, breaking or not */
            differences?: components["schemas"]["SchemaMismatchDifference"][];
            /** @description One entry per invalid field */
            errors?: components["schemas"]["FieldError"][];
            /**
             * @description The path that was asked for
             * @example /api/integrations
             */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Invalid request */
            title: string;
            /**
             * @description A URI reference naming the kind of problem
             * @example /problems/request-invalid
             */
            type: string;
        };
        SelectConnectionBody: {
            connectionId: string;
        };
        SelectDatabaseBody: {
            /** @example main */
            database: string;
        };
        StateChange: {
            /** @description The value after the event; absent when the event removed it */
            after?: (string | number | boolean | Record<string, never> | unknown[]) | null;
            /** @description The value before the event; absent when the event added it */
            before?: (string | number | boolean | Record<string, never> | unknown[]) | null;
            /**
             * @description JSON Pointer into the object as its GET answers it; an element of a list of things with a distinct `id`, `name` or `environment` is named by it instead of its index. Empty: the whole object
             * @example /entities/Album/attributes/Title/nullable
             */
            path: string;
        };
        StreamTicket: {
            /**
             * Format: date-time
             * @description When the ticket stops opening a stream
             */
            expiresAt: string;
            /** @description Opens one event stream: GET /api/stream?ticket=... within 30 s, once */
            ticket: string;
        };
        Table: {
            columns: components["schemas"]["Column"][];
            comment?: string;
            foreignKeys: components["schemas"]["ForeignKey"][];
            indexes: components["schemas"]["Index"][];
            /** @enum {string} */
            kind: "table" | "view";
            /** @example order_items */
            name: string;
            /** @description Key columns, in key order (empty: no primary key) */
            primaryKey: string[];
            /** @description The catalog's estimate, when it has one */
            rowEstimate?: number;
            /**
             * @description The database (or SQL Server schema) it belongs to
             * @example orders
             */
            schema: string;
        };
        TableList: {
            items: components["schemas"]["TableSummary"][];
        };
        TableSummary: {
            comment?: string;
            /** @enum {string} */
            kind: "table" | "view";
            /** @example order_items */
            name: string;
            /** @description The catalog's estimate, when it has one */
            rowEstimate?: number;
            /**
             * @description The database (or SQL Server schema) it belongs to
             * @example orders
             */
            schema: string;
        };
        UploadSpecificationBody: {
            /** @description The service’s `$metadata` document (EDMX, OData v2 or v4): as it is, or gzip-compressed and base64-encoded (`encoding`) */
            document: string;
            /**
             * @description `gzip-base64` fits a large document (up to 32 MiB uncompressed) in the 1 MiB request body
             * @default text
             * @enum {string}
             */
            encoding: "text" | "gzip-base64";
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            /** @description User id of its creator (`system` for the bootstrap administrator) */
            createdBy: string;
            /** @description A disabled user cannot log in, and every token they held is refused */
            disabled: boolean;
            /** @example Dana Scully */
            displayName?: string;
            /**
             * Format: email
             * @description Where notifications go by mail; absent: the user has no address
             * @example dana@example.com
             */
            email?: string;
            /** @description The notification kinds the user chose to get by email too; absent: they never chose (all kinds) */
            emailKinds?: ("connection-requested" | "request-approved" | "request-rejected" | "request-cancelled" | "publication-failed" | "republish-required" | "schema-drift" | "change-requested" | "change-decided" | "change-rejected")[];
            /** Format: uuid */
            id: string;
            /** @description An administrator set a one-time password the user has not changed yet: a login with it may only change it */
            mustChangePassword: boolean;
            /** @description The installation role (creates environments, runs operations) */
            owner: boolean;
            roles: components["schemas"]["RoleGrant"][];
            /** Format: date-time */
            updatedAt: string;
            /** @example dana */
            username: string;
            /** @description The version of the user: send it as If-Match to change their roles */
            version: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApprovalsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approvals"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SearchAuditLogController_search: {
        parameters: {
            query?: {
                /** @description Who caused the events: a user id, a username, or `system` */
                actor?: string;
                /** @description The `next` of the page before (same filters and order) */
                after?: string;
                /** @description A kind of object: its events (with `id`: those of that one object). `deployment` takes the integration id; `publication` a publication id or an integration id (its publications); `user` a user id or a username */
                aggregate?: "integration" | "connection" | "connection-request" | "environment" | "user" | "api-key" | "deployment" | "publication" | "dependency";
                /** @description The events of one request (its X-Correlation-Id) */
                correlationId?: string;
                /** @description One environment's events (you need the auditor or admin role there, or to be an owner); its users' events included */
                environment?: string;
                /** @description Recorded at or after this time (ISO 8601, a date or a date-time with offset) */
                from?: string;
                /** @description The id of one object of `aggregate` (needs `aggregate`) */
                id?: string;
                limit?: number;
                /** @description desc: newest first */
                order?: "desc" | "asc";
                /** @description One stream, by its exact id */
                stream?: string;
                /** @description Recorded before this time (ISO 8601) */
                to?: string;
                /** @description Event types, comma-separated (any of them) */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            /** @description AUDIT.INVALID_FILTER: an unknown aggregate, id without aggregate, a bad time, limit or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.AUDITOR_REQUIRED: no auditor or admin role (in `environment`, when given), and no owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ExportAuditLogController_export: {
        parameters: {
            query?: {
                /** @description Who caused the events: a user id, a username, or `system` */
                actor?: string;
                /** @description A kind of object: its events (with `id`: those of that one object). `deployment` takes the integration id; `publication` a publication id or an integration id (its publications); `user` a user id or a username */
                aggregate?: "integration" | "connection" | "connection-request" | "environment" | "user" | "api-key" | "deployment" | "publication" | "dependency";
                /** @description The events of one request (its X-Correlation-Id) */
                correlationId?: string;
                /** @description One environment's events (you need the auditor or admin role there, or to be an owner); its users' events included */
                environment?: string;
                format?: "ndjson" | "csv";
                /** @description Recorded at or after this time (ISO 8601, a date or a date-time with offset) */
                from?: string;
                /** @description The id of one object of `aggregate` (needs `aggregate`) */
                id?: string;
                /** @description desc: newest first */
                order?: "desc" | "asc";
                /** @description One stream, by its exact id */
                stream?: string;
                /** @description Recorded before this time (ISO 8601) */
                to?: string;
                /** @description Event types, comma-separated (any of them) */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, in the order asked for */
            200: {
                headers: {
                    /** @description attachment; filename="audit-<environment or all>-<time>.<format>" */
                    "Content-Disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description AUDIT.INVALID_FILTER: a bad filter, or a format other than ndjson and csv */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.AUDITOR_REQUIRED: no auditor or admin role (in `environment`, when given), and no owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ReplayController_run: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each view, equal or with its first differing rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replay"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.OWNER_REQUIRED: for owners of the installation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUDIT.REPLAY_RUNNING: a replay is running; PROJECTION.RUNS_ELSEWHERE: another instance runs the projections (it holds their lease): replay there */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description READ_MODEL.UNAVAILABLE or EVENT_STORE.UNAVAILABLE: the read model or the log cannot be read now */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    VerifyChainController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerification"];
                };
            };
            /** @description AUDIT.CHAIN_UNSUPPORTED: this event store keeps no hash chain */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.AUDITOR_REQUIRED: the caller is neither an owner nor an auditor or admin of an environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LoginController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
            /** @description A missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.INVALID_CREDENTIALS: unknown user or wrong password (the answer does not tell which); AUTH.USER_DISABLED: the right password of a disabled user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the environment does not exist or the user holds no role in it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.TOO_MANY_ATTEMPTS: too many failed logins for this username or address; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LoginController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session of the caller ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LoginController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentUser"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangePasswordController_change: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description The password changed; every session of the caller ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description AUTH.WRONG_PASSWORD: `currentPassword` is not the current password; USER.INVALID: the new password is the current one; a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.TOO_MANY_ATTEMPTS: too many wrong passwords for this user or address; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RefreshController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResult"];
                };
            };
            /** @description AUTH.REFRESH_TOKEN_INVALID: no cookie, or an unknown, expired or revoked one; AUTH.REFRESH_TOKEN_REUSED: a spent cookie came back, so the login's sessions ended; AUTH.SESSION_ENDED: the user's sessions ended since the login (a logout, a new password, a withdrawn role); AUTH.USER_DISABLED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeRequestQueriesController_list: {
        parameters: {
            query?: {
                /** @description Only the requests of this environment */
                environment?: string;
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
                /** @description Only the requests in this status */
                status?: "pending" | "approved" | "applied" | "failed" | "rejected" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the requests; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ChangeRequest"][];
                        total: number;
                    };
                };
            };
            /** @description An unknown status, a too long environment name, or offset or limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeRequestQueriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The change request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideChangeRequestController_approve: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The change request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description FOUR_EYES.SAME_PERSON (the requester approves nothing of their own), AUTH.ADMIN_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (the detail says by whom and when), or another decision was recorded at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideChangeRequestController_cancel: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The change request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description FOUR_EYES.NOT_REQUESTER */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (the detail says by whom and when), or another decision was recorded at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideChangeRequestController_reject: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The change request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectChangeBody"];
            };
        };
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeRequest"];
                };
            };
            /** @description CHANGE_REQUEST.INVALID (the reason), an id that is not a UUID, or a missing reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CHANGE_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (the detail says by whom and when), or another decision was recorded at the same moment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionRequestQueriesController_list: {
        parameters: {
            query?: {
                /** @description Only the requests of this environment (one you have a role in) */
                environment?: string;
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
                /** @description Only the requests in this status */
                status?: "pending" | "approved" | "rejected" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the requests; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ConnectionRequest"][];
                        total: number;
                    };
                };
            };
            /** @description An unknown status, a too long environment name, or offset or limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RequestConnectionController_request: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestConnectionBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    /** @description Path of the created resource */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionRequest"];
                };
            };
            /** @description CONNECTION_REQUEST.INVALID (a SQLite path outside the databases folder, details the provider needs) or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was stored (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionRequestQueriesController_get: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
                /** @description As it was at this version (the ETag it had then), read from the event log; not with asOf */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionRequest"];
                };
            };
            /** @description The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see; with asOf or version: one that did not exist then, or whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideConnectionRequestController_approve: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionRequest"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the request’s environment decide (its requester may only cancel) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already, also when If-Match names the version before (the detail says by whom and when; `decision`, `decidedBy`, `decidedByName` and `decidedAt` tell it apart) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request, which is still pending */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideConnectionRequestController_cancel: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionRequest"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already, also when If-Match names the version before (the detail says by whom and when; `decision`, `decidedBy`, `decidedByName` and `decidedAt` tell it apart) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request, which is still pending */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionRequestHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole history, oldest first; `total` counts its events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                        total: number;
                    };
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DecideConnectionRequestController_reject: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectBody"];
            };
        };
        responses: {
            /** @description The request as decided */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionRequest"];
                };
            };
            /** @description CONNECTION_REQUEST.INVALID (the reason), an id that is not a UUID, or a missing reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the request’s environment decide (its requester may only cancel) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already, also when If-Match names the version before (the detail says by whom and when; `decision`, `decidedBy`, `decidedByName` and `decidedAt` tell it apart) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the request, which is still pending */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    TestConnectionRequestController_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection request id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionTestResult"];
                };
            };
            /** @description The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the request’s environment test it (its requester may not); CONNECTOR.PERMISSION_DENIED: the database user may not connect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see; CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (by whom and when) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the credentials */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionQueriesController_list: {
        parameters: {
            query?: {
                /** @description Only the connections of this environment (one you have a role in) */
                environment?: string;
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
                provider?: "sqlite" | "mysql" | "mssql" | "postgres" | "oracle" | "odata";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the connections; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Connection"][];
                        total: number;
                    };
                };
            };
            /** @description An unknown provider, a too long environment name, or offset or limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateConnectionController_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConnectionBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    /** @description Path of the created resource */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description CONNECTION.INVALID (a SQLite path outside the databases folder, details the provider needs) or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the environment create connections (others request them) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was stored (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionQueriesController_get: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
                /** @description As it was at this version (the ETag it had then), read from the event log; not with asOf */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; with asOf or version: one that did not exist then (or was deleted), or whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DeleteConnectionController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version of the connection last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description Deleted: it is not found from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the connection’s environment delete it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, one deleted already, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.BOUND: it serves an integration in an environment; bind another connection there first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the connection */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeConnectionController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version of the connection last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeConnectionBody"];
            };
        };
        responses: {
            /** @description The connection as changed */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description CONNECTION.INVALID (details another provider reads, a SQLite path outside the databases folder, a secret in the details), an id that is not a UUID, or an invalid or unknown field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the connection’s environment change it */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the connection */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseConnectionController_databases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseList"];
                };
            };
            /** @description The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.PERMISSION_DENIED: the database user may not read this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the credentials */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseConnectionController_tables: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A database of the connection (SQLite: `main`) */
                db: string;
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TableList"];
                };
            };
            /** @description The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.PERMISSION_DENIED: the database user may not read this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; CONNECTOR.DATABASE_NOT_FOUND: no such database */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the credentials */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseConnectionController_table: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A database of the connection (SQLite: `main`) */
                db: string;
                /** @description The connection id */
                id: string;
                /** @description A table or view, as the database names it */
                table: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Table"];
                };
            };
            /** @description The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.PERMISSION_DENIED: the database user may not read this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND: no such database or table */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the credentials */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConnectionHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole history, oldest first; `total` counts its events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                        total: number;
                    };
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, or one whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RotateConnectionPasswordController_rotate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version of the connection last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateConnectionPasswordBody"];
            };
        };
        responses: {
            /** @description The connection, rotated */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Connection"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description CONNECTION.INVALID (SQLite connections have no password), an id that is not a UUID, or a missing or too long password */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the connection’s environment rotate its password */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the connection */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was changed (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseConnectionController_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The connection id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionTestResult"];
                };
            };
            /** @description The id is not a UUID; CONNECTOR.PATH_NOT_ALLOWED or CONNECTOR.INVALID_OPTIONS: the connection details cannot be used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.PERMISSION_DENIED: the database user may not read this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in; CONNECTOR.DATABASE_NOT_FOUND: the database (SQLite: the file) does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the credentials */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DataApiController_list: {
        parameters: {
            query?: {
                /** @description With `true` the answer carries the number of matching rows */
                count?: boolean;
                /** @description Comma-separated attributes to return: the rows then carry only those */
                fields?: string;
                /** @description `filter[field]=value` (eq), `filter[field][op]=value` or `field[op]=value`; op one of eq, ne, gt, gte, lt, lte, in, contains, startsWith, endsWith, isNull; `in` takes a comma-separated list, `isNull` true or false */
                filter?: {
                    [key: string]: string;
                };
                limit?: number;
                offset?: number;
                /** @description Comma-separated attributes; a leading `-` sorts descending, e.g. `Name,-TrackId` */
                sort?: string;
            };
            header?: never;
            path: {
                /** @description An entity of the version deployed in the environment, by the name the builder gave it */
                entity: string;
                /** @description The environment whose deployed version answers */
                env: string;
                /** @description The integration */
                integrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRowList"];
                };
            };
            /** @description DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, which are only read) or REQUEST.INVALID (the path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), DATA.ROW_NOT_FOUND (get, update, delete) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), or a constraint of the database: DATA.DUPLICATE_KEY, DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another client between the read of its ETag and the write; read it again and retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DataApiController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity of the version deployed in the environment, by the name the builder gave it */
                entity: string;
                /** @description The environment whose deployed version answers */
                env: string;
                /** @description The integration */
                integrationId: string;
            };
            cookie?: never;
        };
        /** @description The row's attributes by name (update: at least one) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["DataRow"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The new row: /api/data/{env}/{integrationId}/{entity}/{key} */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRow"];
                };
            };
            /** @description DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, which are only read) or REQUEST.INVALID (the path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), DATA.ROW_NOT_FOUND (get, update, delete) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), or a constraint of the database: DATA.DUPLICATE_KEY, DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another client between the read of its ETag and the write; read it again and retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DataApiController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity of the version deployed in the environment, by the name the builder gave it */
                entity: string;
                /** @description The environment whose deployed version answers */
                env: string;
                /** @description The integration */
                integrationId: string;
                /** @description Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is `%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRow"];
                };
            };
            /** @description DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, which are only read) or REQUEST.INVALID (the path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), DATA.ROW_NOT_FOUND (get, update, delete) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), or a constraint of the database: DATA.DUPLICATE_KEY, DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another client between the read of its ETag and the write; read it again and retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DataApiController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity of the version deployed in the environment, by the name the builder gave it */
                entity: string;
                /** @description The environment whose deployed version answers */
                env: string;
                /** @description The integration */
                integrationId: string;
                /** @description Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is `%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`. */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, which are only read) or REQUEST.INVALID (the path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), DATA.ROW_NOT_FOUND (get, update, delete) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), or a constraint of the database: DATA.DUPLICATE_KEY, DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another client between the read of its ETag and the write; read it again and retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DataApiController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An entity of the version deployed in the environment, by the name the builder gave it */
                entity: string;
                /** @description The environment whose deployed version answers */
                env: string;
                /** @description The integration */
                integrationId: string;
                /** @description Primary key of the row. Single-attribute key: the value, percent-encoded (encodeURIComponent), e.g. `42`; `name=value` is accepted too. Composite key: every key attribute as `name=value`, joined by `;`, in primary-key order, names and values each percent-encoded (so `;` is `%3B` and `=` is `%3D` inside a value), e.g. `PlaylistId=1;TrackId=42`. */
                key: string;
            };
            cookie?: never;
        };
        /** @description The row's attributes by name (update: at least one) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["DataRow"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataRow"];
                };
            };
            /** @description DATA.INVALID (an unknown attribute or a wrong value, in the body, the key or the query), DATA.READ_ONLY_ATTRIBUTE (a create or update that sets a generated or unsupported attribute, which are only read) or REQUEST.INVALID (the path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment (or its key is of another) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_DEPLOYED, DATA.ENTITY_NOT_FOUND (no such entity in the deployed version), DATA.ROW_NOT_FOUND (get, update, delete) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NO_CONNECTION (none bound in the environment), INTEGRATION.REPUBLISH_REQUIRED, DATA.UNSUPPORTED (a connector without data access), DATA.READ_ONLY (a view), or a constraint of the database: DATA.DUPLICATE_KEY, DATA.FOREIGN_KEY_VIOLATION, DATA.ROW_REFERENCED, DATA.CHECK_VIOLATION, DATA.NOT_NULL_VIOLATION, DATA.CONSTRAINT_VIOLATION; DATA.ROW_CHANGED (update, delete: an OData row changed by another client between the read of its ETag and the write; read it again and retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer now (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DependencyQueriesController_list: {
        parameters: {
            query?: {
                /** @description The environment whose installed versions to list (you need a role there); yours by default */
                environment?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledDependencies"];
                };
            };
            /** @description REQUEST.INVALID: environment is not an environment name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller has no role in the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    InstallDependencyUpdateController_install: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The runtime dependency */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstallDependencyUpdateBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstalledUpdate"];
                };
            };
            /** @description REQUEST.INVALID or DEPENDENCY.INVALID: a bad version (x.y.z), notes or environment */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description DEPENDENCY.NOT_FOUND (not a runtime dependency) or ENVIRONMENT.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description DEPENDENCY.NOT_NEWER: the version is not newer than the one installed there */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentQueriesController_list: {
        parameters: {
            query?: {
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the environments, by name; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Environment"][];
                        total: number;
                    };
                };
            };
            /** @description offset or limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateEnvironmentController_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEnvironmentBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description Invalid name or kind */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.OWNER_REQUIRED: only owners of the installation add environments */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.ALREADY_EXISTS, or ENVIRONMENT.DEVELOPMENT_EXISTS without anotherDevelopment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ApiKeyQueriesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment */
                env: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its keys, revoked ones included, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiKey"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateApiKeyController_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The environment whose data API the key opens */
                env: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description `no-store` on the first answer, the one that carries the key (a replay has none) */
                    "Cache-Control"?: string;
                    /** @description The key: /api/environments/{env}/api-keys/{id} */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description REQUEST.INVALID or API_KEY.INVALID: invalid appName, label or scope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RevokeApiKeyController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment of the key */
                env: string;
                /** @description The key id */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (also when it already was) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description API_KEY.NOT_FOUND: no such key in the environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentDeploymentsController_list: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
            };
            header?: never;
            path: {
                /** @description The environment name */
                env: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per integration deployed there, by integration id */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DeployedIntegration"][];
                        total: number;
                    };
                };
            };
            /** @description asOf is no date-time with an offset */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in (owners: any) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DriftQueriesController_environment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                env: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentDrift"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RunDriftCheckController_check: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment name */
                env: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentDriftCheck"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentHealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment name */
                env: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentHealth"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in (owners: any) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BindConnectionController_bind: {
        parameters: {
            query?: never;
            header?: {
                /** @description The streamVersion last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The environment the connection serves it in */
                env: string;
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BindConnectionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description Invalid connectionId; force without a reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; CONNECTION.NOT_FOUND (unknown or deleted) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PROMOTION.SCHEMA_MISMATCH (the connection's database does not match the deployed version: `differences` lists each one; force with a reason overrides it), PROMOTION.CONNECTION_TEST_FAILED, DEPLOYMENT.NOT_DEPLOYED (no version deployed there), DEPLOYMENT.PROVIDER_MISMATCH, DEPLOYMENT.CONNECTION_ENVIRONMENT_MISMATCH, or EVENT_STORE.WRONG_EXPECTED_VERSION */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["SchemaMismatchProblem"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration's deployments */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UnbindConnectionController_unbind: {
        parameters: {
            query?: never;
            header?: {
                /** @description The streamVersion last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The environment the connection serves it in */
                env: string;
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment, unbound */
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description DEPLOYMENT.NOT_BOUND (no connection serves it there), or EVENT_STORE.WRONG_EXPECTED_VERSION (changed concurrently) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration's deployments */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentPolicyController_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment name */
                env: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnvironmentPolicyBody"];
            };
        };
        responses: {
            /** @description The environment with its policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description fourEyes missing or not a boolean */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: administrators of the environment set its policy */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentQueriesController_get: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
                /** @description As it was at this version (the ETag it had then), read from the event log; not with asOf */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The environment name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            /** @description asOf is no date-time with an offset, version no integer >= 0, or both are given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, one the caller may not see, or (asOf, version) one that did not exist then */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    EnvironmentHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The environment name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole history, oldest first; `total` counts its events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.NOT_FOUND: no such environment, or one whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationQueriesController_list: {
        parameters: {
            query?: {
                /** @description Only the integrations of this environment (one you have a role in) */
                environment?: string;
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
                /** @description The order of the list: a field, descending with a leading `-` */
                sort?: "-updatedAt" | "updatedAt" | "applicationName" | "-applicationName";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the integrations, each with the version it serves in each environment; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IntegrationListItem"][];
                        total: number;
                    };
                };
            };
            /** @description offset or limit out of range, a too long environment name, or an unknown sort */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateIntegrationController_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIntegrationBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    /** @description Path of the created resource */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.INVALID or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in the environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY: integrations are built in a development environment; IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationQueriesController_get: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
                /** @description As it was at this version (the ETag it had then), read from the event log; not with asOf */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in; with asOf or version: one that did not exist then, or whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SelectConnectionController_select: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectConnectionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description The id or connectionId is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND or CONNECTION.NOT_FOUND: no such integration or connection, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.PROVIDER_MISMATCH: a connection of another provider; INTEGRATION.CONNECTION_ENVIRONMENT_MISMATCH: a connection of another environment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    SelectDatabaseController_select: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectDatabaseBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.INVALID, an id that is not a UUID, or a missing database */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.CONNECTION_NOT_SELECTED: select a connection first; INTEGRATION.ONE_DATABASE: entities of another database were added */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DependencyQueriesController_ofIntegration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationDependencies"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DeploymentQueriesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per environment it is deployed in, by environment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["EnvironmentDeployment"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PromoteVersionController_promote: {
        parameters: {
            query?: never;
            header?: {
                /** @description The streamVersion last seen */
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeployVersionBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description The environment's policy asks for four eyes: nothing changed yet, a change request waits for another administrator of the environment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingChange"];
                };
            };
            /** @description Invalid version or environment name; force without a reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the target environment */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; ENVIRONMENT.NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PROMOTION.SCHEMA_MISMATCH (the bound connection's database does not match the version: `differences` lists each one; force with a reason overrides it), PROMOTION.CONNECTION_TEST_FAILED (the bound connection failed its test), DEPLOYMENT.PROMOTION_TARGET (a development environment), DEPLOYMENT.VERSION_NOT_PUBLISHED, or EVENT_STORE.WRONG_EXPECTED_VERSION (changed concurrently) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["SchemaMismatchProblem"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration's deployments */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeDetailsController_change: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeDetailsBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.INVALID, an id that is not a UUID, or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    DriftQueriesController_integration: {
        parameters: {
            query?: {
                /** @description One environment; without it, every environment the caller holds a role in */
                environment?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationDrift"];
                };
            };
            /** @description Invalid id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in `environment` */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    AddEntitiesController_add: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddEntitiesBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.INVALID (two tables with one entity name), an id that is not a UUID, or invalid tables */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND, CONNECTION.NOT_FOUND (the connection is gone), CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND (names each missing table) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.DATABASE_NOT_SELECTED; INTEGRATION.ENTITY_RENAME or INTEGRATION.ATTRIBUTE_TYPE_CHANGE: a table added (or published) before changed incompatibly; IDEMPOTENCY.IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.AUTH_FAILED: the database refused the connection credentials; IDEMPOTENCY.KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RemoveEntityController_remove: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
                /** @description The entity name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND, or INTEGRATION.ENTITY_NOT_FOUND: the integration has no entity of this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RenameEntityController_rename: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
                /** @description The entity name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameEntityBody"];
            };
        };
        responses: {
            /** @description The id is not a UUID, or the new name is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.ENTITY_RENAME: entities keep their names (INTEGRATION.OPEN_LOCKED once converted to open) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole history, oldest first; `total` counts its events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                        total: number;
                    };
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChooseNullPolicyController_choose: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChooseNullPolicyBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.INVALID, an id that is not a UUID, or a missing or unknown null policy */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ConvertToOpenController_convert: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationPublicationsController_publications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its publications, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Publication"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PublishIntegrationController_publish: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description The publication: /api/publications/{publicationId} */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishOutcome"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_READY (no connection, database or table), INTEGRATION.OPEN_LOCKED, ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY, PUBLICATION.IN_PROGRESS (another draft is being published), or PUBLICATION.RACED (starts at the same time kept conflicting; retry) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationQueriesController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrationReview"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UploadSpecificationController_upload: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string;
            };
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadSpecificationBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The version of the resource (its stream version); send it back as If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Integration"];
                };
            };
            /** @description INTEGRATION.SPECIFICATION_INVALID: not an EDMX document, one without entity sets, bad gzip-base64 or over 32 MiB; a missing document or an id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.SPECIFICATION_NOT_SUPPORTED: the provider is built from a connection only */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the integration */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body is larger than 1 MiB: send the document gzip-compressed (`encoding: gzip-base64`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseSpecificationController_databases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DatabaseList"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in; INTEGRATION.SPECIFICATION_NOT_FOUND: none was uploaded */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseSpecificationController_tables: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service the specification describes */
                db: string;
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TableList"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in; INTEGRATION.SPECIFICATION_NOT_FOUND: none was uploaded; CONNECTOR.DATABASE_NOT_FOUND: the specification describes another service */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    BrowseSpecificationController_table: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service the specification describes */
                db: string;
                /** @description The integration id */
                id: string;
                /** @description An entity set of the service */
                table: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Table"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in; INTEGRATION.SPECIFICATION_NOT_FOUND: none was uploaded; CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND: no such service or entity set */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    IntegrationPublicationsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its published versions, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PublishedVersion"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    VersionOpenApiController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
                /** @description The published version number */
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI 3.1 document of the version's data API, as its package holds it; for an app key limited to some entities of the integration, with only those entities; for a read-only key, with only the operations that read */
            200: {
                headers: {
                    /** @description The package hash, quoted (the hash of the document when trimmed for a limited key) */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description API_KEY.OUT_OF_SCOPE: the app key does not open this integration; API_KEY.REVOKED: the app key was revoked */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; INTEGRATION.VERSION_NOT_FOUND: no such published version; INTEGRATION.NOT_DEPLOYED: the app key's environment does not serve this version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PublicationQueriesController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The integration id */
                id: string;
                /** @description The published version number */
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package: a tar of the generated OpenAPI document, client and manifest */
            200: {
                headers: {
                    /** @description attachment; filename="<module name>-<version>.tar" */
                    "Content-Disposition": string;
                    /** @description The package hash, quoted */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": string;
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PACKAGE.NOT_FOUND: no such integration for the caller, or no package generated for the version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    StartRepublishController_republish: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    /** @description The run: /api/republish-runs/{runId} */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepublishOutcome"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer the environment they are logged in to */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY (logged in to qa or production), REPUBLISH.IN_PROGRESS (a run of the environment is still running) or REPUBLISH.NOTHING_REQUIRED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MyNotificationsController_list: {
        parameters: {
            query?: {
                /** @description The `next` of the page before */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description NOTIFICATION.INVALID_CURSOR, or a limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MyNotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The notification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notification, read (also when it already was) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description NOTIFICATION.NOT_FOUND: no notification of that id is yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MyNotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All read (also when they already were) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ProjectionsStatusController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The projections (views, which can be rebuilt) and the process managers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description INSTANCE_ID of the instance that answered
                         * @example api-a
                         */
                        instance: string;
                        items: components["schemas"]["ProjectionStatus"][];
                        /** @description Which instance runs each background job, under a lease another takes over when it lapses */
                        leases: components["schemas"]["JobLease"][];
                        /** @description The process managers and reactors, each fed from its own checkpoint */
                        processes: components["schemas"]["ProcessManagerStatus"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.OWNER_REQUIRED: for owners of the installation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ProjectionsStatusController_rebuild: {
        parameters: {
            query?: {
                /** @description Rebuild even though the audit chain is broken (the altered events are adopted) */
                force?: boolean;
            };
            header?: never;
            path: {
                /** @description The projection name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rebuild started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionRebuild"];
                };
            };
            /** @description REQUEST.INVALID_QUERY: force is neither true nor false */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.OWNER_REQUIRED: for owners of the installation */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PROJECTION.NOT_FOUND: no projection has this name */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PROJECTION.RUNS_ELSEWHERE: another instance runs the projections (it holds their lease); AUDIT.CHAIN_BROKEN: a stored event was altered, so a rebuild would adopt it (unless `force=true`) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ProviderListController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Provider"][];
                        total: number;
                    };
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    PublicationQueriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The publication id (the Location of a publish) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The publication stream version */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PUBLICATION.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    RepublishQueriesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The run id (the Location of a republish) */
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The run stream version */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepublishRun"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description REPUBLISH.NOT_FOUND: unknown, or of an environment the caller has no role in */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LiveStreamController_open: {
        parameters: {
            query?: {
                /** @description Resume after this position (the id of the last `change` received), as the Last-Event-ID header does; for a new EventSource, which cannot set that header. The header wins when both are sent */
                lastEventId?: string;
            };
            header?: {
                /** @description Resume after this position */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream (never ends by itself) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description STREAM.INVALID_LAST_EVENT_ID: Last-Event-ID or lastEventId is not a position */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.INVALID_STREAM_TICKET: no ticket, or one that is expired or already used; AUTH.SESSION_ENDED: the holder's user changed since the ticket was issued */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    LiveStreamController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamTicket"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UserQueriesController_list: {
        parameters: {
            query?: {
                /** @description Rows to answer at most; `total` still counts them all */
                limit?: number;
                /** @description Rows to skip */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the users, by username; `total` counts them all */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["User"][];
                        total: number;
                    };
                };
            };
            /** @description offset or limit out of range */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller administers no environment and is no owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    CreateUserController_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserBody"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description USER.INVALID (a malformed `email` among others) or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: a grant in an environment the caller does not administer; AUTH.OWNER_REQUIRED: `owner` set by a non-owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.ALREADY_EXISTS: the username is taken; IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UserQueriesController_get: {
        parameters: {
            query?: {
                /** @description As it was at this moment (after its last event recorded then or before), read from the event log */
                asOf?: string;
                /** @description As it was at this version (the ETag it had then), read from the event log; not with asOf */
                version?: number;
            };
            header?: never;
            path: {
                /** @description The user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description The id is not a UUID, or asOf is no date-time with an offset, version no integer >= 0, or both are given */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.NOT_FOUND: no such user, or one the caller may not see; with asOf or version: one that did not exist then, or whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeUserController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description The user version the change is based on */
                "If-Match"?: string;
            };
            path: {
                /** @description The user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUserBody"];
            };
        };
        responses: {
            /** @description The user as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description USER.INVALID: nothing to change, a malformed `email` or an invalid grant; an id that is not a UUID, or an invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer every environment of the user (address, disabling) or one whose grants change; AUTH.OWNER_REQUIRED: an owner changed, or `owner` changed, by a non-owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.NOT_FOUND: no such user, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.CANNOT_DISABLE_SELF: the caller disables themselves; USER.LAST_OWNER: the last owner who can log in is disabled or loses the role; EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the user */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    UserHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole history, oldest first; `total` counts its events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                        total: number;
                    };
                };
            };
            /** @description The id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.NOT_FOUND: no such user, or one whose past the caller may not read */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ResetUserPasswordController_reset: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The one-time password, shown this once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordReset"];
                };
            };
            /** @description An id that is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: the caller does not administer every environment of the user; AUTH.OWNER_REQUIRED: an owner, reset by a non-owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.NOT_FOUND: no such user, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.CANNOT_RESET_OWN_PASSWORD: the caller resets their own (change it with POST /api/auth/password) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ChangeUserRolesController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description The user version the change is based on */
                "If-Match"?: string;
            };
            path: {
                /** @description The user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUserRolesBody"];
            };
        };
        responses: {
            /** @description The user with their new grants */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description USER.INVALID, an id that is not a UUID, or a missing or invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description AUTH.ADMIN_REQUIRED: a changed grant in an environment the caller does not administer; AUTH.OWNER_REQUIRED: `owner` changed by a non-owner */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.NOT_FOUND: no such user, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description USER.LAST_OWNER: the last owner who can log in keeps the role; EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the user */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MyProfileController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyProfile"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    MyProfileController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description The user version the change is based on */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeMyProfileBody"];
            };
        };
        responses: {
            /** @description The caller with the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyProfile"];
                };
            };
            /** @description USER.INVALID: a malformed `email`; REQUEST.INVALID: an unknown notification kind or another invalid field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No valid credentials: a bearer token (users) or, on the data API and its OpenAPI documents, an X-API-Key (apps) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description PRECONDITION_FAILED: If-Match names another version of the user */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: `status` is `ready` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready: `status` is `unavailable`; Retry-After says when to ask again */
            503: {
                headers: {
                    /** @description Seconds */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Any other error, as RFC 9457 problem details with a stable `code` */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
