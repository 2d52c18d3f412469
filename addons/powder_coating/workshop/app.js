// This file is part of Atelier. See the COPYRIGHT file at the top level of
// this repository for the full copyright notices and license terms.
//
// Workshop mode: the operators' tablet app. Today's queue, a part opened by
// its QR label or its number, its current step validated, photos,
// non-conformities, the quality checklist, the recommended batches and
// today's boxes to weigh (powder stock).
// Every action is queued in IndexedDB with its own UUID and sent when the
// server can be reached; a refused action waits in "À revoir".
import {
  Api, AuthError, NetworkError, RateLimitError, RpcError, ServerError, Store,
  chunk, newUuid,
} from './data.js';
import { STRINGS } from './i18n.js';

const DATABASE = decodeURIComponent(location.pathname.split('/')[1] || '');
const SYNC_EVERY = 30_000;
const PREFETCH_PARTS = 25;
const PHOTO_EDGE = 3000;
const PREVIEW_EDGE = 360;

const state = {
  lang: 'fr',
  session: null, // {login, userId, key, name, company}
  expired: false, // the server refused the session: log in again
  context: {},
  queue: null, // {login, parts, at}
  batches: null, // {login, batches, at}
  weigh: null, // {login, tasks, at, results: {powder id: {status, message, at}}}
  outbox: [], // actions not yet accepted, every login of this tablet
  review: [], // refused actions, every login of this tablet
  syncing: null,
  lastSync: null,
  stepFilter: localStorage.getItem('atelier-workshop-step') || '',
  dirty: false, // the operator is filling the part's checklist
  view: 0, // bumped on each render: late answers of an older view are dropped
  loginAsk: null, // {name, message, type}: a further login parameter
};
let store;
let api;
let seq = 0;

// --- Text ---------------------------------------------------------------

function t(key, vars = {}) {
  let text = STRINGS[state.lang]?.[key] ?? STRINGS.fr[key] ?? key;
  if (typeof text === 'object') {
    const rule = new Intl.PluralRules(state.lang).select(vars.n ?? 0);
    text = text[rule] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => String(vars[name] ?? ''));
}

function locale() {
  return state.lang === 'en' ? 'en-GB' : 'fr-FR';
}

function languageOf(context) {
  return String(context?.language || '').startsWith('en') ? 'en' : 'fr';
}

function formatDate(value) {
  if (!value) return '';
  const [year, month, day] = String(value).slice(0, 10).split('-').map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(locale(),
    { weekday: 'short', day: 'numeric', month: 'short' });
}

// Tryton's date-times are in UTC, without a zone: read them so.
function parseDateTime(value) {
  const text = String(value);
  return new Date(/T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text) ? `${text}Z` : text);
}

function formatDateTime(value) {
  if (!value) return '';
  const date = parseDateTime(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const today = new Date().toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
  if (today) return t('today_at', { time });
  return t('date_at', {
    date: date.toLocaleDateString(locale(), { day: 'numeric', month: 'short' }), time,
  });
}

function formatNumber(value, digits = 1) {
  if (value === null || value === undefined || value === '') return '';
  return Number(value).toLocaleString(locale(), { maximumFractionDigits: digits });
}

// A weight the French way: "15,6 kg", "35,0 kg", "0,65 kg".
function formatKg(value, minimum = 1) {
  if (value === null || value === undefined || value === '') return '';
  return `${Number(value).toLocaleString(locale(),
    { minimumFractionDigits: minimum, maximumFractionDigits: 3 })}\u00a0kg`;
}

function formatPercent(value) {
  if (value === null || value === undefined || value === '') return '';
  return `${formatNumber(value, 0)}\u202f%`;
}

// What the operator typed from the scale ("15,6", "15.60", "15,6 kg") as a
// number of grams (exact comparisons) and the decimal string sent to the
// server; null when empty, NaN when unreadable.
export function parseKg(text) {
  const value = String(text ?? '').replace(/[\s\u00a0\u202f]+/g, '')
    .replace(/kg$/i, '').replace(',', '.');
  if (!value) return null;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(value)) return NaN;
  const [whole, fraction = ''] = value.split('.');
  if (fraction.replace(/0+$/, '').length > 3) return NaN;
  const decimal = `${whole || '0'}.${(fraction + '000').slice(0, 3)}`;
  return { grams: Math.round(Number(decimal) * 1000), decimal };
}

// "42", "p42", "P-00042" or a label's URL (…#/part/P-00042) → "P-00042".
export function partNumber(text) {
  let value = String(text || '').trim();
  const link = value.match(/#\/part\/([^/?#\s]+)/);
  if (link) value = decodeURIComponent(link[1]);
  value = value.toUpperCase().replace(/\s+/g, '');
  const digits = value.match(/^(?:P-?)?(\d{1,5})$/);
  if (digits) return `P-${digits[1].padStart(5, '0')}`;
  return value;
}

// --- DOM ----------------------------------------------------------------

function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'value') element.value = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const $ = (selector, root = document) => root.querySelector(selector);

function chip(text, kind = '') {
  return h('span', { class: `chip ${kind}` }, text);
}

function field(label, value, wide = false) {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: wide ? 'fact wide' : 'fact' },
    h('dt', null, label), h('dd', null, value));
}

function toast(message, kind = 'info') {
  const region = $('#toast');
  region.replaceChildren(h('p', { class: `toast ${kind}` }, message));
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => region.replaceChildren(), 5000);
}

// A modal dialog; resolves with the value of the button pressed (or null).
function dialog({ title, body = [], actions, onsubmit, className = '' }) {
  return new Promise((resolve) => {
    const id = `dialog-${newUuid().slice(0, 8)}`;
    const element = h('dialog', { class: `dialog ${className}`, 'aria-labelledby': id });
    const form = h('form', { method: 'dialog', novalidate: true },
      h('h2', { id, class: 'dialog-title' }, title),
      h('div', { class: 'dialog-body' }, body),
      h('div', { class: 'dialog-actions' }, actions.map((action) => h('button', {
        type: action.submit ? 'submit' : 'button',
        class: `button ${action.kind || ''}`,
        value: action.value,
        onclick: action.submit ? null : () => element.close(action.value ?? ''),
      }, action.label))));
    let result = null;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = onsubmit ? await onsubmit(form) : true;
      if (value === undefined || value === false) return; // stays open
      result = value;
      element.close();
    });
    element.addEventListener('close', () => {
      element.remove();
      resolve(result);
    });
    element.append(form);
    document.body.append(element);
    element.showModal();
  });
}

async function confirm({ title, text, confirmLabel, kind = 'primary' }) {
  const result = await dialog({
    title,
    body: text ? [h('p', { class: 'dialog-text' }, text)] : [],
    actions: [
      { label: confirmLabel, kind: `${kind} big`, submit: true },
      { label: t('cancel'), kind: 'secondary big', value: '' },
    ],
  });
  return result === true;
}

function dialogOpen() {
  return Boolean(document.querySelector('dialog[open]'));
}

// --- Shell --------------------------------------------------------------

