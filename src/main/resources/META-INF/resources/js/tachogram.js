// The tachogram: each beat's RR interval over the recording's time (uPlot). A band shows the part of the
// recording that the trace shows; a click moves the trace there (the position slider does it by keyboard).

import { AXIS, responsivePlot } from './charts.js';
import { fmtClock } from './dom.js';

const HEIGHT = 170;
/** Axis steps that read well on a clock: seconds, minutes, hours. */
const CLOCK_STEPS_S = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export class Tachogram {
  constructor(container, { onNavigate }) {
    this.container = container;
    this.onNavigate = onNavigate;
    this.chart = null;
    this.band = null;
    this.window = null;
    this.durationS = 0;
    this.cursorS = null;
  }

  /** beats: the /beats answer's list; durationS the recording's length. */
  setBeats(beats, durationS) {
    this.clear();
    this.durationS = durationS;
    const times = [];
    const rr = [];
    for (const beat of beats) {
      if (beat.rr_ms !== null && beat.rr_ms !== undefined) {
        times.push(beat.time_s);
        rr.push(beat.rr_ms);
      }
    }
    this.container.dataset.points = String(times.length);
    if (times.length === 0) {
      this.container.textContent = 'No RR intervals to show.';
      return;
    }
    const options = {
      class: 'tachogram-plot',
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false },
        points: { show: false },
      },
      scales: {
        x: { time: false, range: () => [0, Math.max(durationS, times[times.length - 1])] },
        y: { auto: true, range: (u, min, max) => [Math.max(0, Math.floor((min - 50) / 100) * 100), Math.ceil((max + 50) / 100) * 100] },
      },
      axes: [
        { ...AXIS, values: (u, splits) => splits.map((s) => fmtClock(s)), space: 80, incrs: CLOCK_STEPS_S },
        { ...AXIS, label: 'RR (ms)', labelFont: AXIS.font, size: 56 },
      ],
      series: [
        {},
        {
          label: 'RR',
          stroke: '#8a1c2c',
          width: 1,
          points: { show: times.length < 2000, size: 3, fill: '#8a1c2c', stroke: '#8a1c2c' },
        },
      ],
      hooks: {
        ready: [(u) => this.attachOverlay(u)],
        setSize: [() => this.placeBand()],
      },
    };
    this.chart = responsivePlot(this.container, options, [times, rr], HEIGHT);
  }

  attachOverlay(u) {
    this.band = document.createElement('div');
    this.band.className = 'tachogram-band';
    u.over.appendChild(this.band);
    u.over.addEventListener('click', () => {
      const left = u.cursor.left;
      if (left === null || left === undefined || left < 0) {
        return;
      }
      this.onNavigate(u.posToVal(left, 'x'));
    });
    this.placeBand();
  }

  /** The trace's visible window, in seconds of the recording. Cheap: moves a div. */
  setWindow(fromS, toS) {
    this.window = [fromS, toS];
    this.placeBand();
  }

  placeBand() {
    if (!this.chart || !this.band || !this.window) {
      return;
    }
    const u = this.chart.plot;
    const left = u.valToPos(this.window[0], 'x');
    const right = u.valToPos(this.window[1], 'x');
    if (!Number.isFinite(left) || !Number.isFinite(right)) {
      return;
    }
    const width = Math.max(2, right - left);
    this.band.style.left = `${Math.max(0, left)}px`;
    this.band.style.width = `${Math.min(width, u.over.clientWidth)}px`;
  }

  clear() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
    this.band = null;
    this.container.textContent = '';
    this.container.dataset.points = '0';
  }

  showMessage(text) {
    this.clear();
    this.container.textContent = text;
  }
}
