// Heart rate: the live chart (uPlot) fed by heart_rate_recorded events, the LOW/HIGH alert banner, the status
// of the last 10 minutes, training zones and the alert thresholds.
//
// Test hooks: #hr-live-chart[data-points], #hr-alert[data-alert] (hidden unless an alert is shown),
// #hr-stat-count/-avg/-min/-max/-alert, #hr-zones-result [data-testid=zone-bar][data-zone][data-seconds].

import { api } from './api.js';
import { AXIS, responsivePlot } from './charts.js';
import { $, clearChildren, el, fmtDuration, fmtNumber, fmtTime, frameScheduler } from './dom.js';

const MAX_POINTS = 3000;
const LIVE_WINDOW_S = 30 * 60;
const CHART_HEIGHT = 220;
const GAP_S = 60;

export class HeartRate {
  constructor() {
    this.times = [];
    this.bpm = [];
    this.alerts = [];
    this.keys = new Set();
    this.devices = new Map(); // time → device, for the latest reading's label
    this.chart = null;
    this.statusTimer = 0;
    this.statusInterval = 0;
    this.redraw = frameScheduler(() => this.updateChart());
    this.bind();
  }

  bind() {
    $('hr-alert-dismiss').addEventListener('click', () => this.hideAlert());
    $('hr-zones-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.computeZones();
    });
    $('hr-zones-method').addEventListener('change', () => {
      $('hr-zones-resting-field').hidden = $('hr-zones-method').value !== 'karvonen';
    });
    $('hr-zones-period').addEventListener('change', () => {
      const custom = $('hr-zones-period').value === 'custom';
      $('hr-zones-custom-from').hidden = !custom;
      $('hr-zones-custom-to').hidden = !custom;
      if (custom && !$('hr-zones-from').value) {
        const now = new Date();
        $('hr-zones-to').value = toLocalInput(now);
        $('hr-zones-from').value = toLocalInput(new Date(now.getTime() - 24 * 3600 * 1000));
      }
    });
    $('hr-settings-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.saveSettings();
    });
  }

  async start() {
    this.createChart();
    this.statusInterval = setInterval(() => this.loadStatus(), 30000);
    await Promise.all([this.loadStatus(true), this.loadSettings()]);
  }

  stop() {
    clearInterval(this.statusInterval);
    clearTimeout(this.statusTimer);
    this.statusTimer = 0;
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
    this.times = [];
    this.bpm = [];
    this.alerts = [];
    this.keys.clear();
    this.devices.clear();
    $('hr-live-chart').dataset.points = '0';
    $('hr-latest').textContent = '';
    this.hideAlert();
    clearChildren($('hr-zones-result'));
    $('hr-zones-status').textContent = '';
    $('hr-settings-status').textContent = '';
  }

  createChart() {
    const container = $('hr-live-chart');
    clearChildren(container);
    const options = {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: (u, min, max) => liveRange(min, max) },
        y: { range: (u, min, max) => [Math.min(40, Math.floor((min ?? 60) / 10) * 10), Math.max(180, Math.ceil((max ?? 100) / 10) * 10)] },
      },
      axes: [
        { ...AXIS, space: 70 },
        { ...AXIS, label: 'bpm', labelFont: AXIS.font, size: 48 },
      ],
      series: [
        {},
        { label: 'Heart rate', stroke: '#b3001b', width: 2, points: { show: true, size: 4, fill: '#b3001b' }, spanGaps: false },
        { label: 'Alert', stroke: 'transparent', width: 0, points: { show: true, size: 10, fill: '#ffd23f', stroke: '#7a0012', width: 2 } },
      ],
    };
    this.chart = responsivePlot(container, options, [[], [], []], CHART_HEIGHT);
  }

  // ---- events ----

  handleEvent(event) {
    if (event.type === 'heart_rate_recorded') {
      let lastAlert = null;
      for (const reading of event.readings || []) {
        this.add(reading);
        if (reading.alert) {
          lastAlert = reading;
        }
      }
      if (lastAlert) {
        this.showAlert(lastAlert.alert, lastAlert.bpm, lastAlert.timestamp);
      }
      this.scheduleStatus();
    } else if (event.type === 'heart_rate_alert_raised') {
      this.showAlert(event.alert, event.bpm, event.timestamp);
      this.scheduleStatus();
    }
  }

  add(reading) {
    const ms = Date.parse(reading.timestamp);
    if (!Number.isFinite(ms)) {
      return;
    }
    const key = `${ms}|${reading.bpm}`;
    if (this.keys.has(key)) {
      return;
    }
    this.keys.add(key);
    const t = ms / 1000;
    // readings arrive mostly in order: search from the end
    let i = this.times.length;
    while (i > 0 && this.times[i - 1] > t) {
      i--;
    }
    this.times.splice(i, 0, t);
    this.bpm.splice(i, 0, reading.bpm);
    this.alerts.splice(i, 0, reading.alert ? reading.bpm : null);
    if (reading.device) {
      this.devices.set(t, reading.device);
    }
    if (this.times.length > MAX_POINTS) {
      const drop = this.times.length - MAX_POINTS;
      this.times.splice(0, drop);
      this.bpm.splice(0, drop);
      for (const old of this.times.slice(0, drop)) {
        this.devices.delete(old);
      }
      this.alerts.splice(0, drop);
    }
    if (this.keys.size > MAX_POINTS * 4) {
      this.keys = new Set([...this.keys].slice(-MAX_POINTS * 2));
    }
    this.redraw();
  }

  updateChart() {
    if (!this.chart) {
      return;
    }
    // a pause in the readings is a gap in the line, not a straight line across it
    const xs = [];
    const ys = [];
    const marks = [];
    for (let i = 0; i < this.times.length; i++) {
      if (i > 0 && this.times[i] - this.times[i - 1] > GAP_S) {
        xs.push((this.times[i] + this.times[i - 1]) / 2);
        ys.push(null);
        marks.push(null);
      }
      xs.push(this.times[i]);
      ys.push(this.bpm[i]);
      marks.push(this.alerts[i]);
    }
    this.chart.plot.setData([xs, ys, marks]);
    $('hr-live-chart').dataset.points = String(this.times.length);
    const last = this.times.length - 1;
    if (last >= 0) {
      const when = new Date(this.times[last] * 1000);
      $('hr-latest').textContent = `Latest: ${this.bpm[last]} bpm at ${fmtTime(when)}${this.devices.get(this.times[last]) ? ` (${this.devices.get(this.times[last])})` : ''}`;
      $('hr-live-chart').setAttribute('aria-label', `Live heart rate chart, ${this.times.length} readings, latest ${this.bpm[last]} bpm`);
    }
  }

  showAlert(type, bpm, timestamp) {
    const banner = $('hr-alert');
    const text = `${type === 'HIGH' ? 'HIGH' : 'LOW'} heart rate: ${bpm} bpm${timestamp ? ` at ${fmtTime(timestamp)}` : ''}`;
    banner.dataset.alert = type;
    banner.classList.toggle('alert-high', type === 'HIGH');
    banner.classList.toggle('alert-low', type !== 'HIGH');
    if ($('hr-alert-text').textContent !== text) {
      $('hr-alert-text').textContent = text;
    }
    banner.hidden = false;
  }

  hideAlert() {
    const banner = $('hr-alert');
    banner.hidden = true;
    delete banner.dataset.alert;
    $('hr-alert-text').textContent = '';
  }

  // ---- status ----

  scheduleStatus() {
    if (!this.statusTimer) {
      this.statusTimer = setTimeout(() => {
        this.statusTimer = 0;
        this.loadStatus();
      }, 1000);
    }
  }

  async loadStatus(seed) {
    try {
      const status = await api.get(`/v1/heart-rate/status?recent=${seed ? 100 : 10}&window=PT10M`);
      const stats = status.stats || {};
      $('hr-stat-count').textContent = fmtNumber(stats.count, 0);
      $('hr-stat-avg').textContent = stats.avg === null || stats.avg === undefined ? '–' : `${fmtNumber(stats.avg)} bpm`;
      $('hr-stat-min').textContent = stats.min === null || stats.min === undefined ? '–' : `${stats.min} bpm`;
      $('hr-stat-max').textContent = stats.max === null || stats.max === undefined ? '–' : `${stats.max} bpm`;
      $('hr-stat-alert').textContent = status.alert_type || 'none';
      $('hr-stat-alert').className = status.alert_type ? `alert-text alert-${status.alert_type.toLowerCase()}` : '';
      if (seed) {
        for (const reading of (status.recent || []).slice().reverse()) {
          this.add(reading);
        }
      }
    } catch (error) {
      if (error.status !== 401) {
        $('hr-latest').textContent = `Status unavailable: ${error.message}`;
      }
    }
  }

  // ---- settings ----

  async loadSettings() {
    try {
      const settings = await api.get('/v1/heart-rate/settings');
      $('hr-settings-low').value = settings.low_alert_below_bpm;
      $('hr-settings-high').value = settings.high_alert_above_bpm;
    } catch (error) {
      if (error.status !== 401) {
        $('hr-settings-status').textContent = `Thresholds unavailable: ${error.message}`;
      }
    }
  }

  async saveSettings() {
    const status = $('hr-settings-status');
    const low = Number($('hr-settings-low').value);
    const high = Number($('hr-settings-high').value);
    if (!Number.isInteger(low) || !Number.isInteger(high) || low >= high) {
      status.textContent = 'Enter whole numbers, LOW below HIGH (40–180 bpm).';
      return;
    }
    try {
      const saved = await api.put('/v1/heart-rate/settings', { json: { low_alert_below_bpm: low, high_alert_above_bpm: high } });
      if (saved && saved.low_alert_below_bpm) {
        $('hr-settings-low').value = saved.low_alert_below_bpm;
        $('hr-settings-high').value = saved.high_alert_above_bpm;
      }
      status.textContent = `Saved: LOW below ${low} bpm, HIGH above ${high} bpm, for readings from now on.`;
    } catch (error) {
      if (error.status !== 401) {
        status.textContent = `Not saved: ${error.message}`;
      }
    }
  }

  // ---- zones ----

  zonesRequest() {
    const age = Number($('hr-zones-age').value);
    if (!Number.isInteger(age) || age < 1 || age > 120) {
      throw new Error('Enter an age from 1 to 120.');
    }
    const period = $('hr-zones-period').value;
    let from;
    let to;
    if (period === 'custom') {
      from = new Date($('hr-zones-from').value);
      to = new Date($('hr-zones-to').value);
      if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
        throw new Error('Choose a period whose start is before its end.');
      }
    } else {
      to = new Date();
      const hours = { PT1H: 1, P1D: 24, P7D: 24 * 7 }[period] || 24;
      from = new Date(to.getTime() - hours * 3600 * 1000);
    }
    const method = $('hr-zones-method').value;
    const body = { age, method, max_formula: $('hr-zones-formula').value, from: from.toISOString(), to: to.toISOString() };
    if (method === 'karvonen') {
      const resting = Number($('hr-zones-resting').value);
      if (!Number.isInteger(resting) || resting <= 0) {
        throw new Error('Enter your resting heart rate for the Karvonen method.');
      }
      body.resting_bpm = resting;
    }
    return body;
  }

  async computeZones() {
    const status = $('hr-zones-status');
    const result = $('hr-zones-result');
    let body;
    try {
      body = this.zonesRequest();
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    status.textContent = 'Computing…';
    try {
      const zones = await api.post('/v1/heart-rate/zones', { json: body });
      clearChildren(result);
      renderZones(result, zones);
      status.textContent = `${fmtDuration(zones.total_seconds)} counted from ${fmtNumber(zones.readings, 0)} readings, average ${fmtNumber(zones.average_bpm)} bpm, HRmax ${fmtNumber(zones.max_bpm, 0)} bpm.`;
    } catch (error) {
      clearChildren(result);
      if (error.status !== 401) {
        status.textContent = error.message;
      }
    }
  }
}

