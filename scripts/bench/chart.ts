/*
 * A small horizontal bar chart as SVG, with no dependency: groups of bars, an optional target line.
 * Enough for docs/benchmarks/*.svg to be read on GitHub.
 */
export interface Bar {
  label: string;
  value: number;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

export interface ChartSpec {
  title: string;
  unit: string;
  groups: BarGroup[];
  target?: { value: number; label: string };
}

const palette = ['#2563eb', '#d97706', '#dc2626', '#059669', '#7c3aed'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round tick step (1, 2, 2.5 or 5 × 10^k) giving about four intervals up to `v`. */
function niceStep(v: number): number {
  const raw = v > 0 ? v / 4 : 0.25;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

function compact(v: number): string {
  if (v >= 10_000) return `${Number((v / 1000).toFixed(1))}k`;
  if (v >= 100) return String(Math.round(v));
  return v.toFixed(1);
}

export function barChart(spec: ChartSpec): string {
  const left = 170;
  const right = 70;
  const plot = 480;
  const barH = 16;
  const gap = 4;
  const titleH = 20;
  const groupGap = 10;
  const top = 40;
  const values = spec.groups.flatMap((g) => g.bars.map((b) => b.value)).filter(Number.isFinite);
  const step = niceStep(Math.max(...values, spec.target?.value ?? 0) * 1.05);
  const max = Math.max(step, Math.ceil((Math.max(...values, spec.target?.value ?? 0) * 1.05) / step) * step);
  const x = (v: number) => left + (Math.max(0, v) / max) * plot;
  const rows: string[] = [];
  let y = top;
  for (const group of spec.groups) {
    // Each group's title on a row of its own, above its bars.
    rows.push(`<text x="8" y="${y + 13}" font-weight="600">${esc(group.label)}</text>`);
    y += titleH;
    group.bars.forEach((bar, i) => {
      const by = y + i * (barH + gap);
      const w = Number.isFinite(bar.value) ? x(bar.value) - left : 0;
      rows.push(`<text x="${left - 6}" y="${by + barH - 4}" text-anchor="end" fill="#444">${esc(bar.label)}</text>`);
      rows.push(`<rect x="${left}" y="${by}" width="${w.toFixed(1)}" height="${barH}" fill="${palette[i % palette.length]}" rx="2"/>`);
      rows.push(`<text x="${left + w + 4}" y="${by + barH - 4}" fill="#222">${Number.isFinite(bar.value) ? compact(bar.value) : 'n/a'}</text>`);
    });
    y += group.bars.length * (barH + gap) - gap + groupGap;
  }
  const bottom = y - groupGap + 4;
  const height = bottom + 24;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const axis = ticks.map((v) => {
    return `<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${bottom}" stroke="#e5e7eb"/><text x="${x(v)}" y="${bottom + 14}" text-anchor="middle" fill="#666">${compact(v)}</text>`;
  });
  const target = spec.target
    ? `<line x1="${x(spec.target.value)}" y1="${top - 10}" x2="${x(spec.target.value)}" y2="${bottom + 2}" stroke="#111" stroke-dasharray="4 3"/><text x="${x(spec.target.value) + 4}" y="${top - 12}" fill="#111">${esc(spec.target.label)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + plot + right}" height="${height}" viewBox="0 0 ${left + plot + right} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="700">${esc(spec.title)}</text>`,
    `<text x="${left + plot + right - 8}" y="18" text-anchor="end" fill="#666">${esc(spec.unit)}</text>`,
    ...axis,
    ...rows,
    target,
    '</svg>',
    '',
  ].join('\n');
}
