// Budgets for the release build in dist/, measured in headless Chromium rather than by
// timed tests. Prints every figure and fails when one is over its budget:
// - first load of `/`: every file fetched until the network is idle, gzipped: 550 KB;
// - each worker (script + wasm, gzipped): 250 KB, and no worker in the first load;
// - first render (navigation start to the first view heading, median): 1 s;
// - switching views (click to the new heading, median over every view): 100 ms;
// - typing in a lab field: no main-thread task over 50 ms;
// - a lab run, from the click to its charts: longest main-thread task 50 ms (median of 3);
// - the six-policy lab comparison (worker timer, median of 3): 3 s;
// - the lab at x1 with six policies x ten seeds over the browser's workers (median of 5, each
//   run clicked once the page has settled): 3 s;
// - the lab at fleet size x10 (12,130 nodes) with six policies (once): 15 s;
// - the stability lab's worker (scripts/budget-stability.mjs);
// - the planner's solves and sweep in its worker (scripts/budget-plan.mjs);
// - the labs module (loaded when a lab opens, gzipped): 550 KB, and not in the first load.
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import os from "node:os";
import { measureStability } from "./budget-stability.mjs";
import { measurePlan } from "./budget-plan.mjs";
import { watchTasks, recordedTasks } from "./budget-tasks.mjs";
import { chromium } from "playwright-core";

const KB = 1024;
const FIRST_LOAD_BUDGET = 550 * KB;
const WORKER_BUDGET = 250 * KB;
const RENDER_BUDGET_MS = 1000;
const SWITCH_BUDGET_MS = 100;
const LONG_TASK_MS = 50;
const LAB_RUN_BUDGET_MS = 3000;
const LAB_SEEDS_BUDGET_MS = 3000;
const LAB_X10_BUDGET_MS = 15000;
const RUNS = 5;
const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}`;

const dist = process.env.YUNCE_DIST ?? "dist";
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1).padStart(7)} KB`;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

// Workers, as the build names them in index.html: NAME-HASH.js + NAME-HASH_bg.wasm.
const index = (await readFile(`${dist}/index.html`)).toString("utf8");
const workers = [...index.matchAll(/<meta name="yunce-worker-[a-z_]+" content="\/([^"]+)"/g)].map((m) => m[1]);
check(workers.length > 0, "index.html names no worker");
const workerFiles = new Set();
// The labs module is fetched on demand, like a worker: never in the first load.
const lazy = [...index.matchAll(/<meta name="yunce-module-[a-z_]+" content="\/([^"]+)"/g)].map((m) => m[1]);
check(lazy.length > 0, "index.html names no lazily loaded module");
const bundles = [
  ...lazy.map((js) => ["module", js, FIRST_LOAD_BUDGET, ", loaded when a lab opens"]),
  ...workers.map((js) => ["worker", js, WORKER_BUDGET, ""]),
];
for (const [kind, js, budget, when] of bundles) {
  const wasm = js.replace(".js", "_bg.wasm");
  const size = gz(await readFile(`${dist}/${js}`)) + gz(await readFile(`${dist}/${wasm}`));
  workerFiles.add(js).add(wasm);
  console.log(`${kind} ${js.padEnd(40)} ${kb(size)} gzip (script + wasm${when}; budget ${budget / KB} KB)`);
  check(size <= budget, `${kind} ${js} is over its size budget`);
}