function buildShell() {
  lastStatus = '';
  updateChrome.key = null;
  document.body.replaceChildren(
    h('a', { class: 'skip', href: '#main', onclick: (event) => {
      event.preventDefault();
      $('#main').focus();
    } }, t('skip')),
    h('header', { class: 'appbar' },
      h('div', { class: 'brand' },
        h('img', { src: 'icon.svg', alt: '', width: 40, height: 40 }),
        h('div', null,
          h('span', { class: 'brand-name' }, t('app_name')),
          h('span', { id: 'workshop', class: 'brand-workshop' }))),
      h('div', { id: 'user', class: 'user' })),
    h('form', { id: 'openbar', class: 'openbar', role: 'search', novalidate: true,
      onsubmit: openTyped },
      h('label', { for: 'part-number', class: 'openbar-label' }, t('open_label')),
      h('div', { class: 'openbar-row' },
        h('input', { id: 'part-number', name: 'number', type: 'text',
          inputmode: 'text', autocomplete: 'off', autocapitalize: 'characters',
          spellcheck: 'false', enterkeyhint: 'go', placeholder: t('open_placeholder'),
          'aria-describedby': 'open-message' }),
        h('button', { type: 'submit', class: 'button primary' }, t('open')),
        h('button', { type: 'button', id: 'scan-button', class: 'button secondary scan',
          onclick: openScanner },
          h('span', { class: 'icon-qr', 'aria-hidden': 'true' }), t('scan'))),
      h('p', { id: 'open-message', class: 'openbar-message', role: 'alert' })),
    h('div', { class: 'subbar' },
      h('nav', { id: 'tabs', class: 'tabs', 'aria-label': t('nav_label') }),
      h('div', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' })),
    h('div', { id: 'review-banner' }),
    h('main', { id: 'main', tabindex: '-1' }),
    h('div', { id: 'toast', class: 'toast-region', role: 'status', 'aria-live': 'polite' }));
}

function pendingMine() {
  const login = state.session?.login;
  return state.outbox.filter((entry) => entry.login === login)
    .sort((a, b) => a.seq - b.seq);
}

function reviewMine() {
  const login = state.session?.login;
  return state.review.filter((entry) => entry.login === login)
    .sort((a, b) => a.seq - b.seq);
}

let lastStatus = '';

function updateChrome() {
  document.documentElement.lang = state.lang;
  const signedIn = Boolean(state.session) && !state.expired;
  document.body.classList.toggle('signed-out', !signedIn);
  $('#workshop').textContent = signedIn
    ? [state.session.company, state.session.name].filter(Boolean).join(' · ') : '';

  const pending = pendingMine().length;
  const online = navigator.onLine;
  let connection;
  if (!online) connection = chip(t('offline'), 'offline');
  else if (!api.reachable) connection = chip(t('unreachable'), 'offline');
  else if (state.syncing && pending) connection = chip(t('sending'), 'sending');
  else connection = chip(t('online'), 'online');
  const status = $('#status');
  const parts = [connection];
  if (pending && signedIn) {
    parts.push(h('a', { id: 'pending-badge', class: 'badge', href: '#/review' },
      t('pending_badge', { n: pending })));
  }
  const text = parts.map((part) => part.textContent).join(' ');
  if (text !== lastStatus) {
    status.replaceChildren(...parts);
    lastStatus = text;
  }

  const route = parseRoute();
  const review = reviewMine().length;
  // Rebuilt only when they change: never pull the focus from under a finger.
  const weighLeft = weighRemaining();
  const key = JSON.stringify([signedIn, state.lang, route.name, review, weighLeft,
    state.session?.name]);
  if (key === updateChrome.key) return;
  updateChrome.key = key;
  const tab = (name, href, label) => h('a', {
    href, class: 'tab', 'aria-current': route.name === name ? 'page' : null,
  }, label);
  $('#user').replaceChildren(...(signedIn ? [
    h('button', { type: 'button', class: 'button ghost', onclick: logout }, t('logout')),
  ] : []));
  $('#tabs').replaceChildren(...(signedIn ? [
    tab('queue', '#/', t('tab_queue')),
    tab('batches', '#/batches', t('tab_batches')),
    tab('weigh', '#/weigh', weighLeft ? [t('tab_weigh'), ' ',
      h('span', { class: 'count todo', 'aria-hidden': 'true' }, weighLeft),
      h('span', { class: 'visually-hidden' }, ` (${t('weigh_remaining', { n: weighLeft })})`)]
      : t('tab_weigh')),
    tab('review', '#/review', review
      ? [t('tab_review'), ' ', h('span', { class: 'count' }, review)] : t('tab_review')),
  ] : []));
  $('#review-banner').replaceChildren(...(signedIn && review && route.name !== 'review' ? [
    h('a', { class: 'review-banner', href: '#/review' },
      h('strong', null, t('review_banner', { n: review })), ' ',
      h('span', null, t('review_banner_more'))),
  ] : []));
  $('#scan-button').hidden = !cameraPossible();
}

function cameraPossible() {
  return Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

// --- Routing ------------------------------------------------------------

function parseRoute() {
  const path = location.hash.replace(/^#\/?/, '');
  const [name, ...rest] = path.split('/');
  if (name === 'part' && rest.length && rest[0]) {
    return { name: 'part', number: decodeURIComponent(rest.join('/')) };
  }
  if (name === 'batches' || name === 'review' || name === 'weigh') return { name };
  return { name: 'queue' };
}

function navigate(hash) {
  if (location.hash === hash) render({ focus: true });
  else location.hash = hash;
}

async function render({ focus = false } = {}) {
  state.view += 1;
  state.dirty = false;
  state.focusHeading = focus;
  updateChrome();
  if (!state.session || state.expired) {
    drawLogin();
    return;
  }
  const route = parseRoute();
  if (route.name === 'part') await showPart(route.number);
  else if (route.name === 'batches') await showBatches();
  else if (route.name === 'weigh') await showWeigh();
  else if (route.name === 'review') drawReview();
  else await showQueue();
}

// Show a view. After a navigation, the first drawing of the new view takes
// the focus on its title (screen readers announce it) and the top.
function setMain(...children) {
  const main = $('#main');
  main.replaceChildren(...children);
  if (state.focusHeading) {
    state.focusHeading = false;
    const heading = $('h1', main);
    if (heading && !dialogOpen()) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }
}

// --- Errors -------------------------------------------------------------

function explain(error) {
  if (error instanceof AuthError) {
    sessionExpired();
    return t('session_expired');
  }
  if (error instanceof NetworkError) {
    updateChrome();
    return navigator.onLine ? t('server_unreachable') : t('offline_long');
  }
  if (error instanceof ServerError) return t('server_error', { status: error.status });
  if (error instanceof RpcError && error.user) return error.message;
  if (error instanceof RpcError) return t('server_fault', { message: error.message });
  console.error(error);
  return t('unexpected_error');
}

async function sessionExpired() {
  if (state.expired || !state.session) return;
  state.expired = true;
  await saveSession();
  render();
}

// --- Session ------------------------------------------------------------

async function saveSession() {
  if (!state.session) {
    await store.delete('kv', 'session');
    return;
  }
  await store.put('kv', {
    session: state.session, context: state.context, expired: state.expired,
  }, 'session');
}

function drawLogin() {
  const others = new Set(state.outbox.map((entry) => entry.login));
  const previous = state.session?.login || '';
  const mine = state.outbox.filter((entry) => entry.login === previous).length;
  const error = h('p', { id: 'login-error', class: 'form-error', role: 'alert' });
  const ask = state.loginAsk;
  const form = h('form', { class: 'login-form', novalidate: true, onsubmit: submitLogin },
    h('div', { class: 'form-field' },
      h('label', { for: 'login' }, t('login_name')),
      h('input', { id: 'login', name: 'login', type: 'text', autocomplete: 'username',
        autocapitalize: 'none', spellcheck: 'false', required: true,
        value: previous || localStorage.getItem('atelier-workshop-login') || '' })),
    h('div', { class: 'form-field' },
      h('label', { for: 'password' }, t('password')),
      h('input', { id: 'password', name: 'password', type: 'password',
        autocomplete: 'current-password', required: true })),
    ask ? h('div', { class: 'form-field' },
      h('label', { for: 'login-extra' }, ask.message || ask.name),
      h('input', { id: 'login-extra', name: 'extra',
        type: ask.type === 'password' ? 'password' : 'text',
        autocomplete: ask.name === 'totp_code' ? 'one-time-code' : 'off',
        inputmode: ask.name === 'totp_code' ? 'numeric' : 'text', required: true })) : null,
    error,
    h('button', { type: 'submit', class: 'button primary big' }, t('sign_in')));
  const notices = [];
  if (state.expired) {
    notices.push(h('p', { class: 'notice warn' }, t('session_expired'),
      mine ? ` ${t('expired_pending', { n: mine })}` : ''));
  }
  if (!navigator.onLine) notices.push(h('p', { class: 'notice' }, t('login_offline')));
  const foreign = [...others].filter((login) => login && login !== previous);
  for (const login of foreign) {
    const n = state.outbox.filter((entry) => entry.login === login).length;
    notices.push(h('p', { class: 'notice' }, t('other_pending', { n, login })));
  }
  setMain(h('section', { class: 'login' },
    h('div', { class: 'login-card' },
      h('img', { src: 'icon.svg', alt: '', width: 72, height: 72, class: 'login-icon' }),
      h('h1', null, t('login_title')),
      h('p', { class: 'lead' }, t('login_intro')),
      notices, form,
      h('button', { type: 'button', class: 'link-button', lang: state.lang === 'fr' ? 'en' : 'fr',
        onclick: async () => {
          state.lang = state.lang === 'fr' ? 'en' : 'fr';
          await store.put('kv', state.lang, 'lang');
          buildShell();
          render();
        } }, state.lang === 'fr' ? 'English' : 'Français'))));
  const focus = ask ? $('#login-extra') : (previous ? $('#password') : $('#login'));
  if (focus && !dialogOpen()) focus.focus({ preventScroll: true });
}

async function submitLogin(event) {
  event.preventDefault();
  const form = event.target;
  const login = form.login.value.trim();
  const password = form.password.value;
  const error = $('#login-error');
  const button = form.querySelector('button[type=submit]');
  if (!login || !password) {
    error.textContent = t('login_missing');
    return;
  }
  const parameters = { password };
  if (state.loginAsk && form.extra) parameters[state.loginAsk.name] = form.extra.value.trim();
  button.disabled = true;
  error.textContent = t('signing_in');
  const previous = { session: api.session, context: api.context };
  try {
    const [userId, key] = await api.login(login, parameters, state.lang);
    api.session = { login, userId, key };
    api.context = {};
    const context = await api.post('model.res.user.get_preferences', [true, {}]);
    api.context = context;
    let name = login;
    try {
      const preferences = await api.call('res.user', 'get_preferences', [false]);
      name = preferences.name || login;
    } catch (ignored) {
      // The name is only shown in the header.
    }
    const owner = await store.get('kv', 'owner');
    if (owner !== login) await forgetCache();
    await store.put('kv', login, 'owner');
    localStorage.setItem('atelier-workshop-login', login);
    state.session = {
      login, userId, key, name, company: context['company.rec_name'] || '',
    };
    state.context = context;
    state.expired = false;
    state.loginAsk = null;
    const language = languageOf(context);
    const rebuild = language !== state.lang;
    state.lang = language;
    await store.put('kv', state.lang, 'lang');
    await saveSession();
    if (navigator.storage?.persist) navigator.storage.persist().catch(() => {});
    if (rebuild) buildShell();
    await render({ focus: true });
    tick();
  } catch (failure) {
    button.disabled = false;
    api.session = previous.session;
    api.context = previous.context;
    if (failure instanceof RpcError && failure.kind === 'LoginException') {
      const [name, message, type] = failure.args || [];
      const asked = state.loginAsk?.name === name;
      state.loginAsk = { name, message, type };
      drawLogin();
      $('#login').value = login;
      $('#password').value = password;
      $('#login-extra').focus();
      if (asked) $('#login-error').textContent = t('login_code_wrong');
      return;
    }
    if (failure instanceof AuthError) error.textContent = t('login_wrong');
    else if (failure instanceof RateLimitError) error.textContent = t('login_rate');
    else if (failure instanceof NetworkError) error.textContent = t('login_offline');
    else error.textContent = explain(failure);
    form.password.focus();
  }
}

async function forgetCache() {
  await store.clear('parts');
  await store.delete('kv', 'queue');
  await store.delete('kv', 'batches');
  await store.delete('kv', 'weigh');
  state.queue = null;
  state.batches = null;
  state.weigh = null;
}

async function logout() {
  const pending = pendingMine().length;
  if (pending) {
    const ok = await confirm({
      title: t('logout_pending_title'),
      text: t('logout_pending_text', { n: pending }),
      confirmLabel: t('logout_anyway'),
      kind: 'danger',
    });
    if (!ok) return;
  }
  if (navigator.onLine) {
    try {
      await api.logout();
    } catch (ignored) {
      // Offline or already expired: the session ends here anyway.
    }
  }
  await forgetCache();
  state.session = null;
  state.expired = false;
  state.context = {};
  api.session = null;
  api.context = {};
  await saveSession();
  history.replaceState(null, '', '#/');
  render();
}

// --- Actions: queue and sync -------------------------------------------

async function reloadOutbox() {
  state.outbox = await store.all('outbox');
  state.review = await store.all('review');
}

// Queue `action` (sent as is, plus uuid and at); `meta` is what the screens
// need to describe it (step name...) and is never sent.
async function enqueue(action, meta = {}) {
  const uuid = newUuid();
  const at = new Date().toISOString();
  const entry = {
    uuid,
    login: state.session.login,
    seq: Date.now() * 1000 + (seq++ % 1000),
    action: { uuid, at, ...action },
    meta,
    attempts: 0,
    error: '',
  };
  await store.put('outbox', entry);
  state.outbox.push(entry);
  updateChrome();
  if (navigator.onLine) sync().then(refreshCurrent);
  return entry;
}

// Send the queued actions (one sending at a time; an action queued while
// sending goes right after).
function sync() {
  if (state.syncing) {
    state.syncAgain = true;
    return state.syncing;
  }
  state.syncing = (async () => {
    let sent;
    do {
      state.syncAgain = false;
      sent = await runSync();
    } while (state.syncAgain && navigator.onLine && !state.expired);
    return sent;
  })().finally(() => {
    state.syncing = null;
    updateChrome();
  });
  updateChrome();
  return state.syncing;
}

async function runSync() {
  if (!state.session || state.expired || !navigator.onLine) return false;
  const pending = pendingMine();
  if (!pending.length) return false;
  const entries = new Map(pending.map((entry) => [entry.uuid, entry]));
  const send = async () => {
    for (const actions of chunk(pending.map((entry) => entry.action))) {
      const results = await api.workshop('apply', [actions], { timeout: 120000 });
      for (const result of Array.isArray(results) ? results : []) {
        const entry = entries.get(result?.uuid);
        if (!entry) continue;
        if (result.status === 'ok') {
          await store.delete('outbox', entry.uuid);
          if (result.message && entry.action.type === 'qc') toast(result.message, 'ok');
          if (entry.action.type === 'weigh') await weighAnswered(entry, result);
        } else if (result.status === 'refused') {
          await store.put('review', {
            ...entry, message: result.message || t('refused_no_message'),
            refused: new Date().toISOString(),
          });
          await store.delete('outbox', entry.uuid);
          if (entry.action.type === 'weigh') await weighAnswered(entry, result);
        }
      }
    }
  };
  try {
    if (navigator.locks) await navigator.locks.request(`atelier-workshop-sync:${DATABASE}`, send);
    else await send();
    state.lastSync = new Date();
  } catch (error) {
    // Everything not answered stays queued and is sent again later.
    const message = error instanceof NetworkError ? '' : explain(error);
    for (const entry of pending) {
      const kept = await store.get('outbox', entry.uuid);
      if (kept) {
        kept.attempts += 1;
        kept.error = message;
        await store.put('outbox', kept);
      }
    }
  }
  const before = reviewMine().length;
  await reloadOutbox();
  const refused = reviewMine().length - before;
  if (refused > 0) toast(t('refused_toast', { n: refused }), 'error');
  updateChrome();
  return true;
}

async function tick() {
  if (!state.session || state.expired) return;
  await sync();
  await refreshCurrent();
  // Today's weighing list, once a day whatever the screen: its tab shows
  // what is left to weigh, and it weighs offline later in the day.
  if (navigator.onLine && parseRoute().name !== 'weigh' && (!state.weigh
      || new Date(state.weigh.at).toDateString() !== new Date().toDateString())) {
    try {
      await loadWeigh();
      updateChrome();
    } catch (ignored) {
      // Loaded again at the next tick or when the list is opened.
    }
  }
}

// Fetch the data of the screen shown again, and redraw it if it changed
// (never under the operator's fingers: not while a form is being filled).
async function refreshCurrent() {
  if (!state.session || state.expired || !navigator.onLine) return;
  if (dialogOpen() || state.dirty) return;
  const route = parseRoute();
  const view = state.view;
  try {
    if (route.name === 'queue') {
      await loadQueue();
      if (view === state.view) drawQueue({ onlyIfChanged: true });
    } else if (route.name === 'part') {
      const part = await loadPart(route.number);
      if (view === state.view && !state.dirty && !dialogOpen()) {
        drawPart(part, { onlyIfChanged: true });
      }
    } else if (route.name === 'batches') {
      await loadBatches();
      if (view === state.view) drawBatches();
    } else if (route.name === 'weigh') {
      await loadWeigh();
      if (view === state.view && !dialogOpen()) drawWeigh({ onlyIfChanged: true });
    } else if (route.name === 'review' && view === state.view) {
      drawReview();
    }
  } catch (error) {
    explain(error);
  }
  updateChrome();
}

// --- Queue --------------------------------------------------------------

async function loadQueue() {
  const parts = await api.workshop('queue');
  const changed = JSON.stringify(parts) !== JSON.stringify(state.queue?.parts);
  state.queue = { login: state.session.login, parts, at: new Date().toISOString() };
  await store.put('kv', state.queue, 'queue');
  prefetch(parts);
  return changed;
}

let prefetching = false;

// Keep the details of the queue's first parts, so that a part scanned
// offline still opens.
async function prefetch(parts) {
  if (prefetching) return;
  prefetching = true;
  try {
    const fresh = Date.now() - 10 * 60 * 1000;
    for (const summary of parts.slice(0, PREFETCH_PARTS)) {
      if (!navigator.onLine || !state.session || state.expired) break;
      const cached = await store.get('parts', summary.number);
      if (cached && Date.parse(cached.fetched) > fresh
          && cached.step?.id === summary.step?.id) continue;
      await loadPart(summary.number);
    }
  } catch (ignored) {
    // Only a head start for offline use.
  } finally {
    prefetching = false;
  }
}

async function showQueue() {
  if (!state.queue || state.queue.login !== state.session.login) {
    state.queue = null;
    setMain(h('section', { class: 'view' }, h('h1', null, t('queue_title')),
      h('p', { class: 'loading' }, t('loading'))));
  } else {
    drawQueue();
  }
  if (!navigator.onLine) {
    if (!state.queue) drawQueue();
    return;
  }
  const view = state.view;
  try {
    await loadQueue();
    if (view === state.view) drawQueue({ onlyIfChanged: true });
  } catch (error) {
    const message = explain(error);
    if (view === state.view) drawQueue({ error: message });
  }
}

function pendingFor(number) {
  return pendingMine().filter((entry) => entry.action.part === number);
}

function drawQueue({ error = '', onlyIfChanged = false } = {}) {
  const queue = state.queue;
  // Redrawn every 30 s: only when something changed, not to move the
  // operator's focus or scroll for nothing.
  const signature = JSON.stringify([queue?.parts, pendingMine().map((e) => e.uuid),
    state.stepFilter, navigator.onLine, error]);
  if (onlyIfChanged && signature === drawQueue.signature && $('.view.queue')) {
    const sub = $('.view.queue .view-sub');
    if (sub && queue) {
      sub.textContent = `${t('queue_count', { n: queue.parts.length })} · `
        + t('updated', { when: formatDateTime(queue.at) });
    }
    return;
  }
  drawQueue.signature = signature;
  const parts = queue?.parts || [];
  // The steps of the queue's parts, in workflow order (their ids follow it).
  const steps = [...new Map(parts.filter((part) => part.step)
    .sort((a, b) => a.step.id - b.step.id)
    .map((part) => [part.step.name, part.step])).keys()];
  if (state.stepFilter && !steps.includes(state.stepFilter)) state.stepFilter = '';
  const shown = parts.filter((part) => !state.stepFilter
    || part.step?.name === state.stepFilter);
  const setFilter = (name) => {
    state.stepFilter = name;
    localStorage.setItem('atelier-workshop-step', name);
    drawQueue();
    $(`.filters button[aria-pressed="true"]`)?.focus();
  };
  const list = shown.map((part) => {
    const pending = pendingFor(part.number).length;
    return h('li', null, h('a', {
      class: `queue-item priority-${part.priority || 'normal'}`,
      href: `#/part/${encodeURIComponent(part.number)}`,
    },
      h('div', { class: 'queue-main' },
        h('div', { class: 'queue-title' },
          h('span', { class: 'queue-number' }, part.number),
          part.priority && part.priority !== 'normal'
            ? chip(part.priority_label || part.priority, `priority ${part.priority}`) : null,
          part.late ? chip(t('late'), 'late') : null),
        h('p', { class: 'queue-desc' }, part.description,
          part.quantity ? h('span', { class: 'qty' }, ` × ${formatNumber(part.quantity, 2)}`) : null),
        h('p', { class: 'queue-meta' }, [part.client, part.project].filter(Boolean).join(' · ')),
        part.powder ? h('p', { class: 'queue-powder' }, part.powder) : null),
      h('div', { class: 'queue-side' },
        h('span', { class: 'queue-step' },
          h('span', { class: 'label' }, t('step')),
          part.step ? part.step.name : t('finished')),
        part.promised_date ? h('span', { class: part.late ? 'queue-date late' : 'queue-date' },
          t('promised', { date: formatDate(part.promised_date) })) : null,
        part.batch ? h('span', { class: 'queue-batch' }, t('batch', { batch: part.batch })) : null,
        pending ? chip(t('pending_short', { n: pending }), 'pending') : null),
      part.thumbnail ? h('img', { class: 'queue-thumb', src: part.thumbnail, alt: '' })
        : h('span', { class: 'queue-thumb none', 'aria-hidden': 'true' })));
  });
  const offlineNote = queue && (!navigator.onLine || error)
    ? h('p', { class: 'notice' }, error || t('queue_cached', { when: formatDateTime(queue.at) }))
    : null;
  setMain(h('section', { class: 'view queue' },
    h('div', { class: 'view-head' },
      h('h1', null, t('queue_title')),
      queue ? h('p', { class: 'view-sub' }, t('queue_count', { n: parts.length }),
        ' · ', t('updated', { when: formatDateTime(queue.at) })) : null),
    offlineNote,
    !queue ? h('p', { class: 'notice' }, error || t('queue_unavailable')) : null,
    steps.length > 1 ? h('div', { class: 'filters', role: 'group', 'aria-label': t('filter_label') },
      h('button', { type: 'button', class: 'filter', 'aria-pressed': String(!state.stepFilter),
        onclick: () => setFilter('') }, t('filter_all')),
      steps.map((name) => h('button', {
        type: 'button', class: 'filter', 'aria-pressed': String(state.stepFilter === name),
        onclick: () => setFilter(name),
      }, name))) : null,
    queue && !parts.length ? h('p', { class: 'empty' }, t('queue_empty')) : null,
    list.length ? h('ol', { class: 'queue-list', 'aria-label': t('queue_title') }, list) : null));
}

// --- Opening a part -----------------------------------------------------

function openTyped(event) {
  event.preventDefault();
  const input = $('#part-number');
  const number = partNumber(input.value);
  $('#open-message').textContent = '';
  if (!number) {
    $('#open-message').textContent = t('open_empty');
    input.focus();
    return;
  }
  input.value = '';
  input.blur();
  navigate(`#/part/${encodeURIComponent(number)}`);
}

async function openScanner() {
  const message = $('#open-message');
  message.textContent = '';
  const abort = new AbortController();
  const video = h('video', { class: 'scanner-video', muted: true, playsinline: true,
    'aria-hidden': 'true' });
  const status = h('p', { class: 'scanner-status', role: 'status' }, t('scan_starting'));
  const closed = dialog({
    title: t('scan_title'),
    className: 'scanner',
    body: [h('div', { class: 'scanner-frame' }, video, h('div', { class: 'scanner-target' })),
      status],
    actions: [{ label: t('scan_close'), kind: 'secondary big', value: '' }],
  }).then(() => abort.abort());
  try {
    const { scan } = await import('./scanner.js');
    const scanning = scan(video, abort.signal);
    video.addEventListener('playing', () => {
      status.textContent = t('scan_hint');
    }, { once: true });
    const text = await scanning;
    $('dialog.scanner')?.close();
    await closed;
    const number = partNumber(text);
    navigate(`#/part/${encodeURIComponent(number)}`);
  } catch (error) {
    $('dialog.scanner')?.close();
    await closed;
    if (error?.name === 'AbortError') return;
    if (error?.name === 'NotAllowedError' || error?.name === 'SecurityError') {
      message.textContent = t('camera_refused');
    } else if (error?.name === 'NotFoundError' || error?.name === 'OverconstrainedError') {
      message.textContent = t('camera_missing');
    } else {
      message.textContent = t('camera_failed');
    }
    $('#part-number').focus();
  }
}

async function loadPart(number) {
  const part = await api.workshop('part', [number]);
  part.fetched = new Date().toISOString();
  part.number = part.number || number;
  await store.put('parts', part);
  return part;
}

async function showPart(number) {
  const view = state.view;
  const cached = await store.get('parts', number);
  if (view !== state.view) return;
  if (cached) drawPart(cached);
  else {
    setMain(h('section', { class: 'view' }, backLink(), h('h1', { class: 'part-number' }, number),
      h('p', { class: 'loading' }, t('loading'))));
  }
  if (!navigator.onLine) {
    if (!cached) drawPartMissing(number, t('part_offline'));
    return;
  }
  try {
    const part = await loadPart(number);
    if (view !== state.view) return;
    if (part.number !== number) {
      history.replaceState(null, '', `#/part/${encodeURIComponent(part.number)}`);
    }
    drawPart(part, { onlyIfChanged: Boolean(cached) });
  } catch (error) {
    if (view !== state.view) return;
    if (error instanceof RpcError && error.user) {
      await store.delete('parts', number);
      drawPartMissing(number, error.message, true);
    } else {
      const message = explain(error);
      if (cached) {
        const note = $('#part-note');
        if (note) note.textContent = message;
      } else {
        drawPartMissing(number, message);
      }
    }
  }
}

function backLink() {
  return h('a', { class: 'back', href: '#/' }, h('span', { 'aria-hidden': 'true' }, '← '),
    t('back_queue'));
}

function drawPartMissing(number, message, notFound = false) {
  const summary = state.queue?.parts?.find((part) => part.number === number);
  setMain(h('section', { class: 'view part-missing' }, backLink(),
    h('h1', { class: 'part-number' }, number),
    h('p', { class: notFound ? 'notice error' : 'notice', role: 'alert' }, message),
    summary && !notFound ? drawSummary(summary) : null));
}

// The queue's summary of a part whose details were never fetched: enough to
// validate its step offline.
function drawSummary(summary) {
  const part = effective({ ...summary, steps: [], history: [], photos: [] });
  return h('div', { class: 'panel current' },
    h('p', { class: 'part-desc' }, summary.description),
    part.pending.length ? h('div', { class: 'notice pending', role: 'status' },
      h('strong', null, t('part_pending_offline')),
      h('ul', null, part.pending.map((entry) => h('li', null, describe(entry))))) : null,
    part.step ? [
      h('h2', { id: 'current-title', class: 'panel-label', tabindex: '-1' }, t('current_step')),
      h('p', { class: 'current-step' }, part.step.name),
      // The checklist's questions come with the part's details only.
      part.step.kind !== 'qc' ? h('button', { type: 'button', class: 'button primary huge',
        id: 'validate', onclick: () => validateStep(part) },
      t('validate_step', { step: part.step.name })) : null,
    ] : null);
}

// The part as the operator should see it: the server's last answer plus
// what they did since, not yet sent.
function effective(part) {
  const result = structuredClone(part);
  result.steps = (result.steps || []).map((step) => ({ ...step }));
  result.photos = [...(result.photos || [])];
  result.pendingSteps = new Set();
  result.pending = pendingFor(part.number);
  const advance = (entry) => {
    const index = result.steps.findIndex((step) => step.id === result.step?.id);
    result.pendingSteps.add(result.step.id);
    if (index < 0) {
      result.step = null;
      result.moved = true;
      return;
    }
    result.steps[index].state = 'done';
    // Touch-up is where a non-conformity sends a part, not the next step.
    const next = result.steps.slice(index + 1).find((step) => step.kind !== 'touch_up');
    if (next) {
      next.state = 'current';
      result.step = { id: next.id, name: next.name, kind: next.kind };
    } else {
      result.step = null;
    }
    result.qc_questions = [];
    return entry;
  };
  for (const entry of result.pending) {
    const action = entry.action;
    if (action.type === 'photo') {
      result.photos.push({ id: entry.uuid, kind: action.kind, annotation: action.annotation,
        thumbnail: entry.meta.preview, pending: true });
      continue;
    }
    if (!result.step || action.step !== result.step.id) continue;
    if (action.type === 'validate_step') advance(entry);
    else if (action.type === 'qc') {
      if (action.answers.every((answer) => answer.passed !== false)) advance(entry);
      else {
        result.pendingSteps.add(result.step.id);
        result.qcFailed = true;
        result.qc_questions = [];
      }
    } else if (action.type === 'non_conformity') {
      const back = result.steps.findIndex((step) => step.id === action.return_step);
      const current = result.steps.findIndex((step) => step.id === result.step.id);
      if (back >= 0) {
        result.steps.forEach((step, index) => {
          if (index > back && index <= current) step.state = 'todo';
        });
        result.steps[back].state = 'current';
        const step = result.steps[back];
        result.step = { id: step.id, name: step.name, kind: step.kind };
      }
      result.returned = entry.meta.return_step_name;
      result.qc_questions = [];
    }
  }
  return result;
}

function drawPart(raw, { onlyIfChanged = false } = {}) {
  const signature = JSON.stringify([{ ...raw, fetched: null },
    pendingFor(raw.number).map((e) => e.uuid), navigator.onLine && api.reachable]);
  if (onlyIfChanged && signature === drawPart.signature && $('.view.part')) return;
  drawPart.signature = signature;
  state.dirty = false;
  const part = effective(raw);
  const stale = !navigator.onLine || !api.reachable;
  const facts = h('dl', { class: 'facts' },
    field(t('client'), part.client),
    field(t('project'), part.project),
    field(t('powder'), part.powder, true),
    field(t('promised_label'), part.promised_date ? formatDate(part.promised_date) : ''),
    field(t('batch_label'), part.batch));

  const steps = part.steps.length ? h('ol', { class: 'steps', 'aria-label': t('workflow') },
    part.steps.map((step) => h('li', {
      class: `step ${step.state}${part.pendingSteps.has(step.id) ? ' pending' : ''}`,
      'aria-current': step.state === 'current' ? 'step' : null,
    },
    h('span', { class: 'step-mark', 'aria-hidden': 'true' },
      step.state === 'done' ? '✓' : step.state === 'current' ? '●' : ''),
    h('span', { class: 'step-name' }, step.name),
    h('span', { class: 'visually-hidden' }, ` (${t(`step_${step.state}`)})`)))) : null;

  const waiting = part.pending.filter((entry) => entry.action.type !== 'photo');
  const pendingNote = waiting.length ? h('div', { class: 'notice pending', role: 'status' },
    h('strong', null, navigator.onLine ? t('part_pending_online') : t('part_pending_offline')),
    h('ul', null, waiting.map((entry) => h('li', null, describe(entry))))) : null;
  let main;
  if (!part.step) {
    main = h('p', { class: 'current-step done' },
      part.qcFailed ? t('qc_failed_pending') : t('finished'));
  } else if (part.qc_questions?.length) {
    main = [h('p', { class: 'current-step' }, part.step.name), drawChecklist(part)];
  } else {
    main = [h('p', { class: 'current-step' }, part.step.name),
      h('button', { type: 'button', class: 'button primary huge', id: 'validate',
        onclick: () => validateStep(part) }, t('validate_step', { step: part.step.name }))];
  }
  const actions = h('section', { class: 'panel current', 'aria-labelledby': 'current-title' },
    pendingNote,
    h('h2', { id: 'current-title', class: 'panel-label', tabindex: '-1' }, t('current_step')),
    main,
    h('div', { class: 'secondary-actions' },
      h('button', { type: 'button', class: 'button secondary big', onclick: () => takePhoto(part) },
        h('span', { class: 'icon-camera', 'aria-hidden': 'true' }), t('photo')),
      part.step && !part.qcFailed ? h('button', {
        type: 'button', class: 'button danger-outline big', onclick: () => declareDefect(part),
      }, t('nc_declare')) : null));

  const photos = h('section', { class: 'panel', 'aria-labelledby': 'photos-title' },
    h('h2', { id: 'photos-title' }, t('photos')),
    part.photos.length ? h('ul', { class: 'photos' }, part.photos.map((photo) => h('li', null,
      h('figure', null,
        photo.thumbnail ? h('img', { src: photo.thumbnail, alt: photo.annotation
          || photoKind(photo.kind) }) : h('div', { class: 'photo-missing' }),
        h('figcaption', null, h('strong', null, photoKind(photo.kind)),
          photo.annotation ? ` · ${photo.annotation}` : '',
          photo.pending ? h('span', { class: 'chip pending' }, t('not_sent')) : null)))))
      : h('p', { class: 'empty-small' }, t('no_photos')));

  // Newest first (a stable sort: the server's order within a second).
  const historyItems = [...(part.history || [])].sort(
    (a, b) => (b.date > a.date) - (b.date < a.date));
  const historySection = h('section', { class: 'panel', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history')),
    historyItems.length ? h('ol', { class: 'history' }, historyItems.map((item) => h('li', {
      class: `history-${item.kind}`,
    },
    h('span', { class: 'history-step' }, item.step),
    h('span', { class: 'history-what' }, STRINGS.fr[`history_${item.kind}`]
      ? t(`history_${item.kind}`, { user: item.user || '' })
      : [item.kind_label || item.kind, item.user].filter(Boolean).join(' · ')),
    h('time', { datetime: item.date }, formatDateTime(item.date)))))
      : h('p', { class: 'empty-small' }, t('no_history')));

  setMain(h('article', { class: 'view part' },
    backLink(),
    h('header', { class: 'part-head' },
      h('div', { class: 'part-title' },
        h('h1', { class: 'part-number' }, part.number),
        h('div', { class: 'part-chips' },
          part.priority && part.priority !== 'normal'
            ? chip(part.priority_label || part.priority, `priority ${part.priority}`) : null,
          part.late ? chip(t('late'), 'late') : null)),
      h('p', { class: 'part-desc' }, part.description,
        part.quantity ? h('span', { class: 'qty' }, ` × ${formatNumber(part.quantity, 2)}`) : null),
      h('p', { id: 'part-note', class: 'part-note', role: 'status' },
        stale ? t('part_cached', { when: formatDateTime(part.fetched) }) : '')),
    h('div', { class: 'part-grid' },
      h('div', { class: 'part-col' }, actions, steps ? h('section', {
        class: 'panel', 'aria-label': t('workflow'),
      }, h('h2', null, t('workflow')), steps) : null),
      h('div', { class: 'part-col' },
        h('section', { class: 'panel' }, h('h2', null, t('details')), facts,
          part.thumbnail ? h('img', { class: 'part-thumb', src: part.thumbnail, alt: '' }) : null),
        photos, historySection))));
}

async function validateStep(part) {
  const step = part.step;
  const ok = await confirm({
    title: t('confirm_validate', { step: step.name }),
    text: `${part.number} · ${part.description || ''}`,
    confirmLabel: t('validate'),
  });
  if (!ok) return;
  // A quality-control step is validated by its checklist, even empty.
  await enqueue(step.kind === 'qc'
    ? { type: 'qc', part: part.number, step: step.id, answers: [] }
    : { type: 'validate_step', part: part.number, step: step.id },
  { step_name: step.name });
  toast(navigator.onLine ? t('validated', { step: step.name })
    : t('validated_offline', { step: step.name }), 'ok');
  redrawPart(part.number);
}

// After an action: the part with it applied, focus on its next step.
async function redrawPart(number) {
  const route = parseRoute();
  if (route.name !== 'part' || route.number !== number) return;
  const cached = await store.get('parts', number);
  if (cached) drawPart(cached);
  else drawPartMissing(number, navigator.onLine ? t('loading') : t('part_offline'));
  ($('#validate') || $('#current-title'))?.focus?.({ preventScroll: true });
}

// --- Quality checklist ----------------------------------------------------

function drawChecklist(part) {
  const questions = part.qc_questions;
  const answers = new Map();
  const error = h('p', { class: 'form-error', role: 'alert' });
  const items = questions.map((question) => {
    const name = `qc-${question.id}`;
    if (question.kind === 'measure') {
      const range = [question.minimum, question.maximum].every((v) => v !== null && v !== undefined)
        ? t('qc_range', { min: formatNumber(question.minimum, 3),
          max: formatNumber(question.maximum, 3), unit: question.unit || '' })
        : question.minimum !== null && question.minimum !== undefined
          ? t('qc_min', { min: formatNumber(question.minimum, 3), unit: question.unit || '' })
          : question.maximum !== null && question.maximum !== undefined
            ? t('qc_max', { max: formatNumber(question.maximum, 3), unit: question.unit || '' })
            : '';
      const verdict = h('span', { class: 'qc-verdict', 'aria-live': 'polite', id: `${name}-verdict` });
      const input = h('input', { id: name, name, type: 'text', inputmode: 'decimal',
        autocomplete: 'off', 'aria-describedby': `${name}-range ${name}-verdict` });
      input.addEventListener('input', () => {
        state.dirty = true;
        const value = Number(input.value.replace(',', '.'));
        if (input.value.trim() === '' || Number.isNaN(value)) {
          answers.delete(question.id);
          verdict.textContent = '';
          verdict.className = 'qc-verdict';
          return;
        }
        const low = question.minimum ?? -Infinity;
        const high = question.maximum ?? Infinity;
        const passed = value >= low && value <= high;
        answers.set(question.id, { question: question.id, passed, value });
        verdict.textContent = passed ? t('qc_in_range') : t('qc_out_of_range');
        verdict.className = `qc-verdict ${passed ? 'ok' : 'ko'}`;
      });
      return h('li', { class: 'qc-item' },
        h('label', { for: name, class: 'qc-question' }, question.name),
        h('div', { class: 'qc-measure' }, input,
          question.unit ? h('span', { class: 'unit' }, question.unit) : null, verdict),
        h('p', { id: `${name}-range`, class: 'hint' }, range));
    }
    const choice = (value, label) => h('label', { class: `choice ${value ? 'pass' : 'fail'}` },
      h('input', { type: 'radio', name, value: String(value), onchange: () => {
        state.dirty = true;
        answers.set(question.id, { question: question.id, passed: value, value: null });
      } }), h('span', null, label));
    return h('li', { class: 'qc-item' },
      h('fieldset', null, h('legend', { class: 'qc-question' }, question.name),
        h('div', { class: 'choices' }, choice(true, t('qc_pass')), choice(false, t('qc_fail')))));
  });
  const form = h('form', { class: 'checklist', novalidate: true, 'aria-labelledby': 'qc-title' },
    h('h3', { id: 'qc-title' }, t('qc_title')),
    h('ol', { class: 'qc-list' }, items),
    error,
    h('button', { type: 'submit', class: 'button primary huge' }, t('qc_submit')));
  // A reminder of missing answers goes as soon as the operator answers.
  form.addEventListener('input', () => { error.textContent = ''; });
  form.addEventListener('change', () => { error.textContent = ''; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = questions.filter((question) => !answers.has(question.id));
    if (missing.length) {
      error.textContent = t('qc_missing', { n: missing.length, name: missing[0].name });
      form.querySelector(`[name="qc-${missing[0].id}"]`)?.focus();
      return;
    }
    error.textContent = '';
    const list = questions.map((question) => answers.get(question.id));
    const failed = list.filter((answer) => answer.passed === false).length;
    const ok = await confirm(failed ? {
      title: t('qc_confirm_failed_title'),
      text: t('qc_confirm_failed', { n: failed }),
      confirmLabel: t('qc_confirm_failed_button'),
      kind: 'danger',
    } : {
      title: t('qc_confirm_title'),
      text: `${part.number} · ${part.description || ''}`,
      confirmLabel: t('validate'),
    });
    if (!ok) return;
    await enqueue({ type: 'qc', part: part.number, step: part.step.id, answers: list },
      { step_name: part.step.name, failed });
    state.dirty = false;
    toast(failed ? t('qc_sent_failed') : t('validated', { step: part.step.name }), failed ? 'error' : 'ok');
    redrawPart(part.number);
  });
  return form;
}

// --- Photos -------------------------------------------------------------

function photoKind(kind) {
  return STRINGS.fr[`photo_${kind}`] ? t(`photo_${kind}`) : t('photo_other');
}

async function readImage(file, edge, quality) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    bitmap = await new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = reject;
      image.src = URL.createObjectURL(file);
    });
  }
  const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  if (bitmap.close) bitmap.close();
  return canvas.toDataURL('image/jpeg', quality);
}

// The photo resized (≤ 3000 px, JPEG 0.9) as base64, and a small preview.
async function preparePhoto(file) {
  const full = await readImage(file, PHOTO_EDGE, 0.9);
  const preview = await readImage(file, PREVIEW_EDGE, 0.7);
  return { data: full.slice(full.indexOf(',') + 1), preview };
}

function photoInput(id, onchange) {
  const preview = h('div', { class: 'photo-preview' });
  const input = h('input', { id, type: 'file', accept: 'image/*', capture: 'environment',
    class: 'file-input' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    preview.replaceChildren();
    if (!file) return onchange(null);
    preview.append(h('p', { class: 'hint' }, t('photo_preparing')));
    try {
      const photo = await preparePhoto(file);
      preview.replaceChildren(h('img', { src: photo.preview, alt: t('photo_chosen') }));
      onchange(photo);
    } catch (error) {
      preview.replaceChildren(h('p', { class: 'form-error' }, t('photo_unreadable')));
      onchange(null);
    }
  });
  return { input, preview };
}

async function takePhoto(part) {
  let photo = null;
  const started = part.steps.some((step) => step.state === 'done');
  const { input, preview } = photoInput('photo-file', (value) => { photo = value; });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const kind = (value, label) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'kind', value,
      checked: (value === 'after') === started }), h('span', null, label));
  const saved = await dialog({
    title: t('photo_title', { number: part.number }),
    body: [
      h('fieldset', null, h('legend', null, t('photo_when')),
        h('div', { class: 'choices' }, kind('before', t('photo_before')),
          kind('after', t('photo_after')))),
      h('div', { class: 'form-field' },
        h('label', { for: 'photo-file', class: 'button secondary big file-button' },
          h('span', { class: 'icon-camera', 'aria-hidden': 'true' }), t('photo_take')),
        input, preview),
      h('div', { class: 'form-field' },
        h('label', { for: 'photo-annotation' }, t('photo_annotation')),
        h('textarea', { id: 'photo-annotation', name: 'annotation', rows: 2 })),
      error,
    ],
    actions: [
      { label: t('photo_save'), kind: 'primary big', submit: true },
      { label: t('cancel'), kind: 'secondary big', value: '' },
    ],
    onsubmit: (form) => {
      if (!photo) {
        error.textContent = t('photo_missing');
        form.querySelector('.file-button').focus();
        return false;
      }
      return {
        kind: form.querySelector('input[name=kind]:checked')?.value || 'before',
        annotation: form.annotation.value.trim(),
      };
    },
  });
  if (!saved) return;
  await enqueue({
    type: 'photo', part: part.number, kind: saved.kind, annotation: saved.annotation,
    data: photo.data,
  }, { preview: photo.preview });
  toast(t('photo_saved'), 'ok');
  redrawPart(part.number);
}

