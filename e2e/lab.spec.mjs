// The scheduler lab: runs in a worker with progress and cancel, stays responsive, imports
// the real Alibaba trace, gives the CLI's exact answers, keeps results on a bad file, and
// shares its config by URL.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test, expect, ready, watchLongTasks, longTasks, appears, FREEZE_MS } from "./fixtures.mjs";

const TRACE = path.resolve("..", "shared", "data", "alibaba-gpu-v2023");
const NODES = path.join(TRACE, "openb_node_list_gpu_node.csv");
const PODS = path.join(TRACE, "openb_pod_list_default.csv");

async function openLab(page, query = "") {
  await page.goto(`/lab${query}`);
  await ready(page);
  await expect(page.locator("main h1")).toHaveText(/Scheduler lab/);
  await expect(page.getByTestId("run")).toBeVisible();
}

/** The test id of the focused element, or its tag name when it has none. */
async function focused(page) {
  return page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
}

/** Allocation at 100% arrived per policy, read from the summary table. */
async function allocations(page) {
  const rows = await page.getByTestId("lab-summary").locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.children[0].textContent, parseFloat(tr.children[1].textContent)]),
  );
  return Object.fromEntries(rows);
}

test("run a comparison: progress, cancel, run again; fast, responsive, heat map", async ({ page }) => {
  // Other views do not load the lab's worker.
  await page.goto("/");
  await ready(page);
  const first = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  expect(first.filter((n) => /worker/.test(n))).toEqual([]);
  await openLab(page);
  // The worker's wasm is not loaded until the lab runs.
  const early = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  expect(early.some((n) => n.includes("worker"))).toBe(false);

  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress"), await page.locator(".lab").innerText())
    .toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("progress").locator("progress")).toHaveCount(6);
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("run-status")).toContainText("Cancelled");
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false");
  await expect(page.getByTestId("lab-summary")).toHaveCount(0);

  await watchLongTasks(page);
  const started = Date.now();
  await page.getByTestId("run").click();
  await appears(page, "[data-testid=lab-summary]");
  const wall = Date.now() - started;
  // The charts paint a frame after the table; their cost counts too.
  await appears(page, "[data-testid=unallocated] rect.bar");
  const ms = Number(await page.getByTestId("elapsed").getAttribute("data-ms"));
  const tasks = await longTasks(page);
  console.log(`lab: 6 policies x 1 seed in ${ms} ms (worker timer), ${wall} ms wall; long tasks: [${tasks}]`);
  // The 3 s target and the 50 ms long-task target are checked by scripts/budget.mjs
  // (medians of runs); this test fails when the page stalls as a user would notice.
  expect(Math.max(0, ...tasks), "the page answers input within 100 ms during a run").toBeLessThanOrEqual(FREEZE_MS);
  await expect(page.getByTestId("lab-summary").locator("tbody tr")).toHaveCount(6);
  for (let i = 0; i < 6; i++) await expect(page.getByTestId(`progress-${i}`)).toHaveAttribute("value", "1.000");
  // Allocation curves: one line per policy plus the ideal line.
  await expect(page.getByTestId("alloc").locator("[data-series]")).toHaveCount(7);
  await expect(page.getByTestId("unallocated").locator("rect.bar")).toHaveCount(6);

  await page.getByTestId("tab-heat").click();
  await expect(page.getByTestId("heat")).toBeVisible();
  const heatMs = Number(await page.getByTestId("heat-ms").getAttribute("data-ms"));
  const size = await page.getByTestId("heat").evaluate((c) => [c.width, c.height]);
  console.log(`lab: heat map of 1,213 nodes drawn in ${heatMs} ms (canvas ${size})`);
  // The 200 ms target is checked by scripts/budget.mjs.
  expect(heatMs).toBeGreaterThan(0);
  for (const tab of ["frag", "fail", "model"]) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.locator(".lab-chart").first()).toBeVisible();
  }
  await expect(page.getByTestId("lab-models")).toBeVisible();
});

