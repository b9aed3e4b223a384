import { describe, expect, it } from 'vitest';
import { documentFileName, documentFileUrl } from './downloads';

describe('downloads of an issued document', () => {
  it('links the PDF and each XML syntax with the company in the query', () => {
    expect(documentFileUrl('co_1', 'dc_9', 'pdf')).toBe('/api/v1/invoices/dc_9/pdf?company=co_1');
    expect(documentFileUrl('co_1', 'dc_9', 'cii')).toBe('/api/v1/invoices/dc_9/xml?format=cii&company=co_1');
    expect(documentFileUrl('co_1', 'dc_9', 'ubl')).toBe('/api/v1/invoices/dc_9/xml?format=ubl&company=co_1');
  });

  it('names the files after the number, safe for every file system', () => {
    expect(documentFileName('F-2026-00042', 'pdf')).toBe('F-2026-00042.pdf');
    expect(documentFileName('AV/2026/7', 'ubl')).toBe('AV-2026-7-ubl.xml');
  });
});
