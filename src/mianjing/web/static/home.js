// Home: the review forecast chart and the interview date.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const el = document.getElementById("forecast-chart");
  const doc = JSON.parse(document.getElementById("forecast-data").textContent);
  const labels = doc.dates.map((d) => d.slice(5));
  Charts.bars(el, labels, [{ label: "due", values: doc.due }], { height: 200, xLabel: "day" });
  document.getElementById("interview-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = e.target.elements.interview_date.value || null;
    const r = await MJ.api("POST", "/api/settings", { interview_date: value });
    if (r.ok) location.reload(); else alert(r.doc.error);
  });
});
