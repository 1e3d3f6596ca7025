import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  ConcurrencyError,
  IllegalStateError,
  SYSTEM_ACTOR_ID,
  connectionDecider,
  connectionStreamId,
  environmentDecider,
  environmentStreamId,
  userDecider,
  userStreamId,
} from '@ib/domain';
import { type Actor } from '../auth/authenticated-user';
import { CredentialStore, PasswordHasher } from '../auth/crypto';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { uuidv7 } from '../../infrastructure/ids';
import { ensureSampleDatabase } from '../../infrastructure/sample-database/ensure-sample-database';

export const DEVELOPMENT_ENVIRONMENT = 'development';
/** Fixed so that every embedded install names its sample connection the same way. */
export const SAMPLE_CONNECTION_ID = '0190a000-0000-7000-8000-00000000a001';

const SYSTEM = SYSTEM_ACTOR_ID;

export type GeneratedAdministrator = Readonly<{ username: string; password: string }>;

/**
 * What an empty install needs to be usable at once: a development environment, an administrator who
 * also owns the installation (creates the other environments), a sample.
 */
@Injectable()
export class FirstStart {
  private readonly logger = new Logger('FirstStart');
  /** The generated password, kept until the start is complete (then shown once, and forgotten). */
  private generated?: GeneratedAdministrator;

  constructor(
    private readonly runner: CommandRunner,
    private readonly hasher: PasswordHasher,
    private readonly credentials: CredentialStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const actor: Actor = { userId: SYSTEM, correlationId: uuidv7(), causationId: uuidv7() };
    await this.ensureDevelopmentEnvironment(actor);
    await this.ensureAdministrator(actor);
    await this.ensureSampleConnection(actor);
  }

  private async ensureDevelopmentEnvironment(actor: Actor) {
    await this.once(() =>
      this.runner.run(
        environmentStreamId(DEVELOPMENT_ENVIRONMENT),
        environmentDecider,
        (state) =>
          state.status === 'none'
            ? {
                type: 'CreateEnvironment',
                data: { name: DEVELOPMENT_ENVIRONMENT, kind: 'development' },
                metadata: { environment: DEVELOPMENT_ENVIRONMENT },
              }
            : skip(),
        { actor },
      ),
    );
  }

  private async ensureAdministrator(actor: Actor) {
    const { adminUsername } = this.config;
    const { state } = await this.runner.load(userStreamId(adminUsername), userDecider);
    if (state.status !== 'none') return;
    const generated = this.config.adminPassword === undefined;
    const password = this.config.adminPassword ?? randomBytes(18).toString('base64url');
    const userId = uuidv7();
    await this.credentials.set(userId, await this.hasher.hash(password));
    const created = await this.once(() =>
      this.runner.run(
        userStreamId(adminUsername),
        userDecider,
        () => ({
          type: 'RegisterUser',
          data: {
            userId,
            username: adminUsername,
            displayName: 'Administrator',
            roles: [{ environment: DEVELOPMENT_ENVIRONMENT, role: 'admin' }],
            owner: true,
          },
        }),
        { actor },
      ),
    );
    if (created && generated) {
      // Shown once, on the start that created the administrator, at its end (announceStart) where the
      // lines of the start do not bury it; set ADMIN_PASSWORD to choose it instead.
      this.generated = { username: adminUsername, password };
      this.logger.warn(`Created administrator '${adminUsername}' with a generated password, shown below`);
    } else if (created) this.logger.log(`Created administrator '${adminUsername}' from ADMIN_PASSWORD`);
  }

  /** The administrator this start created with a generated password, once: the caller shows it. */
  takeGeneratedAdministrator(): GeneratedAdministrator | undefined {
    const generated = this.generated;
    this.generated = undefined;
    return generated;
  }

  private async ensureSampleConnection(actor: Actor) {
    const path = ensureSampleDatabase(this.config.sqliteDatabasesDir);
    await this.once(() =>
      this.runner.run(
        connectionStreamId(SAMPLE_CONNECTION_ID),
        connectionDecider,
        (state) =>
          state.status === 'none'
            ? {
                type: 'CreateConnection',
                data: {
                  connectionId: SAMPLE_CONNECTION_ID,
                  environment: DEVELOPMENT_ENVIRONMENT,
                  name: 'Sample shop (SQLite)',
                  provider: 'sqlite',
                  details: { path },
                },
                metadata: { environment: DEVELOPMENT_ENVIRONMENT },
              }
            : skip(),
        { actor },
      ),
    );
  }

  /** Another instance starting at the same time may win the race; either way the thing exists. */
  private async once(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof AlreadyThere || error instanceof ConcurrencyError) return false;
      if (error instanceof IllegalStateError && error.code.endsWith('.ALREADY_EXISTS')) return false;
      throw error;
    }
  }
}

class AlreadyThere extends Error {}
const skip = (): never => {
  throw new AlreadyThere();
};
