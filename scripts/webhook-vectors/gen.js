// Records the official stripe-node SDK's verdict (stripe.webhooks.constructEvent with a
// receive time) on edge-case and randomly edited Stripe-Signature headers, one JSON line per
// (header, receive time). select.py picks tests/fixtures/node_webhook_verdicts.jsonl from it.
//
//   npm install && node gen.js cases.jsonl && python3 select.py cases.jsonl > ../../tests/fixtures/node_webhook_verdicts.jsonl
//
// The random edits use a fixed seed, so a run with the same stripe version repeats.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Stripe = require('stripe');
const stripe = new Stripe('sk_test_dummy');
const SECRET = 'whsec_test_secret';
const PAYLOAD = '{"id":"evt_test_1","object":"event","type":"checkout.session.completed","created":1767225600,"livemode":false,"data":{"object":{"id":"cs_test_1","object":"checkout.session"}}}';
const T = 1767225600;
const sig = (tsText) => crypto.createHmac('sha256', SECRET).update(`${tsText}.${PAYLOAD}`, 'utf8').digest('hex');
const S = sig(String(T));
const nodeTs = (tv) => String(parseInt(tv, 10)); // what node would sign
const headers = new Set();
const add = (h) => headers.add(h);

// --- basic / structural
add(`t=${T},v1=${S}`);
add(`v1=${S},t=${T}`);
add(`t=${T},v1=${S},v0=${S}`);
add(`t=${T},v0=${S}`);
add(`t=${T},v2=${S}`);
add(`t=${T},v9=${S}`);
add(`t=${T},V1=${S}`);
add(`T=${T},v1=${S}`);
add(`t=${T},v0=${'0'.repeat(64)},v1=${S}`);
add(`t=${T},v1=${S},v2=abc,v3=`);
add(`t=${T},v2=${S},v1=${S}`);
add(`t=${T},x=1,v1=${S}`);
add(`t=${T},v1=${'0'.repeat(64)},v1=${S}`);
add(`t=${T},v1=${S},v1=${'0'.repeat(64)}`);
add(`t=${T},v1=${'f'.repeat(64)}`);
add(`t=${T},${Array.from({length: 20}, (_, i) => 'v1=' + sig(String(i))).join(',')},v1=${S}`);
add(`t=${T}`);
add(`v1=${S}`);
add(``);
add(`,`);
add(`=`);
add(`t`);
add(`v1`);
add(`t=`);
add(`t=,v1=${S}`);
add(`t,v1=${S}`);
// hex case / length
add(`t=${T},v1=${S.toUpperCase()}`);
add(`t=${T},v1=${S.slice(0, 63) + S[63].toUpperCase()}`);
add(`t=${T},v1=${S.toUpperCase()},v1=${S}`);
add(`t=${T},v1=${S.slice(0, 63)}`);
add(`t=${T},v1=${S.slice(0, 62)}`);
add(`t=${T},v1=${S.slice(0, 1)}`);
add(`t=${T},v1=${S}0`);
add(`t=${T},v1=${S}a`);
add(`t=${T},v1=${S}00`);
add(`t=${T},v1=${S.slice(0, 63)},v1=${S}`);
add(`t=${T},v1=${S}0,v1=${S}`);
add(`t=${T},v1=${S.replace(/^./, 'g')}`);
add(`t=${T},v1=${S.replace(/^./, 'g')},v1=${S}`);
add(`t=${T},v1=${'z'.repeat(64)},v1=${S}`);
// empty / bare v1
add(`t=${T},v1=`);
add(`t=${T},v1`);
add(`t=${T},v1=,v1=${S}`);
add(`t=${T},v1=${S},v1=`);
add(`t=${T},v1=${S},v1`);
add(`t=${T},v1,v1=${S}`);
add(`t=${T},v1==${S}`);
add(`t=${T},v1= `);
add(`t=${T},v1= ,v1=${S}`);
// extra '='
add(`t=${T},v1=${S}=`);
add(`t=${T},v1=${S}=extra`);
add(`t=${T}=5,v1=${S}`);
add(`t=${T}=,v1=${S}`);
add(`t==${T},v1=${S}`);
add(`t=${T},v1=${S}==`);
add(`t=${T}==,v1=${S}==`);
// empty items, commas
add(`,,t=${T},,v1=${S},,`);
add(`t=${T},v1=${S},`);
add(`,t=${T},v1=${S}`);
add(`t=${T},,v1=${S}`);
add(`t=${T},v1=${S},,,,`);
// separators
for (const sep of [';', ', ', ' ,', ' ', '\t', '&', '|', '\n', '\r\n', '，', '\u201a', ';,', ',;']) {
  add(`t=${T}${sep}v1=${S}`);
}
add(`t:${T},v1:${S}`);
add(`t=${T},v1:${S}`);
add(`t:${T},v1=${S}`);
// whitespace around items and values
const WS = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029',
  '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\u200b', '\u001c', '\u001f', '\u0000', '  ', ' \t'];
