// Drives the crate's emulator (examples/emulator.rs) with clients this project did not write:
// the official Node SDK of basil (stripe@18.0.0, on the guide's version) and of endive
// (stripe@23.1.0, on its own pin). Each runs the discount flow the way a merchant would and
// checks what the emulator answers in its version's shape, and what it refuses there.
//
// Usage: node emulator_sdks.mjs <path to the emulator example binary>

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

function sdk(pkg, url, key, apiVersion) {
  const Stripe = require(pkg);
  const config = {
    host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0,
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
} catch (err) {
  console.error(`outside SDK check failed: ${err.message}`);
  status = 1;
} finally {
  emulator.kill('SIGTERM');
}
process.exit(status);
