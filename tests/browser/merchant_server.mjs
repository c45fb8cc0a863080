// Browser test of the merchant_server example: start the server (offline, on its emulator),
// load the page in headless Debian Chromium, apply the loyalty discount, see the total drop,
// remove it, see the total back, type promotion codes (expired, below its minimum, unknown:
// refused with their reason; a good one: applied), add gift wrap and see the cart discount follow
// the new total, ship to an address (its rates, free standard shipping over 100.00) and be
// refused one the shop does not ship to, pay and see the webhook fulfil the order, and save a
// screenshot under target/.
//
// Usage: node merchant_server.mjs <path to the merchant_server binary>
// With STRIPE_API_VERSION set (e.g. 2026-10-28.endive), the server runs on that version and
// the test checks it does.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.argv[2];
if (!binary) {
  console.error('usage: node merchant_server.mjs <merchant_server binary>');
  process.exit(2);
}
const port = process.env.PORT || '4343';
const base = `http://127.0.0.1:${port}`;
const targetDir = resolve(process.env.TARGET_DIR || '../../target');
const timeoutMs = 20_000;

function fail(message) {
  throw new Error(message);
}

async function waitForServer(server) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`merchant_server exited with ${server.exitCode}`);
    try {
      const response = await fetch(base);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`merchant_server did not answer on ${base}`);
}

async function totalText(page) {
  return (await page.textContent('#total')).trim();
}

async function waitForTotal(page, want) {
  await page.waitForFunction(
    (w) => document.getElementById('total').textContent.trim() === w,
    want,
    { timeout: timeoutMs },
  ).catch(async () => fail(`total is ${await totalText(page)}, expected ${want}`));
}

// The example must run offline here, whatever keys the caller's environment holds.
const env = { ...process.env, PORT: port };
delete env.STRIPE_SECRET_KEY;
delete env.STRIPE_PUBLISHABLE_KEY;
const server = spawn(binary, [], { env, stdio: ['ignore', 'inherit', 'inherit'] });

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
let context;
let status = 0;
try {
  await waitForServer(server);
  const config = (await (await fetch(`${base}/config`)).json()).value;
  const wanted = process.env.STRIPE_API_VERSION || '2025-03-31.basil';
  if (!config.api_version.startsWith(wanted.split(';')[0])) {
    fail(`the server runs on ${config.api_version}, expected ${wanted}`);
  }
  console.log(`merchant_server on API version ${config.api_version}`);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]', { timeout: timeoutMs });
  await waitForTotal(page, '$120.00');
  if (!(await page.isHidden('#error'))) fail('an error is shown on load');

  await page.click('#apply-loyalty');
  await waitForTotal(page, '$102.00');
  const names = await page.textContent('#discount-names');
  if (!names.includes('Loyalty discount')) fail(`discount name missing: ${names}`);

  await page.click('#remove-discount');
  await waitForTotal(page, '$120.00');

  // The code box: an expired code and one below its minimum are refused with their reason and
  // leave the total alone; a good code (typed in lower case) applies its coupon.
  for (const [code, message] of [
    ['SPRING', 'This code has expired.'],
    ['BIGCART', 'This code needs an order of at least 150.00 USD.'],
    ['NOSUCHCODE', 'This code is not valid.'],
  ]) {
    await page.fill('#code', code);
    await page.click('#apply-code');
    await page.waitForFunction(
      (m) => document.getElementById('error').textContent === m,
      message,
      { timeout: timeoutMs },
    ).catch(async () => fail(`${code}: error shown is ${JSON.stringify(await page.textContent('#error'))}`));
    await waitForTotal(page, '$120.00');
  }
  await page.fill('#code', 'summer25');
  await page.click('#apply-code');
  await waitForTotal(page, '$90.00');
  if (!(await page.isHidden('#error'))) fail('an error is shown after a good code');
  const codeNames = await page.textContent('#discount-names');
  if (!codeNames.includes('Quarter off')) fail(`the code's coupon name missing: ${codeNames}`);

  await page.click('#apply-cart');
  await waitForTotal(page, '$108.00');

  // Gift wrap: 5.00 more, and the cart discount (10%) follows the new total in the same
  // update: 125.00 − 12.50. Asking twice adds it once.
  for (let i = 0; i < 2; i++) {
    await page.click('#add-gift-wrap');
    await waitForTotal(page, '$112.50');
  }
  const items = await page.textContent('#item-rows');
  if ((items.match(/Gift wrap/g) || []).length !== 1) fail(`cart after gift wrap: ${items}`);
  if ((await page.textContent('#discount')).trim() !== '−$12.50') {
    fail(`discount after gift wrap: ${await page.textContent('#discount')}`);
  }

  // An address: its country's rates, standard free over 100.00, so the total stays.
  await page.fill('#ship-name', 'Ada Lovelace');
  await page.fill('#ship-line1', '1 Main St');
  await page.fill('#ship-city', 'Springfield');
  await page.fill('#ship-postal', '12345');
  await page.selectOption('#ship-country', 'US');
  await page.click('#update-shipping');
  await page.waitForFunction(
    () => document.getElementById('shipping-rate').textContent === '(Standard, US)',
    null,
    { timeout: timeoutMs },
  ).catch(async () => fail(`shipping rate shown: ${await page.textContent('#shipping-rate')}`));
  if ((await page.textContent('#shipping')).trim() !== '$0.00') {
    fail(`shipping: ${await page.textContent('#shipping')}`);
  }
  await waitForTotal(page, '$112.50');
  if (!(await page.isHidden('#error'))) fail('an error is shown after a good address');

  // A country the shop does not ship to: the shopper reads why, and nothing changes.
  await page.selectOption('#ship-country', 'BR');
  await page.click('#update-shipping');
  await page.waitForFunction(
    () => document.getElementById('error').textContent === 'Sorry, we do not ship to that country.',
    null,
    { timeout: timeoutMs },
  ).catch(async () => fail(`refused address: ${JSON.stringify(await page.textContent('#error'))}`));
  await waitForTotal(page, '$112.50');
  if ((await page.textContent('#shipping-rate')) !== '(Standard, US)') fail('a refused address changed the rates');

  // Paying (offline: the emulator completes the session and sends the signed webhook).
  await page.click('#pay');
  await page.waitForFunction(
    () => document.getElementById('order-status').textContent.includes('order fulfilled'),
    null,
    { timeout: timeoutMs },
  ).catch(async () => fail(`order status: ${await page.textContent('#order-status')}`));
  if (!(await page.isDisabled('#apply-loyalty'))) fail('a paid session still offers discounts');

  mkdirSync(targetDir, { recursive: true });
  const label = wanted.split(';')[0].replace(/[^a-z0-9.-]/gi, '_');
  const shot = join(targetDir, `merchant_server-${label}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  console.log(`browser test passed; screenshot at ${shot}`);
} catch (err) {
  console.error(`browser test failed: ${err.message}`);
  status = 1;
} finally {
  if (context) await context.close();
  server.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}
process.exit(status);
