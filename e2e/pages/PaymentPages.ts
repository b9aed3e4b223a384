import type { Locator, Page } from '@playwright/test';

/** /c/:companyId/payments/new — "Enregistrer un paiement" (from an invoice, a customer, or to correct a refusal). */
export class RecordPaymentPage {
  readonly form: Locator;
  readonly customer: Locator;
  readonly amount: Locator;
  readonly date: Locator;
  readonly method: Locator;
  readonly reference: Locator;
  readonly splitRows: Locator;
  readonly credit: Locator;
  readonly offlineNotice: Locator;
  readonly submitButton: Locator;
  readonly fieldErrors: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('payment-form');
    this.customer = page.getByTestId('payment-customer');
    this.amount = page.getByTestId('payment-amount');
    this.date = page.getByTestId('payment-date');
    this.method = page.getByTestId('payment-method');
    this.reference = page.getByTestId('payment-reference');
    this.splitRows = page.getByTestId('split-row');
    this.credit = page.getByTestId('payment-credit');
    this.offlineNotice = page.getByTestId('payment-offline');
    this.submitButton = page.getByTestId('payment-submit');
    this.fieldErrors = page.getByTestId('field-error');
  }

  /** Fills what is given (the amount as typed, "500" or "1 250,50"), leaving the rest as prefilled. */
  async fill(values: { amount?: string; method?: 'transfer' | 'cheque' | 'cash' | 'card'; reference?: string; date?: string }) {
    if (values.amount !== undefined) await this.amount.fill(values.amount);
    if (values.method !== undefined) await this.method.selectOption(values.method);
    if (values.reference !== undefined) await this.reference.fill(values.reference);
    if (values.date !== undefined) await this.date.fill(values.date);
  }
}

/** The money part of an issued invoice's page: open amount, queued payments and the server's answers. */
export class InvoicePaymentsSection {
  readonly recordButton: Locator;
  readonly openAmount: Locator;
  readonly pending: Locator;
  readonly recorded: Locator;
  readonly refused: Locator;
  readonly movements: Locator;

  constructor(readonly page: Page) {
    this.recordButton = page.getByTestId('record-payment');
    this.openAmount = page.getByTestId('invoice-open-amount');
    this.pending = page.getByTestId('payment-pending');
    this.recorded = page.getByTestId('payment-recorded');
    this.refused = page.getByTestId('payment-refused');
    this.movements = page.getByTestId('invoice-movement');
  }
}

/** /c/:companyId/payments — payments and refunds with their allocations. */
export class PaymentsPage {
  readonly list: Locator;
  readonly rows: Locator;
  readonly customerFilter: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('payment-list');
    this.rows = page.getByTestId('payment-row');
    this.customerFilter = page.getByTestId('payments-customer');
  }

  async navigate() {
    await this.page.getByTestId('nav-payments').click();
    await this.page.waitForURL(/\/c\/[^/]+\/payments$/);
  }
}

/** /c/:companyId/receivables — "Créances": aged balance (table and chart) and DSO. */
export class ReceivablesPage {
  readonly asOf: Locator;
  readonly agingTable: Locator;
  readonly agingChart: Locator;
  readonly agingBars: Locator;
  readonly grandTotal: Locator;
  readonly dsoFigure: Locator;
  readonly dsoMethod: Locator;
  readonly dsoChart: Locator;

  constructor(readonly page: Page) {
    this.asOf = page.getByTestId('receivables-as-of');
    this.agingTable = page.getByTestId('aging-table');
    this.agingChart = page.getByTestId('aging-chart');
    this.agingBars = page.getByTestId('aging-bar');
    this.grandTotal = page.getByTestId('aging-grand-total');
    this.dsoFigure = page.getByTestId('dso-figure');
    this.dsoMethod = page.getByTestId('dso-method');
    this.dsoChart = page.getByTestId('dso-chart');
  }

  async navigate() {
    await this.page.getByTestId('nav-receivables').click();
    await this.page.waitForURL(/\/c\/[^/]+\/receivables$/);
  }

  /** A customer's row of the aged balance. */
  row(customerId: string): Locator {
    return this.agingTable.locator(`[data-testid="aging-row"][data-customer="${customerId}"]`);
  }

  /** One bucket's cell of a customer's row: not_due, days_1_30, days_31_60, days_61_90, over_90. */
  cell(customerId: string, bucket: string): Locator {
    return this.row(customerId).locator(`td[data-bucket="${bucket}"]`);
  }
}
