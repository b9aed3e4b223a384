import type { Locator, Page } from '@playwright/test';
import { PdfPreviewPanel } from './DocumentSettingsPage';

export interface LineValues {
  description?: string;
  quantity?: string;
  unitPrice?: string;
  /** The VAT select's value: '20', '10', '5.5', '2.1' or '0'. */
  vatRate?: string;
}

/** One line of a draft (an <li>); its inputs are found by their French labels. */
export class InvoiceLine {
  readonly description: Locator;
  readonly quantity: Locator;
  readonly unitPrice: Locator;
  readonly vat: Locator;
  readonly total: Locator;
  readonly removeButton: Locator;

  constructor(readonly root: Locator) {
    this.description = root.getByLabel('Description', { exact: true });
    this.quantity = root.getByLabel('Quantité', { exact: true });
    this.unitPrice = root.getByLabel('Prix unitaire HT', { exact: true });
    this.vat = root.getByLabel('TVA', { exact: true });
    this.total = root.getByTestId('line-total');
    this.removeButton = root.getByTestId('remove-line');
  }

  /** Types each value key by key, as a person does (every keystroke is a live edit). */
  async type(values: LineValues) {
    const typeInto = async (input: Locator, text: string) => {
      await input.click();
      await input.press('ControlOrMeta+a');
      await input.pressSequentially(text, { delay: 15 });
    };
    if (values.description !== undefined) await typeInto(this.description, values.description);
    if (values.quantity !== undefined) await typeInto(this.quantity, values.quantity);
    if (values.unitPrice !== undefined) await typeInto(this.unitPrice, values.unitPrice);
    if (values.vatRate !== undefined) await this.vat.selectOption(values.vatRate);
  }
}

/**
 * /c/:companyId/invoices/:id — a draft (live editor, checklist, issue button) or, once issued, the
 * read-only document with its actions (print, send, credit note).
 */
