// Drawing of one ECG lead on standard paper, in device pixels: 1 mm squares (40 ms × 0.1 mV at 25 mm/s and
// 10 mm/mV), heavier lines every 5 mm, a 1 mV × 200 ms calibration pulse at the left, the trace as a min/max
// envelope of the server's buckets, beats with their class letter and findings as shaded spans.
// Grid lines are filled whole device pixels, so the grid colours appear exactly (the browser test reads them).

export const PAPER = Object.freeze({
  background: [255, 247, 248],
  minor: [245, 199, 205],
  major: [226, 122, 138],
  trace: '#141414',
  calibration: '#141414',
  ruler: '#6b1f2b',
  rulerBackground: 'rgba(255, 247, 248, 0.92)',
});

/** Screen scale of the paper: CSS pixels per millimetre at every zoom (zoom changes the paper speed). */
export const CSS_PX_PER_MM = 4;

const BEAT_COLOURS = {
  N: '#2f3b45',
  S: '#8a3d00',
  V: '#b3001b',
  F: '#6a1b9a',
  Q: '#4a535c',
  P: '#0842a0',
};

const FINDING_COLOURS = {
  bradycardia: 'rgba(11, 87, 208, 0.12)',
  tachycardia: 'rgba(179, 0, 27, 0.12)',
  pause: 'rgba(160, 72, 0, 0.16)',
  irregular_rhythm: 'rgba(106, 27, 154, 0.12)',
  atrial_fibrillation: 'rgba(106, 27, 154, 0.16)',
  premature_beats: 'rgba(179, 0, 27, 0.10)',
  ventricular_flutter_fibrillation: 'rgba(179, 0, 27, 0.24)',
  paced_rhythm: 'rgba(8, 66, 160, 0.10)',
};
const FINDING_LABEL_COLOURS = {
  bradycardia: '#0b4aa8',
  tachycardia: '#9a0017',
  pause: '#8a3d00',
  irregular_rhythm: '#5e1788',
  atrial_fibrillation: '#5e1788',
  premature_beats: '#9a0017',
  ventricular_flutter_fibrillation: '#9a0017',
  paced_rhythm: '#0842a0',
};

