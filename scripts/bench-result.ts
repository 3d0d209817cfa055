import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The benchmarks each write their figures here; npm run bench prints them as one table.
export type BenchFigure = { figure: string; value: string; aim: string; met: boolean | null };

const DIR = path.join(process.cwd(), '.data', 'bench');

export function writeBenchResult(name: string, figures: BenchFigure[]) {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, `${name}.json`), JSON.stringify(figures, null, 2));
}

export function readBenchResult(name: string): BenchFigure[] {
  try {
    return JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8'));
  } catch {
    return [];
  }
}

/** The p-th percentile of `xs` (nearest rank). */
export const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
