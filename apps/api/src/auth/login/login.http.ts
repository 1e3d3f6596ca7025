import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Public } from '../public.decorator';
import { Ctx, type RequestContext } from '../request-context.decorator';
import { LoginCommand } from './login.command';

export class LoginBody {
  @ApiProperty({ example: 'development' })
  @IsString()
  @Length(1, 40)
  environment!: string;

  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class LoginController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in to an environment with IT user credentials; returns a short-lived bearer token',
  })
  login(@Body() body: LoginBody) {
    return this.commands.execute(new LoginCommand(body.environment, body.username, body.password));
  }

  @Get('me')
  @ApiBearerAuth()
  me(@Ctx() context: RequestContext) {
    const { id, username, roles, environment } = context.user;
    return { id, username, roles, environment };
  }
}
