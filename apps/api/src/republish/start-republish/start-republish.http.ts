import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { StartRepublishCommand } from './start-republish.command';

@ApiTags('republish')
@ApiBearerAuth()
@Controller('api/integrations')
export class StartRepublishController {
  constructor(private readonly commands: CommandBus) {}

  @Post('republish')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Republish every integration a breaking dependency update affected (admin of a development ' +
      'environment; asynchronous): follow the Location to see each one',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async republish(@Ctx() context: RequestContext, @Res({ passthrough: true }) reply: HttpReply) {
    const outcome = await this.commands.execute(new StartRepublishCommand(context));
    reply.header('Location', `/api/republish-runs/${outcome.runId}`);
    return outcome;
  }
}