// --- Non-conformity -------------------------------------------------------

async function declareDefect(part) {
  const defects = part.defect_types || [];
  const returns = part.return_steps || [];
  let photo = null;
  const { input, preview } = photoInput('nc-photo', (value) => { photo = value; });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const radios = (name, options) => h('div', { class: 'choices grid' }, options.map((option) => h(
    'label', { class: 'choice' },
    h('input', { type: 'radio', name, value: String(option.id), required: true }),
    h('span', null, option.name),
  )));
  const saved = await dialog({
    title: t('nc_title', { number: part.number }),
    className: 'wide',
    body: [
      h('p', { class: 'dialog-text' }, t('nc_intro', { step: part.step.name })),
      h('fieldset', null, h('legend', null, t('nc_defect')),
        defects.length ? radios('defect', defects) : h('p', { class: 'hint' }, t('nc_no_defects'))),
      h('div', { class: 'form-field' },
        h('label', { for: 'nc-comment' }, t('nc_comment')),
        h('textarea', { id: 'nc-comment', name: 'comment', rows: 2, required: true })),
      h('div', { class: 'form-field' },
        h('label', { for: 'nc-action' }, t('nc_action')),
        h('textarea', { id: 'nc-action', name: 'corrective', rows: 2, required: true })),
      h('fieldset', null, h('legend', null, t('nc_return')),
        returns.length ? radios('return', returns) : h('p', { class: 'hint' }, t('nc_no_returns'))),
      h('div', { class: 'form-field' },
        h('label', { for: 'nc-photo', class: 'button secondary big file-button' },
          h('span', { class: 'icon-camera', 'aria-hidden': 'true' }), t('nc_photo')),
        input, preview),
      error,
    ],
    actions: [
      { label: t('nc_save'), kind: 'danger big', submit: true },
      { label: t('cancel'), kind: 'secondary big', value: '' },
    ],
    onsubmit: (form) => {
      const defect = form.querySelector('input[name=defect]:checked');
      const back = form.querySelector('input[name=return]:checked');
      const comment = form.comment.value.trim();
      const corrective = form.corrective.value.trim();
      const problems = [];
      if (!defect) problems.push([t('nc_defect_missing'), 'input[name=defect]']);
      if (!comment) problems.push([t('nc_comment_missing'), '#nc-comment']);
      if (!corrective) problems.push([t('nc_action_missing'), '#nc-action']);
      if (!back) problems.push([t('nc_return_missing'), 'input[name=return]']);
      for (const element of form.querySelectorAll('[aria-invalid]')) {
        element.removeAttribute('aria-invalid');
      }
      if (problems.length) {
        error.textContent = problems.map(([text]) => text).join(' ');
        for (const [, selector] of problems) {
          for (const element of form.querySelectorAll(selector)) {
            element.setAttribute('aria-invalid', 'true');
          }
        }
        form.querySelector(problems[0][1])?.focus();
        return false;
      }
      return {
        defect: Number(defect.value), back: Number(back.value), comment, corrective,
      };
    },
  });
  if (!saved) return;
  const defect = defects.find((item) => item.id === saved.defect);
  const back = returns.find((item) => item.id === saved.back);
  await enqueue({
    type: 'non_conformity',
    part: part.number,
    step: part.step.id,
    defect_type: saved.defect,
    comment: saved.comment,
    corrective_action: saved.corrective,
    return_step: saved.back,
    photo: photo ? photo.data : null,
  }, {
    step_name: part.step.name, defect_name: defect?.name, return_step_name: back?.name,
  });
  toast(t('nc_saved', { step: back?.name || '' }), 'ok');
  redrawPart(part.number);
}