test("the real trace through the file chooser: published ranking, and the CLI's exact CSV", async ({ page }) => {
  test.setTimeout(300_000);
  expect(existsSync(NODES), `trace missing at ${TRACE}`).toBe(true);
  // The native CLI, built here so the comparison never uses a stale binary.
  const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
  execFileSync("cargo", ["build", "--release", "-p", "yunce-sched", "--bin", "yunce-sched"], { stdio: "inherit" });
  const cliOut = path.resolve(targetDir, "lab-e2e-cli.csv");
  execFileSync(path.resolve(targetDir, "release", "yunce-sched"), [
    "run", "--nodes", NODES, "--pods", PODS, "--policy", "all", "--seeds", "42", "--tune", "1.3",
    "--out", cliOut, "--threads", "1",
  ], { stdio: ["ignore", "ignore", "inherit"] });

  await openLab(page);
  await page.getByTestId("nodes-file").setInputFiles(NODES);
  await expect(page.getByTestId("nodes-ok")).toContainText("1213 GPU nodes, 6212.0 GPUs");
  await page.getByTestId("pods-file").setInputFiles(PODS);
  await expect(page.getByTestId("pods-ok")).toContainText("8152 pods");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("lab-cite")).toContainText("USENIX ATC '23");
  await expect(page.getByTestId("lab-cite")).toContainText("research or study");

  const a = await allocations(page);
  console.log("lab: allocation at 100% arrived, openb default, seed 42:", a);
  const rest = ["Random-fit", "Dot-product", "GPU Clustering", "GPU Packing"].map((k) => a[k]);
  expect(a["FGD"]).toBeGreaterThan(a["Best-fit"]);
  for (const v of rest) expect(a["Best-fit"]).toBeGreaterThan(v);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const browserCsv = await readFile(await download.path(), "utf8");
  const nativeCsv = await readFile(cliOut, "utf8");
  expect(browserCsv.split("\n").length).toBe(6 * 131 + 2);
  expect(browserCsv).toBe(nativeCsv);
});

test("a malformed CSV gives a row and column error and the previous results stay", async ({ page }) => {
  await openLab(page, "?p=bestfit,fgd&n=2000");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  const before = await page.getByTestId("lab-summary").textContent();
  await page.getByTestId("pods-file").setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,4000,1024,1,500\np2,lots,1024,1,500\n"),
  });
  await expect(page.getByTestId("file-error")).toContainText("broken.csv: line 3, column cpu_milli");
  await expect(page.getByTestId("pods-ok")).toHaveCount(0);
  await expect(page.getByTestId("knob-pods")).toHaveValue("2000");
  await expect(page.getByTestId("lab-summary")).toHaveText(before);
  await expect(page.getByTestId("stale")).toHaveCount(0);
});

test("a shared URL reproduces the config, cluster edits and seeds included", async ({ page, context }) => {
  await openLab(page);
  await page.getByTestId("policy-random").click();
  await expect(page).toHaveURL(/p=dotprod,clustering,packing,bestfit,fgd/);
  await page.getByTestId("seeds").fill("42..44");
  await page.getByTestId("seeds").press("Enter");
  await expect(page).toHaveURL(/s=42..44/);
  await page.getByTestId("knob-share").fill("60");
  await page.getByTestId("knob-share").press("Enter");
  await expect(page).toHaveURL(/sh=60/);
  await page.getByTestId("replace-v100").click();
  await expect(page).toHaveURL(/cl=.*H20~8~192~2048~85/);
  await page.getByTestId("mode-replay").click();
  await expect(page).toHaveURL(/m=replay/);
  const url = page.url();
  console.log("lab: shared URL", url);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.locator("main h1")).toHaveText(/Scheduler lab/);
  await expect(other.getByTestId("policy-random")).toHaveAttribute("aria-pressed", "false");
  await expect(other.getByTestId("policy-fgd")).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("seeds")).toHaveValue("42..44");
  await expect(other.getByTestId("knob-share")).toHaveValue("60");
  await expect(other.getByTestId("mode-replay")).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("cluster-total")).toContainText("6493 GPUs");
  await expect(other.getByTestId("url-notice")).toHaveCount(0);

  // A bad param falls back with a notice.
  await other.goto("/lab?s=banana&sh=300");
  await expect(other.getByTestId("url-notice")).toContainText("s=banana");
  await expect(other.getByTestId("seeds")).toHaveValue("42");
});