for (const w of WS) {
  add(`${w}t=${T},v1=${S}`);
  add(`t${w}=${T},v1=${S}`);
  add(`t=${w}${T},v1=${S}`);
  add(`t=${T}${w},v1=${S}`);
  add(`t=${T},${w}v1=${S}`);
  add(`t=${T},v1${w}=${S}`);
  add(`t=${T},v1=${w}${S}`);
  add(`t=${T},v1=${S}${w}`);
  add(`t=${T},v1=${S}${w},v1=${S}`);
  add(`t=${T},v1=${S},v1=${w}`);
  add(`t=${T},v1=${S}${w}`);
  add(`t=${T},v1=${S},${w}`);
  add(`${w}`);
  add(`t=${w},v1=${S}`);
  add(`t=${w}-1,v1=${S}`);
}
// repeated / missing t
add(`t=${T},t=${T},v1=${S}`);
add(`t=${T},t=${T + 1},v1=${S}`);
add(`t=${T + 1},t=${T},v1=${S}`);
add(`t=${T},t=abc,v1=${S}`);
add(`t=abc,t=${T},v1=${S}`);
add(`t=${T},t=,v1=${S}`);
add(`t=${T},t,v1=${S}`);
add(`t=${T},t=-1,v1=${S}`);
add(`t=-1,t=${T},v1=${S}`);
add(`t=${T},v1=${S},t=${T}`);
add(`t=${T},v1=${S},t=${T - 400}`);
add(`t=${T},v1=${S},t=-1`);
add(`t=${T},v1=${S},t=x`);
add(`v1=${S},v1=${S}`);
add(`t=${T},v1=${S},t=`);
// unicode in signatures (64 UTF-16 units, non-ASCII)
const uniSigs = [
  S.slice(0, 63) + 'é', S.slice(0, 62) + '😀', 'é'.repeat(64), S.slice(0, 63) + '\u00ff', S.slice(0, 63) + 'ａ',
  S.slice(0, 63) + '\u0430', S.slice(0, 60) + '\u3042'.repeat(4), S.slice(0, 32) + 'ß'.repeat(32),
  S.slice(0, 61) + 'é', S.slice(0, 63) + 'ee', S.slice(0, 32) + '😀'.repeat(16),
];
for (const u of uniSigs) {
  add(`t=${T},v1=${u}`);
  add(`t=${T},v1=${u},v1=${S}`);
  add(`t=${T},v1=${S},v1=${u}`);
  add(`t=${T},v0=${u},v1=${S}`);
}
add(`t=${T},v1=${S},ü=1`);
add(`t=${T},v1=${S},😀`);
add(`😀t=${T},v1=${S}`);
add(`t=${T},v\u0031=${S}`);
add(`t=${T},ｖ1=${S}`);
add(`ｔ=${T},v1=${S}`);
// timestamp text variants
const TV = [
  String(T), '0' + T, '00000' + T, '0'.repeat(40) + T, '+' + T, '-' + T, '++' + T, '+-' + T, '-+' + T, '--' + T,
  ' ' + T, '  ' + T, '\t' + T, '\n' + T, '\r\n' + T, ' +' + T, '+ ' + T, '- ' + T, T + ' ', T + 'abc', 'abc' + T,
  'x', 'NaN', 'Infinity', '-Infinity', T + '.0', T + '.5', T + '.999', '.' + T, T + 'e3', '1.7672256e9',
  '0x' + T.toString(16), '0x10', '0b1', '0o7', String(T).slice(0, 5) + '_' + String(T).slice(5), String(T).slice(0, 4) + ',' ,
  '0', '-0', '+0', '00', '1', '-1', '-01', '-1.9', '-1abc', ' -1', '+-1', '-2', '-300', '-9999999999',
  String(T + 1), String(T - 1), String(T + 299), String(T + 300), String(T + 301), String(T - 300), String(T - 301),
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '99999999999999999999',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '1' + '0'.repeat(21),
  '1' + '0'.repeat(30), '1e21', '4294967296', '253402300799', '253402300800', '32503680000', '18446744073709551616',
  '１７６７２２５６００', '١٧٦٧٢٢٥٦٠٠', '\u00a0' + T, '\u3000' + T, '\ufeff' + T, '\u0085' + T, '\u180e' + T,
  '\u200b' + T, '\u2028' + T, '\v' + T, '\f' + T, '\u001c' + T, T + '\u0000', '\u0000' + T, T + '😀', '😀' + T,
  '١' + T, T + '١', '0'.repeat(5000) + T, '0'.repeat(9000) + T,
];
for (const tv of TV) {
  const canon = nodeTs(tv);
  add(`t=${tv},v1=${sig(canon)}`);          // signed as node reads it
  add(`t=${tv},v1=${sig(tv)}`);             // signed over the raw text
  add(`t=${tv},v1=${S}`);                   // signed for T
  add(`v1=${sig(canon)},t=${tv}`);
  add(`t=${tv},v1=${sig(canon)},v1=`);
  add(`t=${tv},v0=${sig(canon)}`);
  add(`t=${T},t=${tv},v1=${sig(canon)}`);
  add(`t=${tv},t=${T},v1=${S}`);
}
// long headers around 8 KiB
const base = `t=${T},v1=${S}`;
for (const target of [8000, 8191, 8192, 8193, 8200, 9000, 20000]) {
  const pad = target - base.length - 1;
  add(`${base},${'x'.repeat(pad)}`);
  add(`${'v0=' + 'a'.repeat(pad - 3)},${base}`);
}
{ // multibyte padding: 8192 UTF-16 units but >8192 bytes
  const pad = 8192 - base.length - 1;
  add(`${base},${'é'.repeat(pad)}`);
  add(`${base},${'é'.repeat(Math.floor(pad / 2))}`);
  add(`${base},${'😀'.repeat(Math.floor(pad / 2))}`);
}
// random mutations of the valid header
let seed = 12345;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const alphabet = ['=', ',', ' ', '\t', 't', 'v', '1', '0', 'a', 'F', '-', '+', '.', ';', 'é', '\u3000', 'v1=', 't=', ',v1=', ',t='];
const valid = `t=${T},v1=${S}`;
for (let i = 0; i < 150; i++) {
  let h = valid;
  const ops = 1 + rnd(3);
  for (let k = 0; k < ops; k++) {
    const p = rnd(h.length + 1);
    const op = rnd(3);
    if (op === 0) h = h.slice(0, p) + alphabet[rnd(alphabet.length)] + h.slice(p);
    else if (op === 1) h = h.slice(0, p) + h.slice(p + 1);
    else h = h.slice(0, p) + alphabet[rnd(alphabet.length)] + h.slice(p + 1);
  }
  add(h);
}

