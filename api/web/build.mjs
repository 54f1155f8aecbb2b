// Bundles Cytoscape.js and the explorer's sources into dist/ (index.html, app.js, app.css): no CDN at run time.
// Run with `npm ci && npm run build` in api/web; dist/ is committed so the demo works without npm.
import { copyFile, mkdir } from "node:fs/promises";
import { build } from "esbuild";

const watch = process.argv.includes("--watch");

await mkdir("dist", { recursive: true });
await build({
  entryPoints: ["src/app.js"],
  bundle: true,
  minify: !watch,
  format: "iife",
  target: ["es2020"],
  outfile: "dist/app.js",
  legalComments: "eof", // keeps Cytoscape's MIT notice in the bundle
  logLevel: "info",
});
await copyFile("src/index.html", "dist/index.html");
await copyFile("src/app.css", "dist/app.css");
