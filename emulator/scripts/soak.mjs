// Soak: drives the stripe-checkout-emulator binary with create -> update -> retrieve -> complete
// flows over raw HTTP (as any SDK sends them) and samples its resident memory, to show the
// memory bound. Each completion is an event the emulator keeps and delivers to a webhook
// endpoint this script serves (answering 200), so events and delivery records fill too.
//
// Usage: node soak.mjs <binary> [flows=30000] [extra emulator args...]
// Prints one line per sample (flows, RSS MiB), then the KiB per flow while the caps fill and
// after, and exits non-zero if the emulator ever exceeds 256 MiB or still grows by more than
// MAX_SLOPE_KIB (default 1) KiB a flow over the second half (run enough flows to fill the
// caps in the first half).

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';

const [binary, flowsArg, ...extra] = process.argv.slice(2);
if (!binary) {
  console.error('usage: node soak.mjs <binary> [flows] [emulator args...]');
  process.exit(2);
}
const flows = Number(flowsArg || 30000);
const LIMIT_MIB = 256;
const MAX_SLOPE_KIB = Number(process.env.MAX_SLOPE_KIB || 1);

const emulator = spawn(binary, ['--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
const first = await new Promise((resolve, reject) => {
  createInterface({ input: emulator.stdout }).once('line', resolve);
  emulator.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});
const { base_url: base, secret_key: key } = JSON.parse(first);

function rssMiB() {
  const status = readFileSync(`/proc/${emulator.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

const headers = {
  authorization: `Bearer ${key}`,
  'stripe-version': '2025-03-31.basil; checkout_server_update_beta=v1;',
  'content-type': 'application/x-www-form-urlencoded',
};
async function call(method, path, body, idempotencyKey) {
  const res = await fetch(base + path, {
    method,
    headers: idempotencyKey ? { ...headers, 'idempotency-key': idempotencyKey } : headers,
    body,
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// The webhook endpoint: every delivery answered 200 (the signature is not the point here).
let delivered = 0;
const endpoint = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    delivered += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
{
  const res = await fetch(`${base}/_fake/webhooks/endpoint`, {
    method: 'POST',
    body: JSON.stringify({
      url: `http://127.0.0.1:${endpoint.address().port}/webhook`,
      secret: 'whsec_soak',
    }),
  });
  if (res.status !== 200) throw new Error(`webhook endpoint refused: ${await res.text()}`);
}

async function flow(n) {
  const session = await call('POST', '/v1/checkout/sessions',
    'mode=payment&ui_mode=custom&return_url=https%3A%2F%2Fexample.com%2Freturn' +
    '&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=1' +
    `&permissions[update_discounts]=server_only&metadata[order]=${n}`, `create-${n}`);
  await call('POST', `/v1/checkout/sessions/${session.id}`,
    `discounts[0][coupon_data][amount_off]=${500 + (n % 100)}&discounts[0][coupon_data][currency]=usd`,
    `update-${n}`);
  await call('GET', `/v1/checkout/sessions/${session.id}?expand[0]=line_items`);
  const done = await fetch(`${base}/_fake/sessions/${session.id}/complete`, { method: 'POST' });
  if (done.status !== 200) throw new Error(`complete ${session.id}: ${await done.text()}`);
  await done.arrayBuffer();
}

const samples = [[0, rssMiB()]];
const every = Math.max(1, Math.floor(flows / 20));
const concurrency = 8;
let next = 0;
let peak = samples[0][1];
async function worker() {
  while (next < flows) {
    const n = next++;
    await flow(n);
    if ((n + 1) % every === 0) {
      const rss = rssMiB();
      peak = Math.max(peak, rss);
      samples.push([n + 1, rss]);
    }
  }
}
try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} finally {
  emulator.kill('SIGTERM');
  endpoint.close();
}
samples.sort((a, b) => a[0] - b[0]);
for (const [n, rss] of samples) console.log(`${String(n).padStart(7)} flows  ${rss.toFixed(1).padStart(6)} MiB`);
const slope = (from, to) => ((to[1] - from[1]) * 1024) / (to[0] - from[0]);
const half = samples[Math.floor(samples.length / 2)];
console.log(`KiB per flow, first half: ${slope(samples[1], half).toFixed(2)}`);
const late = slope(half, samples[samples.length - 1]);
console.log(`KiB per flow, second half: ${late.toFixed(2)}`);
console.log(`peak ${peak.toFixed(1)} MiB (bound ${LIMIT_MIB} MiB); ${delivered} webhooks delivered`);
process.exit(peak < LIMIT_MIB && late <= MAX_SLOPE_KIB ? 0 : 1);
