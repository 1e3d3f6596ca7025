const HASH = /^sha256:[0-9a-f]{64}$/;

/**
 * Generated packages, content-addressed by `sha256:<hex>`: files in the data folder, or the product
 * database when several instances share one. Writing a package twice is harmless. The abstract class
 * is the injection token.
 */
export abstract class PackageStore {
  abstract put(hash: string, bytes: Buffer): Promise<void>;
  abstract get(hash: string): Promise<Buffer | undefined>;
  abstract close(): Promise<void>;
}

export function assertPackageHash(hash: string): void {
  if (!HASH.test(hash)) throw new Error(`Not a package hash: ${hash}`);
}

/** The store cannot read or write packages now (answer 503; a retry may succeed). */
export class PackageStoreUnavailableError extends Error {
  readonly code = 'PACKAGES.STORE_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Package store unavailable: ${detail}`, options);
    this.name = new.target.name;
  }
}