// --- Recommended batches --------------------------------------------------

async function loadBatches() {
  const batches = await api.workshop('recommended_batches');
  const changed = JSON.stringify(batches) !== JSON.stringify(state.batches?.batches);
  state.batches = { login: state.session.login, batches, at: new Date().toISOString() };
  await store.put('kv', state.batches, 'batches');
  return changed;
}

async function showBatches() {
  if (state.batches && state.batches.login !== state.session.login) state.batches = null;
  drawBatches(state.batches ? '' : t('loading'));
  if (!navigator.onLine) {
    drawBatches();
    return;
  }
  const view = state.view;
  try {
    await loadBatches();
    if (view === state.view) drawBatches();
  } catch (error) {
    const message = explain(error);
    if (view === state.view) drawBatches(message);
  }
}

function drawBatches(message = '') {
  const batches = state.batches?.batches;
  const cards = (batches || []).map((batch) => h('li', { class: 'batch' },
    h('h2', { class: 'batch-powder' }, batch.powder),
    h('div', { class: 'batch-chips' },
      batch.coats ? chip(t('coats', { n: batch.coats })) : null,
      batch.options ? chip(batch.options) : null),
    h('dl', { class: 'facts' },
      field(t('batch_parts'), formatNumber(batch.parts, 0)),
      field(t('batch_quantity'), formatNumber(batch.quantity, 2)),
      field(t('batch_earliest'), batch.earliest_promised_date
        ? formatDate(batch.earliest_promised_date) : t('none')),
      field(t('batch_powder_kg'), batch.powder_kg !== null && batch.powder_kg !== undefined
        ? `${formatNumber(batch.powder_kg, 2)} kg` : ''),
      field(t('batch_cure'), batch.cure))));
  setMain(h('section', { class: 'view batches' },
    h('div', { class: 'view-head' },
      h('h1', null, t('batches_title')),
      state.batches ? h('p', { class: 'view-sub' }, t('updated',
        { when: formatDateTime(state.batches.at) })) : null),
    h('p', { class: 'lead' }, t('batches_intro')),
    message ? h('p', { class: 'notice' }, message)
      : !navigator.onLine && state.batches ? h('p', { class: 'notice' }, t('offline_long')) : null,
    batches && !batches.length ? h('p', { class: 'empty' }, t('batches_empty')) : null,
    cards.length ? h('ul', { class: 'batch-list' }, cards) : null));
}

