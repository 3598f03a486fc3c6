// The ECG viewer: one lead on paper, zoomed by paper speed, panned by dragging, keys, buttons, a slider and the
// tachogram. It asks the server for decimated windows of the part in view (max_points ≈ the canvas width in
// device pixels per screen), debounced, at most one request in flight, dropping (aborting) requests that are
// out of date, and always draws from the last window it has while the next one loads.
//
// Test hooks on #ecg-viewer: data-ecg-id, data-lead, data-state (empty|loading|ready|error), data-duration-s,
// data-view-from-s, data-view-to-s, data-loaded-from-s, data-loaded-to-s, data-loading, data-decimated,
// data-beats (beats marked in view), data-draws, data-first-draw-ms and data-drawn-at (performance.now()).

import { api } from './api.js';
import { $, clearChildren, el, fmtClock, fmtDuration, fmtNumber, frameScheduler } from './dom.js';
import { PAPER, drawBeats, drawCalibration, drawFindings, drawMessage, drawPaper, drawRuler, drawTrace, frameGeometry } from './ecg-paper.js';
import { Tachogram } from './tachogram.js';

/** Paper speeds in mm/s, fastest first; 25 mm/s is the standard. */
const SPEEDS = [100, 50, 25, 12.5, 5, 2.5, 1, 0.5, 0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.0025, 0.001, 0.0005];
const STANDARD_SPEED = SPEEDS.indexOf(25);
const FETCH_DEBOUNCE_MS = 60;
const FETCH_MAX_WAIT_MS = 200;
const MAX_POINTS = 20000;

