// Records what the official stripe-node SDK of each tested API version sends for the calls of
// the discount flow and for creating a promotion code: method, path, Stripe-Version, and the
// form pairs in order. tests/fixtures/wire_versions.json is the output of:
//
//   npm ci && node record.js > ../../tests/fixtures/wire_versions.json
//
// Each SDK talks to a local HTTP server that records the request and answers a minimal object,
// so nothing leaves the machine.
const fs = require('fs');
const http = require('http');
const path = require('path');

const SDKS = [
  {
    release: 'basil',
    package: 'stripe-basil',
    // The guide's header, set the way its Node example sets it (config `apiVersion`).
    apiVersion: '2025-03-31.basil; checkout_server_update_beta=v1;',
  },
  // The beta SDK's own pin, sent as the SDK sends it by default.
  { release: 'preview', package: 'stripe-preview', apiVersion: undefined },
  // The GA SDK's own pin.
  { release: 'endive', package: 'stripe-endive', apiVersion: undefined },
];

const SESSION = 'cs_test_123';

/// The calls per release: [name, resource, method, args]. Only what that version accepts.
function calls(release) {
  const pre_dahlia = release === 'basil';
  const preview = release !== 'endive';
  const out = [];
  // In the guide's order; the preview's discount permission only where it exists.
  const guideCreate = {
    ui_mode: pre_dahlia ? 'custom' : 'elements',
    ...(preview ? { permissions: { update_discounts: 'server_only' } } : {}),
    line_items: [{ price: 'price_123', quantity: 1 }],
    mode: 'payment',
    return_url: 'https://example.com/return',
  };
  if (preview) {
    out.push(['create_server_driven', 'checkout.sessions', 'create', [guideCreate]]);
  }
  if (release === 'endive') {
    out.push(['create_allowed_methods', 'checkout.sessions', 'create', [{
      ...guideCreate,
      allowed_payment_method_types: ['card', 'link'],
    }]]);
  } else {
    out.push(['create_payment_method_types', 'checkout.sessions', 'create', [{
      ...guideCreate,
      payment_method_types: ['card', 'link'],
    }]]);
  }
  out.push(['create_hosted_page', 'checkout.sessions', 'create', [{
    ui_mode: pre_dahlia ? 'hosted' : 'hosted_page',
    line_items: [{ price: 'price_123', quantity: 2 }],
    mode: 'payment',
    success_url: 'https://example.com/done',
  }]]);
  if (preview) {
    out.push(['update_coupon_data', 'checkout.sessions', 'update', [SESSION, {
      discounts: [{ coupon_data: { name: 'Loyalty', amount_off: 500, currency: 'usd' } }],
      expand: ['discounts'],
    }]]);
    out.push(['update_coupon', 'checkout.sessions', 'update', [SESSION, {
      discounts: [{ coupon: 'SUMMER25' }],
    }]]);
    out.push(['update_clear_discounts', 'checkout.sessions', 'update', [SESSION, { discounts: '' }]]);
  }
  out.push(['update_metadata', 'checkout.sessions', 'update', [SESSION, { metadata: { order: '42' } }]]);
  if (release === 'endive') {
    out.push(['update_payment_intent_data', 'checkout.sessions', 'update', [SESSION, {
      payment_intent_data: { description: 'Order 42', metadata: { order: '42' } },
    }]]);
  }
  out.push(['promotion_code_create', 'promotionCodes', 'create', [
    pre_dahlia
      ? { coupon: 'SUMMER25', code: 'SUMMER' }
      : { promotion: { type: 'coupon', coupon: 'SUMMER25' }, code: 'SUMMER' },
  ]]);
  return out;
}

function pairs(body) {
  if (!body) return [];
  return body.split('&').map((kv) => {
    const i = kv.indexOf('=');
    const dec = (s) => decodeURIComponent(s.replace(/\+/g, ' '));
    return [dec(kv.slice(0, i)), dec(kv.slice(i + 1))];
  });
}

async function main() {
  let seen = null;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      seen = { method: req.method, path: req.url, stripe_version: req.headers['stripe-version'], body };
      const object = req.url.startsWith('/v1/promotion_codes') ? 'promotion_code' : 'checkout.session';
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_1' });
      res.end(JSON.stringify({ id: object === 'promotion_code' ? 'promo_1' : SESSION, object }));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  const cases = [];
  const sdks = [];
  for (const sdk of SDKS) {
    const Stripe = require(sdk.package);
    const config = { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 };
    if (sdk.apiVersion) config.apiVersion = sdk.apiVersion;
    const stripe = new Stripe('sk_test_vectors', config);
    const manifest = path.join(__dirname, 'node_modules', sdk.package, 'package.json');
    const version = JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
    sdks.push({ release: sdk.release, package: `stripe@${version}` });
    for (const [name, resource, method, args] of calls(sdk.release)) {
      seen = null;
      const target = resource.split('.').reduce((o, k) => o[k], stripe);
      await target[method](...args);
      cases.push({
        release: sdk.release,
        name,
        call: `${resource}.${method}`,
        params: args[args.length - 1],
        method: seen.method,
        path: seen.path,
        stripe_version: seen.stripe_version,
        pairs: pairs(seen.body),
      });
    }
  }
  server.close();
  process.stdout.write(JSON.stringify({ recorded_from: sdks, cases }, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
