import path from 'node:path';
import type { Page } from '@playwright/test';

/** A full-page screenshot into $FACTURO_SHOTS when set (to look at the screens), nothing otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.FACTURO_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