export class EcgViewer {
  constructor({ onClosed, onStatus }) {
    this.section = $('viewer-section');
    this.container = $('ecg-viewer');
    this.canvas = $('ecg-canvas');
    this.ctx = this.canvas.getContext('2d', { alpha: false });
    // the grid's exact colours, for whoever checks the pixels (the browser test)
    this.canvas.dataset.gridMajor = PAPER.major.join(',');
    this.canvas.dataset.gridMinor = PAPER.minor.join(',');
    this.leadSelect = $('viewer-lead');
    this.gainSelect = $('viewer-gain');
    this.slider = $('viewer-position');
    this.timeLabel = $('viewer-time');
    this.speedLabel = $('viewer-speed');
    this.message = $('viewer-message');
    this.title = $('viewer-title');
    this.onClosed = onClosed;
    this.onStatus = onStatus || (() => {});
    this.tachogram = new Tachogram($('tachogram'), { onNavigate: (t) => this.centreOn(t) });
    this.draw = frameScheduler(() => this.render());
    this.ecg = null;
    this.reset();
    this.bind();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.container);
  }

  reset() {
    this.abortFetch();
    clearTimeout(this.fetchTimer);
    this.fetchTimer = 0;
    this.ecg = null;
    this.data = null;
    this.report = null;
    this.lead = null;
    this.speedIndex = STANDARD_SPEED;
    this.fromS = 0;
    this.openedAt = 0;
    this.firstDrawn = false;
    this.draws = 0;
    this.generation = (this.generation || 0) + 1;
    this.errorText = '';
    const d = this.container.dataset;
    for (const key of Object.keys(d)) {
      delete d[key];
    }
    Object.assign(d, { state: 'empty', beats: '0', draws: '0', loading: 'false' });
  }

  bind() {
    $('viewer-close').addEventListener('click', () => this.close());
    $('viewer-zoom-in').addEventListener('click', () => this.zoom(-1));
    $('viewer-zoom-out').addEventListener('click', () => this.zoom(1));
    $('viewer-start').addEventListener('click', () => this.moveTo(0));
    $('viewer-end').addEventListener('click', () => this.moveTo(Number.POSITIVE_INFINITY));
    $('viewer-back').addEventListener('click', () => this.panBy(-0.9));
    $('viewer-forward').addEventListener('click', () => this.panBy(0.9));
    this.leadSelect.addEventListener('change', () => this.setLead(this.leadSelect.value));
    this.gainSelect.addEventListener('change', () => this.draw());
    this.slider.addEventListener('input', () => this.moveTo(Number(this.slider.value)));
    this.slider.addEventListener('keydown', (event) => this.onSliderKey(event));
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
    this.canvas.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.canvas.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.canvas.addEventListener('pointerup', (event) => this.onPointerUp(event));
    this.canvas.addEventListener('pointercancel', (event) => this.onPointerUp(event));
    this.canvas.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
  }

  // ---- opening and closing ----

  /** Opens an ECG; item is its report as listed (id, leads, sampling_rate_hz, status). */
  open(item) {
    this.reset();
    this.openedAt = performance.now();
    const leads = (item.leads || []).map((lead) => lead.name || lead);
    const samples = item.leads && item.leads[0] && item.leads[0].number_of_samples;
    const fs = item.sampling_rate_hz;
    this.ecg = {
      id: item.id,
      leads,
      fs,
      durationS: fs && samples ? samples / fs : 0,
      status: item.status,
    };
    this.lead = leads[0] || null;
    const d = this.container.dataset;
    d.ecgId = item.id;
    d.state = 'loading';
    if (this.lead) {
      d.lead = this.lead;
    }
    d.durationS = String(this.ecg.durationS);
    this.section.hidden = false;
    this.title.textContent = `ECG ${item.date ? new Date(item.date).toLocaleString() : ''}`.trim();
    this.fillLeads(leads);
    this.setMessage(item.status === 'pending' ? 'Analysis pending: beats appear when it is done.' : '');
    this.tachogram.showMessage('Loading beats…');
    this.renderReport(null);
    this.resize();
    if (fs) {
      this.fetchWindow(true);
    } else {
      this.noSamplingRate();
    }
    this.loadReport();
    this.draw();
  }

  noSamplingRate() {
    this.container.dataset.state = 'ready';
    this.errorText = 'No sampling rate: this recording cannot be drawn on paper.';
  }

  close() {
    if (!this.ecg) {
      this.section.hidden = true;
      return;
    }
    const id = this.ecg.id;
    this.reset();
    this.tachogram.clear();
    this.section.hidden = true;
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.onClosed) {
      this.onClosed(id);
    }
  }

  isOpen(id) {
    return this.ecg !== null && this.ecg.id === id;
  }

  /** The analysis finished or the ECG was replaced: reload what depends on it. */
  refresh(status) {
    if (!this.ecg) {
      return;
    }
    this.ecg.status = status || this.ecg.status;
    if (this.data) {
      this.data.stale = true; // still drawn until the fresh window (with the new beats) arrives
    }
    this.abortFetch();
    this.setMessage(this.ecg.status === 'pending' ? 'Analysis pending: beats appear when it is done.' : '');
    if (this.ecg.fs) {
      this.fetchWindow(true);
    }
    this.loadReport();
  }

  /** The ECG was deleted (here or elsewhere). */
  gone() {
    this.close();
  }

  fillLeads(leads) {
    clearChildren(this.leadSelect);
    for (const name of leads) {
      this.leadSelect.append(el('option', { value: name, text: name }));
    }
    this.leadSelect.disabled = leads.length < 2;
    if (this.lead) {
      this.leadSelect.value = this.lead;
    }
  }

  setLead(name) {
    if (!this.ecg || name === this.lead) {
      return;
    }
    this.lead = name;
    this.container.dataset.lead = name;
    this.data = null;
    this.abortFetch();
    this.fetchWindow(true);
    this.draw();
  }

  setMessage(text) {
    this.message.textContent = text;
    this.message.hidden = !text;
  }

  // ---- geometry ----

  resize() {
    const dpr = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
    const height = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    if (width !== this.canvas.width || height !== this.canvas.height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.clampView();
    this.draw();
    this.scheduleFetch();
  }

  get dpr() {
    return window.devicePixelRatio || 1;
  }

  geometry(fromS = this.fromS) {
    return frameGeometry({
      width: this.canvas.width,
      height: this.canvas.height,
      dpr: this.dpr,
      speedMmPerS: SPEEDS[this.speedIndex],
      gainMmPerMv: Number(this.gainSelect.value) || 10,
      fromS,
    });
  }

  spanS() {
    return this.geometry().spanS;
  }

  durationS() {
    return this.ecg ? this.ecg.durationS : 0;
  }

  clampView() {
    const maxFrom = Math.max(0, this.durationS() - this.spanS());
    this.fromS = Math.min(Math.max(0, this.fromS), maxFrom);
  }

  moveTo(fromS) {
    if (!this.ecg) {
      return;
    }
    this.fromS = fromS;
    this.clampView();
    this.viewChanged();
  }

  panBy(screens) {
    this.moveTo(this.fromS + screens * this.spanS());
  }

  centreOn(timeS) {
    this.moveTo(timeS - this.spanS() / 2);
  }

  /** direction -1 zooms in (faster paper), +1 out; keeps the centre in place. */
  zoom(direction, anchorFraction = 0.5) {
    if (!this.ecg) {
      return;
    }
    const span = this.spanS();
    const anchor = this.fromS + span * anchorFraction;
    let next = this.speedIndex + direction;
    next = Math.max(0, Math.min(SPEEDS.length - 1, next));
    if (direction > 0) {
      // no slower than the speed at which the whole recording fits
      const fits = SPEEDS.findIndex((speed, i) => i >= 0 && this.spanAt(i) >= this.durationS());
      if (fits >= 0 && next > fits) {
        next = Math.max(this.speedIndex, fits);
      }
    }
    if (next === this.speedIndex) {
      return;
    }
    this.speedIndex = next;
    this.fromS = anchor - this.spanS() * anchorFraction;
    this.clampView();
    this.viewChanged();
  }

  spanAt(index) {
    const g = frameGeometry({ width: this.canvas.width, height: this.canvas.height, dpr: this.dpr, speedMmPerS: SPEEDS[index], gainMmPerMv: 10, fromS: 0 });
    return g.spanS;
  }

  viewChanged() {
    this.draw();
    this.scheduleFetch();
  }

  // ---- input ----

  onKey(event) {
    if (!this.ecg || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
        this.panBy(event.shiftKey ? -0.9 : -0.1);
        break;
      case 'ArrowRight':
        this.panBy(event.shiftKey ? 0.9 : 0.1);
        break;
      case 'PageUp':
        this.panBy(-0.9);
        break;
      case 'PageDown':
        this.panBy(0.9);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(Number.POSITIVE_INFINITY);
        break;
      case '+':
      case '=':
        this.zoom(-1);
        break;
      case '-':
      case '_':
        this.zoom(1);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  }

  onSliderKey(event) {
    // The slider's value is seconds with step="any": give its keys screen-sized steps.
    const keys = { ArrowLeft: -0.1, ArrowDown: -0.1, ArrowRight: 0.1, ArrowUp: 0.1, PageUp: -0.9, PageDown: 0.9 };
    if (event.key in keys) {
      event.preventDefault();
      this.panBy(keys[event.key] * (event.shiftKey ? 9 : 1));
    } else if (event.key === 'Home') {
      event.preventDefault();
      this.moveTo(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      this.moveTo(Number.POSITIVE_INFINITY);
    }
  }

  onPointerDown(event) {
    if (!this.ecg || (event.pointerType === 'mouse' && event.button !== 0)) {
      return;
    }
    this.drag = { id: event.pointerId, x: event.clientX, fromS: this.fromS };
    this.canvas.setPointerCapture(event.pointerId);
    this.canvas.classList.add('dragging');
  }

  onPointerMove(event) {
    if (!this.drag || event.pointerId !== this.drag.id) {
      return;
    }
    const dx = (event.clientX - this.drag.x) * this.dpr;
    const g = this.geometry();
    this.fromS = this.drag.fromS - dx / g.pxPerS;
    this.clampView();
    this.viewChanged();
  }

  onPointerUp(event) {
    if (!this.drag || event.pointerId !== this.drag.id) {
      return;
    }
    this.drag = null;
    this.canvas.classList.remove('dragging');
    if (this.canvas.hasPointerCapture(event.pointerId)) {
      this.canvas.releasePointerCapture(event.pointerId);
    }
  }

  onWheel(event) {
    if (!this.ecg) {
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const rect = this.canvas.getBoundingClientRect();
      const g = this.geometry();
      const fraction = Math.min(1, Math.max(0, ((event.clientX - rect.left) * this.dpr - g.gutter) / (g.width - g.gutter)));
      this.zoom(event.deltaY > 0 ? 1 : -1, fraction);
    } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      event.preventDefault();
      this.moveTo(this.fromS + (event.deltaX * this.dpr) / this.geometry().pxPerS);
    }
  }

  // ---- data ----

  /** What the view needs: a window around it at the view's resolution. */
  wanted() {
    const g = this.geometry();
    const duration = this.durationS();
    const plotPx = Math.max(10, g.width - g.gutter);
    const bucketS = g.spanS / plotPx;
    return { fromS: g.fromS, toS: Math.min(g.toS, duration || g.toS), spanS: g.spanS, bucketS, plotPx };
  }

  /** Does a window (loaded or in flight) serve the current view? margin: part of a span wanted on each side. */
  serves(window, margin) {
    if (!window || window.stale || window.lead !== this.lead || window.generation !== this.generation) {
      return false;
    }
    const w = this.wanted();
    const duration = this.durationS();
    const eps = 1e-6;
    const needFrom = Math.max(0, w.fromS - margin * w.spanS);
    const needTo = duration > 0 ? Math.min(duration, w.toS + margin * w.spanS) : w.toS;
    const covers = window.fromS <= needFrom + eps && (window.toS >= needTo - eps || window.toS >= duration - eps);
    const fine = !window.decimated || window.bucketS <= w.bucketS * 1.6;
    return covers && fine;
  }

  scheduleFetch() {
    if (!this.ecg) {
      return;
    }
    if (this.serves(this.data, 0.2) || this.serves(this.inflight, 0.2)) {
      return;
    }
    // debounced, but never postponed for more than FETCH_MAX_WAIT_MS while the view keeps moving
    const now = performance.now();
    if (!this.fetchTimer) {
      this.fetchAskedAt = now;
    }
    clearTimeout(this.fetchTimer);
    const delay = Math.max(0, Math.min(FETCH_DEBOUNCE_MS, this.fetchAskedAt + FETCH_MAX_WAIT_MS - now));
    this.fetchTimer = setTimeout(() => this.fetchWindow(false), delay);
  }

  abortFetch() {
    if (this.controller) {
      this.controller.abort();
    }
    this.controller = null;
    this.inflight = null;
    if (this.container) {
      this.container.dataset.loading = 'false';
    }
  }

  async fetchWindow(first) {
    clearTimeout(this.fetchTimer);
    this.fetchTimer = 0;
    if (!this.ecg || !this.lead && this.ecg.leads.length > 0) {
      return;
    }
    if (!first && (this.serves(this.data, 0.2) || this.serves(this.inflight, 0.2))) {
      return;
    }
    const w = this.wanted();
    const duration = this.durationS();
    // the first window covers two screens (quick to fetch and draw); later ones a screen either side
    const before = first ? 0 : w.spanS;
    const after = first ? w.spanS : w.spanS;
    let fromS = Math.max(0, w.fromS - before);
    let toS = w.fromS + w.spanS + after;
    if (duration > 0) {
      toS = Math.min(duration, toS);
      fromS = Math.min(fromS, Math.max(0, toS - (w.spanS + before + after)));
    }
    const maxPoints = Math.max(10, Math.min(MAX_POINTS, Math.round(((toS - fromS) / Math.max(w.spanS, 1e-9)) * w.plotPx)));
    if (this.inflight) {
      // drop a request that no longer helps; keep one that still covers part of the view at this resolution
      const stale = this.inflight.lead !== this.lead || this.inflight.toS < w.fromS || this.inflight.fromS > w.toS
        || Math.abs(Math.log(this.inflight.wantedBucketS / w.bucketS)) > Math.log(1.6);
      if (!stale) {
        return; // when it lands, scheduleFetch() looks again
      }
      this.abortFetch();
    }
    const controller = new AbortController();
    const generation = this.generation;
    const lead = this.lead;
    this.controller = controller;
    this.inflight = { lead, generation, fromS, toS, decimated: true, bucketS: (toS - fromS) / maxPoints, wantedBucketS: w.bucketS };
    this.container.dataset.loading = 'true';
    const params = new URLSearchParams({ from_s: fromS.toFixed(4), to_s: toS.toFixed(4), max_points: String(maxPoints) });
    if (lead) {
      params.set('lead', lead);
    }
    try {
      const answer = await api.get(`/v1/ecgs/${encodeURIComponent(this.ecg.id)}/signal?${params}`, { signal: controller.signal });
      if (generation !== this.generation || controller.signal.aborted) {
        return;
      }
      this.controller = null;
      this.inflight = null;
      this.container.dataset.loading = 'false';
      this.accept(answer, lead, generation);
    } catch (error) {
      if (error.name === 'AbortError' || generation !== this.generation) {
        return;
      }
      this.controller = null;
      this.inflight = null;
      this.container.dataset.loading = 'false';
      if (error.status === 404) {
        this.onStatus('That ECG no longer exists.');
        this.close();
        return;
      }
      this.errorText = error.message;
      this.container.dataset.state = 'error';
      this.setMessage(`The trace could not be loaded: ${error.message}`);
      this.draw();
      return;
    }
    // the view may have moved on while this window was on its way
    this.scheduleFetch();
  }

  accept(answer, lead, generation) {
    const times = answer.time_s || [];
    const mins = answer.min_uv || [];
    const maxs = answer.max_uv || [];
    const n = Math.min(times.length, mins.length, maxs.length);
    const fromS = Number(answer.from_s) || 0;
    const toS = Number(answer.to_s) || 0;
    const fs = answer.sampling_rate_hz || this.ecg.fs;
    if (fs) {
      this.ecg.fs = fs;
    }
    if (Number.isFinite(answer.duration_s) && answer.duration_s > 0) {
      this.ecg.durationS = answer.duration_s;
      this.container.dataset.durationS = String(answer.duration_s);
    }
    if (Array.isArray(answer.leads) && answer.leads.length > 0 && answer.leads.join() !== this.ecg.leads.join()) {
      this.ecg.leads = answer.leads;
      this.fillLeads(answer.leads);
    }
    if (answer.lead && !this.lead) {
      this.lead = answer.lead;
      this.container.dataset.lead = answer.lead;
      this.leadSelect.value = answer.lead;
    }
    const beats = answer.beats || [];
    const data = {
      lead: answer.lead || lead,
      generation,
      fromS,
      toS,
      decimated: Boolean(answer.decimated),
      bucketS: n > 0 ? Math.max((toS - fromS) / n, fs ? 1 / fs : 0) : 0,
      time: Float64Array.from(times.slice(0, n)),
      min: Float64Array.from(mins.slice(0, n)),
      max: Float64Array.from(maxs.slice(0, n)),
      beats: { time: Float64Array.from(beats.map((b) => b.time_s)), type: beats.map((b) => b.type), length: beats.length },
      findings: answer.findings || [],
      offsetUv: 0,
    };
    if (!data.decimated) {
      data.bucketS = fs ? 1 / fs : data.bucketS;
    }
    data.offsetUv = baseline(data);
    this.data = data;
    const d = this.container.dataset;
    d.loadedFromS = String(fromS);
    d.loadedToS = String(toS);
    d.decimated = String(data.decimated);
    if (n === 0) {
      d.state = 'ready';
      this.errorText = !fs ? 'No sampling rate: this recording cannot be drawn on paper.' : 'No samples in this part.';
    } else {
      d.state = 'ready';
      this.errorText = '';
    }
    this.clampView();
    this.draw();
  }

  async loadReport() {
    const generation = this.generation;
    const id = this.ecg.id;
    try {
      const report = await api.get(`/v1/ecgs/${encodeURIComponent(id)}`);
      if (generation !== this.generation) {
        return;
      }
      this.report = report;
      this.ecg.status = report.status;
      const samples = report.leads && report.leads[0] && report.leads[0].number_of_samples;
      if (!this.data && report.sampling_rate_hz && samples) {
        this.ecg.durationS = samples / report.sampling_rate_hz;
        this.container.dataset.durationS = String(this.ecg.durationS);
      }
      if (report.date) {
        this.title.textContent = `ECG ${new Date(report.date).toLocaleString()}`;
      } else {
        this.title.textContent = `ECG submitted ${new Date(report.submitted_at).toLocaleString()}`;
      }
      this.renderReport(report);
      this.draw();
      // the tachogram comes after the first trace, so that it never delays it
      this.afterFirstDraw(() => this.loadBeats(generation, id));
    } catch (error) {
      if (generation !== this.generation) {
        return;
      }
      if (error.status === 404) {
        this.onStatus('That ECG no longer exists.');
        this.close();
        return;
      }
      this.renderReportError(error.message);
    }
  }

  afterFirstDraw(task) {
    if (this.firstDrawn) {
      setTimeout(task, 0);
    } else {
      this.pendingAfterDraw = task;
    }
  }

  async loadBeats(generation, id) {
    if (!this.report || this.report.status !== 'done') {
      this.tachogram.showMessage(this.report && this.report.status === 'failed' ? 'The analysis failed.' : 'Beats appear when the analysis is done.');
      return;
    }
    if (this.report.beats && this.report.beats.count === 0) {
      this.tachogram.showMessage(this.report.beats.unavailable_reason || 'No beats were detected.');
      return;
    }
    try {
      const answer = await api.get(`/v1/ecgs/${encodeURIComponent(id)}/beats`);
      if (generation !== this.generation) {
        return;
      }
      this.tachogram.setBeats(answer.beats || [], this.durationS());
      const g = this.geometry();
      this.tachogram.setWindow(g.fromS, g.toS);
    } catch (error) {
      if (generation === this.generation) {
        this.tachogram.showMessage(`Beats could not be loaded: ${error.message}`);
      }
    }
  }

  // ---- drawing ----

  render() {
    if (!this.ecg || this.section.hidden) {
      return;
    }
    const ctx = this.ctx;
    const g = this.geometry();
    const gain = Number(this.gainSelect.value) || 10;
    drawPaper(ctx, g);
    drawCalibration(ctx, g, gain);
    const data = this.data;
    let beatsInView = 0;
    let buckets = 0;
    if (data && data.lead === this.lead) {
      const findings = this.report && this.report.findings && this.report.findings.items ? this.report.findings.items : data.findings;
      drawFindings(ctx, g, findings);
      buckets = drawTrace(ctx, g, data, data.offsetUv);
      beatsInView = drawBeats(ctx, g, data.beats);
    }
    drawRuler(ctx, g, fmtClock);
    if (this.errorText && buckets === 0) {
      drawMessage(ctx, g, this.errorText);
    } else if (!data || data.lead !== this.lead) {
      drawMessage(ctx, g, 'Loading…');
    }
    this.draws += 1;
    const d = this.container.dataset;
    d.viewFromS = g.fromS.toFixed(4);
    d.viewToS = Math.min(g.toS, this.durationS() || g.toS).toFixed(4);
    d.beats = String(beatsInView);
    d.draws = String(this.draws);
    d.speed = String(SPEEDS[this.speedIndex]);
    if (buckets > 0) {
      d.drawnAt = String(performance.now());
      if (!this.firstDrawn) {
        this.firstDrawn = true;
        const ms = performance.now() - this.openedAt;
        d.firstDrawMs = String(Math.round(ms));
        try {
          performance.mark('sinus-ecg-first-draw', { detail: { id: this.ecg.id, ms } });
        } catch (ignored) {
          // old browsers without mark details
        }
        if (this.pendingAfterDraw) {
          const task = this.pendingAfterDraw;
          this.pendingAfterDraw = null;
          setTimeout(task, 0);
        }
      }
    }
    this.updateControls(g, beatsInView);
  }

  updateControls(g, beatsInView) {
    const duration = this.durationS();
    const maxFrom = Math.max(0, duration - g.spanS);
    this.slider.max = String(maxFrom);
    this.slider.value = String(Math.min(this.fromS, maxFrom));
    this.slider.disabled = maxFrom <= 0;
    const shownTo = Math.min(g.toS, duration || g.toS);
    const decimals = g.spanS < 60 ? 1 : 0;
    const text = `${fmtClock(g.fromS, decimals)} – ${fmtClock(shownTo, decimals)} of ${fmtClock(duration)}`;
    this.timeLabel.textContent = text;
    this.slider.setAttribute('aria-valuetext', text);
    const speed = SPEEDS[this.speedIndex];
    this.speedLabel.textContent = `${speed >= 1 ? speed : speed.toPrecision(2).replace(/0+$/, '')} mm/s`;
    // aria-disabled rather than disabled: a button that loses focus under the keyboard is worse than a no-op
    setInert($('viewer-zoom-in'), this.speedIndex === 0);
    setInert($('viewer-zoom-out'), g.spanS >= duration);
    setInert($('viewer-start'), this.fromS <= 0);
    setInert($('viewer-back'), this.fromS <= 0);
    setInert($('viewer-end'), this.fromS >= maxFrom);
    setInert($('viewer-forward'), this.fromS >= maxFrom);
    this.tachogram.setWindow(g.fromS, shownTo);
    clearTimeout(this.labelTimer);
    this.labelTimer = setTimeout(() => {
      this.canvas.setAttribute('aria-label', `ECG lead ${this.lead || ''}, ${text}, ${beatsInView} beats marked, ${this.speedLabel.textContent}, ${this.gainSelect.value} mm/mV`);
    }, 250);
  }

  // ---- report ----

  renderReport(report) {
    const hr = $('report-hr');
    const hrv = $('report-hrv');
    const findings = $('report-findings');
    const leads = $('report-leads');
    [hr, hrv, findings, leads].forEach(clearChildren);
    if (!report) {
      hr.append(stat('Status', 'loading…'));
      return;
    }
    if (report.status !== 'done') {
      hr.append(stat('Status', report.status === 'failed' ? `failed: ${report.failure_reason || 'unknown reason'}` : 'analysis pending'));
    }
    const rate = report.heart_rate;
    if (rate) {
      if (rate.unavailable_reason) {
        hr.append(stat('Heart rate', rate.unavailable_reason));
      } else {
        hr.append(stat('Mean', `${fmtNumber(rate.mean_bpm)} bpm`, 'report-mean-hr'));
        hr.append(stat('Min', `${fmtNumber(rate.min_bpm)} bpm`));
        hr.append(stat('Max', `${fmtNumber(rate.max_bpm)} bpm`));
      }
    }
    if (report.beats) {
      hr.append(stat('Beats', report.beats.unavailable_reason || fmtNumber(report.beats.count, 0), 'report-beat-count'));
    }
    const v = report.hrv;
    if (v) {
      if (v.unavailable_reason) {
        hrv.append(stat('HRV', v.unavailable_reason));
      } else {
        hrv.append(stat('SDNN', `${fmtNumber(v.sdnn_ms)} ms`));
        hrv.append(stat('RMSSD', `${fmtNumber(v.rmssd_ms)} ms`));
        hrv.append(stat('pNN50', `${fmtNumber(v.pnn50_percent)} %`));
        if (v.frequency_unavailable_reason) {
          hrv.append(stat('LF/HF', v.frequency_unavailable_reason));
        } else {
          hrv.append(stat('LF', `${fmtNumber(v.lf_ms2, 0)} ms²`));
          hrv.append(stat('HF', `${fmtNumber(v.hf_ms2, 0)} ms²`));
          hrv.append(stat('LF/HF', fmtNumber(v.lf_hf_ratio)));
        }
      }
    }
    const f = report.findings;
    if (f && f.unavailable_reason) {
      findings.append(el('li', { className: 'muted', text: f.unavailable_reason }));
    } else if (f && f.items.length === 0) {
      findings.append(el('li', { className: 'muted', text: 'No rhythm findings.' }));
    } else if (f) {
      for (const item of f.items.slice(0, 200)) {
        const label = `${item.critical ? 'CRITICAL: ' : ''}${item.kind.replace(/_/g, ' ')} ${fmtClock(item.start_s, 1)}–${fmtClock(item.end_s, 1)}`;
        const button = el('button', { type: 'button', className: `finding finding-${item.kind}${item.critical ? ' finding-critical' : ''}`, text: label, title: item.detail || '' });
        button.addEventListener('click', () => {
          this.moveTo(Math.max(0, item.start_s - 1));
          this.canvas.focus();
        });
        findings.append(el('li', {}, button, item.detail ? el('span', { className: 'muted finding-detail', text: item.detail }) : null));
      }
      if (f.items.length > 200) {
        findings.append(el('li', { className: 'muted', text: `… and ${f.items.length - 200} more` }));
      }
    }
    for (const lead of report.leads || []) {
      const q = lead.quality;
      const verdict = q ? `${q.verdict}${q.used_for_beat_detection ? '' : ', not used for beats'}` : 'not analysed';
      leads.append(el('li', {}, el('strong', { text: lead.name }), ` ${verdict} · ${fmtDuration(report.sampling_rate_hz ? lead.number_of_samples / report.sampling_rate_hz : NaN)}`));
    }
  }

  renderReportError(message) {
    const hr = $('report-hr');
    clearChildren(hr);
    hr.append(stat('Report', `could not be loaded: ${message}`));
  }
}

function setInert(button, inert) {
  const value = inert ? 'true' : 'false';
  if (button.getAttribute('aria-disabled') !== value) {
    button.setAttribute('aria-disabled', value);
  }
}

function stat(name, value, testId) {
  const wrap = el('div');
  wrap.append(el('dt', { text: name }));
  const dd = el('dd', { text: value });
  if (testId) {
    dd.dataset.testid = testId;
  }
  wrap.append(dd);
  return wrap;
}

/** The window's baseline: the median of the buckets' midpoints (robust to QRS peaks). */
function baseline(data) {
  const n = data.time.length;
  if (n === 0) {
    return 0;
  }
  const step = Math.max(1, Math.floor(n / 1500));
  const mids = [];
  for (let i = 0; i < n; i += step) {
    mids.push((data.min[i] + data.max[i]) / 2);
  }
  mids.sort((a, b) => a - b);
  return mids[mids.length >> 1];
}
