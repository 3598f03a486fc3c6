// Small DOM and formatting helpers shared by the modules. Nothing here sets a style attribute (CSP).

export const $ = (id) => document.getElementById(id);

/** Creates an element: el('td', {className: 'x', dataset: {id: 1}, text: 'hi'}, child...). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) {
      continue;
    }
    if (key === 'text') {
      node.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'className') {
      node.className = value;
    } else if (key.startsWith('aria') || key === 'role' || key === 'tabindex' || key === 'for') {
      node.setAttribute(key === 'for' ? 'for' : key.replace(/^aria([A-Z])/, (m, c) => `aria-${c.toLowerCase()}`),
        String(value));
    } else {
      node[key] = value;
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Shows a short message in the global polite live region. */
let statusTimer = 0;
export function announce(message) {
  const region = $('app-status');
  if (!region) {
    return;
  }
  region.textContent = message;
  region.classList.toggle('visible', Boolean(message));
  clearTimeout(statusTimer);
  if (message) {
    statusTimer = setTimeout(() => {
      region.textContent = '';
      region.classList.remove('visible');
    }, 6000);
  }
}

/** A Promise-based confirmation in the page's <dialog>; resolves true when confirmed. */
export function confirmDialog({ title = 'Are you sure?', message, confirmLabel = 'Delete' }) {
  const dialog = $('confirm-dialog');
  $('confirm-title').textContent = title;
  $('confirm-message').textContent = message;
  $('confirm-ok').textContent = confirmLabel;
  const opener = document.activeElement;
  return new Promise((resolve) => {
    const onClose = () => {
      dialog.removeEventListener('close', onClose);
      resolve(dialog.returnValue === 'ok');
      if (opener && opener.isConnected && typeof opener.focus === 'function') {
        opener.focus();
      }
    };
    dialog.returnValue = 'cancel';
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    $('confirm-cancel').focus();
  });
}

export function clearChildren(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

const number1 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const number0 = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function fmtNumber(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  return digits === 0 ? number0.format(value) : number1.format(value);
}

/** Seconds as h:mm:ss(.s) or m:ss(.s). */
export function fmtClock(seconds, decimals = 0) {
  if (!Number.isFinite(seconds)) {
    return '–';
  }
  const negative = seconds < 0;
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  let sec = decimals > 0 ? s.toFixed(decimals) : String(Math.floor(s));
  if (Number(sec) >= 60) {
    sec = decimals > 0 ? (0).toFixed(decimals) : '0';
  }
  const secPadded = sec.padStart(decimals > 0 ? 3 + decimals : 2, '0');
  const text = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${secPadded}` : `${m}:${secPadded}`;
  return negative ? `-${text}` : text;
}

/** A duration in words: 1 h 5 min, 12 min 30 s, 8.5 s. */
export function fmtDuration(seconds) {
  if (!Number.isFinite(seconds)) {
    return '–';
  }
  if (seconds < 60) {
    return `${fmtNumber(seconds, 1)} s`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  if (h > 0) {
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function fmtDateTime(iso) {
  if (!iso) {
    return '–';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : dateTime.format(date);
}

export function fmtTime(isoOrDate) {
  const date = isoOrDate instanceof Date ? isoOrDate : new Date(isoOrDate);
  return Number.isNaN(date.getTime()) ? '–' : timeOnly.format(date);
}

/** Runs fn at most once per animation frame, however often it is asked. */
export function frameScheduler(fn) {
  let pending = 0;
  return () => {
    if (!pending) {
      pending = requestAnimationFrame(() => {
        pending = 0;
        fn();
      });
    }
  };
}

/** Observes an element's width and calls back (debounced to a frame) when it changes. */
export function observeWidth(element, callback) {
  let last = -1;
  const schedule = frameScheduler(() => {
    const width = Math.floor(element.clientWidth);
    if (width !== last && width > 0) {
      last = width;
      callback(width);
    }
  });
  const observer = new ResizeObserver(schedule);
  observer.observe(element);
  return () => observer.disconnect();
}
