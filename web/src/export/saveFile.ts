/** Hands a file to the browser as a download under `name` (an object URL clicked through a transient <a download>). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
