// npm run ptable:make [-- --d 3 --v 1.25 --version 1] — writes the perturbation table
// lib/indicators/ptable-v<version>.json (docs/disclosure-control.md). Each row n (true count, from
// K up; the last row serves every larger count) is the maximum-entropy distribution of the offset v
// over max(−D, K−n) … D with mean 0 and variance V, or the largest variance the row allows: p(v) ∝
// exp(a·v + b·v²), a and b found by Newton's method. Zero and the hidden counts 1 … K−1 get no row.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    d: { type: 'string', default: '3' },
    v: { type: 'string', default: '1.25' },
    version: { type: 'string', default: '1' },
  },
});
const D = Number(values.d);
const V = Number(values.v);
const K = 7;

function maxEntropy(offsets: number[], variance: number): number[] {
  let [a, b] = [0, 0];
  const moments = () => {
    const w = offsets.map((v) => Math.exp(a * v + b * v * v));
    const z = w.reduce((s, x) => s + x, 0);
    const m = (k: number) => offsets.reduce((s, v, i) => s + (w[i] / z) * v ** k, 0);
    return { p: w.map((x) => x / z), m1: m(1), m2: m(2), m3: m(3), m4: m(4) };
  };
  for (let i = 0; i < 200; i++) {
    const { m1, m2, m3, m4 } = moments();
    const [f1, f2] = [m1, m2 - variance];
    if (Math.abs(f1) < 1e-13 && Math.abs(f2) < 1e-13) break;
    // Jacobian of (E v, E v²) in (a, b): covariances of (v, v²).
    const [j11, j12, j22] = [m2 - m1 * m1, m3 - m1 * m2, m4 - m2 * m2];
    const det = j11 * j22 - j12 * j12;
    a -= (j22 * f1 - j12 * f2) / det;
    b -= (-j12 * f1 + j11 * f2) / det;
  }
  return moments().p;
}

const rows = [];
for (let n = K; n <= K + D; n++) {
  const lo = Math.max(-D, K - n);
  const offsets = Array.from({ length: D - lo + 1 }, (_, i) => lo + i);
  // With mean 0 the variance on [lo, D] is at most −lo·D; keep a margin so the row stays spread.
  const variance = lo === 0 ? 0 : Math.min(V, 0.8 * -lo * D);
  const p = variance === 0 ? offsets.map((v) => (v === 0 ? 1 : 0)) : maxEntropy(offsets, variance);
  const kept = offsets.map((v, i) => ({ v, p: Number(p[i].toFixed(12)) })).filter((x) => x.p > 0);
  rows.push({ n, andAbove: n === K + D, offsets: kept.map((x) => x.v), probabilities: kept.map((x) => x.p), variance });
}
const table = { version: Number(values.version), k: K, maxOffset: D, variance: V, keyBits: 31, rows };
const file = path.join(import.meta.dirname, '..', 'lib', 'indicators', `ptable-v${values.version}.json`);
writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
for (const r of rows) {
  const mean = r.offsets.reduce((s, v, i) => s + v * r.probabilities[i], 0);
  const mae = r.offsets.reduce((s, v, i) => s + Math.abs(v) * r.probabilities[i], 0);
  const p0 = r.probabilities[r.offsets.indexOf(0)];
  console.log(
    `n ${r.andAbove ? '≥ ' : ''}${r.n}: mean ${mean.toFixed(6)}, variance ${r.variance}, mean |offset| ${mae.toFixed(3)}, P(0) ${p0.toFixed(3)}`,
  );
}
console.log(`written: ${path.relative(process.cwd(), file)}`);
