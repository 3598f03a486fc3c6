// uPlot, served by the binary from its WebJar, and the options the page's charts share.

import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

export { uPlot };

export const AXIS = {
  stroke: '#3b444c',
  grid: { stroke: 'rgba(59, 68, 76, 0.12)', width: 1 },
  ticks: { stroke: 'rgba(59, 68, 76, 0.25)', width: 1 },
  font: '12px system-ui, sans-serif',
};

/** A uPlot that follows its container's width; returns {plot, destroy}. */
export function responsivePlot(container, options, data, height) {
  const width = Math.max(200, container.clientWidth || 600);
  const plot = new uPlot({ ...options, width, height }, data, container);
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const next = Math.max(200, container.clientWidth);
      if (next !== plot.width) {
        plot.setSize({ width: next, height });
      }
    });
  });
  observer.observe(container);
  return {
    plot,
    destroy() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      plot.destroy();
    },
  };
}
