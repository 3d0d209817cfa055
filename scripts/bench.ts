// npm run bench — every benchmark, then one table of their figures: figure, this run, aim.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { readBenchResult } from './bench-result';

for (const name of ['import', 'dashboard']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `scripts/bench-${name}.ts`], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
const rows = [...readBenchResult('import'), ...readBenchResult('dashboard')];
const mark = (met: boolean | null) => (met === null ? '' : met ? 'gehaald' : 'niet gehaald');
const width = (k: 'figure' | 'value' | 'aim') => Math.max(...rows.map((r) => r[k].length), 6);
const [wf, wv, wa] = [width('figure'), width('value'), width('aim')];
console.log(`\n${'Cijfer'.padEnd(wf)}  ${'Deze run'.padEnd(wv)}  ${'Doel'.padEnd(wa)}`);
console.log(`${'-'.repeat(wf)}  ${'-'.repeat(wv)}  ${'-'.repeat(wa)}  ------------`);
for (const r of rows) console.log(`${r.figure.padEnd(wf)}  ${r.value.padEnd(wv)}  ${r.aim.padEnd(wa)}  ${mark(r.met)}`);
console.log(
  `\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model}), ${Math.round(os.totalmem() / 1024 ** 3)} GB geheugen.`,
);
