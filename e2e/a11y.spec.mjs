// Accessibility: axe-core checks every view in both languages and both themes, after the
// view's main interaction (a lab run finished, the planner solved, the table tab open),
// and fails on any serious or critical violation. Each view's summary is printed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test, expect, ready } from "./fixtures.mjs";
import { VIEWS, VIEW_COUNT } from "./views.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const IMPACTS = ["critical", "serious", "moderate", "minor"];

/** What each view does before it is checked; `states` are checked in turn, each in all
 * four language and theme combinations. */
const INTERACTIONS = {
  "/battles": [async () => {}, async (page) => {
    await page.getByTestId("evidence-toggle-3").click();
    await expect(page.getByTestId("evidence-list-3")).toBeVisible();
    await page.getByTestId("cloud-growth-table").locator("summary").click();
  }],
  "/market": [async () => {}, async (page) => {
    await page.getByTestId("tab-table").click();
    await expect(page.getByTestId("share-table")).toBeVisible();
  }],
  "/lab": [async (page) => {
    await page.getByTestId("run").click();
    await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  }],
  "/plan": [async (page) => {
    await expect(page.getByTestId("solve-ms")).toHaveAttribute("data-solving", "false", { timeout: 30_000 });
    await expect(page.getByTestId("solve-ms")).toHaveAttribute("data-ms", /\d/);
  }],
  "/stability": [async (page) => {
    await expect(page.getByTestId("run")).toBeEnabled();
    await page.getByTestId("run").click();
    await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
    await expect(page.getByTestId("results")).toBeVisible();
  }],
};

async function setLangTheme(page, lang, theme) {
  await page.getByRole("button", { name: lang === "en" ? "English" : "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang === "en" ? "en" : "zh-CN");
  await page.getByTestId("theme").selectOption(theme);
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  // Two frames: the labs bundle follows the language a task later.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function axe(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(() =>
    window.axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) })),
    ),
  );
}

test("the view list matches View::ALL", () => {
  expect(VIEWS.length).toBe(VIEW_COUNT);
});

for (const v of VIEWS) {
  test(`axe: ${v.path} in both languages and both themes`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(v.path);
    await ready(page);
    const lines = [];
    const serious = [];
    for (const [i, interact] of (INTERACTIONS[v.path] ?? [async () => {}]).entries()) {
      await interact(page);
      for (const lang of ["en", "zh"]) {
        for (const theme of ["light", "dark"]) {
          await setLangTheme(page, lang, theme);
          const found = await axe(page);
          const count = Object.fromEntries(IMPACTS.map((k) => [k, 0]));
          for (const f of found) count[f.impact] += f.nodes.length;
          const label = `${v.path}${i ? ` (state ${i + 1})` : ""} ${lang}/${theme}`;
          lines.push(`axe ${label}: ${IMPACTS.map((k) => `${k} ${count[k]}`).join(", ")}` +
            (found.length ? ` [${found.map((f) => `${f.id}:${f.impact}×${f.nodes.length}`).join(" ")}]` : ""));
          for (const f of found.filter((f) => f.impact === "serious" || f.impact === "critical")) {
            serious.push(`${label} ${f.id} (${f.impact}): ${f.nodes.slice(0, 5).join(" | ")}`);
          }
        }
      }
    }
    console.log(lines.join("\n"));
    expect(serious, "serious or critical axe violations").toEqual([]);
  });
}

/** The focused element: its test id, id or tag name, and whether it shows a focus ring. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || parseFloat(style.strokeWidth) >= 3;
    return { id: el.dataset?.testid ?? el.id ?? el.tagName, tag: el.tagName, ring };
  });
}

test("Run is two Tab presses and Enter from page load in each lab, every stop with a focus ring", async ({ page }) => {
  test.setTimeout(120_000);
  const report = [];
  for (const path of ["/lab", "/plan", "/stability"]) {
    await page.goto(path);
    await ready(page);
    await expect(page.locator("#run")).toBeEnabled({ timeout: 30_000 });
    let tabs = 0;
    do {
      await page.keyboard.press("Tab");
      tabs += 1;
    } while ((await focused(page)).id !== "skip-run" && tabs < 10);
    await expect(page.getByTestId("skip-run")).toBeInViewport();
    await page.keyboard.press("Enter");
    const run = await focused(page);
    expect(await page.evaluate(() => document.activeElement.id), path).toBe("run");
    expect(run.ring, `${path}: Run shows a focus ring`).toBe(true);
    expect(tabs, path).toBeLessThanOrEqual(3);
    // The same walk without the skip link, for comparison; every stop shows a ring.
    await page.goto(path);
    await ready(page);
    await expect(page.locator("#run")).toBeEnabled({ timeout: 30_000 });
    let plain = 0;
    const noRing = [];
    for (;;) {
      await page.keyboard.press("Tab");
      plain += 1;
      const f = await focused(page);
      if (!f.ring) noRing.push(`${f.tag}#${f.id}`);
      if ((await page.evaluate(() => document.activeElement.id)) === "run" || plain >= 400) break;
    }
    expect(noRing, `${path}: controls without a focus ring`).toEqual([]);
    report.push(`${path}: ${tabs} Tab + Enter on "Skip to Run" (${plain} Tab presses without it)`);
  }
  console.log(`keyboard: ${report.join("; ")}`);
});

test("every control on the story views shows a focus ring", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ["/", "/market", "/alibaba", "/compute", "/sources"]) {
    await page.goto(path);
    await ready(page);
    const noRing = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f.tag === "BODY") break;
      if (!f.ring) noRing.push(`${f.tag}#${f.id}`);
    }
    expect(noRing, `${path}: controls without a focus ring`).toEqual([]);
  }
});

test("charts are named with their figures a click away; runs, progress and remove buttons speak", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/market");
  await ready(page);
  const chart = page.getByTestId("share-chart");
  await expect(chart.getByRole("group", { name: /share/i })).toBeVisible();
  await chart.getByTestId("share-chart-data-open").click();
  const rows = chart.getByTestId("share-chart-data").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(1);
  // Every labelled mark's value is in the table.
  const marks = await chart.locator("svg [role=img]").count();
  const cells = await chart.getByTestId("share-chart-data").locator("tbody td.num").count();
  expect(cells).toBe(marks);

  await page.goto("/lab");
  await ready(page);
  await page.getByTestId("cluster-toggle").click();
  const model = await page.getByTestId("g-model-0").inputValue();
  await expect(page.getByTestId("remove-0")).toHaveAccessibleName(`Remove node group 1 (${model})`);
  await page.getByTestId("run").click();
  await expect(page.getByRole("progressbar", { name: /\S/ })).toHaveCount(6);
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("run-live")).toHaveText("The comparison has finished: the results are below.");
  await expect(page.getByTestId("run-live")).toHaveAttribute("role", "status");

  await page.goto("/stability");
  await ready(page);
  await expect(page.getByTestId("run")).toBeEnabled();
  await page.getByTestId("run").click();
  await expect(page.getByTestId("progress")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
  await expect(page.getByTestId("run-live")).toHaveText(/The simulation has finished/);
  await expect(page.getByTestId("progress").getByRole("progressbar", { name: /Progress of scenario \d/ }).first()).toBeAttached();
});
