#!/usr/bin/env node
// One-off/optional cross-check: the Checkout Session param schemas produced by gen.mjs must be
// identical (parsed JSON, key order included) to the `schema` of the same targets in an
// independently extracted reference (files like basil.json / preview.json / endive.json, each with
// `version` = the npm stripe version and `targets.<name>.schema`).
//
//   node check-reference.mjs /path/to/reference/checkout-api
//
// Keys that only this generator emits (`values_node`, the value schema of non-scalar maps) are
// ignored.  Exits 1 when anything differs.

import fs from 'node:fs';
import path from 'node:path';
import { SDKS, extract } from './gen.mjs';

const CHECKOUT_TARGETS = ['create', 'update', 'retrieve', 'list', 'list_line_items', 'expire'];
const IGNORED_KEYS = new Set(['values_node']);

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node check-reference.mjs <reference dir with *.json>');
  process.exit(2);
}

function strip(v) {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const o = {};
    for (const [k, x] of Object.entries(v)) if (!IGNORED_KEYS.has(k)) o[k] = strip(x);
    return o;
  }
  return v;
}

function diff(a, b, p, out) {
  if (out.length >= 30) return;
  const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of ka) if (!(k in b)) out.push(`${p}.${k}: only in reference`);
    for (const k of kb) if (!(k in a)) out.push(`${p}.${k}: only in generated`);
    const common = ka.filter((k) => k in b);
    if (common.join() !== kb.filter((k) => k in a).join()) out.push(`${p}: key order differs (reference ${ka.join(',')} / generated ${kb.join(',')})`);
    for (const k of common) diff(a[k], b[k], `${p}.${k}`, out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diff(x, b[i], `${p}[${i}]`, out));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${p}: reference ${JSON.stringify(a)} / generated ${JSON.stringify(b)}`);
  }
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
let failures = 0;
let compared = 0;
for (const file of files) {
  const ref = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (!ref.version || !ref.targets) continue;
  const sdk = SDKS.find((s) => s.pkg === `stripe-${ref.version}`);
  if (!sdk) {
    console.log(`${file}: stripe@${ref.version} is not one of the generator's SDKs, skipped`);
    continue;
  }
  const ours = extract(sdk);
  if (ref.apiVersion && ref.apiVersion !== ours.api_version) {
    console.log(`FAIL ${file}: api version ${ref.apiVersion} / generated ${ours.api_version}`);
    failures++;
  }
  for (const t of CHECKOUT_TARGETS) {
    if (!ref.targets[t]) continue;
    compared++;
    const out = [];
    const mine = strip(ours.targets[t]);
    diff(ref.targets[t].schema, mine, t, out);
    if (JSON.stringify(ref.targets[t].schema) !== JSON.stringify(mine) && out.length === 0) out.push(`${t}: differs`);
    if (out.length) {
      failures++;
      console.log(`FAIL ${file} (stripe@${ref.version}) ${t}:`);
      for (const line of out) console.log(`  ${line}`);
    } else {
      console.log(`ok   ${file} (stripe@${ref.version}) ${t}`);
    }
  }
}
if (compared === 0) {
  console.error('nothing compared: no reference file matched a generator SDK');
  process.exit(1);
}
console.log(failures ? `\n${failures} mismatch(es)` : `\nall ${compared} schemas identical`);
process.exit(failures ? 1 : 0);
