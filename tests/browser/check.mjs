// Checks the generated diagrams and the HTML viewer with the real tools:
//   - Mermaid text with the official `mermaid` parser (and renderer), inside headless Chromium;
//   - DBML with @dbml/core (the parser behind dbdiagram.io);
//   - DOT with Graphviz `dot`;
//   - the viewer in headless Chromium: no console errors, no network requests, every table of
//     the example in the SVG, a click highlights exactly the right neighbours, search works;
//     and load/render time of a generated 300-table schema.
// Usage: node check.mjs <example db dir> <fixtures dir written by the viewer test>
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { Parser as DbmlParser } from "@dbml/core";

const require = createRequire(import.meta.url);
const [exampleDir, fixturesDir] = process.argv.slice(2).map((p) => resolve(p));
let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name} ${detail}`);
  }
}
async function attempt(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, String(e && e.stack ? e.stack : e).slice(0, 2000));
  }
}
const files = (ext) => [
  join(exampleDir, `schema.${ext}`),
  ...readdirSync(fixturesDir).filter((f) => f.endsWith(`.${ext}`)).map((f) => join(fixturesDir, f)),
];

// DBML: parse every file; keep the example's tables and references as the independent truth.
let exampleTables = [];
let exampleRefs = [];
for (const file of files("dbml")) {
  await attempt(`dbml parses ${file}`, async () => {
    const db = DbmlParser.parse(readFileSync(file, "utf8"), "dbml");
    const tables = db.schemas.flatMap((s) => s.tables);
    if (file.startsWith(exampleDir)) {
      exampleTables = tables.map((t) => t.name);
      exampleRefs = db.schemas.flatMap((s) => s.refs).map((r) => r.endpoints.map((e) => e.tableName));
    }
    check(`dbml parses ${file} (${tables.length} tables)`, tables.length > 0);
  });
}

// DOT: Graphviz must accept every file.
for (const file of files("dot")) {
  await attempt(`dot accepts ${file}`, async () => {
    const svg = execFileSync("dot", ["-Tsvg", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    check(`dot accepts ${file}`, svg.includes("<svg"));
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
  await context.route("**/*", (route) =>
    route.request().url().startsWith("file:") ? route.continue() : route.abort());
  const started = Date.now();
  await page.goto(url, { waitUntil: "load" });
  // Two frames after load: layout and paint of the SVG are done.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wall = Date.now() - started;
  return { page, context, problems, requests, wall };
}

// Mermaid: the official parser, in a real browser (it needs a DOM).
await attempt("mermaid", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mermaid-"));
  const blank = join(dir, "blank.html");
  writeFileSync(blank, "<!DOCTYPE html><html><body></body></html>");
  const { page, context, problems } = await openPage(pathToFileURL(blank).href);
  await page.addScriptTag({ path: require.resolve("mermaid/dist/mermaid.min.js") });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, maxTextSize: 10000000, maxEdges: 100000 }));
  for (const file of files("mmd")) {
    const text = readFileSync(file, "utf8");
    const result = await page.evaluate(async (t) => {
      try {
        await window.mermaid.parse(t);
        const { svg } = await window.mermaid.render("d" + Math.random().toString(36).slice(2), t);
        return { ok: true, entities: (svg.match(/class="[^"]*\bentityBox\b/g) || []).length, size: svg.length };
      } catch (e) {
        return { ok: false, error: String(e && e.message ? e.message : e) };
      }
    }, text);
    check(`mermaid parses and renders ${file}`, result.ok, result.error || "");
  }
  check("mermaid page has no errors", problems.length === 0, problems.join("\n"));
  await context.close();
});

// The viewer on the example.
await attempt("viewer example", async () => {
  const url = pathToFileURL(join(exampleDir, "schema.html")).href;
  const { page, context, problems, requests } = await openPage(url);
  const inSvg = await page.$$eval("#diagram g.table", (gs) => gs.map((g) => g.getAttribute("data-table")));
  check("viewer: every table of the example is in the SVG",
    exampleTables.length > 0 && exampleTables.every((t) => inSvg.includes(t)) && inSvg.length === exampleTables.length,
    `svg=${inSvg} dbml=${exampleTables}`);
  const visible = await page.$$eval("#diagram g.table", (gs) => gs.filter((g) => {
    const r = g.getBoundingClientRect(); return r.width > 0 && r.height > 0;
  }).length);
  check("viewer: every table box is rendered with a size", visible === inSvg.length);
  for (const table of exampleTables) {
    const expected = [...new Set(exampleRefs
      .filter((ends) => ends.includes(table))
      .flatMap((ends) => ends)
      .filter((t) => t !== table))].sort();
    await page.click(`#diagram g.table[data-table="${table}"] text.name`);
    const selected = await page.$$eval("#diagram g.table.sel", (gs) => gs.map((g) => g.getAttribute("data-table")));
    const neighbours = (await page.$$eval("#diagram g.table.nb", (gs) => gs.map((g) => g.getAttribute("data-table")))).sort();
    check(`viewer: click on ${table} highlights it and its neighbours [${expected}]`,
      selected.length === 1 && selected[0] === table && JSON.stringify(neighbours) === JSON.stringify(expected),
      `selected=${selected} neighbours=${neighbours}`);
  }
  await page.click('#diagram g.table[data-table="invoices"] text.name');
  const panel = await page.textContent("#panel");
  check("viewer: the panel shows the table's columns with each engine's type",
    panel.includes("invoices") && panel.includes("BINARY(16)") && panel.includes("timestamptz") && panel.includes("Foreign keys"));
  await page.fill("#search", "tax_rate");
  const hits = await page.$$eval("#diagram g.table.hit", (gs) => gs.map((g) => g.getAttribute("data-table")).sort());
  check("viewer: search finds tables by table and column name",
    JSON.stringify(hits) === JSON.stringify(["invoice_lines", "tax_rates"]), `hits=${hits}`);
  const before = await page.getAttribute("#viewport", "transform");
  await page.mouse.move(300, 300);
  await page.mouse.wheel(0, -300);
  await page.mouse.down(); await page.mouse.move(400, 380, { steps: 4 }); await page.mouse.up();
  check("viewer: wheel zoom and drag pan change the view", (await page.getAttribute("#viewport", "transform")) !== before);
  check("viewer: no console errors", problems.length === 0, problems.join("\n"));
  check("viewer: no network requests", requests.length === 0, requests.join("\n"));
  await context.close();
});

