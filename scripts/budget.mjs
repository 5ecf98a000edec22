// Budgets for the release build in dist/, checked here rather than by timed tests: the
// lab's run and heat-map times, and the initial load (wasm + js + css +
// html, gzipped; lazily loaded worker and `*lazy*` module files excluded) and the first render in
// headless Chromium. Prints every figure and fails when one is over its budget.
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

// Issue 2 set 300 KB for the foundation (shell + market: 282 KB when it landed). Issue 4
// raised it to 350 KB when the story views joined the initial load (326.8 KB); it is back
// at 300 KB since their bodies moved to the lazily loaded story module (297 KB).
const SIZE_BUDGET = 300 * 1024;
const RENDER_BUDGET_MS = 1000;
// Issue 5: six policies x one seed on a default-size workload, and the GPU heat map.
const LAB_RUN_BUDGET_MS = 3000;
const HEAT_BUDGET_MS = 200;
const RUNS = 5;

const dist = process.env.YUNCE_DIST ?? "dist";
const files = (await readdir(dist)).filter(
  (f) => /\.(wasm|js|css|html)$/.test(f) && !f.includes("worker") && !f.includes("lazy") && f !== "404.html",
);
let total = 0;
for (const f of files.sort()) {
  const gz = gzipSync(await readFile(`${dist}/${f}`), { level: 9 }).length;
  total += gz;
  console.log(`  ${f.padEnd(44)} ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`initial load: ${(total / 1024).toFixed(1)} KB gzip (budget ${SIZE_BUDGET / 1024} KB)`);

const server = spawn("node", ["scripts/static-server.mjs", dist, "4174"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = [];
const labRuns = [];
const heatDraws = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("http://127.0.0.1:4174/");
    await page.locator("main h1").first().waitFor();
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("http://127.0.0.1:4174/lab");
    await page.getByTestId("run").click();
    await page.getByTestId("lab-summary").waitFor({ timeout: 30_000 });
    labRuns.push(Number(await page.getByTestId("elapsed").getAttribute("data-ms")));
    await page.getByTestId("tab-heat").click();
    await page.getByTestId("heat-ms").waitFor();
    heatDraws.push(Number(await page.getByTestId("heat-ms").getAttribute("data-ms")));
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first render (navigation start to first view heading, median of ${RUNS}): ${median.toFixed(0)} ms ` +
  `(all: ${times.map((t) => t.toFixed(0)).join(", ")}; budget ${RENDER_BUDGET_MS} ms)`);

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`lab, 6 policies x 1 seed (default workload, worker timer, median of 3): ${med(labRuns).toFixed(0)} ms ` +
  `(all: ${labRuns.join(", ")}; budget ${LAB_RUN_BUDGET_MS} ms)`);
console.log(`lab heat map, every GPU of 1,213 nodes (median of 3): ${med(heatDraws).toFixed(1)} ms ` +
  `(all: ${heatDraws.join(", ")}; budget ${HEAT_BUDGET_MS} ms)`);

let failed = false;
if (med(labRuns) > LAB_RUN_BUDGET_MS) { console.log("FAIL: lab run is over its time budget"); failed = true; }
if (med(heatDraws) > HEAT_BUDGET_MS) { console.log("FAIL: heat map is over its time budget"); failed = true; }
if (total > SIZE_BUDGET) { console.log("FAIL: initial load is over its size budget"); failed = true; }
if (median > RENDER_BUDGET_MS) { console.log("FAIL: first render is over its time budget"); failed = true; }
process.exit(failed ? 1 : 0);
