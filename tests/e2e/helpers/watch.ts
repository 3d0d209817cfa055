import { errors, type Page, test } from '@playwright/test';
import { DESKTOP, PHONE } from './screens';

/**
 * Collects what must never happen on a page while a test walks it: a console error, a failed request
 * (not an aborted one: a navigation cancels prefetches) or a server error. `stop()` ends the watch.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 160)}`);
  };
  const onFailed = (r: { url(): string; failure(): { errorText: string } | null }) => {
    const why = r.failure()?.errorText ?? '';
    if (!why.includes('ERR_ABORTED')) problems.push(`request ${r.url()}: ${why}`);
  };
  page.on('console', onConsole);
  page.on('requestfailed', onFailed);
  return {
    problems,
    stop() {
      page.off('console', onConsole);
      page.off('requestfailed', onFailed);
    },
  };
}

/** A visible "null", "undefined" or "NaN" on the page: a value that reached the screen unformatted. */
export async function visibleJunk(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return ['null', 'undefined', 'NaN'].filter((w) => new RegExp(`\\b${w}\\b`).test(text)).map((w) => `zichtbaar "${w}"`);
}

/**
 * Screenshots of the page as it is, at 1366 and at 390 px wide, in the test's output for review. They
 * assert nothing, so one that does not come within 15 s is noted on the test rather than failing it:
 * once, on a machine busy with other work, a screenshot hung after "fonts loaded" until the test's
 * own timeout.
 */
export async function screenshots(page: Page, name: string) {
  for (const screen of [PHONE, DESKTOP]) {
    await page.setViewportSize(screen);
    const shot = `${name}-${screen.width}`;
    try {
      await page.screenshot({ path: test.info().outputPath(`${shot}.png`), timeout: 15_000 });
    } catch (e) {
      if (!(e instanceof errors.TimeoutError)) throw e;
      test.info().annotations.push({ type: 'geen screenshot', description: `${shot}: na 15 s opgegeven` });
    }
  }
}

/**
 * A walk through a role's main task: `step(name)` checks the page for visible junk and leaves
 * screenshots; `problems()` is everything seen on the way, console errors and failed requests included.
 */
export function walk(page: Page, prefix: string) {
  const watch = watchPage(page);
  return {
    async step(name: string) {
      await page.waitForLoadState('networkidle');
      watch.problems.push(...(await visibleJunk(page)).map((j) => `${name}: ${j}`));
      await screenshots(page, `${prefix}-${name}`);
    },
    problems() {
      watch.stop();
      return watch.problems;
    },
  };
}
