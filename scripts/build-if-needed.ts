import { spawnSync } from 'node:child_process';
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

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
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

export function buildIfNeeded(root = process.cwd()): boolean {
  generateClientIfNeeded(root);
  const stamp = path.join(root, '.next', 'gemeenteportaal-build');
  const want = fingerprint(root);
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    return false;
  }
  console.log('Portaal bouwen (eenmalig, ~1 minuut)…');
  run(path.join(root, 'node_modules', '.bin', 'next'), ['build']);
  writeFileSync(stamp, fingerprint(root));
  return true;
}
