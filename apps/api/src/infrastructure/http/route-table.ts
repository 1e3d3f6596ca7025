import { type DynamicModule, type ForwardReference, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';

export type Route = Readonly<{ method: string; path: string }>;

type CompiledRoute = Readonly<{ method: string; segments: readonly (string | null)[] }>;

const segmentsOf = (path: string): string[] => path.split('/').filter((segment) => segment !== '');

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [''];

const joinPaths = (...parts: string[]) => `/${parts.flatMap(segmentsOf).join('/')}`;

type ModuleLike = Type | DynamicModule | Promise<DynamicModule> | ForwardReference;

/** Every controller a module and the modules it imports (statically) register, each once. */
export function controllersOf(root: Type | DynamicModule): Type[] {
  const controllers = new Set<Type>();
  const visited = new Set<unknown>();
  const visit = (module: ModuleLike) => {
    if (visited.has(module) || module instanceof Promise || 'forwardRef' in module) return;
    visited.add(module);
    const type = 'module' in module ? module.module : module;
    const declared = (key: string) => (Reflect.getMetadata(key, type) ?? []) as unknown[];
    const dynamic: Partial<DynamicModule> = 'module' in module ? module : {};
    for (const controller of [...declared(MODULE_METADATA.CONTROLLERS), ...(dynamic.controllers ?? [])])
      controllers.add(controller as Type);
    for (const imported of [...declared(MODULE_METADATA.IMPORTS), ...(dynamic.imports ?? [])])
      visit(imported as ModuleLike);
  };
  visit(root);
  return [...controllers];
}

/**
 * The routes the controllers declare (read from Nest's own route metadata, so both adapters see
 * the same table), to tell an unknown path (404) from a known path asked with a method it does
 * not answer (405 with `Allow`). Consulted only once the router has found nothing.
 */
export class RouteTable {
  private readonly routes: readonly CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map(({ method, path }) => ({
      method: method.toUpperCase(),
      segments: segmentsOf(path).map((segment) => (segment.startsWith(':') ? null : segment)),
    }));
  }

  static fromControllers(controllers: readonly Type[], extra: readonly Route[] = []): RouteTable {
    const routes: Route[] = [...extra];
    for (const controller of controllers) {
      const bases = asList(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const base of bases)
          for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler)))
            routes.push({ method: RequestMethod[method], path: joinPaths(base, path) });
      }
    }
    return new RouteTable(routes);
  }

  /** The methods some route of `path` answers, sorted; empty when no route has this path. */
  allowedMethods(path: string): string[] {
    const segments = segmentsOf(path);
    // Routers tell `/a/` from `/a`; so does this table, or a 405 would name a route that 404s.
    if (path.length > 1 && path.endsWith('/')) return [];
    const methods = new Set<string>();
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      if (route.segments.every((segment, i) => segment === null || segment === segments[i])) {
        methods.add(route.method);
        // Both routers answer HEAD wherever they answer GET.
        if (route.method === 'GET') methods.add('HEAD');
      }
    }
    return [...methods].sort();
  }
}
