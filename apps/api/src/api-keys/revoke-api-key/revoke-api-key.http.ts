import { Controller, Delete, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
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
  async revoke(
    @Param('env') environment: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.commands.execute(new RevokeApiKeyCommand({ environment, keyId }, context));
  }
}