// --- Today's weighing -----------------------------------------------------

// This tablet's weighings of `powder` not yet accepted by the server.
function weighPending(powder) {
  return pendingMine().filter((entry) => entry.action.type === 'weigh'
    && entry.action.powder === powder);
}

// The server's answer (today) to this tablet's last weighing of `powder`:
// the real stock and the gap to theory, or why it was refused.
function weighResult(powder) {
  const result = state.weigh?.results?.[powder];
  if (!result || new Date(result.at).toDateString() !== new Date().toDateString()) return null;
  return result;
}

// Powders of today's list neither weighed nor waiting to be sent.
function weighRemaining() {
  if (!state.session || state.weigh?.login !== state.session.login) return 0;
  return (state.weigh.tasks || []).filter((task) => !task.done
    && !weighPending(task.powder).length).length;
}

async function loadWeigh() {
  const tasks = await api.workshop('weigh_list');
  const previous = state.weigh?.login === state.session.login ? state.weigh : null;
  state.weigh = {
    login: state.session.login, tasks, at: new Date().toISOString(),
    results: previous?.results || {},
  };
  await store.put('kv', state.weigh, 'weigh');
}

// The server answered a weighing (from runSync): keep its message for the
// powder's card; an accepted one shows at once (real stock, gap).
async function weighAnswered(entry, result) {
  if (!state.weigh || state.weigh.login !== entry.login) return;
  state.weigh.results = {
    ...(state.weigh.results || {}),
    [entry.action.powder]: {
      status: result.status, message: result.message || '', at: new Date().toISOString(),
    },
  };
  await store.put('kv', state.weigh, 'weigh');
  if (result.status === 'ok' && result.message) toast(result.message, 'ok');
}

