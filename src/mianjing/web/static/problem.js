// The problem page: CodeMirror editor, draft autosave, Run / Submit through the judge queue.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const host = document.getElementById("editor");
  const pid = host.dataset.problem;
  const words = MJ.words();
  const panel = document.getElementById("verdict");
  const draftState = document.getElementById("draft-state");
  let saveTimer = null;
  let busy = false;

  const editor = window.MianjingEditor.create(host, document.getElementById("code-initial").value, {
    onChange: () => {
      draftState.textContent = "…";
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveDraft, 800);
    },
    onSubmit: () => judge("submit"),
    onRun: () => judge("run"),
  });
  window.mjEditor = editor; // tests and the console can reach it
  // line heights were measured with the fallback font: measure again once the real ones are in
  if (document.fonts) document.fonts.ready.then(() => editor.view.requestMeasure());

  async function saveDraft() {
    const r = await MJ.api("PUT", `/api/drafts/${pid}`, { code: editor.get() });
    draftState.textContent = r.ok ? words.draft_saved : (r.doc.error || "draft not saved");
    draftState.classList.toggle("error", !r.ok);
  }

  function showState(state, position) {
    // the head of the queue is being judged: the worker takes it the moment it arrives
    if (state === "queued" && !position) state = "running";
    const label = state === "queued" ? `${words.queued} (${position} ${words.ahead})` : words.running;
    panel.innerHTML = `<div class="verdict-head pending" data-state="${state}"><span class="spinner"></span><span class="big">${label}</span></div>`;
  }

  function showError(message) {
    panel.innerHTML = "";
    const box = document.createElement("div");
    box.className = "verdict judge_error";
    box.textContent = message;
    panel.appendChild(box);
  }

  async function judge(mode) {
    if (busy) return;
    busy = true;
    document.body.classList.add("judging");
    clearTimeout(saveTimer);
    try {
      showState("queued");
      // one round trip when the judge is quick: the answer is the verdict panel itself; otherwise
      // 202 with the state to show, then a long-poll that returns when the verdict is in
      let res = await fetch(`/problems/${pid}/judge`, {
        method: "POST",
        headers: { "X-CSRF-Token": MJ.csrf(), "Content-Type": "application/json", "Accept": "text/html" },
        body: JSON.stringify({ code: editor.get(), mode }),
      });
      while (res.status === 202) {
        const job = await res.json();
        showState(job.state, job.position);
        res = await fetch(`/problems/${pid}/jobs/${job.job}?wait=5`, { headers: { "Accept": "text/html" } });
      }
      if (res.status !== 200) {
        let message = `HTTP ${res.status}`;
        try { message = (await res.json()).error || message; } catch (e) { /* not JSON */ }
        showError(message);
        return;
      }
      panel.innerHTML = await res.text();
      const job = {};
      const verdictHead = panel.querySelector("[data-verdict]");
      job.report = { verdict: verdictHead ? verdictHead.dataset.verdict : null };
      if (mode === "submit") {
        draftState.textContent = words.draft_saved;
        document.body.dispatchEvent(new Event("refresh-history"));
        const count = document.getElementById("history-count");
        if (count) count.textContent = String(Number(count.textContent) + 1);
        const status = document.getElementById("problem-status");
        const v = job.report && job.report.verdict;
        const solution = document.getElementById("solution");
        if (v === "accepted" && solution && !solution.querySelector(".solution")) {
          // solved: the worked solution opens (not recorded as a reveal: the problem is solved)
          const res = await fetch(`/problems/${pid}/solution`, { method: "POST", headers: { "X-CSRF-Token": MJ.csrf() } });
          if (res.ok) {
            solution.innerHTML = await res.text();
            const lock = document.querySelector("#solution-tab .lock");
            if (lock) lock.remove();
          }
        }
        if (status && v) {
          const now = v === "accepted" || status.classList.contains("solved") ? "solved" : "attempted";
          status.className = `status ${now}`;
          status.textContent = words[now];
        }
      }
    } catch (e) {
      showError(String(e));
    } finally {
      busy = false;
      document.body.classList.remove("judging");
    }
  }

  document.getElementById("run").addEventListener("click", () => judge("run"));
  document.getElementById("submit").addEventListener("click", () => judge("submit"));
  document.getElementById("reset-stub").addEventListener("click", () => {
    if (confirm(words.reset_confirm)) editor.set(document.getElementById("code-stub").value);
  });
});
