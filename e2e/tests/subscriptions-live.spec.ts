import { InvoicesPage } from '../pages/InvoicesPage';
import { SubscriptionsPage } from '../pages/SubscriptionsPage';
import { expect, test } from '../support/fixtures';
import { companyToday } from '../support/dates';

/*
 * Issue 7: "devices see them appear live". An invoice list stays open in one tab while the server bills a
 * subscription (asked from another tab): the new invoice, numbered by the server and marked as a subscription's,
 * appears in the open list without a reload, through the workspace document's live update.
 */

test('an invoice the server bills appears live, numbered, in an invoice list left open', async ({ demoOwner }) => {
  test.setTimeout(90_000);
  const { owner } = await demoOwner('Lina Live');
  const list = owner.page;
  const invoices = new InvoicesPage(list);
  const customer = 'Clinique vétérinaire des Alpes';

  // The first tab opens the invoice list before the subscription exists, and marks itself: a reload would lose the mark.
  await invoices.navigate();
  await expect(invoices.rows.first()).toBeVisible();
  await list.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

  // In a second tab of the same device: a monthly subscription from today, billed now (or by the scheduler first).
  const other = await list.context().newPage();
  await other.goto(list.url());
  const subs = new SubscriptionsPage(other);
  await subs.navigate('subscriptions');
  const today = companyToday();
  await subs.fillSubscription({ customer, start: today, plan: 'Maintenance mensuelle', quantity: '1' });
  await subs.createSubscription();
  await other.getByTestId('bill-now').click();
  const link = other.getByTestId('subscription-billing').getByTestId('billing-link');
  await expect(link).toHaveCount(1);
  const number = ((await link.textContent()) ?? '').trim();
  const invoiceId = /\/invoices\/([^/]+)\/print$/.exec((await link.getAttribute('href')) ?? '')?.[1] ?? '';
  expect(invoiceId).not.toBe('');

  // The list left open gains the row, numbered and issued, without having been reloaded.
  await expect(invoices.number(invoiceId)).toHaveText(number);
  await expect(invoices.status(invoiceId)).toHaveAttribute('data-status', 'issued');
  // Its amount follows from the server (the index carries only the number): 89.00 HT for the month, calendar-aligned,
  // so a start after the 1st bills the days left in this month (half-up to the cent), plus 20 % VAT.
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const daysLeft = daysInMonth - day + 1;
  const net = Math.floor((2 * 8900 * daysLeft + daysInMonth) / (2 * daysInMonth)); // cents, half-up
  const total = net + Math.floor((2 * net * 20 + 100) / 200);
  const shown = `${Math.floor(total / 100)},${String(total % 100).padStart(2, '0')}`;
  await expect(other.getByTestId('subscription-billing')).toContainText(shown);
  await expect(invoices.row(invoiceId)).toContainText(shown);
  expect(await list.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
});
