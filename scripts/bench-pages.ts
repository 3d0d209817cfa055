// Part of npm run bench:dashboard: the dashboard pages in headless Chromium against the benchmark's
// database. The portal runs as in production (next start); a municipal and a regional account log
// in with password and 2FA like anyone else; each page is loaded 20 times and timed from the
// navigation to its main content (the first indicator card, or the indicator table), on a desktop
// and on a phone profile (Pixel 7 screen, CPU slowed down four times); each load starts after the
// previous one has finished. Printed beside it, not an aim of its own: when an indicator page's chart
// has been drawn, and how much script the page runs.
import { existsSync } from 'node:fs';
import { type Browser, chromium, devices, type Page } from '@playwright/test';
import { type BenchFigure, percentile } from './bench-result';
import { buildIfNeeded } from './build-if-needed';
import { startWebServer, type WebServer } from './web-processes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 3190;
export const PORTAL = `http://localhost:${PORT}`;
const LOADS = 20;
const PASSWORD = 'Bench-wachtwoord-123';

export type Account = { label: string; role: 'GEMEENTE' | 'REGIO' | 'AANBIEDER_UPLOAD'; organisationId: string };

/** A chart box with something in it: drawn (until session 25 recharts filled an empty box after hydration). */
const CHART = '.rangschikking > *, .trendgrafiek > *';

const PAGES = [
  { label: 'overzicht', path: '/dashboard', main: 'article.indicatorkaart', chart: null },
  {
    label: 'uitval per aanbieder',
    path: '/dashboard/uitval?groep=aanbieder',
    main: 'table.indicatortabel',
    chart: CHART,
  },
  {
    label: 'uitval per kwartaal met filters',
    path: '/dashboard/uitval?groep=kwartaal&verwijzer=02&hulpvorm=02',
    main: 'table.indicatortabel',
    chart: CHART,
  },
];

const ms = (v: number) => `${Math.round(v)} ms`;

/**
 * The portal as in production (next start, in `processes` processes: scripts/web-processes.ts) on the
 * benchmark's database; the jobs run elsewhere.
 */
export async function startPortal(processes = 1): Promise<WebServer> {
  await buildIfNeeded();
  const server = startWebServer({
    count: processes,
    port: PORT,
    env: { ...process.env, JOBS_IN_SERVER: 'uit', APP_URL: PORTAL, NEXTAUTH_URL: PORTAL },
  });
  // Every process listening (each says so), then one answer: a process still starting gets no connections.
  const ready = server.processes.map(
    (child) =>
      new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => /Ready in/.test(chunk.toString()) && resolve());
        child.stderr?.pipe(process.stderr);
      }),
  );
  const minute = new Promise<'te laat'>((resolve) => setTimeout(() => resolve('te laat'), 60_000).unref());
  if ((await Promise.race([Promise.all(ready), minute])) !== 'te laat') {
    for (let i = 0; i < 20; i++) {
      if (
        await fetch(`${PORTAL}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return server;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  await server.stop();
  throw new Error('Het portaal startte niet binnen een minuut.');
}

/** Logs in with password and 2FA code, as anyone does. */
export async function login(page: Page, email: string, secret: string) {
  const { currentTotpCode } = await import('@/lib/auth/totp');
  await page.goto(`${PORTAL}/inloggen`);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Code uit uw authenticator-app').fill(await currentTotpCode(secret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

/** An enrolled account of the organisation, made as an invitation and enrolment would. */
export async function makeAccount(a: Account) {
  const { db } = await import('@/lib/db');
  const { hashPassword } = await import('@/lib/auth/password');
  const { newTotpSecret } = await import('@/lib/auth/totp');
  const { sealString } = await import('@/lib/crypto/secret-box');
  const email = `bench-${a.role.toLowerCase()}-${Date.now()}@bench.nl`;
  const user = await db().user.create({
    data: {
      email,
      name: `Bench ${a.label}`,
      role: a.role,
      organisationId: a.organisationId,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  const secret = newTotpSecret();
  await db().user.update({
    where: { id: user.id },
    data: { totpSecretEnc: sealString(secret, user.id), totpEnabledAt: new Date() },
  });
  return { email, secret };
}

/** A headless Chromium (Debian's), or null when there is none. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\nChromium ontbreekt op ${CHROMIUM} (apt-get install chromium): pagina's en belasting overgeslagen.`);
    return null;
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}

export async function benchPages(browser: Browser, accounts: Account[]): Promise<BenchFigure[]> {
  console.log(`\nPagina's in headless Chromium, ${LOADS} keer geladen, tijd tot de hoofdinhoud:`);
  const figures: BenchFigure[] = [];
  for (const account of accounts) {
    const { email, secret } = await makeAccount(account);
    for (const profile of ['desktop', 'telefoon'] as const) {
      const context = await browser.newContext(
        profile === 'desktop'
          ? { viewport: { width: 1366, height: 900 }, locale: 'nl-NL' }
          : { ...devices['Pixel 7'], locale: 'nl-NL' },
      );
      const page = await context.newPage();
      if (profile === 'telefoon') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      // One login per account and profile; TOTP allows one code per 30 s window and account.
      if (profile === 'telefoon') await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 500));
      await login(page, email, secret);
      for (const p of PAGES) {
        const times: number[] = [];
        const chartTimes: number[] = [];
        for (let i = 0; i < LOADS; i++) {
          const t = performance.now();
          await page.goto(`${PORTAL}${p.path}`, { waitUntil: 'commit' });
          await page.locator(p.main).first().waitFor({ timeout: 30_000 });
          times.push(performance.now() - t);
          if (p.chart) {
            await page.locator(p.chart).first().waitFor({ timeout: 30_000 });
            chartTimes.push(performance.now() - t);
          }
          // untimed: the page finishes (the rest of its HTML, hydration) before the next load starts,
          // as it does for a user, who reads a page before the next click (before session 13 the
          // next load shared the browser's main thread with the end of this one)
          await page.waitForLoadState('load');
        }
        // the page's scripts, unpacked, whether they came from the network or the browser's cache
        const script = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script')
            .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
        );
        const aim = profile === 'desktop' ? 1000 : 1500;
        const p95 = percentile(times, 95);
        const chart = chartTimes.length
          ? `; grafiek getekend p50 ${ms(percentile(chartTimes, 50))}, p95 ${ms(percentile(chartTimes, 95))}`
          : '';
        console.log(
          `  ${account.label}, ${profile}, ${p.label}: eerste keer ${ms(times[0])}, p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}${chart}; script ${Math.round(script / 1024)} KB`,
        );
        figures.push({
          figure: `Pagina ${account.label}, ${profile}, ${p.label}: p95`,
          value: ms(p95),
          aim: `< ${aim / 1000} s`.replace('.', ','),
          met: p95 < aim,
        });
      }
      await context.close();
    }
  }
  return figures;
}
