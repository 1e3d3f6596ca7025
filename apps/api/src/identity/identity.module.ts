import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.provider';
import { type AppConfig } from '../config/app-config';
import { ApiKeyQueriesController } from './api-keys/api-key-queries/api-key-queries.http';
import { ListApiKeysHandler } from './api-keys/api-key-queries/api-key-queries';
import { ApiKeyViews } from './api-keys/api-key-queries/api-key-views';
import { ApiKeyVerifier } from './api-keys/api-key-verifier';
import { ApiKeyUsage } from './api-keys/api-key-usage/api-key-usage';
import { CreateApiKeyHandler } from './api-keys/create-api-key/create-api-key.command';
import { CreateApiKeyController } from './api-keys/create-api-key/create-api-key.http';
import { RevokeApiKeyHandler } from './api-keys/revoke-api-key/revoke-api-key.command';
import { RevokeApiKeyController } from './api-keys/revoke-api-key/revoke-api-key.http';
import { Authenticator } from './auth/authenticator';
import { CredentialStore, PasswordHasher, TokenService } from './auth/crypto';
import { ApiKeyHashStore } from './auth/crypto/api-key-hash-store.port';
import {
  createApiKeyHashStore,
  createCredentialStore,
  createRefreshTokenStore,
} from './auth/crypto/open-credential-stores';
import { ChangePasswordHandler } from './auth/change-password/change-password.command';
import { ChangePasswordController } from './auth/change-password/change-password.http';
import { LoginHandler } from './auth/login/login.command';
import { LoginThrottle } from './auth/login/login-throttle';
import { LoginController } from './auth/login/login.http';
import { LogoutHandler } from './auth/login/logout.command';
import { RefreshTokenStore } from './auth/crypto/refresh-token-store.port';
import { RefreshHandler } from './auth/refresh/refresh.command';
import { RefreshController } from './auth/refresh/refresh.http';
import { RefreshSessions } from './auth/refresh/refresh-sessions';
import { UserDirectory } from './auth/user-sessions/user-directory';
import { CreateEnvironmentHandler } from './environments/create-environment/create-environment.command';
import { CreateEnvironmentController } from './environments/create-environment/create-environment.http';
import { EnvironmentAccess } from './environments/environment-access/environment-access';
import {
  EnvironmentQueriesController,
  GetEnvironmentHandler,
  ListEnvironmentsHandler,
} from './environments/environment-queries/environment-queries.http';
import { EnvironmentViews } from './environments/environment-queries/environment-views';
import { EnvironmentHistoryController } from './environments/environment-history/environment-history.http';
import {
  GetEnvironmentHistoryHandler,
  GetPastEnvironmentHandler,
} from './environments/environment-history/environment-history.queries';
import { FirstStart } from './first-start/first-start';
import { UserHistoryController } from './users/user-history/user-history.http';
import { GetPastUserHandler, GetUserHistoryHandler } from './users/user-history/user-history.queries';
import { ChangeUserHandler } from './users/change-user/change-user.command';
import { ChangeUserController } from './users/change-user/change-user.http';
import { ChangeUserRolesController } from './users/change-user-roles/change-user-roles.http';
import { ResetUserPasswordHandler } from './users/reset-user-password/reset-user-password.command';
import { ResetUserPasswordController } from './users/reset-user-password/reset-user-password.http';
import { CreateUserHandler } from './users/create-user/create-user.command';
import { CreateUserController } from './users/create-user/create-user.http';
import { ChangeMyProfileHandler } from './users/my-profile/change-my-profile.command';
import { MyProfileController } from './users/my-profile/my-profile.http';
import {
  GetUserHandler,
  ListUsersHandler,
  UserQueriesController,
} from './users/user-queries/user-queries.http';
import { UserViews } from './users/user-queries/user-views';
import { ActorNames } from './users/user-queries/actor-names';

const tokensLogger = new Logger('Tokens');

/** Who may do what: users and their roles, environments, logins, API keys and the first start. */
@Module({
  controllers: [
    LoginController,
    RefreshController,
    ChangePasswordController,
    EnvironmentQueriesController,
    EnvironmentHistoryController,
    CreateEnvironmentController,
    // Before every `/api/users/:id` route: Express tries routes in the order they are declared.
    MyProfileController,
    UserQueriesController,
    UserHistoryController,
    CreateUserController,
    ChangeUserRolesController,
    ChangeUserController,
    ResetUserPasswordController,
    CreateApiKeyController,
    RevokeApiKeyController,
    ApiKeyQueriesController,
  ],
  providers: [
    {
      provide: CredentialStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createCredentialStore(config.database, config.dataDir),
    },
    {
      provide: ApiKeyHashStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createApiKeyHashStore(config.database, config.dataDir),
    },
    {
      provide: RefreshTokenStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRefreshTokenStore(config.database, config.dataDir),
    },
    {
      provide: RefreshSessions,
      inject: [RefreshTokenStore, APP_CONFIG],
      useFactory: (store: RefreshTokenStore, config: AppConfig) =>
        new RefreshSessions(store, config.refreshTokens),
    },
    { provide: PasswordHasher, useValue: new PasswordHasher() },
    {
      // One count of failed password checks for logins and password changes alike.
      provide: LoginThrottle,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LoginThrottle(config.loginThrottle),
    },
    {
      provide: TokenService,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TokenService({
          secret: config.tokenSecret,
          ttlSeconds: config.tokenTtlSeconds,
          logger: {
            warn: (message: string) => tokensLogger.warn(message),
            log: (message: string) => tokensLogger.log(message),
          },
        }),
    },
    EnvironmentAccess,
    EnvironmentViews,
    UserViews,
    ApiKeyViews,
    UserDirectory,
    ActorNames,
    ApiKeyVerifier,
    ApiKeyUsage,
    Authenticator,
    FirstStart,
    LoginHandler,
    LogoutHandler,
    RefreshHandler,
    CreateEnvironmentHandler,
    ListEnvironmentsHandler,
    GetEnvironmentHandler,
    CreateUserHandler,
    ChangeUserHandler,
    ResetUserPasswordHandler,
    ChangePasswordHandler,
    ChangeMyProfileHandler,
    ListUsersHandler,
    GetUserHandler,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    GetEnvironmentHistoryHandler,
    GetPastEnvironmentHandler,
    GetUserHistoryHandler,
    GetPastUserHandler,
  ],
  exports: [
    Authenticator,
    EnvironmentAccess,
    EnvironmentViews,
    FirstStart,
    ActorNames,
    ApiKeyViews,
    ApiKeyUsage,
  ],
})
export class IdentityModule implements OnApplicationShutdown {
  constructor(
    @Inject(CredentialStore) private readonly credentials: CredentialStore,
    @Inject(ApiKeyHashStore) private readonly apiKeyHashes: ApiKeyHashStore,
    @Inject(RefreshTokenStore) private readonly refreshTokens: RefreshTokenStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.credentials.close();
    await this.apiKeyHashes.close();
    await this.refreshTokens.close();
  }
}
