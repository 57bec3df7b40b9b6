// The review session: type an answer, reveal (key points ticked), rate 1-4 with buttons or keys.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("review-box");
  const words = MJ.words();
  let started = performance.now();
  let revealed = false;
  let saving = false;

  const card = () => box.querySelector(".review-card");

  async function reveal() {
    const c = card();
    if (!c || revealed) return;
    revealed = true;
    const res = await fetch(`/review/${c.dataset.card}/reveal`, {
      method: "POST",
      headers: { "X-CSRF-Token": MJ.csrf(), "Content-Type": "application/json" },
      body: JSON.stringify({ answer: document.getElementById("answer").value }),
    });
    document.getElementById("answer-side").innerHTML = await res.text();
    document.getElementById("reveal").hidden = true;
    c.querySelectorAll(".ratings button").forEach((b) => b.addEventListener("click", () => rate(Number(b.dataset.rating))));
    document.activeElement.blur();
  }

  async function rate(rating) {
    const c = card();
    if (!c || !revealed || saving) return;
    saving = true;
    const r = await MJ.api("POST", `/api/review/${c.dataset.card}`, {
      rating, answer: document.getElementById("answer").value, duration_ms: Math.round(performance.now() - started),
    });
    if (!r.ok) { saving = false; alert(r.doc.error); return; }
    const note = document.createElement("p");
    note.className = "saved-note";
    note.dataset.card = r.doc.card;
    note.dataset.due = r.doc.due;
    note.textContent = `${r.doc.card}: ${r.doc.rating_name} · ${words.saved_next} ${new Date(r.doc.due).toLocaleString()}`;
    const topic = box.dataset.topic;
    box.innerHTML = await MJ.html(`/review/next${topic ? `?topic=${encodeURIComponent(topic)}` : ""}`);
    box.parentElement.insertBefore(note, box); // after the next card is in: the note marks the step done
    revealed = false;
    saving = false;
    started = performance.now();
    const a = document.getElementById("answer");
    if (a) a.focus();
  }

  const topicSelect = document.getElementById("review-topic");
  topicSelect.addEventListener("change", () => topicSelect.form.submit());
  box.addEventListener("click", (e) => { if (e.target.closest("#reveal")) reveal(); });
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") { e.preventDefault(); reveal(); return; }
    if (revealed && !e.ctrlKey && !e.metaKey && !e.altKey && ["1", "2", "3", "4"].includes(e.key)
        && document.activeElement.tagName !== "TEXTAREA") {
      e.preventDefault();
      rate(Number(e.key));
    }
  });
});
