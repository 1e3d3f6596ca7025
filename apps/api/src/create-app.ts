import {
  ConsoleLogger,
  type INestApplication,
  Logger,
  type LoggerService,
  type LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import { completeApiDocument } from './infrastructure/http/openapi/complete-api-document';
import { ProblemDetailsSchema } from './infrastructure/http/openapi/problem-details.schema';
import { existsSync } from 'node:fs';
import { openEventStore } from './infrastructure/event-store/open-event-store';
import { DATA_ROUTES, DataApiRoutes, dataApiPaths, DataRowListSchema, DataRowSchema } from './data-api';
import { AppModule, type AppOverrides } from './app.module';
import { STREAM_TICKET_SCHEME } from './audit';
import { API_KEY_HEADER, REFRESH_COOKIE } from './identity';
import { type AppConfig, ConfigError } from './config/app-config';
import { BODY_LIMIT_BYTES, type JsonBodyOptions, readJsonBody } from './infrastructure/http/json-body';
import { NotFoundFallback, type NotFoundHandler } from './infrastructure/http/not-found-fallback';
import { controllersOf, RouteTable } from './infrastructure/http/route-table';
import { SECURITY_HEADERS } from './infrastructure/http/security-headers';
import { ensurePrivateDir, tightenDataFolder } from './infrastructure/private-files';
import { SAMPLE_DATABASE_PATH } from './infrastructure/sample-database/ensure-sample-database';
import { MASTER_KEY_FILE } from './infrastructure/secrets';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * The configured levels; on shared servers every line starts with INSTANCE_ID instead of "Nest", so the
 * lines of several instances can be told apart once collected in one place.
 */
function loggerFor(config: AppConfig): LoggerService | false {
  if (config.logLevel === 'silent') return false;
  const logLevels = LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1);
  const shared = config.eventStore.kind !== 'sqlite' || config.database.kind !== 'sqlite';
  return new ConsoleLogger(shared ? { logLevels, prefix: config.instanceId } : { logLevels });
}

const DOCS_ROUTES = ['/api/docs', '/api/docs-json', '/api/docs-yaml'].map((path) => ({
  method: 'GET',
  path,
}));

/** Fastify, with unmatched requests offered to the console and 405 fallback before they become 404s. */
class FastifyWithFallback extends FastifyAdapter {
  constructor(private readonly fallback: NotFoundFallback) {
    // A data API key (up to MAX_KEY_LENGTH characters, data-query.ts) is percent-encoded, twice by
    // RFC 6570 clients: Fastify's default of 100 characters per path parameter would answer 414.
    super({ bodyLimit: BODY_LIMIT_BYTES, routerOptions: { maxParamLength: 8192 } });
  }

  override setNotFoundHandler(handler: NotFoundHandler) {
    return super.setNotFoundHandler(this.fallback.wrap(handler));
  }
}

/** Express, with the same fallback in front of Nest's not-found handler. */
class ExpressWithFallback extends ExpressAdapter {
  constructor(private readonly fallback: NotFoundFallback) {
    super();
  }

  override setNotFoundHandler(
    handler: NotFoundHandler,
    prefix?: string,
    excludedRoutes?: Parameters<ExpressAdapter['setNotFoundHandler']>[2],
  ) {
    return super.setNotFoundHandler(this.fallback.wrap(handler), prefix, excludedRoutes);
  }
}

