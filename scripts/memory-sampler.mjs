// Part of npm run bench:import: the peak resident memory of a process and its children, sampled every
// 50 ms from outside it. Sampling /proc inside the measured process (as the benchmark did until
// session 16) grew that process's own heap by ~70 MB over a million records: the measurement
// measured itself. Plain JavaScript, so that it runs under node without a compiler process.
//
// node scripts/memory-sampler.mjs <pid>: samples until its stdin ends, then prints the peaks as JSON,
// {"total","portal","reader"} in bytes: "portal" is <pid> with its compiler (tsx's esbuild), "reader"
// every node child with all of its children (the import's reader), never this sampler; the database
// server (also a child of <pid> in the benchmark) does not count. Each is its own peak; total is the
// peak of their sum.
// node scripts/memory-sampler.mjs <pid> command: <pid> is a command (npm run import:file): "reader" is
// the import's reader process (read-upload-child, lib/imports/read-upload.ts) with its children,
// "portal" the rest of the command's processes (npm, tsx, the import), total all of them.
import { readdirSync, readFileSync } from 'node:fs';

const root = process.argv[2];
const commandMode = process.argv[3] === 'command';
const self = String(process.pid);

const read = (pid, file) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
};
const rssOf = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(read(pid, 'status'))?.[1] ?? 0) * 1024;

function treeRss() {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const parent = read(pid, 'stat').split(') ')[1]?.split(' ')[1];
    if (parent) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const treeOf = (pid) => rssOf(pid) + (children.get(pid) ?? []).reduce((n, c) => n + treeOf(c), 0);
  if (commandMode) {
    const split = (pid) =>
      read(pid, 'cmdline').includes('read-upload-child')
        ? { portal: 0, reader: treeOf(pid) }
        : (children.get(pid) ?? [])
            .map(split)
            .reduce((a, b) => ({ portal: a.portal + b.portal, reader: a.reader + b.reader }), {
              portal: rssOf(pid),
              reader: 0,
            });
    return split(root);
  }
  let portal = rssOf(root);
  let reader = 0;
  for (const child of children.get(root) ?? []) {
    if (child === self) continue;
    const name = read(child, 'comm').trim();
    if (name === 'node') reader += treeOf(child);
    else if (name === 'esbuild') portal += treeOf(child);
  }
  return { portal, reader };
}

const peak = { total: 0, portal: 0, reader: 0 };
const sample = () => {
  const { portal, reader } = treeRss();
  peak.total = Math.max(peak.total, portal + reader);
  peak.portal = Math.max(peak.portal, portal);
  peak.reader = Math.max(peak.reader, reader);
};
sample();
const timer = setInterval(sample, 50);
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  sample();
  process.stdout.write(`${JSON.stringify(peak)}\n`);
});