const server = spawn("node", ["scripts/static-server.mjs", dist, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const renders = [];
const switches = [];
const perView = [];
const longTasks = [];
const labRuns = [];
const runTasks = [];
const fleetRuns = { seeds: [], x10: [] };
// The engines' timings are taken without the service worker: on a first visit it downloads
// every file for offline use in the background, which is not what a run costs.
const LAB_CONTEXT = { serviceWorkers: "block" };
let stability = { lines: [], failures: [], open: [] };
let plan = { lines: [], failures: [] };
try {
  // First load: what the browser fetched, gzipped as a host would serve it.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    page.on("response", async (r) => fetched.push(r));
    await page.goto(`${BASE}/`, { waitUntil: "networkidle" });
    let total = 0;
    for (const r of fetched) {
      const url = new URL(r.url());
      if (url.protocol === "data:") continue;
      const size = gz(await r.body());
      total += size;
      const name = url.pathname === "/" ? "/ (index.html)" : url.pathname;
      console.log(`  ${name.padEnd(44)} ${kb(size)} gzip`);
      check(!workerFiles.has(url.pathname.slice(1)), `a worker or lab module (${url.pathname}) is in the first load`);
    }
    console.log(`first load of /: ${kb(total)} gzip, ${fetched.length} files (budget ${FIRST_LOAD_BUDGET / KB} KB)`);
    check(total <= FIRST_LOAD_BUDGET, "first load is over its size budget");
    await context.close();
  }
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await page.locator("main h1").first().waitFor();
    renders.push(await page.evaluate(() => performance.now()));
    if (i === 0) {
      // Switching views: click each nav link, wait for its heading, in the page's clock. The
      // page is first left to settle: after the first visit the service worker downloads
      // every file for offline use, and that one-off work is not what switching costs.
      await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout: 60_000 });
      const count = await page.locator("nav.views a").count();
      // Each click opens another view: 1, 2, ..., count - 1, 0, three rounds.
      for (let round = 0; round < 3; round++) {
        for (let step = 1; step <= count; step++) {
          const v = step % count;
          const ms = await page.evaluate(async (index) => {
            const link = document.querySelectorAll("nav.views a")[index];
            const before = document.querySelector("main h1");
            const beforeText = before?.textContent;
            const t0 = performance.now();
            link.click();
            for (;;) {
              const h1 = document.querySelector("main h1");
              const waited = performance.now() - t0;
              const changed = h1 && h1.textContent && (h1 !== before || h1.textContent !== beforeText);
              if (changed || waited > 5000) return waited;
              await new Promise((r) => setTimeout(r, 0));
            }
          }, v);
          switches.push(ms);
          (perView[v] ??= []).push(ms);
        }
      }
    }
    await context.close();
  }
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...LAB_CONTEXT });
    const page = await context.newPage();
    await page.goto(`${BASE}/lab`);
    await page.getByTestId("run").waitFor();
    if (i === 0) {
      // Typing in a lab field: long tasks seen by the page while it happens.
      await watchTasks(page);
      const field = page.locator(".lab input[type='number']").first();
      await field.click();
      await field.press("End");
      await page.keyboard.type("5");
      await page.keyboard.press("Backspace");
      await field.press("Tab");
      await page.keyboard.type("1");
      await page.waitForTimeout(300);
      longTasks.push(...(await recordedTasks(page)));
      await page.goto(`${BASE}/lab`);
      await page.getByTestId("run").waitFor();
    }
    await watchTasks(page);
    await page.getByTestId("run").click();
    await page.getByTestId("lab-summary").waitFor({ timeout: 30_000 });
    await page.locator("[data-testid=unallocated] rect.bar").first().waitFor();
    labRuns.push(Number(await page.getByTestId("elapsed").getAttribute("data-ms")));
    runTasks.push(Math.max(0, ...(await recordedTasks(page))));
    await context.close();
  }
  // Ten seeds at x1 (five runs), and six policies at x10 (once; confirmed if the lab asks).
  const seeds = ["?s=42..51", fleetRuns.seeds];
  const fleetCases = [seeds, seeds, seeds, seeds, seeds, ["?x=10", fleetRuns.x10]];
  for (const [query, out] of fleetCases) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...LAB_CONTEXT });
    const page = await context.newPage();
    // Run once the page has settled, as a reader would: a click in the same instant as the
    // page load times the page's start-up as well as the engines.
    await page.goto(`${BASE}/lab${query}`, { waitUntil: "networkidle" });
    await page.getByTestId("run").waitFor();
    await page.waitForTimeout(300);
    await page.getByTestId("run").click();
    const confirm = page.getByTestId("confirm-run");
    const summary = page.getByTestId("lab-summary");
    await Promise.race([confirm.waitFor({ timeout: 120_000 }), summary.waitFor({ timeout: 120_000 })]);
    if (await confirm.isVisible()) await confirm.click();
    await summary.waitFor({ timeout: 120_000 });
    out.push(Number(await page.getByTestId("elapsed").getAttribute("data-ms")));
    await context.close();
  }
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...LAB_CONTEXT });
    stability = await measureStability(await context.newPage(), BASE);
    await context.close();
  }
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...LAB_CONTEXT });
    plan = await measurePlan(await context.newPage(), BASE);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`first render (navigation start to first view heading, median of ${RUNS}): ${med(renders).toFixed(0)} ms ` +
  `(all: ${renders.map((t) => t.toFixed(0)).join(", ")}; budget ${RENDER_BUDGET_MS} ms)`);
