import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { report } from './lib/report';

/** What the browser may download, gzipped, before the first page shows (issue 17). */
export const FIRST_PAGE_BUDGET_BYTES = 400 * 1024;

/** One entry of Vite's `.vite/manifest.json` (build.manifest), keyed by source path. */
export type ManifestChunk = Readonly<{
  file: string;
  isEntry?: boolean;
  imports?: readonly string[];
  dynamicImports?: readonly string[];
  css?: readonly string[];
}>;
export type Manifest = Readonly<Record<string, ManifestChunk>>;

/** The pages a first visit may open: the login page, then the home page of either kind of user. */
const LAYOUT = 'src/components/console-layout.tsx';
const FIRST_PAGES = [
  { name: 'login page', sources: ['src/components/login-page.tsx'] },
  { name: 'admin home', sources: [LAYOUT, 'src/resources/approvals/list.tsx'] },
  { name: 'developer home', sources: [LAYOUT, 'src/resources/integrations/list.tsx'] },
] as const;

/**
 * The JavaScript files a page needs: index.html's entry and everything it imports statically, then,
 * for a lazily loaded page, its chunk and its static imports. Dynamic imports of what is reached are left
 * out: they load when a later page needs them.
 */
export function filesLoadedBy(manifest: Manifest, source: string): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (entry === undefined) throw new Error('The manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (manifest[key] === undefined) throw new Error(`The manifest has no ${key}`);
    seen.add(key);
    manifest[key].imports?.forEach(visit);
  };
  visit(entry);
  // A lazily loaded page has a manifest entry of its own; one that does not is inside the entry's closure.
  if (manifest[source] !== undefined) visit(source);
  return [...seen].map((key) => manifest[key].file);
}

const gzippedSize = (path: string): number => gzipSync(readFileSync(path)).length;

/**
 * `npm run bench:console`: the gzipped JavaScript each first page needs, from the built console's
 * Vite manifest, against the 400 KB budget (and the whole build for comparison).
 */
export function runConsoleBundleBench(consoleDir = join(process.cwd(), 'dist/console')): void {
  const manifestPath = join(consoleDir, '.vite/manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: run npm run build:console first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const size = (files: Iterable<string>) =>
    [...new Set(files)].reduce((total, file) => total + gzippedSize(join(consoleDir, file)), 0);
  const kb = (bytes: number) => bytes / 1024;
  const everything = Object.values(manifest)
    .map(({ file }) => file)
    .filter((file) => file.endsWith('.js'));
  report('console: all JavaScript', kb(size(everything)), 'KB', `gzip, ${everything.length} files`);
  for (const page of FIRST_PAGES) {
    const files = page.sources
      .flatMap((source) => filesLoadedBy(manifest, source))
      .filter((file) => file.endsWith('.js'));
    const bytes = size(files);
    const verdict = bytes <= FIRST_PAGE_BUDGET_BYTES ? 'met' : 'MISSED';
    report(
      `console first load: ${page.name}`,
      kb(bytes),
      'KB',
      `gzip, ${new Set(files).size} files; budget ${kb(FIRST_PAGE_BUDGET_BYTES)} KB ${verdict}`,
    );
  }
}

if (require.main === module) runConsoleBundleBench();
