const style = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1c2430}
h1{margin-bottom:0}code,pre{font:13px ui-monospace,monospace;background:#f3f5f8;border-radius:4px}pre{padding:.6rem;overflow:auto}
.op{border:1px solid #dde3ea;border-radius:8px;margin:.8rem 0;padding:.6rem 1rem}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
.get{color:#0b7a3e}.post{color:#1d5fd1}.delete{color:#b42318}.patch,.put{color:#9a6700}details summary{cursor:pointer}`;

const script = `
fetch('/api/openapi.json').then(r=>r.json()).then(spec=>{
  document.getElementById('desc').textContent=spec.info.description;
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  let html='';
  for(const [path,ops] of Object.entries(spec.paths)) for(const [m,op] of Object.entries(ops)){
    const body=op.requestBody?.content?.['application/json']?.schema;
    html+='<div class="op"><span class="m '+m+'">'+m+'</span><code>/api'+esc(path)+'</code><div>'+esc(op.summary||'')+'</div>'
      +(body?'<details><summary>Request body</summary><pre>'+esc(JSON.stringify(body,null,2))+'</pre></details>':'')
      +'<details><summary>Responses</summary><pre>'+esc(JSON.stringify(op.responses,null,2))+'</pre></details></div>';
  }
  html+='<h2>Schemas</h2><pre>'+esc(JSON.stringify(spec.components?.schemas??{},null,2))+'</pre>';
  document.getElementById('ops').innerHTML=html;
});
`;

/** What the page runs inline: its Content-Security-Policy allows exactly these, by hash (security/headers.ts). */
export const docsInline = { scripts: [script], styles: [style] };

/**
 * A self-contained reference page (no CDN: the server may be offline) that renders
 * /api/openapi.json in the browser.
 */
export function docsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facturo API</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${style}</style></head>
<body><h1>Facturo API</h1><p id="desc"></p><div id="ops">Loading…</div>
<script>${script}</script></body></html>`;
}