check(med(renders) <= RENDER_BUDGET_MS, "first render is over its time budget");
console.log(`view switch (click to new heading, median of ${switches.length}): ${med(switches).toFixed(1)} ms ` +
  `(max ${Math.max(...switches).toFixed(1)}; budget ${SWITCH_BUDGET_MS} ms)`);
console.log(`  per view (median): ${perView.map((xs, i) => `#${i} ${med(xs).toFixed(0)} ms`).join(", ")}`);
check(med(switches) <= SWITCH_BUDGET_MS, "switching views is over its time budget");
console.log(`typing in a lab field: ${longTasks.length} main-thread task(s) over ${LONG_TASK_MS} ms` +
  (longTasks.length ? ` (${longTasks.map((d) => d.toFixed(0)).join(", ")} ms)` : ""));
check(longTasks.length === 0, "typing in a lab field caused a long task");
console.log(`lab, 6 policies x 1 seed (default workload, worker timer, median of 3): ${med(labRuns).toFixed(0)} ms ` +
  `(all: ${labRuns.join(", ")}; budget ${LAB_RUN_BUDGET_MS} ms)`);
check(med(labRuns) <= LAB_RUN_BUDGET_MS, "lab run is over its time budget");
console.log(`lab run, click to charts: longest main-thread task ${med(runTasks).toFixed(0)} ms (median of 3; ` +
  `all: ${runTasks.map((d) => d.toFixed(0)).join(", ")}; 0 = none over ${LONG_TASK_MS} ms; budget ${LONG_TASK_MS} ms)`);
check(med(runTasks) <= LONG_TASK_MS, "a lab run's longest main-thread task is over its budget");
const cores = os.availableParallelism();
console.log(`lab, x1, 6 policies x 10 seeds (default workload, worker timer, ${cores} cores, median of ${fleetRuns.seeds.length}): ${med(fleetRuns.seeds)} ms ` +
  `(all: ${fleetRuns.seeds.join(", ")}; budget ${LAB_SEEDS_BUDGET_MS} ms)`);
check(med(fleetRuns.seeds) <= LAB_SEEDS_BUDGET_MS, "lab 6x10 run is over its time budget");
console.log(`lab, x10 fleet (12,130 nodes), 6 policies x 1 seed (worker timer): ${fleetRuns.x10[0]} ms ` +
  `(budget ${LAB_X10_BUDGET_MS} ms)`);
check(fleetRuns.x10[0] <= LAB_X10_BUDGET_MS, "lab x10 run is over its time budget");
for (const line of stability.lines) console.log(line);
failures.push(...stability.failures);
for (const line of plan.lines) console.log(line);
failures.push(...plan.failures);
// Targets of open issues are measured and printed every run, but only a met target fails
// the build when it regresses; an unmet one is listed until its issue closes.
for (const f of stability.open) console.log(`NOT YET MET (open issue): ${f}`);
for (const f of failures) console.log(`FAIL: ${f}`);
process.exit(failures.length ? 1 : 0);
