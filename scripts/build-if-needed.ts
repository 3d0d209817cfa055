import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `npm start` builds only when the sources changed since the last build (a fingerprint of
// paths, sizes and modification times of everything the build reads).
const INPUTS = ['app', 'components', 'lib', 'prisma', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['generated', 'node_modules', '.next']);

function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!SKIP.has(e)) walk(path.join(p, e));
    } else hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const i of INPUTS) walk(path.join(root, i));
  return hash.digest('hex');
}

const BUILD_ENV: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: BUILD_ENV });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} mislukt (code ${r.status})`);
}

export function generateClientIfNeeded(root = process.cwd()) {
  const schema = readFileSync(path.join(root, 'prisma', 'schema.prisma'));
  const stamp = path.join(root, 'lib', 'generated', 'prisma', '.schema-hash');
  const want = createHash('sha256').update(schema).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  run(path.join(root, 'node_modules', '.bin', 'prisma'), ['generate']);
  writeFileSync(stamp, want);
}

const stampOf = (root: string) => path.join(root, '.next', 'gemeenteportaal-build');

function buildIsCurrent(root: string): boolean {
  const stamp = stampOf(root);
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fingerprint(root)
  );
}

/**
 * Builds when the sources changed since the last build. `quiet`: the build's output is kept and
 * printed only when it fails, for a build that runs beside other work (npm test builds while the
 * integration tests, which mostly wait on PostgreSQL, run).
 */
export async function buildIfNeeded(root = process.cwd(), { quiet = false } = {}): Promise<boolean> {
  generateClientIfNeeded(root);
  if (buildIsCurrent(root)) return false;
  console.log(quiet ? 'Portaal bouwen op de achtergrond…' : 'Portaal bouwen (eenmalig, ~1 minuut)…');
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
    env: BUILD_ENV,
    stdio: quiet ? 'pipe' : 'inherit',
  });
  const output: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => output.push(b));
  child.stderr?.on('data', (b: Buffer) => output.push(b));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error(`next build mislukt (code ${code})`);
  }
  writeFileSync(stampOf(root), fingerprint(root));
  return true;
}