async function showWeigh() {
  if (state.weigh && state.weigh.login !== state.session.login) state.weigh = null;
  drawWeigh();
  if (!navigator.onLine) return;
  const view = state.view;
  try {
    await loadWeigh();
    if (view === state.view && !dialogOpen()) drawWeigh({ onlyIfChanged: true });
  } catch (error) {
    const message = explain(error);
    if (view === state.view && !dialogOpen()) drawWeigh({ error: message });
  }
}

function boxLabel(format) {
  const weight = formatKg(format.weight, 0);
  if (format.tare === null || format.tare === undefined) {
    return t('weigh_box_no_tare', { weight });
  }
  return t('weigh_box_tare', { weight, tare: formatKg(format.tare, 1) });
}

function drawWeigh({ error = '', onlyIfChanged = false } = {}) {
  const list = state.weigh;
  const tasks = list?.tasks || [];
  // Redrawn every 30 s: only when something changed.
  const signature = JSON.stringify([tasks, list?.results,
    pendingMine().filter((entry) => entry.action.type === 'weigh').map((entry) => entry.uuid),
    navigator.onLine, error, state.lang]);
  if (onlyIfChanged && signature === drawWeigh.signature && $('.view.weigh')) {
    const sub = $('.view.weigh .weigh-updated');
    if (sub && list) sub.textContent = t('updated', { when: formatDateTime(list.at) });
    return;
  }
  drawWeigh.signature = signature;
  const done = tasks.filter((task) => task.done).length;
  const cards = tasks.map((task) => {
    const pending = weighPending(task.powder).length > 0;
    const result = weighResult(task.powder);
    const status = pending ? 'pending' : task.done ? 'done' : 'todo';
    const heading = `weigh-${task.task}`;
    return h('li', { class: `weigh-item ${status}`, 'data-powder': task.powder },
      h('div', { class: 'weigh-head' },
        h('h2', { class: 'weigh-powder', id: heading }, task.label || task.name),
        status === 'done' ? h('span', { class: 'weigh-status done' },
          h('span', { class: 'weigh-tick', 'aria-hidden': 'true' }, '✓'), t('weigh_done')) : null,
        status === 'pending' ? h('span', { class: 'weigh-status pending' },
          t('weigh_pending')) : null),
      task.name && task.name !== task.label ? h('p', { class: 'weigh-name' }, task.name) : null,
      task.reason ? h('div', { class: 'batch-chips' }, chip(task.reason, 'reason')) : null,
      h('dl', { class: 'facts' },
        field(task.done ? t('weigh_stock_done') : t('weigh_stock'), formatKg(task.stock_kg)),
        field(t('weigh_reliability'), task.reliability === null || task.reliability === undefined
          ? t('weigh_reliability_unknown') : formatPercent(task.reliability)),
        field(t('weigh_boxes'), (task.formats || []).map(boxLabel).join(' ; '), true)),
      result ? h('p', { class: `weigh-result ${result.status}` },
        h('span', { class: 'visually-hidden' }, `${t('server_said')} `), result.message) : null,
      h('button', {
        type: 'button',
        class: `button ${status === 'todo' ? 'primary' : 'secondary'} big weigh-button`,
        'aria-describedby': heading,
        onclick: () => weighBox(task),
      }, status === 'todo' ? t('weigh_button') : t('weigh_again')));
  });
  const offlineNote = list && (!navigator.onLine || error)
    ? h('p', { class: 'notice' }, error || t('weigh_cached', { when: formatDateTime(list.at) }))
    : null;
  setMain(h('section', { class: 'view weigh' },
    h('div', { class: 'view-head' },
      h('h1', null, t('weigh_title')),
      list ? h('p', { class: 'view-sub' },
        h('span', { class: 'weigh-progress' }, t('weigh_count', { n: tasks.length, done })),
        ' · ', h('span', { class: 'weigh-updated' }, t('updated', { when: formatDateTime(list.at) })))
        : null),
    h('p', { class: 'lead' }, t('weigh_intro')),
    offlineNote,
    !list ? (navigator.onLine && !error ? h('p', { class: 'loading' }, t('loading'))
      : h('p', { class: 'notice' }, error || t('weigh_unavailable'))) : null,
    list && !tasks.length ? h('p', { class: 'empty' }, t('weigh_empty')) : null,
    tasks.length && done === tasks.length
      ? h('p', { class: 'notice ok', role: 'status' }, t('weigh_all_done')) : null,
    cards.length ? h('ul', { class: 'weigh-list' }, cards) : null));
  updateChrome(); // the tab's count of powders left
}

