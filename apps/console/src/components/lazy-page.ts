import { type ComponentType, lazy } from 'react';

/**
 * A page loaded when first shown: each route is a chunk of its own, so the first page a visitor opens
 * does not wait for the code of every other one (React.lazy wants a default export; ours are named).
 */
export const lazyPage = <Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name & (Module[Name] extends ComponentType ? Name : never),
) => lazy(async () => ({ default: (await load())[name] as ComponentType }));
