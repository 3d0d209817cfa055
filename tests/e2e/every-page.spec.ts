import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PERMISSIONS } from '../../lib/access/permissions';
import { loginDemo, orgId, sql } from './helpers/accounts';
import { DEMO_ROLES, filesNamed, permissionIn, urlOf } from './helpers/app-tree';
import { axeViolations } from './helpers/axe';
import { DESKTOP, PHONE } from './helpers/screens';
import { visibleJunk, watchPage } from './helpers/watch';

// Issue 13: every page a role may open, in Chromium, at 1366 and at 390 px: no console error, no
// failed request, no visible "null", "undefined" or "NaN", no axe violation of any impact, no
// horizontal scrolling on a phone.
// Screenshots of each go to the test output for review. Pages come from the app/ tree with the
// permission each asks for, as in access-matrix.spec.ts.

/** Own objects for the pages with an id: what the demo gives each role. */
async function ownIds(role: string): Promise<Record<string, string>> {
  const provider = await orgId({ agb: '98100001' });
  const tilburg = await orgId({ cbs: '0855' });
  const [upload] = await sql<{ id: string }>(`SELECT id FROM upload WHERE aanbieder_id = $1 LIMIT 1`, [provider]);
  const [conversation] = await sql<{ id: string }>(`SELECT id FROM conversation WHERE aanbieder_id = $1 LIMIT 1`, [
    provider,
  ]);
  const [regio] = await sql<{ id: string }>(`SELECT id FROM organisation WHERE kind = 'REGIO' LIMIT 1`);
  const own = role.startsWith('AANBIEDER')
    ? provider
    : role === 'GEMEENTE'
      ? tilburg
      : role === 'REGIO'
        ? regio.id
        : provider;
  return {
    '/aanbieder/uploads/[id]': upload?.id ?? '',
    // the demo's conversation is Tilburg's with the provider: the region does not take part in it
    '/kwaliteitsgesprekken/[id]': role === 'REGIO' ? '' : (conversation?.id ?? ''),
    '/organisatie/[id]': own,
    '/beheer/organisaties/regio/[id]': regio.id,
    '/dashboard/[indicator]': 'uitval',
  };
}

async function look(page: Page, url: string, shot: string, problems: string[]) {
  const watch = watchPage(page);
  const errors = watch.problems;
  for (const screen of [DESKTOP, PHONE]) {
    const { width } = screen;
    await page.setViewportSize(screen);
    const res = await page.goto(url);
    if ((res?.status() ?? 0) >= 400) errors.push(`status ${res?.status()}`);
    await page.waitForLoadState('networkidle');
    errors.push(...(await visibleJunk(page)));
    // axe on the desktop layout, every violation whatever its impact (issue 13)
    if (width === 1366) for (const v of await axeViolations(page)) errors.push(`axe ${v}`);
    if (width === 390) {
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > 390 + 1) {
        // name the widest elements, so the message says what to fix
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter(
              (el) =>
                el.getBoundingClientRect().right > 391 &&
                (el.parentElement?.getBoundingClientRect().right ?? 0) <= 391 &&
                !el.parentElement?.closest('.tabel-scroll'),
            )
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        errors.push(`horizontaal scrollen op een telefoon (${scroll} px: ${wide.join(', ')})`);
      }
    }
    await page.screenshot({ path: test.info().outputPath(`${shot}-${width}.png`), fullPage: false });
  }
  watch.stop();
  for (const e of errors) problems.push(`${url}: ${e}`);
}

for (const { role, email } of DEMO_ROLES) {
  test(`every page of ${role}: no errors, no null/undefined/NaN, usable at 390 px`, async ({ page }) => {
    test.setTimeout(300_000);
    await loginDemo(page, email);
    const ids = await ownIds(role);
    const problems: string[] = [];
    for (const file of filesNamed('page.tsx')) {
      const url = urlOf(file);
      const permission = permissionIn(readFileSync(file, 'utf8'));
      if (!permission || !(PERMISSIONS[permission] as readonly string[]).includes(role)) continue;
      if (url.includes('[') && !ids[url]) continue;
      // The TTP opens regio pages; other roles have no regio page of their own.
      const target = url.replace(/\[[^\]]+\]/, ids[url] ?? '');
      await look(page, target, `${role}${url.replace(/[^a-z0-9]+/gi, '-')}`, problems);
    }
    expect(problems).toEqual([]);
  });
}
