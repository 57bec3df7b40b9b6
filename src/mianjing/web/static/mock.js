// A mock round in the browser: the server plans, times and scores (web/mocking.py); this page shows
// one part at a time with its countdown, sends each answer, and opens the report at the end. The
// round's id and the current part are kept in sessionStorage, so a reload of this tab picks it up.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const plan = document.getElementById("plan");
  if (!plan) return;
  const W = MJ.words();
  const KEY = "mianjing-mock-round";
  const parts = [...plan.querySelectorAll(".mock-part")];
  const startBtn = document.getElementById("mock-start");
  const finishBtn = document.getElementById("mock-finish");
  const status = document.getElementById("mock-status");
  let roundId = null, current = -1, partStart = 0, ticker = null, busy = false;

  const fmt = (s) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  const save = () => sessionStorage.setItem(KEY, JSON.stringify(
    { roundId, template: plan.dataset.template, seed: plan.dataset.seed, current, partStart }));
  function tick() {
    const part = parts[current];
    if (!part) return;
    const left = Number(part.dataset.minutes) * 60 - (Date.now() - partStart) / 1000;
    const clock = part.querySelector(".mock-clock");
    clock.hidden = false;
    clock.classList.toggle("over", left < 0);  // time over is shown and recorded, never stops the round
    clock.textContent = left >= 0 ? `${fmt(left)} ${W.time_left}` : `−${fmt(-left)} ${W.over_time}`;
  }
  function show(n, since) {
    parts.forEach((p, i) => {
      p.classList.toggle("active", i === n);
      p.classList.toggle("done", i < n);
      p.querySelectorAll(".mock-run, .mock-part-foot").forEach((el) => { el.hidden = i !== n; });
      if (i !== n) p.querySelector(".mock-clock").hidden = true;
    });
    current = n;
    partStart = since || Date.now();
    save();
    tick();
    parts[n].scrollIntoView({ block: "nearest" });
    const first = parts[n].querySelector("textarea:not([disabled])");
    if (first) first.focus();
  }
  function running(id) {
    roundId = id;
    plan.classList.add("running");
    startBtn.hidden = true;
    finishBtn.hidden = false;
    status.hidden = false;
    ticker = setInterval(tick, 1000);
  }
  function fail(msg) { status.textContent = msg; status.classList.add("error"); status.hidden = false; }
  function mark(li, item) {
    li.dataset.answered = "1";
    li.classList.add("answered");
    const out = li.querySelector(".mock-result");
    if (li.dataset.kind === "problem") {
      const v = item.verdict === "not_attempted" ? W.not_attempted : item.verdict;
      out.textContent = `${v}${item.total ? ` ${item.passed}/${item.total}` : ""}`;
      li.querySelector(".mock-coding-done").disabled = true;
    } else {
      out.textContent = `✓ ${W.answered} · ${W.key_points_covered} ${Math.round(item.score * 100)}%`;
      const box = li.querySelector("textarea");
      box.value = item.answer || "";
      box.disabled = true;
      li.querySelector(".mock-submit").disabled = true;
    }
  }

  async function send(li) {
    // one question's answer (or a coding question's latest submission); once only
    if (li.dataset.answered) return true;
    const key = li.dataset.key;
    const coding = li.dataset.kind === "problem";
    const body = coding ? { key } : { key, text: li.querySelector("textarea").value };
    const r = await MJ.api("POST", `/api/mock/${roundId}/${coding ? "coding" : "answer"}`, body);
    if (!r.ok) { fail(r.doc.error); return false; }
    mark(li, r.doc);
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
    running(r.doc.round_id);
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
    sessionStorage.removeItem(KEY);
    location.href = `/mock/reports/${r.doc.id}`;
  }));

  // a reload of this tab: the same round, if the server still has it
  (async () => {
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { saved = null; }
    if (!saved || saved.template !== plan.dataset.template || saved.seed !== plan.dataset.seed) return;
    const r = await MJ.api("GET", `/api/mock/${saved.roundId}`);
    if (!r.ok) { sessionStorage.removeItem(KEY); return; }
    running(saved.roundId);
    plan.querySelectorAll(".mock-q").forEach((li) => {
      const item = r.doc.items[li.dataset.key];
      if (item) mark(li, item);
    });
    show(Math.max(0, Math.min(saved.current, parts.length - 1)), saved.partStart);
  })();
});
