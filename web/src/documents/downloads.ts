// The archived files of an issued invoice or credit note (docs/protocol.md, issue 5's contract): plain
// same-origin links, authenticated by the session cookie; the company goes in the query (`?company=`), as a
// link cannot send the X-Company header. Credit notes use the same routes.

export type DocumentFile = 'pdf' | 'cii' | 'ubl';

export function documentFileUrl(companyId: string, documentId: string, file: DocumentFile): string {
  const base = `/api/v1/invoices/${encodeURIComponent(documentId)}`;
  const company = `company=${encodeURIComponent(companyId)}`;
  return file === 'pdf' ? `${base}/pdf?${company}` : `${base}/xml?format=${file}&${company}`;
}

/** The name the browser saves a file under (the server's Content-Disposition names the PDF the same way). */
export function documentFileName(number: string, file: DocumentFile): string {
  const safe = number.replace(/[^A-Za-z0-9+_\-/]/g, '').replace(/\//g, '-') || 'document';
  return file === 'pdf' ? `${safe}.pdf` : `${safe}-${file}.xml`;
}
