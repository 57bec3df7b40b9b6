// Shared by every page: the CSRF header for our own requests, the language switch, tabs.
"use strict";
const MJ = (() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
  const words = () => JSON.parse(document.getElementById("words").textContent);
  async function api(method, url, body) {
    const opts = { method, headers: { "X-CSRF-Token": csrf(), "Accept": "application/json" } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    const res = await fetch(url, opts);
    let doc = null;
    try { doc = await res.json(); } catch (e) { doc = { error: `HTTP ${res.status}` }; }
    return { ok: res.ok, status: res.status, doc };
  }
  async function html(url) {
    const res = await fetch(url, { headers: { "Accept": "text/html" } });
    return res.text();
  }
  return { csrf, words, api, html };
})();

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".lang-switch button").forEach((b) => {
    b.addEventListener("click", async () => {
      const r = await MJ.api("POST", "/api/settings", { lang: b.dataset.lang });
      if (r.ok) location.reload();
    });
  });
  document.querySelectorAll(".tabs").forEach((tabs) => {
    const scope = tabs.parentElement;
    tabs.querySelectorAll(".tab").forEach((tab) => {
      tab.addEventListener("click", () => {
        if (tab.disabled) return;
        tabs.querySelectorAll(".tab").forEach((x) => x.classList.toggle("on", x === tab));
        scope.querySelectorAll("[data-tab-body]").forEach((body) =>
          body.classList.toggle("on", body.dataset.tabBody === tab.dataset.tab));
      });
    });
  });
});
