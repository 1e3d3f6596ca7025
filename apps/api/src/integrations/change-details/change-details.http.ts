import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { ChangeDetailsCommand } from './change-details.command';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class ChangeDetailsBody {
  @ApiProperty({ example: 'Orders' })
  @IsString()
  @MaxLength(100)
  applicationName!: string;

  @ApiProperty({ example: 'Orders_IS' })
  @IsString()
  @MaxLength(100)
  moduleName!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  description!: string;

  @ApiPropertyOptional({ description: 'Icon as a data URL or a short name; absent removes it' })
  @Omittable()
  @IsString()
  @MaxLength(100_000)
  icon?: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class ChangeDetailsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/details')
  @ApiOperation({ summary: "Change an integration's application name, module name, description and icon" })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'INTEGRATION.INVALID, an id that is not a UUID, or a missing or invalid field',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeDetailsBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(
      new ChangeDetailsCommand(
        id,
        {
          applicationName: body.applicationName,
          moduleName: body.moduleName,
          description: body.description,
          ...(body.icon === undefined ? {} : { icon: body.icon }),
        },
        context,
      ),
    );
    return this.views.afterWrite(id, outcome, reply);
  }
}
