import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { ConvertToOpenCommand } from './convert-to-open.command';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class ConvertToOpenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Convert an integration to open: it can no longer be edited or published by the builder',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  async convert(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new ConvertToOpenCommand(id, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