test("replay mode reports queueing delays and the time series", async ({ page }) => {
  await openLab(page, "?p=bestfit,fgd&m=replay&n=3000&k=20000");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("lab-summary").locator("thead")).toContainText("Queueing delay p99");
  await expect(page.getByTestId("replay-alloc").locator("[data-series]")).toHaveCount(2);
  await expect(page.getByTestId("replay-pending")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\n")[0]).toBe("policy,queue,workload,seed,time_s,gpu_alloc_pct,weighted_alloc_pct,pending,running");
});

test("changing a setting cancels the running comparison; several seeds give spread bars", async ({ page }) => {
  await openLab(page, "?p=bestfit,fgd&s=42..43&n=30000");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "true");
  await page.getByTestId("policy-random").click();
  await expect(page.getByTestId("run-status")).toContainText("settings changed");
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false");
  await expect(page.getByTestId("lab-summary")).toHaveCount(0);
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary").locator("tbody tr")).toHaveCount(3, { timeout: 30_000 });
  // One bar per policy, the mean of its seeds.
  await expect(page.getByTestId("progress").locator("progress")).toHaveCount(3);
  await expect(page.getByTestId("progress")).toContainText("2 seeds");
  // Mean, best and worst seed for each of the three policies.
  await expect(page.getByTestId("unallocated").locator("rect.bar")).toHaveCount(9);
  await expect(page.getByTestId("lab-summary")).toContainText("–");
});

test("on a 1280x800 screen the Run button and the first results show without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openLab(page);
  await expect(page.getByTestId("run")).toBeInViewport();
  await expect(page.getByTestId("cluster-toggle")).toHaveAttribute("aria-expanded", "false");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("elapsed")).toBeInViewport({ timeout: 30_000 });
  await expect(page.getByTestId("run")).toBeInViewport();
  // The cluster editor opens as a compact table, one row per node shape, and closes again.
  await page.getByTestId("cluster-toggle").click();
  await expect(page.getByTestId("cluster-toggle")).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#lab-groups tbody tr")).toHaveCount(15);
  await page.getByTestId("cluster-toggle").click();
  await expect(page.locator("#lab-groups tbody tr")).toHaveCount(0);
  await expect(page.getByTestId("cluster-toggle")).toBeFocused();
});

test("typing in a field updates the lab in place: no remount, focus stays", async ({ page }) => {
  await openLab(page);
  await page.evaluate(() => {
    window.__lab = document.querySelector(".lab");
    window.__share = document.querySelector("[data-testid='knob-share']");
  });
  const share = page.getByTestId("knob-share");
  await share.click();
  await share.fill("60");
  await share.press("Tab");
  await expect(page).toHaveURL(/sh=60/);
  expect(await focused(page)).toBe("knob-multi");
  await page.getByTestId("knob-multi").fill("2");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/mg=2/);
  expect(await focused(page)).toBe("knob-multi");
  const same = await page.evaluate(() => ({
    lab: window.__lab === document.querySelector(".lab") && window.__lab.isConnected,
    share: window.__share === document.querySelector("[data-testid='knob-share']"),
  }));
  expect(same).toEqual({ lab: true, share: true });
  // A refused value stays on screen with an error; the URL keeps the last good value.
  await share.fill("");
  await share.press("Tab");
  await expect(share).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/sh=60/);
  expect(await focused(page)).toBe("knob-multi");
});

