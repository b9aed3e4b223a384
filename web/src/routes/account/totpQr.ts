/**
 * The otpauth URI as a QR code image for a phone's camera: an SVG in a data URL, shown by an <img> (the CSP
 * allows img-src data:, not inline SVG with its style attributes). qrcode is imported here, on demand, so
 * it stays out of the first-load bundle.
 */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
