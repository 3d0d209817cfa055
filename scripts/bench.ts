// npm run bench [-- --files DIR --keep] — every benchmark, then one table of their figures: figure, this
// run, aim. --files goes to bench:import (keep and reuse its generated files), --keep to bench:dashboard
// (keep and reuse its database of 5 million trajectories): a second complete run then takes minutes.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { readBenchResult } from './bench-result';

const { values } = parseArgs({ options: { files: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const args = { import: values.files ? ['--files', values.files] : [], dashboard: values.keep ? ['--keep'] : [] };
for (const name of ['import', 'dashboard'] as const) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `scripts/bench-${name}.ts`, ...args[name]], {
    stdio: 'inherit',
  });
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