// The form of a box on the scale: its format (pre-selected when the powder
// has one), the gross weight the scale shows, the sealed boxes on the
// shelf; the net and the real stock as the operator types. A gross weight
// under the tare is refused here, as the server would.
async function weighBox(task) {
  const formats = task.formats || [];
  let format = formats.length === 1 ? formats[0] : null;
  const error = h('p', { id: 'weigh-error', class: 'form-error', role: 'alert' });
  const netValue = h('output', { id: 'weigh-net', class: 'weigh-value', for: 'weigh-gross' },
    t('weigh_net_empty'));
  const realValue = h('output', { id: 'weigh-real', class: 'weigh-value' }, t('weigh_net_empty'));
  const realDetail = h('span', { class: 'weigh-detail' });
  const gross = h('input', {
    id: 'weigh-gross', name: 'gross', type: 'text', inputmode: 'decimal',
    autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'done', class: 'weigh-gross',
    // The scale's figure is what the form is for: the keypad comes at once
    // when the box is known.
    autofocus: format ? true : null,
    'aria-describedby': 'weigh-gross-hint weigh-error',
  });
  const sealed = h('input', {
    id: 'weigh-sealed', name: 'sealed', type: 'text', inputmode: 'numeric', pattern: '[0-9]*',
    autocomplete: 'off', value: '0', class: 'stepper-value',
    'aria-labelledby': 'weigh-sealed-label',
  });
  const sealedCount = () => {
    const text = sealed.value.trim();
    return /^\d{1,4}$/.test(text) ? Number(text) : (text === '' ? 0 : NaN);
  };

  // What the form says now: the first problem (and where), or the weighing.
  const read = () => {
    const weight = parseKg(gross.value);
    const count = sealedCount();
    if (!formats.length) return { problem: t('weigh_no_formats'), at: null };
    if (!format) return { problem: t('weigh_format_missing'), at: 'input[name=format]', weight };
    if (format.tare === null || format.tare === undefined) {
      return {
        problem: t('weigh_no_tare', {
          format: formatKg(format.weight, 0), powder: task.name || task.label,
        }),
        at: 'input[name=format]', weight,
      };
    }
    if (weight === null) return { problem: t('weigh_gross_missing'), at: '#weigh-gross', quiet: true };
    if (Number.isNaN(weight)) return { problem: t('weigh_gross_invalid'), at: '#weigh-gross' };
    const tare = Math.round(format.tare * 1000);
    if (weight.grams < tare) {
      return {
        problem: t('weigh_under_tare', {
          gross: formatKg(weight.grams / 1000), tare: formatKg(format.tare),
          powder: task.name || task.label,
        }),
        at: '#weigh-gross', weight,
      };
    }
    const net = (weight.grams - tare) / 1000;
    if (Number.isNaN(count)) return { problem: t('weigh_sealed'), at: '#weigh-sealed', net };
    const real = (weight.grams - tare + count * Math.round(format.weight * 1000)) / 1000;
    return { weight, net, count, real };
  };

  const update = () => {
    const now = read();
    netValue.textContent = now.net !== undefined ? formatKg(now.net) : t('weigh_net_empty');
    netValue.classList.toggle('ko', Boolean(now.problem && now.weight && !now.quiet
      && now.at === '#weigh-gross'));
    realValue.textContent = now.real !== undefined ? formatKg(now.real) : t('weigh_net_empty');
    realDetail.textContent = now.real !== undefined && now.count ? t('weigh_real_detail', {
      net: formatKg(now.net), n: formatNumber(now.count, 0), weight: formatKg(format.weight, 0),
    }) : '';
    // Live: a weight under the tare or unreadable is said at once; the rest
    // (nothing typed yet...) only when saving.
    error.textContent = now.problem && now.at === '#weigh-gross' && !now.quiet ? now.problem : '';
    gross.setAttribute('aria-invalid', error.textContent ? 'true' : 'false');
  };
  gross.addEventListener('input', update);
  sealed.addEventListener('input', update);
  const stepBy = (delta) => {
    const count = sealedCount();
    sealed.value = String(Math.max(0, (Number.isNaN(count) ? 0 : count) + delta));
    update();
  };

  const formatChoices = formats.length ? h('fieldset', null,
    h('legend', null, t('weigh_format')),
    h('div', { class: 'choices' }, formats.map((item) => h('label', { class: 'choice' },
      h('input', {
        type: 'radio', name: 'format', value: String(item.id), checked: item === format,
        onchange: () => { format = item; update(); },
      }),
      h('span', null, boxLabel(item))))))
    : h('p', { class: 'notice error' }, t('weigh_no_formats'));
  const theory = [task.reason, t('weigh_form_theory', { stock: formatKg(task.stock_kg) })]
    .filter(Boolean).join(' · ');

  const saved = await dialog({
    title: t('weigh_form_title', { label: task.label || task.name }),
    className: 'wide weigh-form',
    body: [
      h('p', { class: 'dialog-text' }, theory),
      formatChoices,
      // Typed on the left, read on the right (one column on a phone).
      h('div', { class: 'weigh-grid' },
        h('div', { class: 'form-field' },
          h('label', { for: 'weigh-gross' }, t('weigh_gross')),
          gross,
          error,
          h('p', { id: 'weigh-gross-hint', class: 'hint' }, t('weigh_gross_hint'))),
        h('div', { class: 'weigh-readout' },
          h('span', { class: 'weigh-label', id: 'weigh-net-label' }, t('weigh_net')), netValue),
        h('fieldset', { class: 'stepper-field' },
          h('legend', { id: 'weigh-sealed-label' }, t('weigh_sealed')),
          h('div', { class: 'stepper' },
            h('button', { type: 'button', class: 'button secondary stepper-button',
              'aria-label': t('weigh_sealed_less'), onclick: () => stepBy(-1) }, '−'),
            sealed,
            h('button', { type: 'button', class: 'button secondary stepper-button',
              'aria-label': t('weigh_sealed_more'), onclick: () => stepBy(1) }, '+'))),
        h('div', { class: 'weigh-readout total' },
          h('span', { class: 'weigh-label' }, t('weigh_real')), realValue, realDetail)),
    ],
    actions: [
      { label: t('weigh_save'), kind: 'primary big', submit: true },
      { label: t('cancel'), kind: 'secondary big', value: '' },
    ],
    onsubmit: (form) => {
      const now = read();
      if (now.problem) {
        error.textContent = now.problem;
        if (now.at) form.querySelector(now.at)?.focus();
        return false;
      }
      return now;
    },
  });
  if (!saved) return;
  await enqueue({
    type: 'weigh',
    powder: task.powder,
    format: format.id,
    gross: saved.weight.decimal,
    sealed_boxes: saved.count,
  }, { label: task.label || task.name, net: saved.net, real: saved.real });
  toast(navigator.onLine ? t('weigh_saved', { label: task.label || task.name })
    : t('weigh_saved_offline', { label: task.label || task.name }), 'ok');
  if (parseRoute().name === 'weigh') {
    drawWeigh();
    $(`.weigh-item[data-powder="${task.powder}"] .weigh-button`)?.focus({ preventScroll: true });
  }
}

