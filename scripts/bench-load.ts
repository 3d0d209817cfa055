// Part of npm run bench:dashboard: a bounded load test against the running portal. 200 dashboard
// pages and API calls in flight at once (municipalities and a region, periods and indicators mixed,
// so both cache hits and misses), 20 uploads at once from a provider, and a production import of
// 300,000 records running meanwhile. Counts errors, the p95 of the requests, and the receipts.

import { PORTAL } from './bench-pages';
import { type BenchFigure, percentile } from './bench-result';

const REQUESTS = 1_000;
const CONCURRENCY = 200;
export const UPLOADS = 20;

const INDICATORS = ['uitval', 'clienttevredenheid', 'zonder-hulp-verder', 'geen-nieuwe-start', 'respons'];
const PERIODS = [
  'eind_van=2025-10&eind_tm=2026-09',
  'eind_van=2025-01&eind_tm=2025-12',
  'eind_van=2024-01&eind_tm=2024-12',
];
const PAGES = ['/dashboard', '/dashboard/uitval?groep=kwartaal', '/dashboard/clienttevredenheid?groep=aanbieder'];

type Load = {
  /** Web server processes the portal runs in (scripts/web-processes.ts): in the figures' names. */
  processes: number;
  /** Session cookies of municipal and regional users (for pages). */
  sessions: string[];
  /** API tokens of municipalities and the region. */
  tokens: string[];
  /** Session cookie of a provider's uploader. */
  uploader: string;
  /** Test file i (distinct content, so no upload is a duplicate). */
  uploadFile: (i: number) => Buffer;
  /** The production import that runs meanwhile. */
  runImport: () => Promise<void>;
};

const pick = <T>(xs: T[], i: number) => xs[i % xs.length];

export async function benchLoad(load: Load): Promise<BenchFigure[]> {
  const label = `Belasting (${load.processes === 1 ? '1 webserverproces' : `${load.processes} webserverprocessen`})`;
  console.log(
    `\n${label}: ${REQUESTS} pagina's en API-aanroepen, ${CONCURRENCY} tegelijk, met ${UPLOADS} uploads tegelijk en een import van 300.000 records:`,
  );
  /** Per request: when it started (ms after the start), whether it was a page, how long it took. */
  const requests: { at: number; page: boolean; ms: number }[] = [];
  const errors: string[] = [];
  const request = async (i: number) => {
    const page = i % 2 === 0;
    const url = page
      ? `${PORTAL}${pick(PAGES, i >> 1)}${pick(PAGES, i >> 1).includes('?') ? '&' : '?'}${pick(PERIODS, i >> 3)}`
      : `${PORTAL}/api/v1/indicatoren/${pick(INDICATORS, i >> 1)}?${pick(PERIODS, i >> 2)}`;
    const headers: Record<string, string> = page
      ? { cookie: pick(load.sessions, i >> 4) }
      : { authorization: `Bearer ${pick(load.tokens, i >> 4)}` };
    const t = performance.now();
    const at = t - t0;
    try {
      const res = await fetch(url, { headers, redirect: 'manual' });
      await res.arrayBuffer();
      if (res.status !== 200) errors.push(`${res.status} ${url}`);
    } catch (err) {
      errors.push(`${(err as Error).message} ${url}`);
    }
    requests.push({ at, page, ms: performance.now() - t });
  };
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) await request(next++);
  };
  const receipts: number[] = [];
  const upload = async (i: number) => {
    const res = await fetch(`${PORTAL}/api/uploads`, {
      method: 'POST',
      headers: { cookie: load.uploader, 'x-soort': 'test', 'x-bestandsnaam': `belasting-${i}.csv` },
      body: new Uint8Array(load.uploadFile(i)),
    }).catch((err: Error) => ({ status: 0, json: async () => ({ error: err.message }) }));
    const body = (await res.json().catch(() => ({}))) as { sha256?: string };
    if (res.status === 201 && body.sha256) receipts.push(i);
    else errors.push(`upload ${i}: ${res.status}`);
  };
  const t0 = performance.now();
  let importDone = 0;
  await Promise.all([
    ...Array.from({ length: CONCURRENCY }, worker),
    ...Array.from({ length: UPLOADS }, (_, i) => upload(i)),
    load.runImport().then(() => (importDone = performance.now() - t0)),
  ]);
  const times = requests.map((r) => r.ms);
  const p95 = percentile(times, 95);
  console.log(
    `  ${times.length} aanvragen: p50 ${Math.round(percentile(times, 50))} ms, p95 ${Math.round(p95)} ms, fouten ${errors.length}; ` +
      `${receipts.length} van ${UPLOADS} ontvangstbewijzen; de import klaar na ${(importDone / 1000).toFixed(1)} s`,
  );
  // Where the time goes: pages against API calls, and requests that began while the import ran against after.
  const p = (xs: number[], q: number) => (xs.length ? `${Math.round(percentile(xs, q))}` : '–');
  const split = (name: string, keep: (r: (typeof requests)[number]) => boolean) => {
    const xs = requests.filter(keep).map((r) => r.ms);
    return `${name} ${xs.length}: p50 ${p(xs, 50)}, p95 ${p(xs, 95)} ms`;
  };
  console.log(
    `  ${split("pagina's", (r) => r.page)}; ${split('API', (r) => !r.page)}; ` +
      `${split('begonnen tijdens de import', (r) => r.at < importDone)}; ${split('erna', (r) => r.at >= importDone)}; ` +
      `alle aanvragen klaar na ${(Math.max(...requests.map((r) => r.at + r.ms)) / 1000).toFixed(1)} s`,
  );
  for (const e of errors.slice(0, 5)) console.log(`    ${e}`);
  return [
    { figure: `${label}: fouten`, value: String(errors.length), aim: '0', met: errors.length === 0 },
    { figure: `${label}: p95 van de aanvragen`, value: `${Math.round(p95)} ms`, aim: '< 1 s', met: p95 < 1000 },
    {
      figure: `${label}: ontvangstbewijzen van de uploads`,
      value: `${receipts.length} van ${UPLOADS}`,
      aim: `${UPLOADS} van ${UPLOADS}`,
      met: receipts.length === UPLOADS,
    },
  ];
}
