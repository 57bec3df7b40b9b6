// A mock round in the browser: the server plans, times and scores (web/mocking.py); this page shows
// one part at a time with its countdown, sends each answer, and opens the report at the end.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const plan = document.getElementById("plan");
  if (!plan) return;
  const W = MJ.words();
  const parts = [...plan.querySelectorAll(".mock-part")];
  const startBtn = document.getElementById("mock-start");
  const finishBtn = document.getElementById("mock-finish");
  const status = document.getElementById("mock-status");
  let roundId = null, current = -1, partStart = 0, ticker = null, busy = false;

  const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  function tick() {
    const part = parts[current];
    if (!part) return;
    const left = Number(part.dataset.minutes) * 60 - (Date.now() - partStart) / 1000;
    const clock = part.querySelector(".mock-clock");
    clock.hidden = false;
    clock.classList.toggle("over", left < 0);  // time over is shown and recorded, never stops the round
    clock.textContent = left >= 0 ? `${fmt(left)} ${W.time_left}` : `−${fmt(-left)} ${W.over_time}`;
  }
  function show(n) {
    parts.forEach((p, i) => {
      p.classList.toggle("active", i === n);
      p.classList.toggle("done", i < n);
      p.querySelectorAll(".mock-run, .mock-part-foot").forEach((el) => { el.hidden = i !== n; });
      if (i !== n) p.querySelector(".mock-clock").hidden = true;
    });
    current = n;
    partStart = Date.now();
    tick();
    parts[n].scrollIntoView({ block: "nearest" });
    const first = parts[n].querySelector("textarea:not([disabled])");
    if (first) first.focus();
  }
  function fail(msg) { status.textContent = msg; status.classList.add("error"); status.hidden = false; }

  async function send(li) {
    // one question's answer (or a coding question's latest submission); once only
    if (li.dataset.answered) return true;
    const key = li.dataset.key;
    const coding = li.dataset.kind === "problem";
    const body = coding ? { key } : { key, text: li.querySelector("textarea").value };
    const r = await MJ.api("POST", `/api/mock/${roundId}/${coding ? "coding" : "answer"}`, body);
    if (!r.ok) { fail(r.doc.error); return false; }
    li.dataset.answered = "1";
    li.classList.add("answered");
    const out = li.querySelector(".mock-result");
    if (coding) {
      const v = r.doc.verdict === "not_attempted" ? W.not_attempted : r.doc.verdict;
      out.textContent = `${v}${r.doc.total ? ` ${r.doc.passed}/${r.doc.total}` : ""}`;
      li.querySelector(".mock-coding-done").disabled = true;
    } else {
      out.textContent = `✓ ${W.answered} · ${W.key_points_covered} ${Math.round(r.doc.score * 100)}%`;
      li.querySelector("textarea").disabled = true;
      li.querySelector(".mock-submit").disabled = true;
    }
    return true;
  }
  async function finishPart(n) {
    // leaving a part answers what is left in it, as typed (an empty box is a skipped question)
    for (const li of parts[n].querySelectorAll(".mock-q")) {
      if (!(await send(li))) return false;
    }
    return true;
  }
  async function guarded(fn) {
    if (busy) return;
    busy = true;
    try { await fn(); } finally { busy = false; }
  }

  startBtn.addEventListener("click", () => guarded(async () => {
    const r = await MJ.api("POST", "/api/mock/start", { template: plan.dataset.template, seed: Number(plan.dataset.seed) });
    if (!r.ok) { fail(r.doc.error); return; }
    roundId = r.doc.round_id;
    plan.classList.add("running");
    startBtn.hidden = true;
    finishBtn.hidden = false;
    status.hidden = false;
    ticker = setInterval(tick, 1000);
    window.addEventListener("beforeunload", (e) => { if (roundId) e.preventDefault(); });
    show(0);
  }));
  plan.addEventListener("click", (e) => {
    const li = e.target.closest(".mock-q");
    if (e.target.closest(".mock-submit, .mock-coding-done") && li) guarded(() => send(li));
    if (e.target.closest(".mock-next")) {
      guarded(async () => { if (await finishPart(current)) show(current + 1); });
    }
  });
  finishBtn.addEventListener("click", () => guarded(async () => {
    if (!(await finishPart(current))) return;
    const r = await MJ.api("POST", `/api/mock/${roundId}/finish`);
    if (!r.ok) { fail(r.doc.error); return; }
    clearInterval(ticker);
    roundId = null;
    location.href = `/mock/reports/${r.doc.id}`;
  }));
});
