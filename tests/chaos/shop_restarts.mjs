// Fulfilment through real process deaths: the emulator binary running on its own, the merchant
// server example pointed at it (STRIPE_API_BASE, its fulfilment database in a file), every
// webhook delivery failed first, duplicated and sent out of order, the landing page polled
// while the events are due, and the shop killed with SIGKILL (no shutdown, no flush) and
// started again, four times, mid-run.
//
// Usage: node shop_restarts.mjs <stripe-checkout-emulator> <merchant_server> [sessions=60]
//
// Sessions get, in turn: a card payment; a delayed payment that succeeds; one that fails; an
// expiry; none (left open). At the end every event must have been answered 2xx by the shop,
// and the shop must report exactly one fulfilment for each paid session and none for the
// others. Exits non-zero, naming the session, otherwise. Needs Node 18 or later, nothing else.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [emulatorBin, shopBin, sessionsArg] = process.argv.slice(2);
if (!emulatorBin || !shopBin) {
  console.error('usage: node shop_restarts.mjs <emulator> <merchant_server> [sessions]');
  process.exit(2);
}
const SESSIONS = Number(sessionsArg || 60);
const OUTCOMES = ['card', 'delayed-succeeds', 'delayed-fails', 'expired', 'open'];
const PAID = new Set(['card', 'delayed-succeeds']);

const children = new Set();
function cleanup() {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', cleanup);

/// The first line a child prints that matches `pattern`.
function lineOf(child, pattern, what) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const onExit = (code) => reject(new Error(`${what} exited with ${code} before starting`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      if (pattern.test(line)) {
        child.off('exit', onExit);
        resolve(line);
      }
    });
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const emulator = spawn(emulatorBin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
children.add(emulator);
const { base_url: base, secret_key: key } = JSON.parse(await lineOf(emulator, /^\{/, 'emulator'));

const port = await freePort();
const work = mkdtempSync(join(tmpdir(), 'shop-chaos-'));
const shopEnv = {
  ...process.env,
  PORT: String(port),
  STRIPE_API_BASE: base,
  STRIPE_SECRET_KEY: key,
  FULFILMENT_DB: join(work, 'fulfilment.redb'),
  RUST_LOG: process.env.RUST_LOG || 'warn',
};
const shopUrl = `http://127.0.0.1:${port}`;

/// Claims a killed shop left held, which the next one released when it opened the database.
let released = 0;

async function startShop() {
  const shop = spawn(shopBin, [], { env: shopEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(shop);
  shop.once('exit', () => children.delete(shop));
  createInterface({ input: shop.stdout }).on('line', (line) => {
    const stale = /released the claims.*released=(\d+)/.exec(line);
    if (stale) released += Number(stale[1]);
  });
  await lineOf(shop, /^Merchant server listening/, 'merchant server');
  return shop;
}

function killShop(shop) {
  return new Promise((resolve) => {
    shop.once('exit', resolve);
    shop.kill('SIGKILL');
  });
}

async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${init?.method || 'GET'} ${url}: ${res.status} ${text}`);
  }
  if (res.status !== 200) throw new Error(`${init?.method || 'GET'} ${url}: ${res.status} ${text}`);
  return body;
}

const control = (path, body) =>
  json(`${base}/_fake/${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) });

/// The landing page; a shop that is down (being restarted) is no answer, not a failure.
async function status(id) {
  try {
    const body = await json(`${shopUrl}/session-status?session_id=${id}`);
    return body.value;
  } catch (err) {
    // fetch's own failure (refused, reset, closed mid-answer), not an answer the shop gave.
    if (err instanceof TypeError && err.message === 'fetch failed') return null;
    throw err;
  }
}

async function settle(id, outcome) {
  switch (outcome) {
    case 'card':
      await control(`sessions/${id}/complete`);
      break;
    case 'delayed-succeeds':
    case 'delayed-fails':
      await control(`sessions/${id}/complete`, { payment: 'delayed' });
      await status(id);
      await control(`sessions/${id}/async_payment`, { succeeded: outcome === 'delayed-succeeds' });
      break;
    case 'expired':
      await json(`${base}/v1/checkout/sessions/${id}/expire`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
      });
      break;
    default:
      break;
  }
  await status(id);
}

let shop = await startShop();
await control('webhooks/faults', { duplicate: 2, out_of_order: true, fail_first: 1 });

const sessions = [];
for (let i = 0; i < SESSIONS; i += 1) {
  const created = await json(`${shopUrl}/create-checkout-session`, { method: 'POST' });
  if (created.type !== 'object') throw new Error(`create refused: ${JSON.stringify(created)}`);
  sessions.push({ id: created.value.id, outcome: OUTCOMES[i % OUTCOMES.length] });
}

// Five waves; before each but the first the shop is killed while deliveries are due and hooks
// may be running, and comes back on the same port and database after a pause.
const WAVES = 5;
const waves = [...Array(WAVES).keys()].map((w) => sessions.filter((_, i) => i % WAVES === w));
let kills = 0;
for (const [w, wave] of waves.entries()) {
  const settling = Promise.all(wave.map(({ id, outcome }) => settle(id, outcome)));
  if (w > 0) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    await killShop(shop);
    kills += 1;
    await new Promise((resolve) => setTimeout(resolve, 300));
    shop = await startShop();
  }
  await settling;
}

// Every event answered 2xx by the shop, in the emulator's ten attempts.
const deadline = Date.now() + 60_000;
let deliveries;
for (;;) {
  deliveries = await json(`${base}/_fake/webhooks`);
  const answered = new Set(
    deliveries.data.filter((d) => d.status >= 200 && d.status < 300).map((d) => d.event_id),
  );
  const unanswered = [...new Set(deliveries.data.map((d) => d.event_id))].filter(
    (id) => !answered.has(id),
  );
  if (deliveries.idle && unanswered.length === 0) break;
  if (Date.now() > deadline) {
    throw new Error(`events never answered 2xx: ${unanswered.join(', ')}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const failures = [];
for (const { id, outcome } of sessions) {
  const value = await status(id);
  const expected = PAID.has(outcome) ? 1 : 0;
  if (value?.fulfilments !== expected) {
    failures.push(`${id} (${outcome}): fulfilments ${value?.fulfilments}, expected ${expected}`);
  }
}
const missed = deliveries.data.filter((d) => d.status === null && !d.faulted).length;
console.log(
  `${sessions.length} sessions, ${kills} kills, ${deliveries.data.length} delivery attempts ` +
    `(${missed} met a dead shop), ${released} claims released after a kill, ` +
    `${failures.length} wrong`,
);
cleanup();
rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