function liveRange(min, max) {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) {
    const now = Date.now() / 1000;
    return [now - 300, now + 10];
  }
  const from = Math.max(min, max - LIVE_WINDOW_S);
  return [Math.min(from, max - 60) - 5, max + 10];
}

function renderZones(container, zones) {
  const total = zones.total_seconds || 0;
  const list = el('ul', { className: 'zone-bars' });
  const rows = [
    ...zones.zones.map((z) => ({
      key: String(z.zone),
      name: `Zone ${z.zone}`,
      range: z.to_percent === null ? `≥ ${z.from_percent} %` : `${z.from_percent}–${z.to_percent} %`,
      from: z.from_bpm,
      seconds: z.seconds,
    })),
    { key: 'below', name: 'Below zone 1', range: `< ${zones.zones[0] ? zones.zones[0].from_percent : 50} %`, from: null, seconds: zones.below_zone_seconds },
  ];
  for (const row of rows) {
    const share = total > 0 ? row.seconds / total : 0;
    const fill = el('span', { className: `zone-fill zone-${row.key}` });
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    const track = el('span', { className: 'zone-track', ariaHidden: 'true' }, fill);
    const label = `${row.name} (${row.range}${row.from !== null ? `, from ${fmtNumber(row.from, 0)} bpm` : ''})`;
    list.append(el('li', { className: 'zone-row', dataset: { testid: 'zone-bar', zone: row.key, seconds: String(row.seconds) } },
      el('span', { className: 'zone-label', text: label }),
      track,
      el('span', { className: 'zone-value', text: `${fmtDuration(row.seconds)} · ${fmtNumber(share * 100, 0)} %` })));
  }
  container.append(list);
}

function toLocalInput(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