/** Builds the whole application (API, docs, console) for one configuration; main, tests and benchmarks share it. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<INestApplication> {
  prepareDataFolder(config);
  // Opened before anything else, so a server that cannot be reached stops the start with nothing to undo.
  const eventStore = overrides.eventStore ?? (await openEventStore(config.eventStore, config.dataDir));
  const module = AppModule.register(config, { ...overrides, eventStore });
  const fallback = new NotFoundFallback(
    RouteTable.fromControllers(controllersOf(module), [...DOCS_ROUTES, ...DATA_ROUTES]),
    config.consoleDir,
  );
  const bodies: JsonBodyOptions = { maxDepth: config.jsonMaxDepth };
  const options = { logger: loggerFor(config), abortOnError: false, bodyParser: false };
  const app =
    config.httpAdapter === 'fastify'
      ? await NestFactory.create<NestFastifyApplication>(module, new FastifyWithFallback(fallback), options)
      : await NestFactory.create<NestExpressApplication>(module, new ExpressWithFallback(fallback), options);
  app.enableShutdownHooks();
  // First, so that every answer carries them: console pages, assets, API answers and errors.
  app.useSecurityHeaders(SECURITY_HEADERS);
  if (config.httpAdapter === 'fastify') readFastifyBodies(app as NestFastifyApplication, bodies);
  else readExpressBodies(app as NestExpressApplication, bodies);
  // After the body readers, before app.init() (see DataApiRoutes.register).
  app.get(DataApiRoutes).register(app.getHttpAdapter());

  const described = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Integration Builder API')
      .setDescription(
        'Build integrations to external databases, manage connections and their approval. Errors are RFC 9457 problem details.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: API_KEY_HEADER,
          description:
            "An app key of one environment; accepted by the data API and its versions' OpenAPI documents only",
        },
        API_KEY_HEADER,
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'query',
          name: 'ticket',
          description: 'A stream ticket (POST /api/stream/tickets); accepted by GET /api/stream only',
        },
        STREAM_TICKET_SCHEME,
      )
      .addCookieAuth(REFRESH_COOKIE, {
        type: 'apiKey',
        in: 'cookie',
        name: REFRESH_COOKIE,
        description: 'The refresh token login sets (HttpOnly); accepted by POST /api/auth/refresh only',
      })
      .build(),
    { extraModels: [ProblemDetailsSchema, DataRowSchema, DataRowListSchema] },
  );
  const document = completeApiDocument(
    { ...described, paths: { ...described.paths, ...dataApiPaths() } },
    getSchemaPath(ProblemDetailsSchema),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(config.consoleDir)) {
    if (config.httpAdapter === 'fastify')
      (app as NestFastifyApplication).useStaticAssets({
        root: config.consoleDir,
        prefix: '/',
        decorateReply: false,
        wildcard: true,
      });
    else (app as NestExpressApplication).useStaticAssets(config.consoleDir, { index: 'index.html' });
  }
  await app.init();
  return app;
}

/**
 * Creates the data folder owner-only, and restricts what an earlier start left readable by others
 * (said once, in one line). Every store creates its own files owner-only as well.
 */
function prepareDataFolder(config: AppConfig): void {
  try {
    ensurePrivateDir(config.dataDir);
  } catch (error) {
    throw new ConfigError([
      `DATA_DIR ${config.dataDir} cannot be created: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    ]);
  }
  const { tightened, failed } = tightenDataFolder(config.dataDir, {
    isProductFile: (name) => name === MASTER_KEY_FILE || /\.sqlite(-wal|-shm|-journal)?$/.test(name),
    productFolders: ['packages'],
    sharedFolder: {
      dir: config.sqliteDatabasesDir,
      productFiles: [SAMPLE_DATABASE_PATH, `${SAMPLE_DATABASE_PATH}-wal`, `${SAMPLE_DATABASE_PATH}-shm`],
    },
  });
  const logger = new Logger('DataFolder');
  if (tightened.length > 0)
    logger.warn(
      `Restricted to the owner (files 0600, folders 0700) in ${config.dataDir}: ${tightened.join(', ')}`,
    );
  if (failed.length > 0)
    logger.warn(`Could not restrict to the owner in ${config.dataDir}: ${failed.join(', ')}`);
}

/**
 * Every body goes through one reader (readJsonBody): Fastify's own JSON and text parsers are
 * replaced by a catch-all, so what is not JSON is refused (415) by the same rule as under Express.
 */
function readFastifyBodies(app: NestFastifyApplication, bodies: JsonBodyOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: BODY_LIMIT_BYTES },
    (request, body, done) => {
      // An unmatched route answers 404/405 whatever its body; reading it is enough.
      if (request.is404) return done(null, undefined);
      try {
        done(null, readJsonBody(body as Buffer, request.headers['content-type'], request.method, bodies));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}

function readExpressBodies(app: NestExpressApplication, bodies: JsonBodyOptions): void {
  app.useBodyParser('raw', { type: () => true, limit: BODY_LIMIT_BYTES });
  app.use(
    (
      request: { body?: unknown; method: string; headers: Record<string, string | string[] | undefined> },
      _response: unknown,
      next: (error?: unknown) => void,
    ) => {
      try {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const contentType = request.headers['content-type'];
        request.body = readJsonBody(
          raw,
          typeof contentType === 'string' ? contentType : undefined,
          request.method,
          bodies,
        );
        next();
      } catch (error) {
        next(error);
      }
    },
  );
}
