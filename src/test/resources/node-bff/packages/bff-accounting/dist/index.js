// A minimal bff-accounting in Node.js, for the suite's own tests of env=local with -Dbff.command: it
// starts as the real service does (node dist/index.js in packages/bff-accounting, configured by
// OS_TENANT_ALLOWLIST_JSON, PORT, USE_PG, DATABASE_URL) and answers CONTRACT.md's endpoints.
'use strict';
const http = require('http');

const port = Number(process.env.PORT || 8081);
let allowlist;
try {
  allowlist = JSON.parse(process.env.OS_TENANT_ALLOWLIST_JSON);
  if (!Array.isArray(allowlist)) throw new Error('not an array');
} catch (e) {
  console.error('OS_TENANT_ALLOWLIST_JSON is missing or not a JSON array: ' + e.message);
  process.exit(2);
}
const counts = new Map();
const started = Math.floor(Date.now() / 1000);

function send(res, status, body, type) {
  res.writeHead(status, { 'Content-Type': type || 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
  return status;
}

function metrics() {
  const now = Date.now() / 1000;
  const lines = ['# TYPE http_requests_total counter'];
  for (const [key, n] of counts) {
    const [code, tenant] = key.split('\u0000');
    lines.push(`http_requests_total{code="${code}",tenant="${tenant}"} ${n}`);
  }
  lines.push('# TYPE external_sync_last_ts_seconds gauge', `external_sync_last_ts_seconds{source="bank-sbx"} ${now - 20}`);
  lines.push('# TYPE external_sync_calls_total counter', `external_sync_calls_total{source="bank-sbx"} ${1000 + (now - started) * 10}`);
  lines.push('# TYPE external_sync_errors_total counter', `external_sync_errors_total{source="bank-sbx"} 5`);
  return lines.join('\n') + '\n';
}

http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  const tenant = req.headers['x-tenant'] || '';
  let status;
  if (path === '/health') status = send(res, 200, { status: 'ok' });
  else if (path === '/ready') status = send(res, 200, { status: 'ready' });
  else if (path === '/metrics') status = send(res, 200, metrics(), 'text/plain; version=0.0.4');
  else if (path.startsWith('/v1/')) {
    if (!allowlist.includes(tenant)) {
      console.warn(`TENANT_NOT_ENABLED tenant=${tenant} path=${path}`);
      status = send(res, 403, { error_code: 'TENANT_NOT_ENABLED', tenant, message: 'Tenant not enabled for pilot' });
    } else {
      status = send(res, 200, { items: [], page: 1, page_size: 1, total: 0 });
    }
  } else status = send(res, 404, { error_code: 'NOT_FOUND' });
  const key = status + '\u0000' + tenant;
  counts.set(key, (counts.get(key) || 0) + 1);
}).listen(port, '127.0.0.1', () => console.log(`bff-accounting listening on ${port}`));
