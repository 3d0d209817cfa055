import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// The import's reader (read-upload-child.ts, and its worker threads: validate-worker.ts) runs as plain
// JavaScript, bundled from the TypeScript source with esbuild, not through tsx: tsx adds a loader
// thread (a V8 isolate of its own) to the process and to each worker, and an esbuild service process.
// Measured with bench:import, a million CSV records: the reader's peak 296 -> 228 MB, a small file's
// 137 -> 105 MB (docs/benchmarks.md). Built once per process on first use (~0.2 s), into a directory
// named by the bundle's content hash: a changed source gives a new directory, and a bundle in use is
// never written over. Packages stay outside the bundle and load from node_modules, as they do here.

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'node_modules', '.cache', 'gemeenteportaal-reader');
export const READER_ENTRY = 'read-upload-child.mjs';

let bundled: Promise<string> | null = null;

/** The directory holding the bundled reader (READER_ENTRY) and its worker (validate-worker.mjs). */
export function readerBundle(): Promise<string> {
  bundled ??= buildReader().catch((err: unknown) => {
    bundled = null;
    throw err;
  });
  return bundled;
}

async function buildReader(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: {
      'read-upload-child': path.join(ROOT, 'lib', 'imports', 'read-upload-child.ts'),
      'validate-worker': path.join(ROOT, 'lib', 'imports', 'validate-worker.ts'),
    },
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'silent',
  });
  await esbuild.stop(); // no esbuild service left running beside the portal
  const hash = createHash('sha256');
  for (const f of result.outputFiles) hash.update(path.basename(f.path)).update(f.contents);
  const dir = path.join(OUT, hash.digest('hex').slice(0, 16));
  if (existsSync(path.join(dir, READER_ENTRY))) return dir;
  // Written aside and renamed into place: another process never sees half a bundle.
  const tmp = `${dir}.${process.pid}.tmp`;
  await mkdir(tmp, { recursive: true });
  for (const f of result.outputFiles) await writeFile(path.join(tmp, path.basename(f.path)), f.contents);
  await rename(tmp, dir).catch(async (err: NodeJS.ErrnoException) => {
    await rm(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, READER_ENTRY))) throw err; // else another process placed the same bundle first
  });
  return dir;
}
