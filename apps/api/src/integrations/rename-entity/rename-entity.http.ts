import { Body, Controller, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { RenameEntityCommand } from './rename-entity.command';

export class RenameEntityBody {
  @ApiProperty({ example: 'Records' })
  @IsString()
  @Length(1, 128)
  name!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class RenameEntityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Patch(':id/entities/:name')
  @ApiOperation({ summary: 'Rename an entity: always refused (409), entities keep their names' })
  async rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
    @Body() body: RenameEntityBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new RenameEntityCommand(id, name, body.name, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
