import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/environments/:env/api-keys')
export class RevokeApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':keyId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key (admin of the environment): it is refused from the next request on',
  })
  @ApiParam({ name: 'env', description: 'The environment of the key', example: 'development' })
  @ApiParam({ name: 'keyId', format: 'uuid', description: 'The key id' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiProblems({
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: 'API_KEY.NOT_FOUND: no such key in the environment',
  })
  async revoke(
    @Param('env') environment: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.commands.execute(new RevokeApiKeyCommand({ environment, keyId }, context));
  }
}
