import { expect, test } from '@playwright/test';
import { loginDemo } from './helpers/accounts';
import { DESKTOP, PHONE } from './helpers/screens';

// Issue 13: the filters. The period is chosen in whole quarters and always in view (the default
// included), every active filter is a chip that removes it, "Meer filters" stays collapsed so the
// figures stay above the fold, the gemeente list can be searched, and on a phone the figures come
// before the form.

const month = (d: Date) => d.toISOString().slice(0, 7);
const addMonths = (m: string, k: number) =>
  month(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)) - 1 + k, 1)));

test('the quarter picker shows the active period, chips remove filters, the figures stay above the fold', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.setViewportSize(DESKTOP);
  await page.goto('/dashboard/uitval?groep=aanbieder');
  const active = page.getByTestId('actieve-filters');
  // the default period is named, in the line above the figures and in the picker itself: for a
  // municipality the calendar year of the last whole month
  const year = addMonths(month(new Date()), -1).slice(0, 4);
  await expect(active).toContainText(`Periode: einddatum K1 ${year} t/m K4 ${year} (standaard)`);
  await expect(page.locator('#eind_van option:checked')).toHaveText(`K1 ${year} (standaard)`);
  await expect(page.locator('#eind_tm option:checked')).toHaveText(`K4 ${year} (standaard)`);

  // whole quarters: K1 2025 t/m K4 2025 is January to December
  await page.locator('#eind_van').selectOption({ label: 'K1 2025' });
  await page.locator('#eind_tm').selectOption({ label: 'K4 2025' });
  await page.getByRole('button', { name: 'Toepassen', exact: true }).click();
  await expect(page).toHaveURL(/eind_van=2025-01&eind_tm=2025-12/);
  await expect(page).toHaveURL(/groep=aanbieder/);
  await expect(active).toContainText('Periode: einddatum K1 2025 t/m K4 2025');
  await expect(active).not.toContainText('standaard');
  await expect(page.locator('#eind_van')).toHaveValue('2025-01');
  await expect(page.locator('#eind_tm')).toHaveValue('2025-12');
  await expect(page.getByRole('figure', { name: /van hoog naar laag/ })).toContainText('jan 2025 t/m dec 2025');

  // two more filters, one value each (a municipality's grammar: one value or all): each a chip; the
  // panel stays closed, the answer stays above the fold
  await page.getByText('Meer filters').click();
  await expect(page.getByRole('group', { name: 'Verwijzer' }).getByRole('checkbox')).toHaveCount(0);
  await page.getByRole('group', { name: 'Verwijzer' }).getByLabel('02 huisarts').check();
  await page.getByRole('group', { name: 'Complexiteit' }).getByLabel('meervoudig').check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/verwijzer=02/);
  await expect(page).toHaveURL(/complexiteit=2/);
  const chips = active.getByRole('list', { name: 'Actieve filters' }).getByRole('link');
  await expect(chips).toHaveText([
    'Einddatum: K1 2025 t/m K4 2025 × (filter weghalen)',
    'Verwijzer: 02 huisarts × (filter weghalen)',
    'Complexiteit: 2 meervoudig × (filter weghalen)',
  ]);
  await expect(page.locator('form.filterbalk details')).not.toHaveAttribute('open');
  await expect(page.getByText('Meer filters (2 actief)')).toBeVisible();
  const chart = (await page.locator('.rangschikking').boundingBox())!;
  expect(chart.y).toBeLessThan(900 - 100);

  // a chip removes just its own filter; the period stays
  await chips.filter({ hasText: '02 huisarts' }).click();
  await expect(page).toHaveURL(/complexiteit=2/);
  await expect(page).not.toHaveURL(/verwijzer=02/);
  await expect(page).toHaveURL(/eind_van=2025-01/);
  await expect(chips).toHaveCount(2);
  // the period chip goes back to the default
  await chips.filter({ hasText: 'Einddatum' }).click();
  await expect(page).not.toHaveURL(/eind_van/);
  await expect(active).toContainText('(standaard)');
  await active.getByRole('link', { name: 'Alle filters wissen' }).click();
  await expect(page).not.toHaveURL(/complexiteit/);
  await expect(active.getByRole('list', { name: 'Actieve filters' })).toHaveCount(0);
});

test('the gemeente list of a region can be searched in a real search box', async ({ page }) => {
  await loginDemo(page, 'regio@gemeenteportaal.demo');
  await page.goto('/dashboard/uitval');
  await page.getByText('Meer filters').click();
  const group = page.getByRole('group', { name: 'Gemeente' });
  const search = group.getByRole('searchbox', { name: 'Zoeken in gemeente' });
  const box = (await search.boundingBox())!;
  expect(box.width).toBeGreaterThan(150); // it was a 17 × 17 px square
  // one municipality or all (a region's grammar): radio buttons, "Alle" first
  const all = await group.getByRole('radio').count();
  expect(all).toBeGreaterThan(3);
  await expect(group.getByRole('radio', { name: 'Alle' })).toBeChecked();
  await search.fill('tilb');
  // hidden options leave the accessibility tree; "Alle" stays
  await expect(group.getByRole('radio')).toHaveCount(2);
  await expect(group.getByRole('radio', { name: /Tilburg/ })).toBeVisible();
  await group.getByRole('radio', { name: /Tilburg/ }).check();
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/gemeente=0855/);
  await expect(page.getByTestId('actieve-filters')).toContainText('Gemeente: Gemeente Tilburg (GM0855)');
});

