// Calculators: draw the chart the server prepared (stacked bars, bars or lines).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // only the fields given go into the URL (it is the calculator's state, and shareable)
  const form = document.getElementById("calc-form");
  form.addEventListener("submit", () => {
    form.querySelectorAll("input, select").forEach((f) => { if (!f.value || (f.type === "checkbox" && !f.checked)) f.disabled = true; });
  });
  window.addEventListener("pageshow", () => form.querySelectorAll("[disabled]").forEach((f) => { f.disabled = false; }));
  const el = document.getElementById("calc-chart");
  if (!el) return;
  const spec = JSON.parse(document.getElementById("chart-data").textContent);
  const fmt = spec.unit === "bytes" ? Charts.bytes : (v) => v == null ? "" : (v >= 1e9 ? `${(v / 1e9).toFixed(2)}B` : v >= 1e6 ? `${(v / 1e6).toFixed(1)}M` : String(v));
  const draw = () => {
    if (spec.type === "lines") {
      Charts.lines(el, spec.x, spec.series, { yFormat: fmt, xFormat: Charts.tokens, log: spec.log, xLabel: spec.x_label || "" });
    } else {
      Charts.bars(el, spec.labels, spec.series, { stack: spec.type === "stacked", yFormat: fmt, xLabel: spec.x_label || "" });
    }
  };
  draw();
  let timer = null;
  window.addEventListener("resize", () => { clearTimeout(timer); timer = setTimeout(draw, 150); });
});
