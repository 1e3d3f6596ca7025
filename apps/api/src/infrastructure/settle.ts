/**
 * A synchronous action's answer, or its error, as a settled promise (never a synchronous throw): how
 * the embedded node:sqlite adapters meet ports that a server database answers asynchronously.
 */
export function settle<T>(action: () => T): Promise<T> {
  try {
    return Promise.resolve(action());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
