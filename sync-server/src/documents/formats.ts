/** The files archived for each issued document: the Factur-X PDF, and its e-invoice as CII and as UBL. */
export const fileFormats = ['pdf', 'cii', 'ubl'] as const;
export type FileFormat = (typeof fileFormats)[number];

export const mediaTypes: Record<FileFormat, string> = { pdf: 'application/pdf', cii: 'application/xml', ubl: 'application/xml' };

/**
 * The download's file name: the document number, with anything a file system may refuse (a series may
 * number "F/2026/00012") replaced by "_".
 */
export function fileNameOf(number: string, format: FileFormat): string {
  const base = number.replace(/[^A-Za-z0-9._+-]/g, '_') || 'document';
  return format === 'pdf' ? `${base}.pdf` : `${base}-${format}.xml`;
}