test("a policy toggle and Run keep focus on the control", async ({ page }) => {
  await openLab(page, "?p=bestfit,fgd&s=42..43&n=30000");
  await page.getByTestId("policy-random").click();
  await expect(page.getByTestId("policy-random")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("policy-random")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("policy-dotprod");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("policy-dotprod")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("policy-dotprod")).toBeFocused();

  await page.getByTestId("run").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("run")).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("cancel");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("run-status")).toContainText("Cancelled");
});

test("removing a node group focuses the next row's remove button, or Add after the last row", async ({ page }) => {
  await openLab(page);
  await page.getByTestId("cluster-toggle").click();
  const model4 = await page.getByTestId("g-model-4").inputValue();
  const gpus4 = await page.getByTestId("g-gpus-4").inputValue();
  await page.getByTestId("remove-3").click();
  await expect(page.locator("#lab-groups tbody tr")).toHaveCount(14);
  // The old fifth row is now the fourth, and its remove button has focus.
  expect(await focused(page)).toBe("remove-3");
  await expect(page.getByTestId("g-model-3")).toHaveValue(model4);
  await expect(page.getByTestId("g-gpus-3")).toHaveValue(gpus4);
  await page.keyboard.press("Tab");
  expect(await focused(page)).toBe("g-model-4");

  // A committed edit in a row keeps focus in the table.
  await page.getByTestId("g-count-4").fill("5");
  await page.getByTestId("g-count-4").press("Tab");
  await expect(page).toHaveURL(/cl=/);
  expect(await focused(page)).toBe("g-cap-4");

  await page.getByTestId("remove-13").click();
  await expect(page.locator("#lab-groups tbody tr")).toHaveCount(13);
  expect(await focused(page)).toBe("add-chip");
  await page.keyboard.press("Enter");
  await expect(page.locator("#lab-groups tbody tr")).toHaveCount(14);
  await expect(page.getByTestId("g-model-13")).toHaveValue("H20");
  expect(await focused(page)).toBe("add-chip");
});

/** Clicks Run, confirms when the lab asks, and waits for the summary; returns the worker timer in ms. */
async function runToSummary(page, timeout) {
  await page.getByTestId("run").click();
  const confirm = page.getByTestId("confirm-run");
  const outcome = await Promise.race([
    confirm.waitFor({ timeout }).then(() => "confirm"),
    page.getByTestId("progress").waitFor({ timeout }).then(() => "running"),
  ]);
  if (outcome === "confirm") await confirm.click();
  await appears(page, "[data-testid=lab-summary]", timeout);
  return Number(await page.getByTestId("elapsed").getAttribute("data-ms"));
}

test("fleet size x10: six policies complete with a summary, the UI stays responsive, the URL keeps it", async ({ page }) => {
  test.setTimeout(180_000);
  await openLab(page);
  await page.getByTestId("fleet-scale").fill("10");
  await page.getByTestId("fleet-scale").press("Tab");
  await expect(page).toHaveURL(/[?&]x=10(&|$)/);
  await expect(page.getByTestId("fleet-total")).toContainText("12130 nodes, 62120 GPUs; 81520 pods");
  await watchLongTasks(page);
  const ms = await runToSummary(page, 120_000);
  const tasks = await longTasks(page);
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`lab: x10 (12,130 nodes), 6 policies x 1 seed in ${ms} ms (worker timer, ${workers} cores); long tasks: [${tasks}]`);
  expect(Math.max(0, ...tasks), "the page answers input within 100 ms during a x10 run").toBeLessThanOrEqual(FREEZE_MS);
  await expect(page.getByTestId("lab-summary").locator("tbody tr")).toHaveCount(6);
  await page.getByTestId("tab-heat").click();
  await expect(page.getByTestId("heat-bins")).toHaveAttribute("data-per-strip", "6");
  const size = await page.getByTestId("heat").evaluate((c) => [c.width, c.height]);
  expect(size[1]).toBeLessThanOrEqual(600);
  // The URL round trip: a reload shows the same fleet.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("fleet-scale")).toHaveValue("10");
  await expect(page.getByTestId("fleet-total")).toContainText("12130 nodes");
});

