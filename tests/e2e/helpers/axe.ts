import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Every axe violation on the page, whatever its impact (issue 13: not only serious and critical),
 * against WCAG 2.0/2.1 A and AA and axe's best practices, each with the elements it was found on.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // After a click in the menu the browser navigates itself, and the new page's <title> arrives with
  // its streamed metadata: axe ran once in between and reported "document-title" (CI, 1 in ~10 runs).
  // Wait for a title first; a page that never gets one is still reported by axe below.
  await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 10_000 }).catch(() => {});
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target)).slice(0, 240)}`);
}
