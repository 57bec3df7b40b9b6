// Chart helpers over uPlot: bars, stacked bars (cumulative series drawn front to back), lines.
"use strict";
const Charts = (() => {
  const palette = ["#c2410c", "#1f5fbf", "#15803d", "#a16207", "#6d28d9", "#0f766e", "#be123c"];
  const ink = () => getComputedStyle(document.body).color;
  const grid = () => getComputedStyle(document.documentElement).getPropertyValue("--line").trim() || "#ddd";

  function width(el) { return Math.max(280, el.clientWidth - 4); }

  function axes(xLabels, yFormat) {
    // one tick per category (thinned when crowded), labelled by name
    const step = Math.max(1, Math.ceil(xLabels.length / 16));
    return [
      { stroke: ink, grid: { show: false }, ticks: { stroke: grid },
        splits: () => xLabels.map((_, i) => i).filter((i) => i % step === 0),
        values: (u, splits) => splits.map((i) => xLabels[i] ?? "") },
      { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 84,
        values: yFormat ? (u, splits) => splits.map(yFormat) : undefined },
    ];
  }

  // series: [{label, values}], categorical x (labels); stacked when stack=true
  function bars(el, labels, series, { stack = false, height = 260, yFormat = null, colors = palette, xLabel = "" } = {}) {
    el.innerHTML = "";
    const xs = labels.map((_, i) => i);
    let ys = series.map((s) => s.values.slice());
    if (stack) {
      for (let k = 1; k < ys.length; k++) ys[k] = ys[k].map((v, i) => v + ys[k - 1][i]);
    }
    const bar = uPlot.paths.bars({ size: [0.6, 64], align: 0 });
    const order = stack ? ys.map((_, k) => ys.length - 1 - k) : ys.map((_, k) => k); // tallest first
    const opts = {
      width: width(el), height,
      scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (u, min, max) => [0, max * 1.08 || 1] } },
      axes: axes(labels, yFormat),
      legend: { show: series.length > 1 },
      cursor: { drag: { x: false, y: false } },
      series: [{ label: xLabel || " ", value: (u, v) => (v == null ? "" : labels[v] ?? "") }].concat(order.map((k) => ({
        label: series[k].label, fill: colors[k % colors.length], stroke: colors[k % colors.length], width: 0,
        paths: bar, points: { show: false },
        value: (u, v, si, i) => (i == null ? "" : (yFormat || String)(series[k].values[i])),
      }))),
    };
    return new uPlot(opts, [xs].concat(order.map((k) => ys[k])), el);
  }

  // numeric x (e.g. sequence length), one line per series
  function lines(el, xs, series, { height = 280, xFormat = null, yFormat = null, log = false, xLabel = "" } = {}) {
    el.innerHTML = "";
    const opts = {
      width: width(el), height,
      scales: log ? { x: { time: false, distr: 3, log: 2 }, y: { distr: 3, log: 10 } }
                  : { x: { time: false }, y: { range: (u, min, max) => [0, max * 1.05 || 1] } },
      legend: { live: true },
      axes: [
        { stroke: ink, grid: { stroke: grid, width: 1 }, values: xFormat ? (u, s) => s.map(xFormat) : undefined },
        { stroke: ink, grid: { stroke: grid, width: 1 }, size: 84, values: yFormat ? (u, s) => s.map(yFormat) : undefined },
      ],
      series: [{ label: xLabel, value: (u, v) => (v == null ? "" : (xFormat || String)(v)) }].concat(series.map((s, k) => ({
        label: s.label, stroke: palette[k % palette.length], width: 2, dash: s.dash, points: { show: false },
        value: (u, v) => (v == null ? "" : (yFormat || String)(v)),
      }))),
    };
    return new uPlot(opts, [xs].concat(series.map((s) => s.values)), el);
  }

  function bytes(v) {
    if (v == null) return "";
    const u = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let i = 0;
    while (Math.abs(v) >= 1024 && i < u.length - 1) { v /= 1024; i++; }
    return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${u[i]}`;
  }
  function tokens(v) {
    if (v == null) return "";
    return v >= 1024 ? `${(v / 1024).toFixed(0)}K` : String(v);
  }
  return { bars, lines, bytes, tokens };
})();
