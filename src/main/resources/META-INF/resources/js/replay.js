// Replay of a heart-rate CSV file: the file is imported (POST /v1/heart-rate/import stores it and answers its
// anomalies), then played back in the browser at one second of the file's time per second (×1), or ×10, ×60,
// with pause and resume; anomalies are listed at once and marked on the chart as the replay reaches them.
//
// Test hooks on #hr-replay-chart: data-state (idle|playing|paused|done), data-replayed, data-total,
// data-marked (anomalies marked so far); anomalies are #hr-replay-anomalies li[data-testid=anomaly][data-type].

import { upload } from './api.js';
import { AXIS, responsivePlot } from './charts.js';
import { $, clearChildren, el, fmtClock, fmtTime } from './dom.js';

const CHART_HEIGHT = 200;
const CHART_UPDATE_MS = 100;
const GAP_S = 5;

export class Replay {
  constructor() {
    this.chart = null;
    this.rows = [];
    this.anomalyAt = [];
    this.frame = 0;
    this.reset();
    $('hr-replay-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.importChosen();
    });
    $('hr-replay-toggle').addEventListener('click', () => this.toggle());
    $('hr-replay-speed').addEventListener('change', () => {
      this.speed = Number($('hr-replay-speed').value) || 1;
    });
    this.speed = Number($('hr-replay-speed').value) || 1;
  }

  reset() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.state = 'idle';
    this.rows = [];
    this.anomalyAt = [];
    this.positionS = 0;
    this.revealed = 0;
    this.lastTick = 0;
    this.lastChartUpdate = 0;
    this.busy = false;
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  stop() {
    this.reset();
    const chart = $('hr-replay-chart');
    clearChildren(chart);
    Object.assign(chart.dataset, { state: 'idle', replayed: '0', total: '0', marked: '0' });
    clearChildren($('hr-replay-anomalies'));
    $('hr-replay-anomaly-count').textContent = '';
    $('hr-replay-status').textContent = '';
    $('hr-replay-position').textContent = '';
    $('hr-replay-progress').value = 0;
    $('hr-replay-upload-progress').hidden = true;
    $('hr-replay-toggle').disabled = true;
    $('hr-replay-toggle').textContent = 'Pause';
  }

  async importChosen() {
    if (this.busy) {
      return;
    }
    const file = $('hr-replay-file').files[0];
    const status = $('hr-replay-status');
    if (!file) {
      status.textContent = 'Choose a CSV file of readings first.';
      $('hr-replay-file').focus();
      return;
    }
    let parsed;
    try {
      parsed = parseReadingsCsv(await file.text(), Date.now());
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    this.stop();
    this.busy = true;
    $('hr-replay-submit').disabled = true;
    const progress = $('hr-replay-upload-progress');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = `Importing ${file.name}…`;
    let answer;
    try {
      const path = parsed.start ? `/v1/heart-rate/import?start=${encodeURIComponent(parsed.start)}` : '/v1/heart-rate/import';
      answer = await upload('POST', path, file, {
        contentType: 'text/csv',
        onProgress: (fraction) => {
          progress.value = Math.round(fraction * 100);
        },
      });
      progress.value = 100;
    } catch (error) {
      if (error.status !== 401) {
        status.textContent = `Import failed: ${error.message}`;
      }
      this.busy = false;
      $('hr-replay-submit').disabled = false;
      return;
    }
    this.busy = false;
    $('hr-replay-submit').disabled = false;
    const rejected = answer.rejected ? `, ${answer.rejected} rejected` : '';
    status.textContent = `Imported ${file.name}: ${answer.accepted} readings stored${rejected}, ${answer.missing} missing, ${answer.anomaly_count} anomalies. Replaying…`;
    this.begin(parsed.rows, answer.anomalies || [], answer.anomaly_count || 0);
  }

  begin(rows, anomalies, anomalyCount) {
    this.rows = rows;
    const times = rows.map((r) => r.t);
    this.t0 = times.length ? times[0] : 0;
    this.durationS = times.length ? times[times.length - 1] - this.t0 : 0;
    // chart arrays: the rows, with a null wherever the file has a gap, so the line breaks there
    this.xs = [];
    this.ys = [];
    this.chartIndex = [];
    rows.forEach((r, i) => {
      if (i > 0 && r.t - rows[i - 1].t > GAP_S) {
        this.xs.push((r.t + rows[i - 1].t) / 2);
        this.ys.push(null);
      }
      this.chartIndex.push(this.xs.length);
      this.xs.push(r.t);
      this.ys.push(r.bpm);
    });
    this.marks = this.xs.map(() => null);
    this.anomalyAt = [];
    const byTime = new Map(rows.map((r, i) => [Math.round(r.t), i]));
    const byRow = new Map(rows.map((r, i) => [r.row, i]));
    const list = $('hr-replay-anomalies');
    clearChildren(list);
    anomalies.forEach((anomaly, k) => {
      const time = anomaly.time ? Date.parse(anomaly.time) / 1000 : NaN;
      let index = Number.isFinite(time) ? byTime.get(Math.round(time)) : undefined;
      if (index === undefined) {
        index = byRow.get(anomaly.row);
      }
      const item = el('li', {
        className: `anomaly anomaly-${anomaly.type}`,
        dataset: { testid: 'anomaly', type: anomaly.type, row: String(anomaly.row) },
        text: describeAnomaly(anomaly),
      });
      list.append(item);
      if (index !== undefined) {
        const y = anomaly.bpm ?? anomaly.previous_bpm ?? this.nearestBpm(index);
        this.anomalyAt.push({ index, y, item, k });
      }
    });
    $('hr-replay-anomaly-count').textContent = anomalyCount > anomalies.length
      ? `(${anomalies.length} of ${anomalyCount} listed)` : `(${anomalyCount})`;
    this.anomalyAt.sort((a, b) => a.index - b.index);
    this.nextAnomaly = 0;
    this.createChart();
    const chart = $('hr-replay-chart');
    chart.dataset.total = String(rows.length);
    chart.dataset.replayed = '0';
    chart.dataset.marked = '0';
    this.positionS = 0;
    this.revealed = 0;
    $('hr-replay-toggle').disabled = rows.length === 0;
    this.play();
  }

  nearestBpm(index) {
    for (let i = index; i >= 0; i--) {
      if (this.rows[i].bpm !== null) {
        return this.rows[i].bpm;
      }
    }
    return null;
  }

  createChart() {
    const container = $('hr-replay-chart');
    clearChildren(container);
    const t0 = this.t0;
    const t1 = this.t0 + Math.max(this.durationS, 1);
    const options = {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => [t0, t1] },
        y: { range: (u, min, max) => [Math.min(40, Math.floor((min ?? 60) / 10) * 10), Math.max(160, Math.ceil((max ?? 100) / 10) * 10)] },
      },
      axes: [
        { ...AXIS, space: 70 },
        { ...AXIS, label: 'bpm', labelFont: AXIS.font, size: 48 },
      ],
      series: [
        {},
        { label: 'Heart rate', stroke: '#0b57d0', width: 2, spanGaps: false, points: { show: false } },
        { label: 'Anomaly', stroke: 'transparent', width: 0, points: { show: true, size: 11, fill: '#ffd23f', stroke: '#7a0012', width: 2 } },
      ],
    };
    this.chart = responsivePlot(container, options, [[], [], []], CHART_HEIGHT);
  }

  play() {
    if (this.rows.length === 0) {
      return;
    }
    if (this.state === 'done') {
      // play again from the start
      this.positionS = 0;
      this.revealed = 0;
      this.nextAnomaly = 0;
      this.marks = this.xs.map(() => null);
      for (const a of this.anomalyAt) {
        a.item.classList.remove('reached');
      }
    }
    this.setState('playing');
    this.lastTick = performance.now();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  pause() {
    if (this.state !== 'playing') {
      return;
    }
    this.advance(performance.now());
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.setState('paused');
  }

  toggle() {
    if (this.state === 'playing') {
      this.pause();
    } else {
      this.play();
    }
  }

  setState(state) {
    this.state = state;
    $('hr-replay-chart').dataset.state = state;
    const button = $('hr-replay-toggle');
    button.textContent = state === 'playing' ? 'Pause' : state === 'done' ? 'Replay again' : 'Resume';
  }

  tick(now) {
    this.frame = 0;
    if (this.state !== 'playing') {
      return;
    }
    this.advance(now);
    if (this.revealed >= this.rows.length) {
      this.updateChart(true);
      this.setState('done');
      $('hr-replay-status').textContent = `Replay finished: ${this.rows.length} rows, ${this.anomalyAt.length} anomalies marked.`;
      return;
    }
    this.frame = requestAnimationFrame((t) => this.tick(t));
  }

  advance(now) {
    const dt = Math.max(0, Math.min(1, (now - this.lastTick) / 1000));
    this.lastTick = now;
    this.positionS = Math.min(this.durationS, this.positionS + dt * this.speed);
    const limit = this.t0 + this.positionS + 1e-6;
    let revealed = this.revealed;
    while (revealed < this.rows.length && this.rows[revealed].t <= limit) {
      revealed++;
    }
    if (revealed !== this.revealed) {
      this.revealed = revealed;
      while (this.nextAnomaly < this.anomalyAt.length && this.anomalyAt[this.nextAnomaly].index < revealed) {
        const a = this.anomalyAt[this.nextAnomaly];
        this.marks[this.chartIndex[a.index]] = a.y;
        a.item.classList.add('reached');
        this.nextAnomaly++;
      }
    }
    this.updateChart(false);
  }

  updateChart(force) {
    const now = performance.now();
    if (!force && now - this.lastChartUpdate < CHART_UPDATE_MS) {
      return;
    }
    this.lastChartUpdate = now;
    const n = this.revealed;
    if (this.chart) {
      const upTo = n > 0 ? this.chartIndex[n - 1] + 1 : 0;
      this.chart.plot.setData([this.xs.slice(0, upTo), this.ys.slice(0, upTo), this.marks.slice(0, upTo)]);
    }
    const chart = $('hr-replay-chart');
    chart.dataset.replayed = String(n);
    chart.dataset.marked = String(this.nextAnomaly);
    $('hr-replay-progress').value = this.durationS > 0 ? this.positionS / this.durationS : (n > 0 ? 1 : 0);
    const current = n > 0 ? this.rows[n - 1] : null;
    $('hr-replay-position').textContent = `${fmtClock(this.positionS)} of ${fmtClock(this.durationS)} · row ${n} of ${this.rows.length}`
      + (current && current.bpm !== null ? ` · ${current.bpm} bpm` : '');
  }
}

