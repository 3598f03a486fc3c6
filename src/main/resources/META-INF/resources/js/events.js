// The caller's event stream over a WebSocket that never gives up: it remembers the last event id, reconnects
// with a backoff (0.5 s doubling to 5 s) with since=lastId after any close (including the server's 1008 for a
// slow client), and drops any event it has already seen. The page keeps no history: it starts at the latest id.

import { api } from './api.js';

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 5000;

export class EventStream {
  /**
   * @param {object} callbacks onEvent(event), onState('connecting'|'open'|'closed'), onUnauthorized()
   */
  constructor({ onEvent, onState, onUnauthorized }) {
    this.onEvent = onEvent;
    this.onState = onState || (() => {});
    this.onUnauthorized = onUnauthorized || (() => {});
    this.lastId = 0;
    this.socket = null;
    this.timer = 0;
    this.failures = 0;
    this.stopped = true;
    this.opened = false;
    this.onOnline = () => {
      if (!this.stopped && !this.socket) {
        clearTimeout(this.timer);
        this.connect();
      }
    };
  }

  async start() {
    this.stopped = false;
    this.onState('connecting');
    window.addEventListener('online', this.onOnline);
    try {
      const latest = await api.get('/v1/events/latest');
      this.lastId = Number(latest && latest.last_id) || 0;
    } catch (error) {
      if (error.status === 401 || this.stopped) {
        return;
      }
      // keep lastId 0 only if we never had one: better a replay than a gap
    }
    if (!this.stopped) {
      this.connect();
    }
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = null;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
        socket.close(1000, 'signed out');
      }
    }
    this.onState('closed');
  }

  connect() {
    if (this.stopped) {
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${scheme}//${window.location.host}/v1/events/stream?since=${encodeURIComponent(this.lastId)}`;
    this.onState('connecting');
    this.opened = false;
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.opened = true;
      this.failures = 0;
      this.onState('open');
    };
    socket.onmessage = (message) => this.receive(message.data);
    socket.onerror = () => {
      // a close event follows; it decides what to do
    };
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
      }
      if (!this.stopped) {
        this.onState('connecting');
        this.scheduleReconnect();
      }
    };
  }

  receive(text) {
    let event;
    try {
      event = JSON.parse(text);
    } catch (ignored) {
      return;
    }
    if (!event || typeof event.id !== 'number' || event.id <= this.lastId) {
      return; // seen before: a replay overlapping what we had
    }
    this.lastId = event.id;
    try {
      this.onEvent(event);
    } catch (error) {
      // one bad handler must not stop the stream; report it without throwing into the socket
      window.setTimeout(() => {
        throw error;
      });
    }
  }

  async scheduleReconnect() {
    if (this.stopped) {
      return;
    }
    const neverOpened = !this.opened;
    this.failures += 1;
    const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, this.failures - 1));
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    if (neverOpened && this.failures >= 2) {
      // A refused upgrade looks like any failure: ask whether we are still signed in.
      let signedOut = false;
      try {
        const who = await api.get('/v1/auth/session', { quiet401: true });
        signedOut = !who || who.username == null;
      } catch (error) {
        signedOut = error.status === 401;
      }
      if (signedOut) {
        this.stopped = true;
        this.onState('closed');
        this.onUnauthorized();
        return;
      }
    }
    clearTimeout(this.timer);
    if (!this.stopped) {
      this.timer = setTimeout(() => this.connect(), delay);
    }
  }
}
