// The stability lab: every preset beside its what-if, refused inputs, the URL round trip,
// the exports, progress and cancel, and a responsive page while the worker simulates.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test, expect, ready, watchLongTasks, longTasks, appears, FREEZE_MS } from "./fixtures.mjs";

async function open(page, query = "") {
  await page.goto(`/stability${query}`);
  await ready(page);
  await expect(page.locator("main h1")).toHaveText(/Stability lab/);
  // The worker has described the setup: the editor shows its defaults.
  await expect(page.getByTestId("run")).toBeEnabled();
}

/** Runs and waits for the results of this run. */
async function run(page) {
  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
  await expect(page.getByTestId("results")).toBeVisible();
  await expect(page.getByTestId("stale")).toHaveCount(0);
}

async function value(page, id) {
  return Number(await page.getByTestId(id).getAttribute("data-value"));
}

const PAIRS = [
  ["hk-zone-c", "multi-zone", ["downtime", "cmin"]],
  ["ak-whitelist", "regional-gray", ["blast", "cmin"]],
  ["ak-whitelist", "response-1-5-10", ["downtime", "cmin"]],
  ["db-consoles", "response-1-5-10", ["downtime", "cmin"]],
  ["sg-zone-c", "multi-zone", ["downtime", "cmin"]],
];

test("every preset runs beside its what-if, and the what-if reduces downtime or blast radius", async ({ page }) => {
  test.setTimeout(180_000);
  for (const [preset, whatIf, lower] of PAIRS) {
    await open(page, `?p=${preset}&w=${whatIf}&y=1000`);
    await expect(page.getByTestId("what-if")).toHaveValue(whatIf);
    // Defaults carry a source chip or an assumption mark.
    await expect(page.getByTestId("topology").locator("[data-basis]").first()).toBeVisible();
    await run(page);
    await expect(page.getByTestId("side-1")).toBeVisible();
    const figures = {};
    for (const m of lower) {
      const [a, b] = [await value(page, `${m}-0`), await value(page, `${m}-1`)];
      figures[m] = [a, b];
      expect(b, `${preset} / ${whatIf}: ${m}`).toBeLessThan(a);
    }
    console.log(`stability: ${preset} vs ${whatIf}:`, JSON.stringify(figures));
    // Every estimate says how it was obtained.
    await expect(page.getByTestId("downtime-0")).toContainText("99 % interval");
    await expect(page.getByTestId("sla-0-99.9")).toContainText("Wilson");
  }
  // The incident preset reproduces its scope and duration: Zone C loses its 834 minutes.
  await open(page, "?y=500");
  await run(page);
  expect(await value(page, "p50-0")).toBeGreaterThanOrEqual(833.99);
  expect(await value(page, "blast-0")).toBeGreaterThan(0.4);
  // The charts: two histograms, SLA bars, customer-minutes and two one-year timelines.
  for (const id of ["histogram-0", "histogram-1", "sla-chart", "cmin-chart", "timeline-0", "timeline-1"]) {
    await expect(page.getByTestId(id).locator("svg")).toBeVisible();
  }
});

test("the exact result stands beside the Monte Carlo on independent parts", async ({ page }) => {
  await open(page, "?p=region&z=1&c=2&y=2000");
  await expect(page.getByTestId("components")).toContainText("204 components");
  await run(page);
  const [mc, exact] = [await value(page, "availability-0"), await value(page, "exact-0")];
  console.log(`stability: region availability MC ${mc}, exact ${exact}`);
  expect(Math.abs(mc - exact)).toBeLessThan(1e-3);
  await expect(page.getByTestId("exact-0")).toContainText("exact formula");
  // Every segment, the Monte Carlo beside the exact result.
  await page.getByTestId("segments-open-0").click();
  await expect(page.getByTestId("segments-0").locator("tbody tr")).toHaveCount(3);
});