function describeAnomaly(a) {
  const when = a.time ? fmtTime(a.time) : '';
  if (a.type === 'missing') {
    return `Row ${a.row}${when ? ` (${when})` : ''}: missing value`;
  }
  const change = a.previous_bpm !== null && a.previous_bpm !== undefined ? ` after ${a.previous_bpm} bpm` : '';
  return `Row ${a.row}${when ? ` (${when})` : ''}: ${a.type} to ${a.bpm} bpm${change}`;
}

/**
 * Reads a CSV of readings as the server does: a header "timestamp,bpm" (ISO-8601 or Unix seconds) or
 * "seconds,bpm" (seconds from a start, here now minus the file's length). Rows keep their one-based number.
 * Returns {rows: [{row, t (epoch s), bpm|null}], start (ISO, for seconds files) }.
 */
export function parseReadingsCsv(text, nowMs) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) {
    throw new Error('The file is empty.');
  }
  const header = lines[headerIndex];
  const separator = [',', ';', '\t'].find((s) => header.includes(s)) || ',';
  const names = header.split(separator).map((n) => n.trim().replace(/^"|"$/g, '').toLowerCase());
  const timeColumn = names.findIndex((n) => ['timestamp', 'time', 'seconds', 'second', 't'].includes(n));
  const bpmColumn = names.findIndex((n) => ['bpm', 'heart_rate', 'hr'].includes(n));
  if (timeColumn < 0 || bpmColumn < 0) {
    throw new Error('The first line must name the columns: timestamp,bpm or seconds,bpm.');
  }
  const relative = names[timeColumn] === 'seconds' || names[timeColumn] === 'second';
  const raw = [];
  let row = 0;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      continue;
    }
    row++;
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
    const timeCell = cells[timeColumn] || '';
    const bpmCell = cells[bpmColumn] || '';
    let t;
    if (relative || /^-?\d+(\.\d+)?$/.test(timeCell)) {
      t = Number(timeCell);
    } else {
      t = Date.parse(timeCell) / 1000;
    }
    if (!Number.isFinite(t)) {
      throw new Error(`Line ${i + 1}: "${timeCell}" is not a time.`);
    }
    const bpm = bpmCell === '' ? null : Number(bpmCell);
    raw.push({ row, t, bpm: bpm === null || Number.isFinite(bpm) ? bpm : null });
  }
  if (raw.length === 0) {
    throw new Error('The file has no readings.');
  }
  let start = null;
  if (relative) {
    const last = raw[raw.length - 1].t;
    const startS = Math.floor(nowMs / 1000 - last - 1);
    start = new Date(startS * 1000).toISOString();
    for (const r of raw) {
      r.t += startS;
    }
  }
  raw.sort((a, b) => a.t - b.t);
  return { rows: raw, start };
}