export class InvoiceEditorPage {
  readonly title: Locator;
  /** The status chip of the page head: data-status = draft | pending | issued. */
  readonly status: Locator;
  /** The number in the heading of an issued document (absent on a draft). */
  readonly number: Locator;
  /** The sync chip of this document's own replica (the shell has its own, for the workspace). */
  readonly syncStatus: Locator;
  /** Who else has this document open (avatars titled with their names). */
  readonly presenceUsers: Locator;
  readonly editorForm: Locator;
  readonly customer: Locator;
  readonly customerSummary: Locator;
  readonly precedingInvoice: Locator;
  readonly lines: Locator;
  readonly addLineButton: Locator;
  readonly totalExclTax: Locator;
  readonly totalInclTax: Locator;
  readonly vatRows: Locator;
  readonly checklistOk: Locator;
  readonly problems: Locator;
  readonly issueButton: Locator;
  readonly issueDialog: Locator;
  readonly confirmIssueButton: Locator;
  readonly pendingNotice: Locator;
  readonly cancelIssueButton: Locator;
  readonly refusedNotice: Locator;
  readonly lateEditsNotice: Locator;
  readonly printLink: Locator;
  readonly creditNoteButton: Locator;
  /** The issued document as shown on the page (the frozen record). */
  readonly document: Locator;
  readonly documentNumber: Locator;
  readonly documentTotal: Locator;
  readonly notFound: Locator;
  readonly deleteButton: Locator;
  readonly confirmDeleteButton: Locator;
  /** "Aperçu PDF" of a draft, and the preview it opens. */
  readonly previewButton: Locator;
  readonly preview: PdfPreviewPanel;
  /** The note printed on the document, and "Insérer un bloc de texte" under it. */
  readonly notes: Locator;
  readonly textBlockSelect: Locator;
  readonly insertTextBlockButton: Locator;
  readonly insertBlockMessage: Locator;
  /** The archived files of an issued document. */
  readonly downloadPdf: Locator;
  readonly downloadCii: Locator;
  readonly downloadUbl: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('invoice-title');
    this.status = page.locator('.page-head').getByTestId('invoice-status');
    this.number = this.title.getByTestId('invoice-number');
    this.syncStatus = page.getByTestId('doc-sync-status');
    this.presenceUsers = page.getByTestId('doc-presence-user');
    this.editorForm = page.getByTestId('invoice-editor');
    this.customer = page.locator('#field-customerId');
    this.customerSummary = page.getByTestId('customer-summary');
    this.precedingInvoice = page.getByTestId('preceding-invoice');
    this.lines = page.getByTestId('invoice-line');
    this.addLineButton = page.getByTestId('add-line');
    this.totalExclTax = page.getByTestId('totals').getByTestId('invoice-total-excl');
    this.totalInclTax = page.getByTestId('totals').getByTestId('invoice-total');
    this.vatRows = page.getByTestId('totals').getByTestId('vat-row');
    this.checklistOk = page.getByTestId('checklist-ok');
    this.problems = page.getByTestId('issue-problem');
    this.issueButton = page.getByTestId('issue-button');
    this.issueDialog = page.getByTestId('issue-dialog');
    this.confirmIssueButton = page.getByTestId('confirm-issue');
    this.pendingNotice = page.getByTestId('pending-issue');
    this.cancelIssueButton = page.getByTestId('cancel-issue');
    this.refusedNotice = page.getByTestId('issue-refused');
    this.lateEditsNotice = page.getByTestId('late-edits-notice');
    this.printLink = page.getByTestId('print-link');
    this.creditNoteButton = page.getByTestId('create-credit-note');
    this.document = page.getByTestId('invoice-document');
    this.documentNumber = this.document.getByTestId('doc-number');
    this.documentTotal = this.document.getByTestId('doc-total');
    this.notFound = page.getByTestId('invoice-not-here');
    this.deleteButton = page.getByTestId('delete-draft');
    this.confirmDeleteButton = page.getByTestId('confirm-delete-draft');
    this.previewButton = page.getByTestId('preview-button');
    this.preview = new PdfPreviewPanel(page, page.getByTestId('draft-preview-pdf'), 'draft-preview-pdf');
    this.notes = page.locator('#field-notes');
    this.textBlockSelect = page.getByTestId('text-block-select');
    this.insertTextBlockButton = page.getByTestId('insert-text-block-button');
    this.insertBlockMessage = page.getByTestId('insert-block-message');
    this.downloadPdf = page.getByTestId('download-pdf');
    this.downloadCii = page.getByTestId('download-cii');
    this.downloadUbl = page.getByTestId('download-ubl');
  }

  async goto(companyId: string, documentId: string) {
    await this.page.goto(`/c/${companyId}/invoices/${documentId}`);
  }

  line(index: number): InvoiceLine {
    return new InvoiceLine(this.lines.nth(index));
  }

  /** Every input, select or textarea of the page one could still type into. */
  editableInputs(): Locator {
    return this.page.locator('main').locator('input:enabled, textarea:enabled, select:enabled');
  }

  /** "+ Ajouter une ligne", then types the values into the new (last) line. */
  async addLine(values: LineValues): Promise<InvoiceLine> {
    const before = await this.lines.count();
    await this.addLineButton.click();
    const line = this.line(before);
    await line.root.waitFor();
    await line.type(values);
    return line;
  }

  async chooseCustomer(customerId: string) {
    await this.customer.selectOption(customerId);
  }

  /** "Émettre la facture" (or "Émettre l’avoir"), then "Oui, émettre" in the confirmation dialog. */
  async issue() {
    await this.issueButton.click();
    await this.confirmIssueButton.click();
  }

  /** "Supprimer le brouillon", then "Oui, supprimer" in the confirmation dialog. */
  async deleteDraft() {
    await this.deleteButton.click();
    await this.confirmDeleteButton.click();
  }

  documentId(): string {
    const id = /\/invoices\/(dc_[A-Za-z0-9]+)/.exec(new URL(this.page.url()).pathname)?.[1];
    if (!id) throw new Error(`not on a document page: ${this.page.url()}`);
    return id;
  }
}
