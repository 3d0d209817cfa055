import { expect, type Locator } from '@playwright/test';

/**
 * A destructive action in `within` (a table row): open its confirmation ("Deactiveren…"), check that
 * nothing happened yet if asked, then press "Ja, deactiveren".
 */
export async function confirmAction(within: Locator, label: string, notYet?: () => Promise<void>) {
  await within.getByText(`${label}…`, { exact: true }).click();
  const yes = within.getByRole('button', { name: `Ja, ${label.toLowerCase()}` });
  await expect(yes).toBeVisible();
  await notYet?.();
  await yes.click();
}
