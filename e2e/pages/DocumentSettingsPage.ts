import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A preview drawn on the device (data-state: rendering | ready | error), its page images and its PDF. */
export class PdfPreviewPanel {
  readonly pages: Locator;
  readonly download: Locator;
  readonly error: Locator;

  constructor(readonly page: Page, readonly root: Locator, testid: string) {
    this.pages = root.locator('canvas');
    this.download = page.getByTestId(`${testid}-download`);
    this.error = page.getByTestId(`${testid}-error`);
  }

  async expectReady(timeout = 20_000) {
    await expect(this.root).toHaveAttribute('data-state', 'ready', { timeout });
  }

  /** The bytes of the PDF shown, saved with "Télécharger cet aperçu" (a blob made on the device: offline too). */
  async pdfBytes(): Promise<Uint8Array> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.download.click()]);
    return new Uint8Array(await readFile(await download.path()));
  }

  /** How many pixels of the first page image have this colour (±6 per channel): what the person sees. */
  async pixelsOf(hex: string): Promise<number> {
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return this.pages.first().evaluate((canvas, [r, g, b]) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) <= 6 && Math.abs(data[i + 1]! - g!) <= 6 && Math.abs(data[i + 2]! - b!) <= 6) n++;
      return n;
    }, rgb);
  }
}

/** /c/:companyId/settings/documents — the documents' look (with a live sample) and the text blocks. */
export class DocumentSettingsPage {
  readonly appearance: Locator;
  readonly accentHex: Locator;
  readonly accentPicker: Locator;
  readonly font: Locator;
  readonly unitColumn: Locator;
  readonly discountColumn: Locator;
  readonly footer: Locator;
  readonly paymentInstructions: Locator;
  readonly preview: PdfPreviewPanel;
  readonly blocks: Locator;
  readonly newBlockButton: Locator;
  readonly blockEditor: Locator;
  readonly blockName: Locator;
  readonly blockUsage: Locator;
  readonly blockBody: Locator;
  readonly unknownVariables: Locator;
  readonly replaceVariableButton: Locator;
  readonly saveBlockButton: Locator;
  readonly blockPreview: Locator;
  readonly customValueName: Locator;
  readonly customValueValue: Locator;
  readonly addCustomValueButton: Locator;

  constructor(readonly page: Page) {
    this.appearance = page.getByTestId('appearance-section');
    this.accentHex = page.getByTestId('accent-hex');
    this.accentPicker = page.getByTestId('accent-picker');
    this.font = page.locator('#layout-font');
    this.unitColumn = page.locator('#layout-column-unit');
    this.discountColumn = page.locator('#layout-column-discount');
    this.footer = page.locator('#layout-footer');
    this.paymentInstructions = page.locator('#layout-payment');
    this.preview = new PdfPreviewPanel(page, page.getByTestId('layout-preview'), 'layout-preview');
    this.blocks = page.getByTestId('text-block-row');
    this.newBlockButton = page.getByTestId('new-text-block');
    this.blockEditor = page.getByTestId('text-block-editor');
    this.blockName = page.locator('#block-name');
    this.blockUsage = page.locator('#block-usage');
    this.blockBody = page.locator('#block-body');
    this.unknownVariables = page.getByTestId('unknown-variable');
    this.replaceVariableButton = page.getByTestId('replace-variable');
    this.saveBlockButton = page.getByTestId('save-text-block');
    this.blockPreview = page.getByTestId('text-block-preview');
    this.customValueName = page.locator('#custom-name');
    this.customValueValue = page.locator('#custom-value');
    this.addCustomValueButton = page.getByTestId('add-custom-value');
  }

  async goto(companyId: string) {
    await this.page.goto(`/c/${companyId}/settings/documents`);
  }

  /** From the settings page, by its link. */
  async openFromSettings() {
    await this.page.getByTestId('document-settings-link').getByRole('link').click();
    await this.page.waitForURL(/\/settings\/documents$/);
  }

  /** The error shown under a field of the appearance form. */
  fieldError(field: string): Locator {
    return this.appearance.locator(`[data-field="${field}"]`).getByTestId('field-error');
  }

  async addCustomValue(name: string, value: string) {
    await this.customValueName.fill(name);
    await this.customValueValue.fill(value);
    await this.addCustomValueButton.click();
    await expect(this.page.locator(`[data-testid="custom-value-row"][data-name="${name}"]`)).toBeVisible();
  }

  block(name: string): Locator {
    return this.blocks.filter({ hasText: name });
  }
}