test("a meaningless input is refused with the reason and nothing else changes", async ({ page }) => {
  await open(page, "?s=7");
  const field = async (id, text) => {
    await page.getByTestId(id).fill(text);
    await page.getByTestId(id).press("Enter");
  };
  await field("nr", "0");
  await expect(page.getByTestId("nr-error")).toContainText("MTTR is 0");
  await expect(page.getByTestId("refused")).toContainText("last valid settings are kept");
  await expect(page.getByTestId("nr")).toHaveValue("0");
  await expect(page).toHaveURL(/\/stability\?s=7$/);
  await field("k", "4");
  await expect(page.getByTestId("k-error")).toContainText("k = 4 exceeds n = 3");
  await field("nm", "0.01");
  await expect(page.getByTestId("nm-error")).toContainText("must exceed MTTR");
  await field("seed", "x");
  await expect(page.getByTestId("seed-error")).toContainText("Not a number");
  await expect(page).toHaveURL(/\/stability\?s=7$/);
  // A valid value is accepted and clears the refusal.
  await field("k", "3");
  await expect(page).toHaveURL(/k=3/);
  await expect(page.getByTestId("refused")).toHaveCount(0);
  await expect(page.getByTestId("run")).toBeEnabled();

  await open(page, "?p=ak-whitelist");
  await field("cf", "1.5");
  await expect(page.getByTestId("cf-error")).toContainText("must lie in [0, 1], got 1.5");
  await expect(page).toHaveURL(/\/stability\?p=ak-whitelist$/);
  // A shared link with a meaningless value shows the reason and cannot run.
  await page.goto("/stability?p=ak-whitelist&cf=2");
  await expect(page.getByTestId("invalid")).toContainText("[0, 1]");
  await expect(page.getByTestId("run")).toBeDisabled();
});

test("the URL holds everything: a reload restores it and the same seed gives the same figures", async ({ page }) => {
  await open(page);
  await page.getByTestId("preset-ak-whitelist").click();
  await expect(page).toHaveURL(/p=ak-whitelist/);
  await page.getByTestId("what-if").selectOption("regional-gray");
  await expect(page).toHaveURL(/w=regional-gray/);
  for (const [id, text] of [["seed", "7"], ["years", "800"], ["cf", "0.1"], ["td", "5"], ["sla", "99.9, 99.5"]]) {
    await page.getByTestId(id).fill(text);
    await page.getByTestId(id).press("Enter");
    await expect(page.getByTestId(id)).toHaveValue(text);
  }
  await page.getByTestId("rollout").selectOption("gray");
  await expect(page).toHaveURL(/ro=gray/);
  const url = page.url();
  console.log("stability: shared URL", url);
  expect(url).toMatch(/s=7/);
  expect(url).toMatch(/y=800/);
  expect(url).toMatch(/cf=0.1/);
  await run(page);
  const first = await page.getByTestId("side-0").locator("table.estimates").textContent();
  const second = await page.getByTestId("side-1").locator("table.estimates").textContent();
  await expect(page.getByTestId("sla-0-99.5")).toBeVisible();

  await page.reload();
  await ready(page);
  await expect(page.getByTestId("run")).toBeEnabled();
  await expect(page.getByTestId("preset-ak-whitelist")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("what-if")).toHaveValue("regional-gray");
  await expect(page.getByTestId("seed")).toHaveValue("7");
  await expect(page.getByTestId("years")).toHaveValue("800");
  await expect(page.getByTestId("cf")).toHaveValue("0.1");
  await expect(page.getByTestId("td")).toHaveValue("5");
  await expect(page.getByTestId("rollout")).toHaveValue("gray");
  await expect(page.getByTestId("url-notice")).toHaveCount(0);
  await run(page);
  await expect(page.getByTestId("side-0").locator("table.estimates")).toHaveText(first);
  await expect(page.getByTestId("side-1").locator("table.estimates")).toHaveText(second);

  // A param that does not parse falls back with a notice.
  await page.goto("/stability?s=banana");
  await expect(page.getByTestId("url-notice")).toContainText("s=banana");
  await expect(page.getByTestId("seed")).toHaveValue("42");
});

