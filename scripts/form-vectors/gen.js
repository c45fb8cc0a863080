// Seeded random Stripe-shaped params and the form body the official stripe-node SDK (23.1.0,
// its own queryStringifyRequestData) encodes them to, one JSON line each.
// tests/fixtures/node_form_bodies.jsonl is the first 500 lines of a run with the default seed:
//
//   npm install stripe@23.1.0 && node gen.js && head -500 ../cases.jsonl > ../../tests/fixtures/node_form_bodies.jsonl
const path = require('path');
const { queryStringifyRequestData } = require(path.join(__dirname, 'node_modules/stripe/cjs/utils.js'));
const fs = require('fs');

// mulberry32
let seed = Number(process.env.SEED || 20240601) >>> 0;
function rnd() { seed = (seed + 0x6D2B79F5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];

const FRAGS = ['a', 'price_123', 'hello world', ' ', '&', '=', '+', '%', '%20', '%2B', '[', ']', '[0]', '#', '?', '\n', '\r\n', '\t', '"', "'",
  '!', '*', '(', ')', '~', '-', '_', '.', '/', ':', ';', ',', '@', '$', '\\', '<', '>', '{', '}', '|', '^', '`',
  'é', 'café', 'Ñandú', 'ü', '中文', '日本語', '한국어', '😀', '👨‍👩‍👧', '🇫🇷', '\u00a0', '\u2028', '\u0000', 'x=y&z=w', 'a+b c', '100%'];
function rstr() {
  const r = rnd();
  if (r < 0.1) return '';
  if (r < 0.25) return pick(['payment', 'subscription', 'usd', 'cus_ABC123', 'SUMMER25', 'true', 'false', '0', '-1', '1.5']);
  let s = ''; const n = 1 + ri(5);
  for (let i = 0; i < n; i++) s += pick(FRAGS);
  return s;
}
function rint() {
  const r = rnd();
  if (r < 0.15) return 0;
  if (r < 0.25) return pick([2 ** 53, -(2 ** 53), 2 ** 53 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 1]);
  if (r < 0.6) return ri(1000) - 500;
  return Math.floor((rnd() * 2 - 1) * 2 ** 53);
}
function rscalar() {
  const r = rnd();
  if (r < 0.55) return rstr();
  if (r < 0.85) return rint();
  return rnd() < 0.5;
}
const KEYS = ['mode', 'line_items', 'price', 'quantity', 'metadata', 'expand', 'discounts', 'coupon', 'customer_email', 'success_url',
  'payment_method_types', 'amount', 'currency', 'items', 'data', 'x', 'custom_fields', 'label', 'type'];
const SPECIAL_KEYS = ['order id', 'clé', '名前', 'emoji😀', 'foo-bar', 'a.b', 'a.b.c', '-', '.', 'x y z', 'ünïcödé', 'k&v', 'k=v', 'k+v', 'k%20', 'k#1', 'k?', "k'q", 'k"q', 'tab\tkey', 'nl\nkey', '0', '1', '42', '007', '-1', '1.5'];
function rkey() { return rnd() < 0.7 ? pick(KEYS) : pick(SPECIAL_KEYS); }
function robj(depth, nmin = 0) {
  const o = {}; const n = nmin + ri(5 - nmin);
  for (let i = 0; i < n; i++) o[rkey()] = rval(depth + 1);
  return o;
}
function rarr(depth) {
  const n = ri(5); const a = [];
  const kind = rnd() < 0.5 ? 'scalar' : 'object';
  for (let i = 0; i < n; i++) a.push(kind === 'scalar' || depth >= 4 ? rscalar() : robj(depth + 1));
  return a;
}
// depth = number of bracket levels already used (top-level key is depth 1)
function rval(depth) {
  const r = rnd();
  if (depth >= 4 || r < 0.5) return rscalar();
  if (r < 0.75) return robj(depth);
  return rarr(depth);
}
const N = Number(process.env.N || 4000);
const out = fs.createWriteStream(path.join(__dirname, '..', 'cases.jsonl'));
for (let i = 0; i < N; i++) {
  const params = robj(0, 1);
  // Round-trip through JSON so the recorded key order is the one JS actually iterates.
  const p2 = JSON.parse(JSON.stringify(params));
  const body = queryStringifyRequestData(p2);
  out.write(JSON.stringify({ id: i, params: p2, body }) + '\n');
}
out.end();