test("a synthetic fleet by GPU count runs; out-of-range sizes say what the range is", async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page, "?p=bestfit,fgd");
  await page.getByTestId("fleet-gpus").fill("20000");
  await page.getByTestId("fleet-gpus").press("Tab");
  await expect(page).toHaveURL(/[?&]g=20000(&|$)/);
  await expect(page.getByTestId("fleet-total")).toContainText("20000 GPUs");
  await runToSummary(page, 90_000);
  await expect(page.getByTestId("lab-summary").locator("tbody tr")).toHaveCount(2);
  // A typed value out of range is refused beside the field; the URL keeps the last good one.
  await page.getByTestId("fleet-scale").fill("0");
  await page.getByTestId("fleet-scale").press("Tab");
  await expect(page.locator(".lab-fleet")).toContainText("whole number from 1 to 100");
  await expect(page).not.toHaveURL(/[?&]x=/);
  for (const [query, text] of [["?x=1000", "×1 to ×100"], ["?x=0", "×1 to ×100"], ["?g=9999999", "1 to 650000 GPUs"]]) {
    await openLab(page, query);
    await expect(page.getByTestId("fleet-problem")).toContainText(text);
    await expect(page.getByTestId("fleet-total")).toContainText("1213 nodes, 6212 GPUs");
  }
});

test("a huge run shows its estimate and asks before it starts", async ({ page }) => {
  await openLab(page, "?x=100");
  await expect(page.getByTestId("fleet-total")).toContainText("121300 nodes, 621200 GPUs; 815200 pods");
  await expect(page.getByTestId("estimate")).toContainText("815200 pods per run");
  expect(Number(await page.getByTestId("estimate").getAttribute("data-seconds"))).toBeGreaterThan(10);
  await page.getByTestId("run").click();
  await expect(page.getByTestId("confirm")).toContainText("121300 nodes");
  await page.getByTestId("confirm-cancel").click();
  await expect(page.getByTestId("confirm")).toHaveCount(0);
  await expect(page.getByTestId("progress")).toHaveCount(0);
  // Small runs start at once.
  await openLab(page, "?p=fgd&n=500");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("confirm")).toHaveCount(0);
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
});

test("ten seeds over several workers: the CLI's exact CSV, and the x1 6x10 time", async ({ page }) => {
  test.setTimeout(300_000);
  const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
  execFileSync("cargo", ["build", "--release", "-p", "yunce-sched", "--bin", "yunce-sched"], { stdio: "inherit" });
  const cliOut = path.resolve(targetDir, "lab-e2e-cli-10.csv");
  execFileSync(path.resolve(targetDir, "release", "yunce-sched"), [
    "run", "--nodes", NODES, "--pods", PODS, "--policy", "all", "--seeds", "42..51", "--tune", "1.3",
    "--out", cliOut, "--threads", "1",
  ], { stdio: ["ignore", "ignore", "inherit"] });

  await openLab(page, "?s=42..51");
  await page.getByTestId("nodes-file").setInputFiles(NODES);
  await expect(page.getByTestId("nodes-ok")).toBeVisible();
  await page.getByTestId("pods-file").setInputFiles(PODS);
  await expect(page.getByTestId("pods-ok")).toBeVisible();
  await watchLongTasks(page);
  const ms = await runToSummary(page, 120_000);
  const tasks = await longTasks(page);
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  console.log(`lab: x1 openb trace, 6 policies x 10 seeds in ${ms} ms (worker timer, ${workers} workers); long tasks: [${tasks}]`);
  await expect(page.getByTestId("progress").locator("progress")).toHaveCount(6);
  await expect(page.getByTestId("progress")).toContainText("10 seeds");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const browserCsv = await readFile(await download.path(), "utf8");
  expect(browserCsv.split("\n").length).toBe(60 * 131 + 2);
  expect(browserCsv).toBe(await readFile(cliOut, "utf8"));
});