// --- À revoir / pending -----------------------------------------------------

function describe(entry) {
  const { action, meta } = entry;
  switch (action.type) {
    case 'validate_step':
      return t('describe_validate', { step: meta.step_name || '' });
    case 'qc':
      return meta.failed ? t('describe_qc_failed') : t('describe_qc');
    case 'photo':
      return t('describe_photo', { kind: photoKind(action.kind).toLowerCase() });
    case 'non_conformity':
      return t('describe_nc', { defect: meta.defect_name || '' });
    case 'weigh':
      return t('describe_weigh', { gross: formatKg(action.gross) });
    default:
      return action.type;
  }
}

function drawReview() {
  const refused = reviewMine();
  const pending = pendingMine();
  // What an action is about: its part, or the powder weighed.
  const subject = (entry) => (entry.action.type === 'weigh'
    ? { href: '#/weigh', text: entry.meta.label || '', open: t('weigh_open') }
    : { href: `#/part/${encodeURIComponent(entry.action.part)}`, text: entry.action.part,
      open: t('open_part') });
  const refusedList = refused.map((entry) => h('li', { class: 'review-item' },
    h('div', { class: 'review-head' },
      h('a', { class: 'review-part', href: subject(entry).href }, subject(entry).text),
      h('span', { class: 'review-what' }, describe(entry))),
    h('p', { class: 'review-when' }, t('done_at', { when: formatDateTime(entry.action.at) })),
    h('p', { class: 'review-message' },
      h('span', { class: 'visually-hidden' }, `${t('server_said')} `), entry.message),
    h('div', { class: 'review-actions' },
      h('a', { class: 'button secondary', href: subject(entry).href }, subject(entry).open),
      h('button', { type: 'button', class: 'button ghost-dark', onclick: async () => {
        await store.delete('review', entry.uuid);
        await reloadOutbox();
        updateChrome();
        drawReview();
        $('#main h1')?.focus();
      } }, t('review_done')))));
  const pendingList = pending.map((entry) => h('li', { class: 'pending-item' },
    h('span', { class: 'review-part' }, subject(entry).text),
    h('span', { class: 'review-what' }, describe(entry)),
    h('span', { class: 'review-when' }, formatDateTime(entry.action.at)),
    entry.error ? h('p', { class: 'review-message' }, entry.error) : null));
  setMain(h('section', { class: 'view review' },
    h('h1', null, t('review_title')),
    h('p', { class: 'lead' }, t('review_intro')),
    refusedList.length ? h('ul', { class: 'review-list' }, refusedList)
      : h('p', { class: 'empty' }, t('review_empty')),
    h('h2', { class: 'section-title' }, t('pending_title', { n: pending.length })),
    pending.length ? [
      h('ul', { class: 'pending-list' }, pendingList),
      h('button', { type: 'button', class: 'button primary big', disabled: !navigator.onLine,
        onclick: async () => {
          await sync();
          drawReview();
        } }, navigator.onLine ? t('send_now') : t('send_offline')),
    ] : h('p', { class: 'empty-small' }, t('pending_none'))));
}

// --- Start ----------------------------------------------------------------

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch((error) => {
    console.warn('workshop: no service worker', error);
  });
}

async function boot() {
  try {
    store = await Store.open(DATABASE);
  } catch (error) {
    document.body.replaceChildren(h('p', { class: 'fatal', role: 'alert' },
      t('storage_unavailable')));
    return;
  }
  api = new Api(DATABASE);
  const saved = await store.get('kv', 'session');
  if (saved?.session) {
    state.session = saved.session;
    state.context = saved.context || {};
    state.expired = Boolean(saved.expired);
    api.session = { login: saved.session.login, userId: saved.session.userId,
      key: saved.session.key };
    api.context = state.context;
    state.lang = languageOf(state.context);
  } else {
    state.lang = (await store.get('kv', 'lang')) || 'fr';
  }
  const login = state.session?.login;
  const queue = await store.get('kv', 'queue');
  if (queue?.login === login) state.queue = queue;
  const batches = await store.get('kv', 'batches');
  if (batches?.login === login) state.batches = batches;
  const weigh = await store.get('kv', 'weigh');
  if (weigh?.login === login) state.weigh = weigh;
  await reloadOutbox();
  buildShell();
  window.addEventListener('hashchange', () => render({ focus: true }));
  window.addEventListener('online', () => {
    updateChrome();
    tick();
  });
  window.addEventListener('offline', () => updateChrome());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tick();
  });
  setInterval(tick, SYNC_EVERY);
  registerServiceWorker();
  await render();
  tick();
}

boot();
