// The merchant page: creates a session, then asks the server to change it: discounts, gift
// wrap, the shipping address (one endpoint per interaction, as Stripe's guides advise).
// With a publishable key the calls go through Stripe.js `checkout.runServerUpdate`, as
// Stripe's guide does; offline they go straight to the server, and the totals are re-read
// from /session-status after each call.

const $ = (id) => document.getElementById(id);
const GENERIC_ERROR = 'We could not update your order. Please try again.';
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg',
  'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

let sessionId = null;
let checkout = null;

function money(amount, currency) {
  if (amount === null || amount === undefined || !currency) return '—';
  const major = ZERO_DECIMAL.has(currency) ? amount : amount / 100;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() })
    .format(major);
}

function showError(message) {
  $('error').textContent = message || GENERIC_ERROR;
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

let closed = false;

function setBusy(busy) {
  for (const id of ['apply-loyalty', 'apply-cart', 'remove-discount', 'apply-code', 'add-gift-wrap',
    'update-shipping', 'pay']) {
    $(id).disabled = busy || closed;
  }
}

async function postJson(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function refresh() {
  const response = await fetch(`/session-status?session_id=${encodeURIComponent(sessionId)}`);
  const body = await response.json();
  if (body.type !== 'object') {
    showError(body.message);
    return;
  }
  const s = body.value;
  const rows = $('item-rows');
  rows.replaceChildren(...s.items.map((item) => {
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.textContent = item.quantity > 1 ? `${item.name} × ${item.quantity}` : item.name;
    const amount = document.createElement('td');
    amount.textContent = money(item.amount, s.currency);
    row.append(name, amount);
    return row;
  }));
  $('subtotal').textContent = money(s.subtotal, s.currency);
  $('shipping').textContent = s.shipping_rate ? money(s.shipping, s.currency) : '—';
  $('shipping-rate').textContent = s.shipping_rate ? `(${s.shipping_rate}, ${s.country})` : '';
  $('discount').textContent = s.discount ? `−${money(s.discount, s.currency)}` : money(0, s.currency);
  $('discount-names').textContent = s.discount_names.length ? `(${s.discount_names.join(', ')})` : '';
  $('total').textContent = money(s.total, s.currency);
  document.body.dataset.total = String(s.total);
  closed = s.status !== 'open';
  if (s.fulfilled) {
    $('order-status').textContent = 'Paid — order fulfilled.';
  } else if (s.status === 'complete' && s.payment_status === 'unpaid') {
    $('order-status').textContent = 'Ordered — waiting for your payment to clear.';
  } else if (s.status === 'complete') {
    $('order-status').textContent = 'Paid — fulfilling your order.';
  }
}

// Runs one server update and reports the contract's error, if any.
async function serverUpdate(path, body) {
  clearError();
  setBusy(true);
  const call = () => postJson(path, body);
  try {
    let failure = null;
    if (checkout) {
      const result = await checkout.runServerUpdate(call);
      if (result && result.type === 'error') failure = result.error?.message || GENERIC_ERROR;
    } else {
      const result = await (await call()).json();
      if (result.type === 'error') failure = result.message;
    }
    if (failure) showError(failure);
    await refresh();
  } catch (err) {
    console.error(err);
    showError(GENERIC_ERROR);
  } finally {
    setBusy(false);
  }
}

async function loadStripe(publishableKey, clientSecret) {
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/basil/stripe.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('Stripe.js failed to load'));
    document.head.appendChild(script);
  });
  const stripe = window.Stripe(publishableKey, { betas: ['custom_checkout_server_updates_1'] });
  return stripe.initCheckout({ fetchClientSecret: async () => clientSecret });
}

async function start() {
  const config = (await (await fetch('/config')).json()).value;
  const created = await (await fetch('/create-checkout-session', { method: 'POST' })).json();
  if (created.type !== 'object') {
    showError(created.message);
    return;
  }
  sessionId = created.value.id;
  $('session-id').textContent = sessionId;
  if (config.publishable_key) {
    checkout = await loadStripe(config.publishable_key, created.value.client_secret);
    $('mode').textContent = 'Live: updates run through Stripe.js runServerUpdate.';
  } else if (config.demo_payments) {
    $('mode').textContent = 'Offline demo: the server talks to the local Stripe emulator.';
  } else {
    $('mode').textContent = 'Stripe without Stripe.js: set STRIPE_PUBLISHABLE_KEY to use runServerUpdate.';
  }
  $('apply-loyalty').addEventListener('click', () =>
    serverUpdate('/apply-customer-discount', { checkout_session_id: sessionId }));
  $('apply-cart').addEventListener('click', () =>
    serverUpdate('/update-discounts', { checkout_session_id: sessionId }));
  $('remove-discount').addEventListener('click', () =>
    serverUpdate('/update-discounts', { checkout_session_id: sessionId, discounts: '' }));
  $('add-gift-wrap').addEventListener('click', () =>
    serverUpdate('/add-gift-wrap', { checkout_session_id: sessionId }));
  // The address is the shopper's input too: the server checks it and prices its country.
  $('address-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id) => $(id).value.trim() || undefined;
    serverUpdate('/update-shipping', {
      checkout_session_id: sessionId,
      shipping_details: {
        name: value('ship-name'),
        address: {
          line1: value('ship-line1'),
          city: value('ship-city'),
          postal_code: value('ship-postal'),
          country: $('ship-country').value,
        },
      },
    });
  });
  // The code is the shopper's input: the server looks it up and decides, never the page.
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = $('code').value.trim();
    if (!code) {
      showError('Enter a promotion code.');
      return;
    }
    serverUpdate('/apply-code', { checkout_session_id: sessionId, discounts: [{ code }] });
  });
  if (config.demo_payments) {
    $('pay').hidden = false;
    $('pay').addEventListener('click', () =>
      serverUpdate('/demo/pay', { checkout_session_id: sessionId }));
  }
  await refresh();
  setBusy(false);
  document.body.dataset.ready = 'true';
}

start().catch((err) => {
  console.error(err);
  showError('The checkout could not be started. Please refresh the page.');
});
