import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ValidationError } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { CreateApiKeyCommand } from './create-api-key.command';

export class CreateApiKeyBody {
  @ApiProperty({ example: 'Warehouse app', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  appName!: string;

  @ApiPropertyOptional({ example: 'CI pipeline', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

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
  })
  async create(
    @Param('env') environment: string,
    @Body() body: CreateApiKeyBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    // A replayed answer would have to be stored, and the key with it.
    if (context.idempotencyKey !== undefined)
      throw new ValidationError(
        'API_KEY.IDEMPOTENCY_NOT_SUPPORTED',
        'API keys are created without an Idempotency-Key',
        [
          {
            field: 'Idempotency-Key',
            message: 'is not accepted here: the key is shown once and never stored',
          },
        ],
      );
    const { apiKey, key } = await this.commands.execute(
      new CreateApiKeyCommand({ environment, appName: body.appName, label: body.label }, context),
    );
    reply.header('Location', `/api/environments/${environment}/api-keys/${apiKey.keyId}`);
    reply.header('Cache-Control', 'no-store');
    return {
      id: apiKey.keyId,
      environment: apiKey.environment,
      appName: apiKey.appName,
      label: apiKey.label,
      hint: apiKey.hint,
      status: 'active' as const,
      createdAt: apiKey.createdAt,
      key,
    };
  }
}
