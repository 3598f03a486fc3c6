// The ECG list (newest first, paged) with live status from the event stream, uploads with a progress bar
// (JSON → POST /v1/ecgs; CSV → import part csv; WFDB .hea + .dat chosen together → import parts header, data)
// and deletion with confirmation.
//
// Test hooks: rows are tr[data-testid=ecg-row][data-ecg-id][data-status]; the status cell is
// [data-testid=ecg-status]; #ecg-upload-form gets data-last-upload-id after a successful upload.

import { api, upload } from './api.js';
import { $, announce, clearChildren, confirmDialog, el, fmtDateTime, fmtDuration, fmtNumber } from './dom.js';

const PAGE_SIZE = 20;

export class EcgList {
  constructor({ onOpen, onDeleted, onChanged }) {
    this.onOpen = onOpen;
    this.onDeleted = onDeleted;
    this.onChanged = onChanged;
    this.tbody = $('ecg-rows');
    this.items = new Map(); // id → report, in the order of the rows
    this.seq = new Map(); // id → number of the latest fetch, so that only the newest answer counts
    this.page = 0;
    this.totalItems = 0;
    this.totalPages = 0;
    this.selectedId = null;
    this.uploading = false;
    this.bind();
  }

  bind() {
    $('ecg-prev').addEventListener('click', () => this.load(this.page - 1));
    $('ecg-next').addEventListener('click', () => this.load(this.page + 1));
    $('ecg-upload-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.uploadChosen();
    });
    this.tbody.addEventListener('click', (event) => {
      if (event.target.closest('button')) {
        return;
      }
      const row = event.target.closest('tr[data-ecg-id]');
      if (row) {
        this.open(row.dataset.ecgId);
      }
    });
    this.tbody.addEventListener('keydown', (event) => this.onKey(event));
  }

  start() {
    return this.load(0);
  }

  stop() {
    this.items.clear();
    this.seq.clear();
    clearChildren(this.tbody);
    this.page = 0;
    this.selectedId = null;
    $('ecg-upload-status').textContent = '';
    $('ecg-upload-progress').hidden = true;
    delete $('ecg-upload-form').dataset.lastUploadId;
  }

  async load(page) {
    const target = Math.max(0, page);
    try {
      const answer = await api.get(`/v1/ecgs?page=${target}&size=${PAGE_SIZE}`);
      this.page = answer.page;
      this.totalItems = answer.total_items;
      this.totalPages = answer.total_pages;
      this.items.clear();
      clearChildren(this.tbody);
      for (const item of answer.items) {
        this.items.set(item.id, item);
        this.tbody.append(this.row(item));
      }
      this.updatePager();
    } catch (error) {
      if (error.status !== 401) {
        announce(`The ECG list could not be loaded: ${error.message}`);
      }
    }
  }

  updatePager() {
    $('ecg-prev').disabled = this.page <= 0;
    $('ecg-next').disabled = this.page + 1 >= this.totalPages;
    $('ecg-page-info').textContent = this.totalPages > 1 ? `Page ${this.page + 1} of ${this.totalPages}` : '';
    $('ecg-pager').hidden = this.totalPages <= 1 && this.page === 0;
    $('ecg-count').textContent = this.totalItems === 1 ? '1 recording' : `${this.totalItems} recordings`;
    $('ecg-empty').hidden = this.items.size > 0;
  }

  // ---- rows ----

  row(item) {
    const status = el('span', { className: `status status-${item.status}`, text: item.status, dataset: { testid: 'ecg-status' } });
    const remove = el('button', {
      type: 'button',
      className: 'button danger small',
      text: 'Delete',
      ariaLabel: `Delete ECG ${describe(item)}`,
      dataset: { testid: 'ecg-delete' },
    });
    remove.addEventListener('click', () => this.remove(item.id));
    const leads = (item.leads || []).map((lead) => lead.name).join(', ');
    const samples = item.leads && item.leads[0] ? item.leads[0].number_of_samples : 0;
    const length = item.sampling_rate_hz ? fmtDuration(samples / item.sampling_rate_hz) : `${fmtNumber(samples, 0)} samples`;
    const beats = item.beats ? (item.beats.unavailable_reason ? '–' : fmtNumber(item.beats.count, 0)) : '…';
    const meanHr = item.heart_rate && item.heart_rate.mean_bpm !== null && item.heart_rate.mean_bpm !== undefined
      ? `${fmtNumber(item.heart_rate.mean_bpm)} bpm` : (item.status === 'pending' ? '…' : '–');
    const tr = el('tr', {
      tabindex: 0,
      className: 'ecg-row',
      ariaLabel: `ECG ${describe(item)}, ${item.status}. Press Enter to open.`,
      dataset: { testid: 'ecg-row', ecgId: item.id, status: item.status },
    },
    el('td', {}, describe(item), el('span', { className: 'row-sub', text: `${length} · ${leads}` })),
    el('td', { className: 'col-optional', text: leads }),
    el('td', { className: 'col-optional', text: length }),
    el('td', {}, status),
    el('td', { className: 'col-optional', text: beats, dataset: { testid: 'ecg-beats' } }),
    el('td', { text: meanHr, dataset: { testid: 'ecg-mean-hr' } }),
    el('td', { className: 'row-actions' }, remove));
    if (item.id === this.selectedId) {
      tr.setAttribute('aria-current', 'true');
    }
    return tr;
  }

  rowOf(id) {
    return this.tbody.querySelector(`tr[data-ecg-id="${CSS.escape(id)}"]`);
  }

  replaceRow(item) {
    const old = this.rowOf(item.id);
    const fresh = this.row(item);
    if (old) {
      const focused = document.activeElement === old;
      old.replaceWith(fresh);
      if (focused) {
        fresh.focus();
      }
    }
    return fresh;
  }

  onKey(event) {
    const row = event.target.closest('tr[data-ecg-id]');
    if (!row || event.target !== row) {
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.open(row.dataset.ecgId);
    } else if (event.key === 'ArrowDown' && row.nextElementSibling) {
      event.preventDefault();
      row.nextElementSibling.focus();
    } else if (event.key === 'ArrowUp' && row.previousElementSibling) {
      event.preventDefault();
      row.previousElementSibling.focus();
    } else if (event.key === 'Delete') {
      event.preventDefault();
      this.remove(row.dataset.ecgId);
    }
  }

  open(id) {
    const item = this.items.get(id);
    if (!item) {
      return;
    }
    this.select(id);
    this.onOpen(item);
  }

  select(id) {
    this.selectedId = id;
    for (const row of this.tbody.querySelectorAll('tr[aria-current]')) {
      row.removeAttribute('aria-current');
    }
    const row = id ? this.rowOf(id) : null;
    if (row) {
      row.setAttribute('aria-current', 'true');
    }
  }

  // ---- live updates ----

  /** An event from the stream (ecg_submitted, ecg_analysed, ecg_deleted). */
  handleEvent(event) {
    const id = event.ecg_id;
    if (!id) {
      return;
    }
    if (event.type === 'ecg_deleted') {
      this.dropRow(id);
      if (this.onDeleted) {
        this.onDeleted(id);
      }
      return;
    }
    if (event.type === 'ecg_analysed') {
      const item = this.items.get(id);
      if (item) {
        // show the outcome at once; the full report follows
        const updated = { ...item, status: event.status };
        if (event.beats !== null && event.beats !== undefined) {
          updated.beats = { ...(item.beats || {}), count: event.beats, unavailable_reason: null };
        }
        if (event.mean_hr_bpm !== null && event.mean_hr_bpm !== undefined) {
          updated.heart_rate = { ...(item.heart_rate || {}), mean_bpm: event.mean_hr_bpm };
        }
        this.items.set(id, updated);
        this.replaceRow(updated);
        announce(event.status === 'done'
          ? `ECG ${describe(updated)} analysed${event.beats !== null && event.beats !== undefined ? `: ${event.beats} beats` : ''}.`
          : `The analysis of ECG ${describe(updated)} failed.`);
      }
      this.refresh(id, false);
      if (this.onChanged) {
        this.onChanged(id, event.status);
      }
      return;
    }
    if (event.type === 'ecg_submitted') {
      const known = this.items.has(id);
      this.refresh(id, true);
      if (known && this.onChanged) {
        this.onChanged(id, 'pending');
      }
    }
  }

  /** Fetches one ECG and puts it in the list; only the latest fetch per id counts. */
  async refresh(id, addIfNew) {
    const mine = (this.seq.get(id) || 0) + 1;
    this.seq.set(id, mine);
    let item;
    try {
      item = await api.get(`/v1/ecgs/${encodeURIComponent(id)}`);
    } catch (error) {
      if (this.seq.get(id) === mine && error.status === 404) {
        this.dropRow(id);
      }
      return;
    }
    if (this.seq.get(id) !== mine) {
      return; // a newer event asked again; its answer wins
    }
    if (this.items.has(id)) {
      this.items.set(id, item);
      this.replaceRow(item);
    } else if (addIfNew && this.page === 0) {
      this.items = new Map([[id, item], ...this.items]);
      this.tbody.prepend(this.row(item));
      while (this.items.size > PAGE_SIZE) {
        const lastId = [...this.items.keys()].pop();
        this.items.delete(lastId);
        const last = this.rowOf(lastId);
        if (last) {
          last.remove();
        }
      }
      this.counted(1);
    } else if (addIfNew) {
      this.counted(1);
    }
  }

  counted(delta) {
    this.totalItems = Math.max(0, this.totalItems + delta);
    this.totalPages = Math.ceil(this.totalItems / PAGE_SIZE);
    this.updatePager();
  }

  dropRow(id) {
    this.seq.set(id, (this.seq.get(id) || 0) + 1);
    if (this.items.delete(id)) {
      const row = this.rowOf(id);
      if (row) {
        const next = row.nextElementSibling || row.previousElementSibling;
        const focused = document.activeElement === row || row.contains(document.activeElement);
        row.remove();
        if (focused && next) {
          next.focus();
        }
      }
      this.counted(-1);
    }
    if (this.selectedId === id) {
      this.selectedId = null;
    }
  }

  async remove(id) {
    const item = this.items.get(id);
    if (!item) {
      return;
    }
    const confirmed = await confirmDialog({
      title: 'Delete this ECG?',
      message: `The recording ${describe(item)} and its analysis will be deleted. This cannot be undone.`,
      confirmLabel: 'Delete',
    });
    if (!confirmed) {
      return;
    }
    try {
      await api.delete(`/v1/ecgs/${encodeURIComponent(id)}`);
      this.dropRow(id);
      if (this.onDeleted) {
        this.onDeleted(id);
      }
      announce('The ECG was deleted.');
    } catch (error) {
      if (error.status === 404) {
        this.dropRow(id);
      } else if (error.status !== 401) {
        announce(`The ECG could not be deleted: ${error.message}`);
      }
    }
  }

  // ---- uploads ----

  async uploadChosen() {
    const input = $('ecg-file');
    const files = [...input.files];
    const status = $('ecg-upload-status');
    if (this.uploading) {
      return;
    }
    if (files.length === 0) {
      status.textContent = 'Choose a file first: JSON, CSV, or a WFDB .hea with its .dat.';
      input.focus();
      return;
    }
    let plan;
    try {
      plan = planUploads(files, {
        samplingRate: $('ecg-sampling-rate').value.trim(),
        units: $('ecg-units').value,
      });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    this.uploading = true;
    $('ecg-upload-submit').disabled = true;
    const progress = $('ecg-upload-progress');
    progress.hidden = false;
    const done = [];
    try {
      for (let i = 0; i < plan.length; i++) {
        const step = plan[i];
        progress.value = 0;
        status.textContent = `Uploading ${step.label}${plan.length > 1 ? ` (${i + 1} of ${plan.length})` : ''}…`;
        const answer = await upload('POST', step.path, step.body, {
          contentType: step.contentType,
          onProgress: (fraction) => {
            progress.value = Math.round(fraction * 100);
          },
        });
        progress.value = 100;
        done.push(answer.id);
        $('ecg-upload-form').dataset.lastUploadId = answer.id;
        this.refresh(answer.id, true);
      }
      status.textContent = done.length === 1 ? `Uploaded ${plan[0].label}.` : `Uploaded ${done.length} recordings.`;
      input.value = '';
    } catch (error) {
      if (error.status !== 401) {
        status.textContent = `Upload failed: ${error.message}`;
      }
    } finally {
      this.uploading = false;
      $('ecg-upload-submit').disabled = false;
    }
  }
}

