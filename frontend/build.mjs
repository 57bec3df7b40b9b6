// Builds src/mianjing/web/static/vendor/: the CodeMirror bundle (esbuild) and the dist files of
// htmx and uPlot. The output is committed, so users never need Node. Run: npm install && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "mianjing", "web", "static", "vendor");
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "editor.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "codemirror.js"),
  legalComments: "eof",
});

const copies = [
  ["node_modules/htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["node_modules/uplot/dist/uPlot.iife.min.js", "uPlot.iife.min.js"],
  ["node_modules/uplot/dist/uPlot.min.css", "uPlot.min.css"],
];
for (const [from, to] of copies) copyFileSync(join(here, from), join(out, to));
console.log(`built ${out}`);