test('on a phone the figures come before the filter form', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.setViewportSize(PHONE);
  for (const [url, figures] of [
    ['/dashboard?verwijzer=02', '.indicatorkaart'],
    ['/dashboard/uitval?groep=aanbieder&verwijzer=02', 'figure.antwoord'],
  ] as const) {
    await page.goto(url);
    const first = (await page.locator(figures).first().boundingBox())!;
    const form = (await page.locator('form.filterbalk').boundingBox())!;
    expect(first.y, url).toBeLessThan(form.y);
    expect(first.y, url).toBeLessThan(844);
    // the active filters stay above the figures, with the way to the form
    await expect(page.getByTestId('actieve-filters')).toContainText('Verwijzer: 02 huisarts');
    await page.getByRole('link', { name: 'Filters aanpassen' }).click();
    await expect(page.locator('#eind_van')).toBeInViewport();
  }
  // on a desktop the form stays above the figures
  await page.setViewportSize(DESKTOP);
  await page.goto('/dashboard');
  expect((await page.locator('form.filterbalk').boundingBox())!.y).toBeLessThan(
    (await page.locator('.indicatorkaart').first().boundingBox())!.y,
  );
  await expect(page.getByRole('link', { name: 'Filters aanpassen' })).toBeHidden();
});

test('per quarter the trend is a chart with a scale, a tooltip and the running quarter marked', async ({ page }) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  await page.setViewportSize(DESKTOP);
  await page.goto('/dashboard/zonder-hulp-verder?groep=kwartaal');
  const figure = page.getByRole('figure', { name: /door de tijd/ });
  await expect(figure).toBeVisible();
  const points = figure.locator('ol.sr-only li');
  const rows = await page.locator('table.indicatortabel tbody tr').count();
  await expect(points).toHaveCount(rows - 1); // the table's last row is the total
  // the default period runs to last month, widened to its whole quarter: that quarter still runs
  await expect(points.last()).toContainText('(loopt nog)');
  await expect(figure.locator('.lopend-punt')).toHaveCount(1);
  // the comparison above the table covers the same whole quarters as the table
  const caption = await page.locator('table.indicatortabel caption').innerText();
  const thisPeriod = (
    await page.locator('table.vergelijking tbody tr').first().locator('td').first().innerText()
  ).trim();
  expect(caption).toContain(`einddatum ${thisPeriod}`);
  // the scale fits the values instead of starting at 0
  // the y axis's ticks are the ones in per cent (the x axis names quarters)
  const ticks = (await figure.locator('.trend-as-y span').allTextContents())
    .filter((t) => /^\d+%$/.test(t.trim()))
    .map((t) => Number(t.trim().replace('%', '')));
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const values = (await points.allTextContents())
    .map((t) => /: ([\d,]+) ?%/.exec(t)?.[1])
    .filter(Boolean)
    .map((v) => Number(v!.replace(',', '.')));
  expect(Math.min(...ticks)).toBeLessThanOrEqual(Math.min(...values));
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.max(...values));
  expect(Math.min(...ticks)).toBeGreaterThan(0);
  // a tooltip names the quarter and its figure
  const dot = figure.locator('.trend-punt').first();
  await expect(dot.locator('.trend-tip')).toBeHidden();
  await dot.hover();
  await expect(dot.locator('.trend-tip')).toBeVisible();
  await expect(dot.locator('.trend-tip')).toContainText(/K\d 20\d\d/);
  // the running quarter's point is the last, on the dashed line
  await expect(figure.locator('.trend-punt').last()).toHaveClass(/lopend-punt/);
  await expect(figure.locator('.trend-lijn.lopend')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('trend-1366.png') });
});

test('per month the trend names its periods under their points without overlap, on a desktop and a phone', async ({
  page,
}) => {
  await loginDemo(page, 'gemeente@gemeenteportaal.demo');
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto('/dashboard/uitval?groep=maand');
    const figure = page.getByRole('figure', { name: /door de tijd/ });
    const names = figure.locator('.trend-as-x span');
    const boxes = (await names.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))).filter(
      (b) => b.width > 0,
    );
    // a few names, the latest period always among them, none over another
    expect(boxes.length).toBeGreaterThanOrEqual(viewport === DESKTOP ? 4 : 2);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThan(boxes[i - 1].right);
    const points = figure.locator('ol.sr-only li');
    const latest = ((await points.last().textContent()) ?? '').split(/[:(]/)[0].trim();
    await expect(names.last()).toHaveText(latest);
    await expect(names.last()).toBeVisible();
    // the chart fits the page: no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`trend-maand-${viewport.width}.png`) });
  }
});
