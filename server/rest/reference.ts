/**
 * The API reference page (GET /api/docs): plain HTML rendered on the server from the OpenAPI
 * document, readable on a phone, with no script and nothing fetched from elsewhere.
 */

type Json = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const escape = (text: unknown) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Inline `code` in the document's descriptions. */
const prose = (text: unknown) => escape(text ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');

/** A JSON Schema in a line: type, enum, bounds, default. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(schema.enum.map((v) => JSON.stringify(v)).join(' | '));
  else if (Array.isArray(schema.anyOf)) parts.push((schema.anyOf as Json[]).map(typeOf).join(' | '));
  else parts.push(String(schema.type ?? 'any'));
  for (const [key, label] of [['minimum', '≥'], ['exclusiveMinimum', '>'], ['maximum', '≤'], ['minLength', 'length ≥'], ['maxLength', 'length ≤'], ['pattern', 'matching']] as const) {
    if (schema[key] !== undefined) parts.push(`${label} ${String(schema[key])}`);
  }
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function fields(schema: Json | undefined): string {
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, s]) => `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' <b>required</b>' : ''}</td><td>${escape(typeOf(s))}</td></tr>`,
  );
  return rows.length ? `<table>${rows.join('')}</table>` : '<p class="quiet">No fields.</p>';
}

function operation(method: string, path: string, op: Json): string {
  const security = (op.security as Json[] | undefined) ?? [];
  const auth = security.length === 0 ? 'none' : security.map((s) => Object.keys(s).join(' ')).join(' or ');
  const parameters = (op.parameters as Json[] | undefined) ?? [];
  const body = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined;
  const responses = Object.entries((op.responses as Record<string, Json> | undefined) ?? {});
  return `<article id="${escape(String(op.operationId ?? ''))}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p>${prose(op.summary)}</p>
  <p class="quiet">Authentication: ${escape(auth)}</p>
  ${parameters.length ? `<h4>Parameters</h4><table>${parameters.map((p) => `<tr><td><code>${escape(p.name)}</code> <span class="quiet">${escape(p.in)}</span>${p.required ? ' <b>required</b>' : ''}</td><td>${escape(typeOf(p.schema as Json))}</td></tr>`).join('')}</table>` : ''}
  ${body ? `<h4>Body (JSON)</h4>${fields(body.schema as Json)}` : ''}
  <h4>Responses</h4><ul>${responses.map(([status, r]) => `<li><b>${escape(status)}</b> ${prose(r.description)}</li>`).join('')}</ul>
</article>`;
}

export function renderReference(document: Json): string {
  const info = document.info as Json;
  const tags = (document.tags as { name: string; description: string }[]) ?? [];
  const paths = document.paths as Record<string, Record<string, Json>>;
  const sections = tags.map((tag) => {
    const ops: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (op && (op.tags as string[] | undefined)?.includes(tag.name)) ops.push(operation(method, path, op));
      }
    }
    return `<section><h2>${escape(tag.name)}</h2><p>${prose(tag.description)}</p>${ops.join('\n')}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} — reference</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:52rem;padding:1rem;color:#1b1f24;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e8eb;background:#15181c}table td{border-color:#333}code{background:#23272e}}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:2px solid #8884;text-transform:capitalize}h3{font-size:1.05rem;word-break:break-all}
article{border:1px solid #8884;border-radius:.6rem;padding:.25rem 1rem;margin:1rem 0}
code{background:#f0f2f4;border-radius:.25rem;padding:0 .25rem;font-size:.92em}
table{border-collapse:collapse;width:100%}td{border-top:1px solid #ddd;padding:.35rem .5rem .35rem 0;vertical-align:top;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere}p,li{overflow-wrap:anywhere}
.method{display:inline-block;min-width:4.2rem;text-align:center;border-radius:.3rem;color:#fff;font-size:.85rem;padding:.1rem .3rem}
.get{background:#0a6b3d}.post{background:#0b57b0}.put{background:#7a4a00}.patch{background:#6a3fb5}.delete{background:#a3161f}
.quiet{color:#5b636d}@media (prefers-color-scheme:dark){.quiet{color:#a4acb6}}
</style></head><body>
<h1>${escape(info.title)} <span class="quiet">${escape(info.version)}</span></h1>
<p>${prose(info.description)}</p>
<p>The machine-readable document: <a href="openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1; generate a client from it).</p>
<pre><code>curl -H "Authorization: tma $INIT_DATA" "$SERVER/api/me"</code></pre>
${sections.join('\n')}
</body></html>`;
}
