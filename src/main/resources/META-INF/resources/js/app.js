// Wiring: the session (sign-in form, sign-out), which sections a role sees, and the event stream that keeps
// the ECG list, the viewer and the heart-rate panel live.

import { api, onUnauthorized } from './api.js';
import { $, announce } from './dom.js';
import { Admin } from './admin.js';
import { EcgList } from './ecg-list.js';
import { EcgViewer } from './ecg-viewer.js';
import { EventStream } from './events.js';
import { HeartRate } from './heart-rate.js';
import { Replay } from './replay.js';

const USER_SECTIONS = ['ecg-section', 'hr-section'];
const ADMIN_SECTIONS = ['admin-section'];
const EVENT_STATES = { open: 'Live', connecting: 'Reconnecting…', closed: 'Offline' };

const viewer = new EcgViewer({
  onClosed: () => list.select(null),
  onStatus: announce,
});
const list = new EcgList({
  onOpen: (item) => {
    viewer.open(item);
    $('viewer-section').scrollIntoView({ block: 'start', behavior: 'auto' });
  },
  onDeleted: (id) => {
    if (viewer.isOpen(id)) {
      viewer.gone();
      announce('The ECG you were viewing was deleted.');
    }
  },
  onChanged: (id, status) => {
    if (viewer.isOpen(id)) {
      viewer.refresh(status);
    }
  },
});
const heartRate = new HeartRate();
const replay = new Replay();
const admin = new Admin();
const stream = new EventStream({
  onEvent: (event) => {
    if (event.type && event.type.startsWith('ecg_')) {
      list.handleEvent(event);
    } else if (event.type && event.type.startsWith('heart_rate_')) {
      heartRate.handleEvent(event);
    }
  },
  onState: (state) => {
    const badge = $('events-status');
    badge.dataset.state = state;
    badge.textContent = EVENT_STATES[state] || state;
  },
  onUnauthorized: () => sessionEnded(),
});

let session = null;

function show(ids, visible) {
  for (const id of ids) {
    $(id).hidden = !visible;
  }
}

function showSignIn(message) {
  session = null;
  document.body.dataset.session = 'signed-out';
  $('app-loading').hidden = true;
  show([...USER_SECTIONS, ...ADMIN_SECTIONS, 'viewer-section'], false);
  $('app-nav').hidden = true;
  $('session-info').hidden = true;
  $('sign-in-section').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('sign-in-password').value = '';
  $('sign-in-submit').disabled = false;
  document.title = 'Sign in · Sinus';
  const username = $('sign-in-username');
  (username.value ? $('sign-in-password') : username).focus();
}

async function showApp(who) {
  session = who;
  announce('');
  document.body.dataset.session = 'signed-in';
  document.body.dataset.role = who.role;
  $('app-loading').hidden = true;
  $('sign-in-section').hidden = true;
  $('session-info').hidden = false;
  $('signed-in-as').textContent = `${who.username}${who.role === 'admin' ? ' (administrator)' : ''}`;
  $('app-nav').hidden = false;
  for (const item of $('app-nav').querySelectorAll('li[data-role]')) {
    item.hidden = item.dataset.role !== who.role;
  }
  document.title = 'Sinus';
  if (who.role === 'admin') {
    show(USER_SECTIONS, false);
    show(ADMIN_SECTIONS, true);
    $('events-status').hidden = true;
    await admin.start();
  } else {
    show(ADMIN_SECTIONS, false);
    show(USER_SECTIONS, true);
    $('events-status').hidden = false;
    // the stream first, so that nothing submitted while the list loads is missed
    const started = stream.start();
    await Promise.all([list.start(), heartRate.start(), started]);
  }
  $('main').focus({ preventScroll: true });
}

function teardown() {
  stream.stop();
  viewer.close();
  list.stop();
  heartRate.stop();
  replay.stop();
  admin.stop();
  delete document.body.dataset.role;
}

function sessionEnded() {
  if (!session) {
    return;
  }
  teardown();
  showSignIn('Your session has ended. Please sign in again.');
}

onUnauthorized(() => sessionEnded());

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('sign-in-username').value.trim();
  const password = $('sign-in-password').value;
  const error = $('sign-in-error');
  if (!username || !password) {
    error.textContent = 'Enter your username and password.';
    (username ? $('sign-in-password') : $('sign-in-username')).focus();
    return;
  }
  $('sign-in-submit').disabled = true;
  error.textContent = '';
  let who;
  try {
    await api.post('/v1/auth/session', { form: { username, password }, quiet401: true });
    who = await api.get('/v1/auth/session', { quiet401: true });
  } catch (failure) {
    $('sign-in-submit').disabled = false;
    if (failure.status === 401) {
      error.textContent = 'Wrong username or password.';
    } else if (failure.status === 429) {
      error.textContent = `Too many attempts. ${failure.message}`;
    } else {
      error.textContent = failure.message;
    }
    $('sign-in-password').focus();
    return;
  }
  $('sign-in-password').value = '';
  await showApp(who);
});

$('sign-out').addEventListener('click', async () => {
  $('sign-out').disabled = true;
  try {
    await api.delete('/v1/auth/session', { quiet401: true });
  } catch (error) {
    // signed out already, or the server is away: the page forgets the session either way
  } finally {
    $('sign-out').disabled = false;
  }
  teardown();
  showSignIn();
  announce('You are signed out.');
});

async function boot() {
  let who;
  try {
    who = await api.get('/v1/auth/session', { quiet401: true });
  } catch (error) {
    showSignIn(error.status === 401 ? '' : error.message);
    return;
  }
  if (!who || who.username == null) {
    showSignIn('');
    return;
  }
  await showApp(who);
}

boot();
