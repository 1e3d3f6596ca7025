import { Controller, Delete, Get, Module, Patch, Post } from '@nestjs/common';
import { controllersOf, RouteTable } from './route-table';

@Controller('api/data/:env/:integrationId/:entity')
class RowsController {
  @Get() list() {}
  @Post() create() {}
  @Get(':key') get() {}
  @Patch(':key') update() {}
  @Delete(':key') remove() {}
}

@Controller('api/integrations')
class IntegrationsController {
  @Get(':id') get() {}
  @Post('republish') republish() {}
}

@Controller()
class HealthController {
  @Get('health') health() {}
}

describe('RouteTable', () => {
  const table = RouteTable.fromControllers(
    [RowsController, IntegrationsController, HealthController],
    [{ method: 'GET', path: '/api/docs-json' }],
  );

  it.each([
    ['/api/data/dev/1/customers', ['GET', 'HEAD', 'POST']],
    ['/api/data/dev/1/customers/7', ['DELETE', 'GET', 'HEAD', 'PATCH']],
    ['/api/integrations/0190a000-0000-7000-8000-000000000000', ['GET', 'HEAD']],
    ['/api/integrations/republish', ['GET', 'HEAD', 'POST']],
    ['/health', ['GET', 'HEAD']],
    ['/api/docs-json', ['GET', 'HEAD']],
  ])('answers the methods of %s from the routes declared on it', (path, methods) =>
    expect(table.allowedMethods(path)).toEqual(methods),
  );

  it.each([
    ['an unknown path', '/api/nothing'],
    ['a path one segment longer than any route', '/api/data/dev/1/customers/7/more'],
    ['a known path with a trailing slash', '/api/data/dev/1/customers/'],
    ['the root', '/'],
  ])('knows no method for %s', (_, path) => expect(table.allowedMethods(path)).toEqual([]));
});

describe('controllersOf', () => {
  @Module({ controllers: [RowsController] })
  class DataModule {}

  @Module({ imports: [DataModule], controllers: [IntegrationsController] })
  class IntegrationsModule {}

  @Module({})
  class AppModule {}

  it('given an app module importing context modules (one twice), when its controllers are collected, then each controller of every module comes once', () => {
    const root = {
      module: AppModule,
      imports: [IntegrationsModule, DataModule],
      controllers: [HealthController],
    };

    expect(controllersOf(root)).toEqual(
      expect.arrayContaining([RowsController, IntegrationsController, HealthController]),
    );
    expect(controllersOf(root)).toHaveLength(3);
  });
});