test("exports: estimates CSV, chart SVG and PNG, scenario JSON that imports back", async ({ page }) => {
  await open(page, "?y=300");
  await run(page);
  const save = async (id) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  };
  const csv = (await save("csv")).bytes.toString("utf8");
  const lines = csv.trim().split("\n");
  expect(lines[0]).toBe("scenario,segment,measure,value,low,high,level,method,samples,seed");
  expect(csv).toContain("downtime_minutes_mean");
  expect(csv).toContain("sla_breach_99.99");
  expect(csv).toContain("availability_exact");
  expect(lines.filter((l) => l.includes("what-if")).length).toBeGreaterThan(5);
  // Every figure's assumptions, listed when opened ("1-5-10" among them where it applies).
  await page.getByTestId("assumptions-0").click();
  await expect(page.getByTestId("side-0").locator("details li").first()).toBeVisible();
  const svg = (await save("histogram-0-svg")).bytes.toString("utf8");
  expect(svg).toMatch(/^<svg/);
  expect(svg).toContain("Yearly downtime");
  // The subtitle wraps over several lines of the SVG.
  const words = svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  expect(words).toMatch(/P50 [0-9.]+, P95 [0-9.]+, P99 [0-9.]+ min/);
  const png = (await save("sla-chart-png")).bytes;
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

  const json = await save("export-json-0");
  expect(json.name).toMatch(/\.json$/);
  const scenario = JSON.parse(json.bytes.toString("utf8"));
  expect(scenario.name).toContain("OUT-001");
  expect(scenario.years).toBe(300);
  expect(scenario.seed).toBe(42);
  expect(scenario.components.length).toBe(8);
  expect(scenario.scripted[0].kind.outage.duration.fixed.minutes.basis.source.row).toBe("OUT-001");
  const whatIf = JSON.parse((await save("export-json-1")).bytes.toString("utf8"));
  expect(whatIf.name).toContain("what-if");

  // The exported file imports back and runs alone.
  await page.getByTestId("import-json").setInputFiles({
    name: "what-if.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(whatIf)),
  });
  await expect(page.getByTestId("imported")).toContainText("what-if.json");
  await run(page);
  await expect(page.getByTestId("side-0")).toContainText("what-if");
  await expect(page.getByTestId("side-1")).toHaveCount(0);
  // A broken file is refused with the place, and the imported scenario stays.
  await page.getByTestId("import-json").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"name": "x", "components": 5}'),
  });
  await expect(page.getByTestId("import-error")).toContainText("broken.json");
  await expect(page.getByTestId("imported")).toContainText("what-if.json");
});

test("progress and cancel; a full run keeps the page responsive; worker speed", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "?p=region&y=20000");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("progress-0")).not.toHaveAttribute("value", "0.000");
  await page.getByTestId("cancel").click();
  await expect(page.getByTestId("run-status")).toContainText("Cancelled");
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false");
  await expect(page.getByTestId("results")).toHaveCount(0);

  // As in the lab's test, the measured run follows the cancelled one on the same page.
  await page.getByTestId("years").fill("1000");
  await page.getByTestId("years").press("Enter");
  await expect(page).toHaveURL(/y=1000/);
  await expect(page.getByTestId("run")).toBeEnabled();
  await watchLongTasks(page);
  await page.getByTestId("run").click();
  await appears(page, "[data-testid=elapsed]", 60_000);
  await appears(page, "[data-testid=charts] svg");
  const tasks = await longTasks(page);
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false");
  const ms = Number(await page.getByTestId("elapsed").getAttribute("data-ms"));
  const cy = Number(await page.getByTestId("elapsed").getAttribute("data-component-years"));
  await expect(page.getByTestId("charts").locator("svg").first()).toBeVisible();
  console.log(`stability: ${cy} component-years in ${ms} ms in the worker (${Math.round(cy / (ms / 1000))}/s); long tasks: [${tasks}]`);
  expect(cy).toBe(1005 * 1000);
  expect(Math.max(0, ...tasks), "the page answers input within 100 ms during a run").toBeLessThanOrEqual(FREEZE_MS);
});

test("the CLI reads the exported scenario and gives the browser's figures to the last digit", async ({ page }) => {
  test.setTimeout(300_000);
  // The native CLI, built here so the comparison never uses a stale binary.
  const targetDir = process.env.CARGO_TARGET_DIR ?? "target";
  execFileSync("cargo", ["build", "--release", "-p", "yunce-reliab", "--bin", "yunce-reliab"], { stdio: "inherit" });
  await open(page, "?p=ak-whitelist&w=regional-gray&y=1000&s=9");
  await run(page);
  for (const side of [0, 1]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-json-${side}`).click()]);
    const file = path.resolve(targetDir, `stability-e2e-${side}.json`);
    await writeFile(file, await readFile(await download.path()));
    const out = path.resolve(targetDir, `stability-e2e-${side}-report.json`);
    execFileSync(path.resolve(targetDir, "release", "yunce-reliab"), ["run", "--scenario", file, "--quiet", "--out", out]);
    const report = JSON.parse(await readFile(out, "utf8"));
    expect(report.seed).toBe(9);
    expect(report.years_simulated).toBe(1000);
    expect(await value(page, `cmin-${side}`)).toBe(report.customer_minutes.mean.value);
    expect(await value(page, `blast-${side}`)).toBe(report.blast_radius.value);
    expect(await value(page, `incidents-${side}`)).toBe(report.incidents_per_year.value);
  }
});