export function rgb([r, g, b]) {
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * The geometry of one frame, all in device pixels.
 * @param {object} o width, height, dpr, speedMmPerS, gainMmPerMv, fromS
 */
export function frameGeometry({ width, height, dpr, speedMmPerS, gainMmPerMv, fromS }) {
  const pxPerMm = CSS_PX_PER_MM * dpr;
  const gutter = Math.round(12 * pxPerMm); // room for the calibration pulse
  const rulerHeight = Math.round(16 * dpr);
  const pxPerS = speedMmPerS * pxPerMm;
  const pxPerUv = (gainMmPerMv * pxPerMm) / 1000;
  const plotTop = rulerHeight;
  // the baseline sits on a heavy line a little below the middle of the plot
  const major = 5 * pxPerMm;
  const baselineY = plotTop + Math.round(Math.round(((height - plotTop) * 0.55) / major) * major);
  const spanS = Math.max(0, (width - gutter) / pxPerS);
  return { width, height, dpr, pxPerMm, gutter, rulerHeight, plotTop, pxPerS, pxPerUv, baselineY, fromS, toS: fromS + spanS, spanS };
}

export function xOf(g, timeS) {
  return g.gutter + (timeS - g.fromS) * g.pxPerS;
}

/** Background, minor and major grid lines; vertical lines move with time, so the paper scrolls with the trace. */
export function drawPaper(ctx, g) {
  ctx.fillStyle = rgb(PAPER.background);
  ctx.fillRect(0, 0, g.width, g.height);
  const line = Math.max(1, Math.round(g.dpr));
  const mm = g.pxPerMm;
  const sPerMm = 1 / (g.pxPerS / mm);
  // vertical lines: at multiples of one millimetre of paper from t = 0
  const firstMm = Math.floor(g.fromS / sPerMm);
  const lastMm = Math.ceil(g.toS / sPerMm);
  const minors = [];
  const majors = [];
  if (mm >= 3) {
    for (let k = firstMm; k <= lastMm; k++) {
      const x = Math.round(xOf(g, k * sPerMm));
      if (x < g.gutter || x >= g.width) {
        continue;
      }
      (k % 5 === 0 ? majors : minors).push(x);
    }
  }
  // the gutter has its own fixed paper
  for (let x = g.gutter; x >= 0; x -= mm) {
    const k = Math.round((g.gutter - x) / mm);
    (k % 5 === 0 ? majors : minors).push(Math.round(x));
  }
  const rows = [];
  const rowsMajor = [];
  for (let k = 0; ; k++) {
    const up = g.baselineY - k * mm;
    const down = g.baselineY + k * mm;
    if (up < g.plotTop && down > g.height) {
      break;
    }
    if (up >= g.plotTop) {
      (k % 5 === 0 ? rowsMajor : rows).push(Math.round(up));
    }
    if (k > 0 && down <= g.height) {
      (k % 5 === 0 ? rowsMajor : rows).push(Math.round(down));
    }
  }
  ctx.fillStyle = rgb(PAPER.minor);
  for (const x of minors) {
    ctx.fillRect(x, g.plotTop, line, g.height - g.plotTop);
  }
  for (const y of rows) {
    ctx.fillRect(0, y, g.width, line);
  }
  ctx.fillStyle = rgb(PAPER.major);
  for (const x of majors) {
    ctx.fillRect(x, g.plotTop, line, g.height - g.plotTop);
  }
  for (const y of rowsMajor) {
    ctx.fillRect(0, y, g.width, line);
  }
  // a darker edge between the gutter and the running paper
  ctx.fillRect(g.gutter, g.plotTop, line, g.height - g.plotTop);
}

/** The standard 1 mV, 200 ms square pulse in the gutter. */
export function drawCalibration(ctx, g, gainMmPerMv) {
  const mm = g.pxPerMm;
  const x0 = Math.round(2 * mm);
  const pulseWidth = Math.max(3 * g.dpr, Math.min(0.2 * g.pxPerS, 8 * mm));
  const height = gainMmPerMv * mm; // 1 mV
  const y = g.baselineY;
  ctx.save();
  ctx.strokeStyle = PAPER.calibration;
  ctx.lineWidth = Math.max(1, 1.5 * g.dpr);
  ctx.lineJoin = 'miter';
  ctx.beginPath();
  ctx.moveTo(x0 - mm, y);
  ctx.lineTo(x0, y);
  ctx.lineTo(x0, y - height);
  ctx.lineTo(x0 + pulseWidth, y - height);
  ctx.lineTo(x0 + pulseWidth, y);
  ctx.lineTo(x0 + pulseWidth + 2 * mm, y);
  ctx.stroke();
  ctx.fillStyle = PAPER.ruler;
  ctx.font = `${Math.round(10 * g.dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.fillText('1 mV', Math.round(0.5 * mm), Math.round(y + 2 * mm));
  ctx.restore();
}

/** Finds the first index with times[i] >= t (times ascending). */
export function lowerBound(times, t) {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The trace: one vertical stroke per bucket from max to min, joined to the next. Returns the number of buckets
 * drawn. offsetUv is subtracted from every value (the window's baseline).
 */
export function drawTrace(ctx, g, data, offsetUv) {
  const times = data.time;
  const mins = data.min;
  const maxs = data.max;
  const n = times.length;
  if (n === 0) {
    return 0;
  }
  const margin = 2 / g.pxPerS;
  const i0 = Math.max(0, lowerBound(times, g.fromS - margin) - 1);
  const i1 = Math.min(n - 1, lowerBound(times, g.toS + margin));
  if (i1 < i0) {
    return 0;
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(g.gutter, g.plotTop, g.width - g.gutter, g.height - g.plotTop);
  ctx.clip();
  ctx.strokeStyle = PAPER.trace;
  ctx.lineWidth = Math.max(1, 1.3 * g.dpr);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  const base = g.baselineY;
  const k = g.pxPerUv;
  let drawn = 0;
  for (let i = i0; i <= i1; i++) {
    const x = g.gutter + (times[i] - g.fromS) * g.pxPerS;
    const yMax = base - (maxs[i] - offsetUv) * k;
    if (i === i0) {
      ctx.moveTo(x, yMax);
    } else {
      ctx.lineTo(x, yMax);
    }
    if (mins[i] !== maxs[i]) {
      ctx.lineTo(x, base - (mins[i] - offsetUv) * k);
    }
    drawn++;
  }
  ctx.stroke();
  ctx.restore();
  return drawn;
}

/** Shaded spans for the findings in view, with their kind at the bottom. */
export function drawFindings(ctx, g, findings) {
  if (!findings || findings.length === 0) {
    return 0;
  }
  let shown = 0;
  ctx.save();
  ctx.font = `${Math.round(11 * g.dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const finding of findings) {
    if (finding.end_s < g.fromS || finding.start_s > g.toS) {
      continue;
    }
    const x0 = Math.max(g.gutter, xOf(g, finding.start_s));
    const x1 = Math.min(g.width, Math.max(xOf(g, finding.end_s), x0 + 2 * g.dpr));
    ctx.fillStyle = FINDING_COLOURS[finding.kind] || 'rgba(60, 60, 60, 0.1)';
    ctx.fillRect(x0, g.plotTop, x1 - x0, g.height - g.plotTop);
    ctx.fillStyle = FINDING_LABEL_COLOURS[finding.kind] || '#333';
    const label = finding.kind.replace(/_/g, ' ');
    if (x1 - x0 > ctx.measureText(label).width + 4 * g.dpr) {
      ctx.fillText(label, x0 + 3 * g.dpr, g.height - 3 * g.dpr);
    }
    shown++;
  }
  ctx.restore();
  return shown;
}

/** Beat marks: the class letter above the trace when there is room, else a tick. Returns the count in view. */
export function drawBeats(ctx, g, beats) {
  if (!beats || beats.length === 0) {
    return 0;
  }
  const times = beats.time;
  const i0 = lowerBound(times, g.fromS);
  const i1 = lowerBound(times, g.toS);
  const count = Math.max(0, i1 - i0);
  if (count === 0) {
    return 0;
  }
  const spacing = (g.width - g.gutter) / count;
  if (spacing < 2 * g.dpr) {
    return count; // more beats than pixels: marks would only paint a bar
  }
  const letters = spacing >= 12 * g.dpr;
  ctx.save();
  ctx.font = `600 ${Math.round(12 * g.dpr)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const top = g.plotTop + 3 * g.dpr;
  const tick = Math.round(5 * g.dpr);
  const line = Math.max(1, Math.round(g.dpr));
  for (let i = i0; i < i1; i++) {
    const x = Math.round(xOf(g, times[i]));
    const type = beats.type[i];
    const colour = BEAT_COLOURS[type] || BEAT_COLOURS.Q;
    ctx.fillStyle = colour;
    if (letters) {
      ctx.fillText(type, x, top);
      ctx.fillRect(x, top + 14 * g.dpr, line, tick);
    } else {
      ctx.fillRect(x, top, line, tick * (type === 'N' ? 1 : 2));
    }
  }
  ctx.restore();
  return count;
}

const RULER_STEPS_S = [0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200];

/** Time labels along the top: steps chosen so that labels stay about 90 CSS px apart. */
export function drawRuler(ctx, g, format) {
  ctx.save();
  ctx.fillStyle = PAPER.rulerBackground;
  ctx.fillRect(0, 0, g.width, g.rulerHeight);
  const minGap = 90 * g.dpr;
  const step = RULER_STEPS_S.find((s) => s * g.pxPerS >= minGap) || RULER_STEPS_S[RULER_STEPS_S.length - 1];
  ctx.fillStyle = PAPER.ruler;
  ctx.font = `${Math.round(11 * g.dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const first = Math.ceil(g.fromS / step) * step;
  const line = Math.max(1, Math.round(g.dpr));
  for (let t = first; t <= g.toS; t += step) {
    const x = Math.round(xOf(g, t));
    ctx.fillRect(x, g.rulerHeight - 4 * g.dpr, line, 4 * g.dpr);
    ctx.fillText(format(t, step < 1 ? 1 : 0), x + 3 * g.dpr, g.rulerHeight / 2);
  }
  ctx.restore();
}

/** A message in the middle of the paper (no data, loading, failure). */
export function drawMessage(ctx, g, text) {
  ctx.save();
  ctx.font = `${Math.round(14 * g.dpr)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const width = ctx.measureText(text).width + 24 * g.dpr;
  const x = (g.gutter + g.width) / 2;
  const y = g.plotTop + (g.height - g.plotTop) / 2;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.fillRect(x - width / 2, y - 16 * g.dpr, width, 32 * g.dpr);
  ctx.fillStyle = '#3a1d22';
  ctx.fillText(text, x, y);
  ctx.restore();
}