function describe(item) {
  return item.date ? fmtDateTime(item.date) : `submitted ${fmtDateTime(item.submitted_at)}`;
}

const CSV_NAME = /\.(csv|tsv|txt)(\.gz)?$|\.gz$/i;

/** Groups the chosen files into requests: each .json alone, each CSV alone, each .hea with the .dat files. */
export function planUploads(files, { samplingRate, units }) {
  const plan = [];
  const headers = files.filter((f) => /\.hea$/i.test(f.name));
  const dats = files.filter((f) => /\.dat$/i.test(f.name));
  const others = files.filter((f) => !/\.(hea|dat)$/i.test(f.name));
  if (dats.length > 0 && headers.length === 0) {
    throw new Error('A WFDB .dat file needs its .hea header: choose both together.');
  }
  if (headers.length > 0 && dats.length === 0) {
    throw new Error('A WFDB .hea header needs its .dat data file: choose both together.');
  }
  for (const header of headers) {
    const record = header.name.replace(/\.hea$/i, '');
    // with several records, each .hea takes the .dat files that start with its record name
    const mine = headers.length === 1 ? dats : dats.filter((d) => d.name.startsWith(record));
    if (mine.length === 0) {
      throw new Error(`No .dat file was chosen for ${header.name}.`);
    }
    const form = new FormData();
    form.append('header', header, header.name);
    for (const dat of mine) {
      form.append('data', dat, dat.name);
    }
    plan.push({ label: header.name, path: '/v1/ecgs/import', body: form });
  }
  for (const file of others) {
    if (/\.json$/i.test(file.name) || file.type === 'application/json') {
      plan.push({ label: file.name, path: '/v1/ecgs', body: file, contentType: 'application/json' });
    } else if (CSV_NAME.test(file.name) || file.type === 'text/csv') {
      const form = new FormData();
      form.append('csv', file, file.name);
      if (samplingRate) {
        form.append('sampling_rate_hz', samplingRate);
      }
      if (units) {
        form.append('units', units);
      }
      plan.push({ label: file.name, path: '/v1/ecgs/import', body: form });
    } else {
      throw new Error(`${file.name}: not a recording Sinus reads (JSON, CSV, or WFDB .hea + .dat).`);
    }
  }
  return plan;
}
