// Drives the emulator binary (stripe-checkout-emulator) with clients this project did not write:
// the official Node SDK of basil (stripe@18.0.0, on the guide's version) and of endive
// (stripe@23.1.0, on its own pin). Each runs the discount flow the way a merchant would and
// checks what the emulator answers in its version's shape, and what it refuses there; then
// the server-update family (line items, shipping, their refusals).
//
// Usage: node emulator_sdks.mjs <path to the stripe-checkout-emulator binary>

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const binary = process.argv[2];
if (!binary) {
  console.error('usage: node emulator_sdks.mjs <emulator binary>');
  process.exit(2);
}

function check(ok, message) {
  if (!ok) throw new Error(message);
}

function equal(got, want, what) {
  check(JSON.stringify(got) === JSON.stringify(want), `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

async function refused(promise, param, what) {
  try {
    await promise;
  } catch (err) {
    equal(err.type, 'StripeInvalidRequestError', `${what}: error type`);
    equal(err.param, param, `${what}: param`);
    return;
  }
  throw new Error(`${what}: expected a refusal naming ${param}`);
}

function sdk(pkg, url, key, apiVersion, retries = 0) {
  const Stripe = require(pkg);
  const config = {
    host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: retries,
  };
  if (apiVersion) config.apiVersion = apiVersion;
  return new Stripe(key, config);
}

const lineItems = [{ price: 'price_demo_jacket', quantity: 1 }];
const returnUrl = 'https://example.com/return?session_id={CHECKOUT_SESSION_ID}';

async function basil(stripe) {
  const session = await stripe.checkout.sessions.create({
    ui_mode: 'custom',
    permissions: { update_discounts: 'server_only' },
    line_items: lineItems,
    mode: 'payment',
    return_url: returnUrl,
  });
  equal(session.ui_mode, 'custom', 'basil ui_mode');
  equal(session.amount_total, 8000, 'basil total');
  const updated = await stripe.checkout.sessions.update(session.id, {
    discounts: [{ coupon: 'TENOFF' }],
    expand: ['discounts'],
  });
  equal(updated.amount_total, 7000, 'basil discounted total');
  equal(updated.discounts[0].coupon, 'TENOFF', 'basil applied coupon');
  const read = await stripe.checkout.sessions.retrieve(session.id, {
    expand: ['total_details.breakdown'],
  });
  const discount = read.total_details.breakdown.discounts[0].discount;
  equal(discount.coupon.id, 'TENOFF', 'basil Discount.coupon (nested in full)');
  check(!('source' in discount), 'basil Discount has no source');
  const code = await stripe.promotionCodes.create({ coupon: 'QUARTER', code: 'BASIL25' });
  equal(code.coupon.id, 'QUARTER', 'basil PromotionCode.coupon');
  const cleared = await stripe.checkout.sessions.update(session.id, { discounts: '' });
  equal(cleared.amount_total, 8000, 'basil cleared total');
  await refused(
    stripe.checkout.sessions.create({ ui_mode: 'form', line_items: lineItems, mode: 'payment', return_url: returnUrl }),
    'ui_mode', 'basil ui_mode=form',
  );
}

async function endive(stripe) {
  const session = await stripe.checkout.sessions.create({
    ui_mode: 'elements',
    allowed_payment_method_types: ['card'],
    line_items: lineItems,
    mode: 'payment',
    return_url: returnUrl,
  });
  equal(session.ui_mode, 'elements', 'endive ui_mode');
  equal(session.allowed_payment_method_types, ['card'], 'endive allowed_payment_method_types');
  await refused(
    stripe.checkout.sessions.create({
      ui_mode: 'elements', payment_method_types: ['card'], line_items: lineItems, mode: 'payment', return_url: returnUrl,
    }),
    'payment_method_types', 'endive payment_method_types',
  );
  await refused(
    stripe.checkout.sessions.create({ ui_mode: 'custom', line_items: lineItems, mode: 'payment', return_url: returnUrl }),
    'ui_mode', 'endive ui_mode=custom',
  );
  await refused(
    stripe.checkout.sessions.update(session.id, { discounts: [{ coupon: 'TENOFF' }] }),
    'discounts', 'endive update discounts without the beta flag',
  );
  const updated = await stripe.checkout.sessions.update(session.id, {
    payment_intent_data: { description: 'Order 42' },
  });
  equal(updated.id, session.id, 'endive update payment_intent_data');

  // The dynamic-discounts preview on endive: the beta flag, per request.
  const beta = { apiVersion: `${stripe.getApiField('version')}; checkout_server_update_beta=v1` };
  const driven = await stripe.checkout.sessions.create({
    ui_mode: 'elements',
    permissions: { update_discounts: 'server_only' },
    line_items: lineItems,
    mode: 'payment',
    return_url: returnUrl,
  }, beta);
  const discounted = await stripe.checkout.sessions.update(driven.id, {
    discounts: [{ coupon_data: { amount_off: 1500, currency: 'usd', name: 'Loyalty' } }],
  }, beta);
  equal(discounted.amount_total, 6500, 'endive discounted total');
  const read = await stripe.checkout.sessions.retrieve(driven.id, { expand: ['total_details.breakdown'] });
  const discount = read.total_details.breakdown.discounts[0].discount;
  check(!('coupon' in discount), 'endive Discount has no coupon');
  equal(discount.source.type, 'coupon', 'endive Discount.source.type');
  check(typeof discount.source.coupon === 'string', 'endive Discount.source.coupon is an id');
  const code = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: 'QUARTER' }, code: 'ENDIVE25' });
  equal(code.promotion, { type: 'coupon', coupon: 'QUARTER' }, 'endive PromotionCode.promotion');
  await refused(stripe.promotionCodes.create({ coupon: 'QUARTER', code: 'OLD25' }), 'coupon', 'endive basil-shaped code');
}

// Stripe's server-update family with the official SDKs: a whole-array line-item update on endive
// (keep, change a quantity, add with price_data, remove, reorder), shipping options and details
// with the totals read back, a discount on the preview that leaves shipping whole, and refusals
// each checked by the param they name.
async function dynamicUpdates(endive, preview) {
  const created = await endive.checkout.sessions.create({
    ui_mode: 'elements',
    permissions: { update_shipping_details: 'server_only' },
    line_items: [{ price: 'price_demo_jacket', quantity: 1 }, { price: 'price_demo_cap', quantity: 1 }],
    mode: 'payment',
    return_url: returnUrl,
    expand: ['line_items'],
  });
  const [jacket, cap] = created.line_items.data.map((i) => i.id);
  const updated = await endive.checkout.sessions.update(created.id, {
    line_items: [
      { id: cap, quantity: 2 },
      { price_data: { currency: 'usd', unit_amount: 500, product_data: { name: 'Gift wrap' } }, quantity: 1, metadata: { source: 'upsell' } },
    ],
    shipping_options: [
      { shipping_rate: 'shr_demo_standard' },
      { shipping_rate_data: { display_name: 'Express', fixed_amount: { amount: 1500, currency: 'usd' } } },
    ],
    collected_information: { shipping_details: { name: 'Ada Lovelace', address: { line1: '1 Analytical Way', country: 'GB' } } },
  });
  equal(updated.amount_subtotal, 2 * 4000 + 500, 'updates subtotal');
  equal(updated.total_details.amount_shipping, 500, 'updates shipping');
  equal(updated.amount_total, 8500 + 500, 'updates total with shipping');
  equal(updated.shipping_cost.shipping_rate, 'shr_demo_standard', 'updates selected option');
  const express = updated.shipping_options[1].shipping_rate;
  equal((await endive.shippingRates.retrieve(express)).display_name, 'Express', 'updates inline rate');
  const read = await endive.checkout.sessions.retrieve(created.id, {
    expand: ['line_items', 'shipping_cost.shipping_rate'],
  });
  equal(read.line_items.data.map((i) => [i.description, i.quantity]), [['Wool cap', 2], ['Gift wrap', 1]], 'updates items');
  equal(read.line_items.data[0].id, cap, 'updates kept item id');
  check(!read.line_items.data.some((i) => i.id === jacket), 'updates removed the jacket');
  equal(read.line_items.data[1].metadata, { source: 'upsell' }, 'updates item metadata');
  equal(read.shipping_cost.shipping_rate.display_name, 'Standard', 'updates expanded rate');
  equal(read.collected_information.shipping_details.address.country, 'GB', 'updates shipping details');
  const gift = read.line_items.data[1].id;
  await endive.checkout.sessions.update(created.id, { line_items: [{ id: gift }, { id: cap }] });
  const reordered = await endive.checkout.sessions.listLineItems(created.id);
  equal(reordered.data.map((i) => i.id), [gift, cap], 'updates reordered');

  // The preview: line items need their permission; a discount takes nothing off shipping.
  const driven = await preview.checkout.sessions.create({
    ui_mode: 'custom',
    permissions: { update_discounts: 'server_only', update_line_items: 'server_only' },
    line_items: lineItems,
    mode: 'payment',
    return_url: returnUrl,
  });
  const discounted = await preview.checkout.sessions.update(driven.id, {
    shipping_options: [{ shipping_rate: 'shr_demo_express' }],
    discounts: [{ coupon: 'QUARTER' }],
  });
  equal(discounted.total_details.amount_discount, 2000, 'updates discount on items');
  equal(discounted.total_details.amount_shipping, 1500, 'updates shipping not discounted');
  equal(discounted.amount_total, 8000 - 2000 + 1500, 'updates discounted total');

  // Refusals, each by its param: a hosted page's line items on endive, shipping in
  // subscription mode, line items on the preview without their permission.
  const hosted = await endive.checkout.sessions.create({ line_items: lineItems, mode: 'payment', success_url: returnUrl, expand: ['line_items'] });
  await refused(endive.checkout.sessions.update(hosted.id, { line_items: [{ id: hosted.line_items.data[0].id, quantity: 2 }] }),
    'line_items', 'updates hosted line items');
  const subscription = await endive.checkout.sessions.create({ ui_mode: 'elements', line_items: [{ price: 'price_demo_club', quantity: 1 }], mode: 'subscription', return_url: returnUrl });
  // A subscription bills a recurring price; payment mode refuses one.
  await refused(endive.checkout.sessions.create({ ui_mode: 'elements', line_items: [{ price: 'price_demo_club', quantity: 1 }], mode: 'payment', return_url: returnUrl }),
    'line_items', 'creates a recurring price in payment mode');
  await refused(endive.checkout.sessions.update(subscription.id, { shipping_options: [{ shipping_rate: 'shr_demo_standard' }] }),
    'shipping_options', 'updates shipping in subscription mode');
  const unpermitted = await preview.checkout.sessions.create({ ui_mode: 'custom', line_items: lineItems, mode: 'payment', return_url: returnUrl });
  await refused(preview.checkout.sessions.update(unpermitted.id, { line_items: [{ price: 'price_demo_cap', quantity: 1 }] }),
    'line_items', 'updates line items without the permission');
  await refused(endive.checkout.sessions.update(created.id, { line_items: [{ id: cap }, { id: cap }] }),
    'line_items[1][id]', 'updates duplicate id');
}

// The emulator's test controls, as a client in any language reaches them.
async function control(controls, method, path, body) {
  const res = await fetch(new URL(path, controls), {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

// The guide's flow with the demo seed, end to end: create -> update discounts -> retrieve ->
// complete, with the seed's promotion codes held to their rules, a fault queued over HTTP and
// retried by the SDK under one idempotency key, and the clock moved past a session's expiry.
async function flow(stripe, retrying, controls) {
  const session = await stripe.checkout.sessions.create({
    ui_mode: 'custom',
    permissions: { update_discounts: 'server_only' },
    line_items: [{ price: 'price_demo_jacket', quantity: 1 }, { price: 'price_demo_cap', quantity: 1 }],
    mode: 'payment',
    return_url: returnUrl,
  });
  equal(session.amount_subtotal, 12000, 'flow subtotal');
  const updated = await stripe.checkout.sessions.update(session.id, {
    discounts: [{ coupon: 'QUARTER' }],
    expand: ['discounts'],
  });
  equal(updated.amount_total, 9000, 'flow discounted total');
  const read = await stripe.checkout.sessions.retrieve(session.id, { expand: ['total_details.breakdown', 'line_items'] });
  equal(read.total_details.amount_discount, 3000, 'flow retrieved discount');
  equal(read.line_items.data.map((i) => i.amount_discount), [2000, 1000], 'flow discount per item');

  // The seed's codes, redeemed at creation, meet the emulator's redemption rules.
  const [spring] = (await stripe.promotionCodes.list({ code: 'spring' })).data;
  const [bigcart] = (await stripe.promotionCodes.list({ code: 'BIGCART' })).data;
  const [caps] = (await stripe.promotionCodes.list({ code: 'CAPS50' })).data;
  const jacketOnly = { line_items: lineItems, mode: 'payment', ui_mode: 'custom', return_url: returnUrl };
  await refused(stripe.checkout.sessions.create({ ...jacketOnly, discounts: [{ promotion_code: spring.id }] }),
    'discounts[0][promotion_code]', 'flow expired code');
  await refused(stripe.checkout.sessions.create({ ...jacketOnly, discounts: [{ promotion_code: bigcart.id }] }),
    'discounts[0][promotion_code]', 'flow code below its minimum');
  await refused(stripe.checkout.sessions.create({ ...jacketOnly, discounts: [{ promotion_code: caps.id }] }),
    'discounts[0][promotion_code]', 'flow code for products not in the cart');

  // A 503 after the update applied, which the SDK retries with the same idempotency key.
  await control(controls, 'DELETE', 'journal');
  const queued = await control(controls, 'POST', 'faults', {
    status: 503, should_retry: true, method: 'POST', path: '/v1/checkout/sessions/*', after_apply: true,
  });
  equal(queued.status, 200, 'flow fault queued');
  const tagged = await retrying.checkout.sessions.update(session.id, { metadata: { order: '42' } });
  equal(tagged.metadata, { order: '42' }, 'flow update after a retry');
  const { body: journal } = await control(controls, 'GET', 'journal');
  equal(journal.data.map((r) => [r.status, r.faulted, r.applied, r.replayed]),
    [[503, true, true, false], [200, false, false, true]], 'flow journal of the retried update');
  equal(journal.data[0].idempotency_key, journal.data[1].idempotency_key, 'flow one idempotency key');

  const completed = await control(controls, 'POST', `sessions/${session.id}/complete`);
  equal([completed.status, completed.body.status, completed.body.payment_status], [200, 'complete', 'paid'], 'flow complete');
  const done = await stripe.checkout.sessions.retrieve(session.id);
  equal(done.status, 'complete', 'flow retrieved after completion');
  equal((await stripe.coupons.retrieve('QUARTER')).times_redeemed, 1, 'flow coupon redeemed once');
  equal((await control(controls, 'POST', `sessions/${session.id}/complete`)).status, 400, 'flow complete twice');

  const later = await stripe.checkout.sessions.create(jacketOnly);
  const moved = await control(controls, 'POST', 'clock', { advance: 24 * 3600 + 1 });
  equal(moved.status, 200, 'flow clock moved');
  equal((await stripe.checkout.sessions.retrieve(later.id)).status, 'expired', 'flow expired by the clock');

  const seeded = await control(controls, 'POST', 'seed', { coupons: [{ id: 'LATE5', amount_off: 500, currency: 'usd' }] });
  equal(seeded.status, 200, 'flow seeded more');
  equal((await stripe.coupons.retrieve('LATE5')).amount_off, 500, 'flow seeded coupon');
  equal((await control(controls, 'POST', 'clock', { advance: -1 })).status, 400, 'flow bad clock control');
  equal((await control(controls, 'GET', 'nothing')).status, 404, 'flow unknown control');
}

// Requests Stripe refuses, sent raw as any SDK would send them: each must be Stripe's 400
// invalid_request_error naming the offending leaf.
async function refusals(url, key) {
  const session = 'mode=payment&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=1';
  const guide = '2025-03-31.basil; checkout_server_update_beta=v1;';
  const cases = [
    ['POST', '/v1/checkout/sessions', 'mode=barter&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=1', 'mode'],
    ['POST', '/v1/checkout/sessions', `${session}&submit_type=gift`, 'submit_type'],
    ['POST', '/v1/checkout/sessions', `${session}&locale=xx`, 'locale'],
    ['POST', '/v1/checkout/sessions', `${session}&billing_address_collection=sometimes`, 'billing_address_collection'],
    ['POST', '/v1/checkout/sessions', `${session}&custom_fields[0][key]=k&custom_fields[0][label][type]=custom&custom_fields[0][label][custom]=K&custom_fields[0][type]=colour`, 'custom_fields[0][type]'],
    ['GET', '/v1/checkout/sessions?status=lost', '', 'status'],
    ['POST', '/v1/coupons', 'percent_off=10&duration=sometimes', 'duration'],
    ['POST', '/v1/coupons', 'percent_off=10&duration=repeating', 'duration_in_months'],
    ['POST', '/v1/coupons', 'amount_off=100&currency=dollars', 'currency'],
    ['POST', '/v1/coupons', 'amount_off=100&currency=xyz', 'currency'],
    ['POST', '/v1/coupons', 'amount_off=100&currency=usd&percent_off=5', 'percent_off'],
    ['POST', '/v1/coupons', 'percent_off=150', 'percent_off'],
    ['POST', '/v1/checkout/sessions', `${session}&metadata[${'k'.repeat(41)}]=v`, `metadata[${'k'.repeat(41)}]`],
    ['POST', '/v1/checkout/sessions', `${session}&metadata[k]=${'v'.repeat(501)}`, 'metadata[k]'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=1&line_items[0][adjustable_quantity][enabled]=true&line_items[0][adjustable_quantity][maximum]=1000000', 'line_items[0][adjustable_quantity][maximum]'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=abc', 'line_items[0][quantity]'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price]=price_demo_jacket&line_items[0][quantity]=1.5', 'line_items[0][quantity]'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price]=price_demo_jacket', 'line_items[0][quantity]'],
    ['POST', '/v1/checkout/sessions', `${session}&allow_promotion_codes=yes`, 'allow_promotion_codes'],
    ['POST', '/v1/checkout/sessions', `${session}&ui_mode=popup`, 'ui_mode'],
    ['POST', '/v1/checkout/sessions', `${session}&discounts[0][coupon_data][percent_off]=200`, 'discounts[0][coupon_data][percent_off]'],
    ['POST', '/v1/checkout/sessions', `${session}&discounts[0][coupon_data][amount_off]=500`, 'discounts[0][coupon_data][currency]'],
    ['POST', '/v1/checkout/sessions', `${session}&line_items[0][colour]=red`, 'line_items[0][colour]'],
    ['POST', '/v1/checkout/sessions', `${session}&expires_at=soon`, 'expires_at'],
    ['POST', '/v1/checkout/sessions', `${session}&customer_email=`, 'customer_email'],
    ['GET', '/v1/checkout/sessions?limit=101', '', 'limit'],
    ['GET', '/v1/promotion_codes?active=maybe', '', 'active'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=100000000&line_items[0][price_data][product_data][name]=X&line_items[0][quantity]=1', 'line_items[0][price_data][unit_amount]'],
    ['POST', '/v1/checkout/sessions', 'mode=payment&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount_decimal]=1.0000000000001&line_items[0][price_data][product_data][name]=X&line_items[0][quantity]=1', 'line_items[0][price_data][unit_amount_decimal]'],
    ['POST', '/v1/promotion_codes', 'coupon=QUARTER&max_redemptions=0', 'max_redemptions'],
    ['POST', '/v1/checkout/sessions', `${session}&payment_method_types[0]=carrier_pigeon`, 'payment_method_types[0]'],
  ];
  for (const [method, path, body, param] of cases) {
    const res = await fetch(new URL(path, url), {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'stripe-version': guide,
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: method === 'POST' ? body : undefined,
    });
    const answer = await res.json();
    const what = `${method} ${path} ${body.slice(0, 80)}`;
    equal(res.status, 400, `${what}: status`);
    equal(answer.error && answer.error.type, 'invalid_request_error', `${what}: error type`);
    equal(answer.error && answer.error.param, param, `${what}: param`);
  }
  return cases.length;
}

const emulator = spawn(binary, [], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
let status = 0;
try {
  const first = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: emulator.stdout });
    lines.once('line', resolve);
    emulator.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    setTimeout(() => reject(new Error('emulator printed nothing')), 20_000);
  });
  const { base_url: baseUrl, secret_key: key } = JSON.parse(first);
  const url = new URL(baseUrl);
  await basil(sdk('stripe-basil', url, key, '2025-03-31.basil; checkout_server_update_beta=v1;'));
  console.log('stripe@18.0.0 (basil) against the emulator: ok');
  await endive(sdk('stripe-endive', url, key, undefined));
  console.log('stripe@23.1.0 (endive) against the emulator: ok');
  await dynamicUpdates(sdk('stripe-endive', url, key, undefined), sdk('stripe-basil', url, key, '2025-03-31.basil; checkout_server_update_beta=v1;'));
  console.log('stripe@23.1.0 and stripe@18.0.0: line items, shipping and refusals through server updates: ok');
  const guide = '2025-03-31.basil; checkout_server_update_beta=v1;';
  const retrying = sdk('stripe-basil', url, key, guide, 1);
  await flow(sdk('stripe-basil', url, key, guide), retrying, new URL(JSON.parse(first).controls));
  console.log('stripe@18.0.0 create -> update -> retrieve -> complete, with the test controls: ok');
  const refused = await refusals(url, key);
  console.log(`${refused} requests Stripe refuses, each refused naming its param: ok`);
} catch (err) {
  console.error(`outside SDK check failed: ${err.message}`);
  status = 1;
} finally {
  emulator.kill('SIGTERM');
}
process.exit(status);
