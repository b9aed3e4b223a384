/*
 * A safe template engine for text blocks: `{{customer.name}}`-style variables looked up in plain
 * data, HTML-escaped where asked. No code runs; an unknown variable is an error that names it.
 */
export class UnknownVariableError extends Error {
  constructor(readonly variable: string) {
    super(`unknown variable {{${variable}}}`);
    this.name = 'UnknownVariableError';
  }
}

type Data = { [key: string]: unknown };

function lookup(data: Data, path: string): unknown {
  let cur: unknown = data;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) throw new UnknownVariableError(path);
    cur = (cur as Data)[part];
  }
  return cur;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function render(template: string, data: Data, opts: { html?: boolean } = {}): string {
  return template.replace(/\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*)\s*\}\}/g, (_m, path: string) => {
    const v = lookup(data, path);
    const text = v === undefined || v === null ? '' : String(v);
    return opts.html ? escapeHtml(text) : text;
  });
}