// receive times
function parsedTs(h) {
  let ts = -1;
  for (const item of h.split(',')) { const kv = item.split('='); if (kv[0] === 't') ts = parseInt(kv[1], 10); }
  return ts;
}
const OFFS = [-100000, -1000, -301, -300, -299, -1, 0, 1, 299, 300, 301, 1000, 100000];
const out = fs.createWriteStream(process.argv[2] || '../cases.jsonl');
let n = 0;
for (const h of headers) {
  const nows = new Set(OFFS.map((o) => T + o));
  const ts = parsedTs(h);
  if (Number.isFinite(ts) && ts !== T && ts >= 300 && ts < 1e15) for (const o of [-301, -300, 0, 300, 301]) nows.add(ts + o);
  if (Number.isNaN(ts)) nows.add(0);
  for (const now of nows) {
    if (now < 0) continue;
    let verdict;
    try {
      stripe.webhooks.constructEvent(PAYLOAD, h, SECRET, 300, undefined, now * 1000);
      verdict = 'ok';
    } catch (e) {
      verdict = 'error: ' + String(e.message).split('\n')[0];
    }
    out.write(JSON.stringify({ header: h, now, node: verdict }) + '\n');
    n++;
  }
}
out.end();
console.error(`headers=${headers.size} cases=${n}`);
