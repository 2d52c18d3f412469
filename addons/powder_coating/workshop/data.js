// This file is part of Atelier. See the COPYRIGHT file at the top level of
// this repository for the full copyright notices and license terms.
//
// What the workshop app keeps and how it talks to the server: IndexedDB
// (session, last queue, opened parts, actions waiting to be sent, refused
// actions) and Tryton's JSON-RPC, the way sao does it.

function promised(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// One IndexedDB database per Tryton database served on this origin:
// kv (session, context, queue, batches), parts (by number), outbox (actions
// not yet accepted, by uuid), review (refused actions, by uuid).
export class Store {
  static async open(database) {
    const request = indexedDB.open(`atelier-workshop:${database}`, 1);
    request.onupgradeneeded = () => {
      const idb = request.result;
      idb.createObjectStore('kv');
      idb.createObjectStore('parts', { keyPath: 'number' });
      idb.createObjectStore('outbox', { keyPath: 'uuid' });
      idb.createObjectStore('review', { keyPath: 'uuid' });
    };
    return new Store(await promised(request));
  }

  constructor(idb) {
    this.idb = idb;
  }

  async run(name, mode, work) {
    const transaction = this.idb.transaction(name, mode);
    const done = new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    const result = await promised(work(transaction.objectStore(name)));
    await done;
    return result;
  }

  get(name, key) {
    return this.run(name, 'readonly', (store) => store.get(key));
  }

  all(name) {
    return this.run(name, 'readonly', (store) => store.getAll());
  }

  put(name, value, key) {
    return this.run(name, 'readwrite',
      (store) => (key === undefined ? store.put(value) : store.put(value, key)));
  }

  delete(name, key) {
    return this.run(name, 'readwrite', (store) => store.delete(key));
  }

  clear(name) {
    return this.run(name, 'readwrite', (store) => store.clear());
  }
}

// --- JSON-RPC -------------------------------------------------------------

// The network or the server is out of reach: keep everything, retry later.
export class NetworkError extends Error {}
// The session is over (401/403): log in again, keep the queued actions.
export class AuthError extends Error {}
// Too many login attempts (429).
export class RateLimitError extends Error {}
// An HTTP error of the server (5xx...): retry later.
export class ServerError extends Error {
  constructor(status) {
    super(`HTTP ${status}`);
    this.status = status;
  }
}

// An error answered by Tryton. `user` when its message is meant for the
// user (UserError: [kind, [message, description, ...]]); LoginException asks
// for another login parameter (args: [name, message, type]).
export class RpcError extends Error {
  constructor(error) {
    const [kind, args] = Array.isArray(error) ? error : [String(error), null];
    const user = typeof kind === 'string' && /(Error|Warning)$/.test(kind)
      && Array.isArray(args) && args.length > 0;
    super(user ? String(args[0]) : String(kind));
    this.kind = kind;
    this.args = args;
    this.user = user;
    this.description = user && args[1] ? String(args[1]) : '';
  }
}

// Tryton's JSON encodes dates, times and decimals as objects.
function revive(key, value) {
  if (value && typeof value === 'object' && typeof value.__class__ === 'string') {
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    switch (value.__class__) {
      case 'date':
        return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
      case 'datetime':
        return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}T`
          + `${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}`;
      case 'Decimal':
        return Number(value.decimal);
      default:
        return value;
    }
  }
  return value;
}

function base64(text) {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export class Api {
  constructor(database) {
    this.url = `/${encodeURIComponent(database)}/rpc/`;
    this.session = null; // {login, userId, key}
    this.context = {};
    this.reachable = true; // the last call got an answer
    this.id = 0;
  }

  async post(method, params, { authenticated = true, timeout = 30000 } = {}) {
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      // Without it, a 401 would make the browser prompt for Basic auth.
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (authenticated && this.session) {
      const { login, userId, key } = this.session;
      headers.Authorization = `Session ${base64(`${login}:${userId}:${key}`)}`;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeout);
    let response;
    let body;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: ++this.id, method, params }),
        credentials: 'omit',
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.ok) body = JSON.parse(await response.text(), revive);
    } catch (error) {
      this.reachable = false;
      throw new NetworkError(error.message || String(error));
    } finally {
      clearTimeout(timer);
    }
    this.reachable = response.status < 500;
    if (response.status === 401 || response.status === 403) throw new AuthError();
    if (response.status === 429) throw new RateLimitError();
    if (!response.ok) throw new ServerError(response.status);
    if (body.error) throw new RpcError(body.error);
    return body.result;
  }

  login(login, parameters, language) {
    return this.post('common.db.login', [login, parameters, language],
      { authenticated: false });
  }

  logout() {
    return this.post('common.db.logout', [], { timeout: 5000 });
  }

  // model.<model>.<method>(...args, context)
  call(model, method, args = [], options = {}) {
    return this.post(`model.${model}.${method}`, [...args, this.context], options);
  }

  workshop(method, args = [], options = {}) {
    return this.call('powder_coating.workshop', method, args, options);
  }
}

export function newUuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-`
    + `${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Split actions into calls of at most `limit` characters of JSON (photos are
// large), keeping their order.
export function chunk(actions, limit = 6_000_000) {
  const chunks = [];
  let current = [];
  let size = 0;
  for (const action of actions) {
    const length = JSON.stringify(action).length;
    if (current.length && size + length > limit) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(action);
    size += length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
