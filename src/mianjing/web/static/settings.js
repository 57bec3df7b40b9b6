// Settings: interview date, starting the judge service, importing an export file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("interview-form");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const r = await MJ.api("POST", "/api/settings", { interview_date: form.elements.interview_date.value || null });
    if (r.ok) location.reload(); else alert(r.doc.error);
  });
  const start = document.getElementById("start-service");
  if (start) start.addEventListener("click", async () => {
    start.disabled = true;
    start.textContent = "…";
    const r = await MJ.api("POST", "/api/service/start");
    if (r.ok) location.reload(); else { alert(r.doc.error); start.disabled = false; }
  });
  const file = document.getElementById("import-file");
  file.addEventListener("change", async () => {
    const out = document.getElementById("import-result");
    if (!file.files.length) return;
    const text = await file.files[0].text();
    const res = await fetch("/api/import", {
      method: "POST", body: text,
      headers: { "X-CSRF-Token": MJ.csrf(), "Content-Type": "application/json" },
    });
    const doc = await res.json();
    out.textContent = res.ok ? `imported: ${Object.entries(doc.imported).map(([k, v]) => `${k} ${v}`).join(", ")}` : doc.error;
    out.classList.toggle("error", !res.ok);
  });
});
