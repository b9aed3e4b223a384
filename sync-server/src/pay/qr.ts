import QRCode from 'qrcode';
import type { QrMatrix } from '@facturo/core/documents';

/*
 * The QR code of a pay URL, as the modules core's PDF renderer draws. Made here, not in core: the qrcode package's
 * entry point loads its PNG renderer (zlib, fs), a Node API core must not reach (ARCHITECTURE "core/").
 * Level M (15 % recovery): a printed page gets folded and stained.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: Array.from(modules.data, (m) => m === 1) };
}