// Hostile names: the page still works and no injected script runs.
await attempt("viewer hostile", async () => {
  const { page, context, problems, requests } = await openPage(pathToFileURL(join(fixturesDir, "hostile.html")).href);
  const count = await page.$$eval("#diagram g.table", (gs) => gs.length);
  await page.click("#diagram g.table >> nth=0");
  check("viewer (hostile names): renders, clicks, no script injected, no errors",
    count === 2 && problems.length === 0 && requests.length === 0, problems.join("\n"));
  await context.close();
});

// 300 tables: load and render time.
await attempt("viewer 300 tables", async () => {
  const file = join(fixturesDir, "synthetic_300.html");
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const { page, context, problems, requests, wall } = await openPage(pathToFileURL(file).href);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null };
    });
    const tables = await page.$$eval("#diagram g.table", (gs) => gs.length);
    const click = await page.evaluate(() => {
      const t0 = performance.now();
      window.schemaViewer.select("table_150");
      return new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
    });
    const search = await page.evaluate(() => {
      const t0 = performance.now();
      window.schemaViewer.search("ref1");
      return new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
    });
    runs.push({ wall, ...timing, click, search, tables, problems: problems.length, requests: requests.length });
    await context.close();
  }
  const bytes = readFileSync(file).length;
  const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
  console.log(`300 tables (${(bytes / 1024).toFixed(0)} KiB): load event ${median("load").toFixed(0)} ms, ` +
    `first contentful paint ${median("fcp").toFixed(0)} ms, goto-to-painted ${median("wall")} ms, ` +
    `select ${median("click").toFixed(0)} ms, search ${median("search").toFixed(0)} ms (median of 3)`);
  check("viewer 300 tables: all present, no errors, no requests",
    runs.every((r) => r.tables === 300 && r.problems === 0 && r.requests === 0));
});

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
