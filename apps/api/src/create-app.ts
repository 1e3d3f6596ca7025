import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerDataListFastPath } from './data-api/data-list-fast-path';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync, mkdirSync } from 'node:fs';
import { AppModule, type AppOverrides } from './app.module';
import { API_KEY_HEADER } from './auth/accepts-api-key.decorator';
import { type AppConfig, ConfigError } from './config/app-config';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

const loggerFor = (level: AppConfig['logLevel']): LogLevel[] | false =>
  level === 'silent' ? false : LEVELS.slice(0, LEVELS.indexOf(level) + 1);

/** Builds the whole application (API, docs, console) for one configuration; main, tests and benchmarks share it. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<INestApplication> {
  try {
    mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError([
      `DATA_DIR ${config.dataDir} cannot be created: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    ]);
  }
  const module = AppModule.register(config, overrides);
  const logger = loggerFor(config.logLevel);
  const app =
    config.httpAdapter === 'fastify'
      ? await NestFactory.create<NestFastifyApplication>(
          module,
          new FastifyAdapter({ bodyLimit: 1_048_576 }),
          { logger, abortOnError: false },
        )
      : await NestFactory.create<NestExpressApplication>(module, new ExpressAdapter(), {
          logger,
          abortOnError: false,
        });
  app.enableShutdownHooks();
  if (config.httpAdapter === 'fastify') registerDataListFastPath(app as NestFastifyApplication);

  const document = SwaggerModule.createDocument(
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
          description: 'An app key of one environment; accepted by the data API only',
        },
        API_KEY_HEADER,
      )
      .build(),
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
