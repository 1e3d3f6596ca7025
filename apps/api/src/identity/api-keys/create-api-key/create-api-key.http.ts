import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, MaxLength, ValidateNested } from 'class-validator';
import { type ApiKeyScope } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { ShownOnce } from '../../../infrastructure/idempotency/shown-once';
import { CreateApiKeyCommand } from './create-api-key.command';
import { CreatedApiKeySchema } from './created-api-key.schema';
import { ApiKeyScopeSchema } from '../api-key-queries/api-key-scope.schema';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

export class CreateApiKeyBody {
  @ApiProperty({ example: 'Warehouse app', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  appName!: string;

  @ApiPropertyOptional({ example: 'CI pipeline', maxLength: 200 })
  @Omittable()
  @IsString()
  @MaxLength(200)
  label?: string;

  @ApiPropertyOptional({
    type: ApiKeyScopeSchema,
    description:
      'What of the data API the key reaches (leave out for all of it). Out-of-scope calls are refused ' +
      'with 403 API_KEY.OUT_OF_SCOPE, writes with a read-only key with 403 API_KEY.READ_ONLY',
  })
  @Omittable()
  @ValidateNested()
  @Type(() => ApiKeyScopeSchema)
  scope?: ApiKeyScopeSchema;
}

/** The body's scope as plain data: no class instance reaches the command or the event. */
const scopeOf = ({ integrations, entities, readOnly }: ApiKeyScopeSchema): ApiKeyScope => ({
  ...(integrations === undefined ? {} : { integrations: [...integrations] }),
  ...(entities === undefined
    ? {}
    : { entities: entities.map(({ integrationId, entity }) => ({ integrationId, entity })) }),
  ...(readOnly === true ? { readOnly } : {}),
});

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/environments/:env/api-keys')
export class CreateApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Give an app a key to the data API of the environment (admin there). The answer is the only one that shows the key.',
    description:
      'A retry with the same Idempotency-Key answers the key created by the first attempt (same id) without `key`: ' +
      'the key is never stored, so it cannot be shown again. If that first answer was lost, revoke the key and create another.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ShownOnce('key')
  @ApiParam({
    name: 'env',
    description: 'The environment whose data API the key opens',
    example: 'development',
  })
  @ApiCreatedResponse({
    type: CreatedApiKeySchema,
    headers: {
      Location: {
        required: true,
        description: 'The key: /api/environments/{env}/api-keys/{id}',
        schema: { type: 'string' },
      },
      'Cache-Control': {
        description: '`no-store` on the first answer, the one that carries the key (a replay has none)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({
    400: 'REQUEST.INVALID or API_KEY.INVALID: invalid appName, label or scope',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: 'ENVIRONMENT.NOT_FOUND',
  })
  async create(
    @Param('env') environment: string,
    @Body() body: CreateApiKeyBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<CreatedApiKeySchema> {
    const { apiKey, key } = await this.commands.execute(
      new CreateApiKeyCommand(
        {
          environment,
          appName: body.appName,
          label: body.label,
          ...(body.scope === undefined ? {} : { scope: scopeOf(body.scope) }),
        },
        context,
      ),
    );
    reply.header('Location', `/api/environments/${environment}/api-keys/${apiKey.keyId}`);
    reply.header('Cache-Control', 'no-store');
    return {
      id: apiKey.keyId,
      environment: apiKey.environment,
      appName: apiKey.appName,
      label: apiKey.label,
      hint: apiKey.hint,
      ...(apiKey.scope === undefined ? {} : { scope: apiKey.scope }),
      status: 'active' as const,
      createdAt: apiKey.createdAt,
      key,
    };
  }
}
