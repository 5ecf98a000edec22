// The story views: the Alibaba Cloud timeline and financials, the compute plan, the
// sources view with deep links and a way back, and language switching on each.
import { readFile } from "node:fs/promises";
import { test, expect, ready } from "./fixtures.mjs";

/** Parses CSV text (RFC 4180 quotes) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  return rows;
}

test("the timeline filters by category and zooms to the seed's 200 days", async ({ page }) => {
  await page.goto("/alibaba");
  await ready(page);
  const rows = page.getByTestId("events-table").locator("tbody tr");
  await expect(rows).toHaveCount(42);
  await expect(page.getByTestId("window-note")).toContainText("2023-06-20");
  await expect(page.getByTestId("window-note")).toContainText("202");
  await page.getByTestId("cat-strategy").uncheck();
  await expect(page).toHaveURL(/cat=/);
  await expect(page).not.toHaveURL(/strategy/);
  await expect(rows).toHaveCount(33);
  // The checkbox keeps keyboard focus across the re-render.
  await page.getByTestId("cat-policy").focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("cat-policy")).not.toBeChecked();
  await expect(page.getByTestId("cat-policy")).toBeFocused();
  await expect(rows).toHaveCount(28);
  await page.getByTestId("zoom-window").click();
  await expect(page).toHaveURL(/from=2023-06&to=2024-01/);
  await expect(page.getByTestId("zoom-from")).toHaveValue("2023-06");
  const inWindow = await rows.count();
  expect(inWindow).toBeGreaterThan(5);
  expect(inWindow).toBeLessThan(28);
  // Events inside the window (2023-06-20 to 2024-01-08) are marked; the zoom is by month,
  // so a few events of June 2023 and January 2024 show unmarked.
  const marked = await page.getByTestId("events-table").locator("tbody tr.win").count();
  expect(marked).toBeGreaterThan(inWindow - 6);
  await expect(page.getByTestId("strip").locator("rect.band")).toHaveCount(1);
  await page.getByTestId("zoom-from").fill("2023-11");
  await page.getByTestId("zoom-from").dispatchEvent("change");
  await expect(page).toHaveURL(/from=2023-11/);
  const dates = await page.getByTestId("events-table").locator("tbody tr th").allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  // Each event ends on or after the zoom's start (a year or a range may begin earlier).
  for (const d of dates) {
    const end = d.includes("/") ? d.split("/")[1] : d.length === 4 ? `${d}-12-31` : d;
    expect(end >= "2023-11", d).toBe(true);
  }
  // The URL restores the same view, and the CSV holds the rows shown, built from the
  // model: stable column ids, flags as columns, the same in every language.
  await page.reload();
  await expect(rows).toHaveCount(dates.length);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.id));
  const download = async () => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("events-table-csv").click()]);
    return readFile(await file.path(), "utf8");
  };
  const text = await download();
  const csv = parseCsv(text);
  expect(csv[0]).toEqual(["row_id", "date", "category", "actor", "event", "in_seed_window", "confidence", "origin", "source_ids"]);
  expect(csv.slice(1).map((r) => r[0])).toEqual(ids);
  expect(csv.slice(1).map((r) => r[1])).toEqual(dates);
  for (const r of csv.slice(1)) expect(["true", "false"]).toContain(r[5]);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByTestId("events-table").locator("thead th").first()).toHaveText("日期");
  expect(await download()).toBe(text);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByTestId("zoom-all").click();
  await expect(page).toHaveURL(/\/alibaba\?cat=/);
});

test("the timeline strip is a chart: focusable marks with tooltips, downloads that stand alone", async ({ page }) => {
  await page.goto("/alibaba?from=2023-06&to=2024-01");
  await ready(page);
  const strip = page.getByTestId("strip");
  await expect(strip.locator("text.caption.title").first()).toContainText("2023-06");
  await expect(strip.locator("text.caption.source").first()).toContainText(/S\d{3}/);
  const dot = strip.locator("circle.dot").first();
  await expect(dot).toHaveAttribute("tabindex", "0");
  await expect(dot).toHaveAttribute("aria-label", /EV-\d{3}/);
  await dot.focus();
  await expect(strip.getByTestId("tooltip")).toContainText("EV-");
  const marks = await strip.locator("circle.dot").count();
  expect(marks).toBe(await page.getByTestId("events-table").locator("tbody tr").count());
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("strip-svg").click()]);
  const file = await readFile(await svg.path(), "utf8");
  expect(file).toContain("<svg");
  expect(file).toMatch(/<text[^>]*font-weight="600"[^>]*>Alibaba Cloud timeline, 2023-06 to 2024-01<\/text>/);
  expect(file).toMatch(/Source: S\d{3}/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("strip-png").click()]);
  expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe("PNG");
  // A category filter updates the strip in place: the checkbox keeps focus.
  await page.getByTestId("cat-strategy").focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("cat-strategy")).toBeFocused();
  await expect(strip.locator("circle.dot")).not.toHaveCount(marks);
});

test("the financial basis switch reproduces the seed on the restated basis", async ({ page }) => {
  await page.goto("/alibaba");
  await ready(page);
  const table = page.getByTestId("fin-table");
  const seedRow = table.locator("tr#FY2024Q2");
  await expect(seedRow).toContainText("27648");
  await expect(seedRow).toContainText("+264%");
  await expect(seedRow).toContainText("+44%");
  await expect(seedRow).toContainText("other basis");
  await expect(page.getByTestId("seed-ebita-qoq")).toContainText("+264%");
  await expect(page.getByTestId("seed-ebita-yoy")).toContainText("+225%");
  await expect(page.getByTestId("seed-rev")).toContainText("+2%");
  await expect(page.getByTestId("h1-verdict")).toHaveText("Not on the restated basis.");
  await expect(page.getByTestId("currency-slip")).toContainText("7.18");
  await expect(table).toContainText("derived");
  await page.getByTestId("basis-reported").click();
  await expect(page).toHaveURL(/basis=reported/);
  await expect(page.getByTestId("basis-reported")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("basis-note")).toContainText("+225%");
  await expect(table).not.toContainText("27648");
  await expect(table.locator("tr#FY2023Q2")).toContainText("20760");
  await page.getByTestId("lbl-calendar").click();
  await expect(page).toHaveURL(/basis=reported&lbl=calendar/);
  await expect(table.locator("thead th").first()).toHaveText("Calendar quarter");
  await expect(table.locator("tr#FY2023Q2 th")).toHaveText("2022Q3 (FY2023Q2)");
  await page.getByTestId("basis-restated").click();
  await expect(page).toHaveURL(/\/alibaba\?lbl=calendar$/);
  await expect(table.locator("tr#FY2024Q2 th")).toHaveText("2023Q3 (FY2024Q2)");
  // The buttons keep focus while the table follows the URL.
  await page.getByTestId("basis-reported").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/basis=reported/);
  await expect(page.getByTestId("basis-reported")).toBeFocused();
  await page.getByTestId("basis-restated").click();
  // The CSV: a missing figure is an empty cell, the basis problem is a column of its own.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("fin-table-csv").click()]);
  const csv = parseCsv(await readFile(await download.path(), "utf8"));
  const col = (name) => csv[0].indexOf(name);
  const seed = csv.find((r) => r[0] === "FY2024Q2");
  expect(seed[col("basis")]).toBe("restated");
  expect(seed[col("revenue_rmb_m")]).toBe("27648");
  expect(seed[col("revenue_yoy_pct")]).toBe("");
  expect(seed[col("revenue_yoy_status")]).toBe("other_basis");
  expect(Math.round(Number(seed[col("ebita_qoq_pct")]))).toBe(264);
  // Every header is real text, never a raw locale key.
  for (const h of await page.locator("main thead th").allTextContents()) expect(h).not.toMatch(/^[a-z_]+\.[a-z_.-]+$/);
});

test("a figure opens its source and the way back returns to the exact URL", async ({ page }) => {
  await page.goto("/alibaba?basis=reported&lbl=calendar");
  await ready(page);
  await page.getByTestId("fin-table").locator("a", { hasText: "FIN-014" }).click();
  await expect(page).toHaveURL(/\/sources\?fig=FIN-014&back=/);
  const card = page.getByTestId("figure-card");
  await expect(card).toContainText("FIN-014");
  await expect(card).toContainText("434");
  await expect(card).toContainText("IC-005");
  await expect(page.getByTestId("source-list").locator("tr.hl")).toContainText("S041");
  // Following a source inside the view keeps the original way back.
  await card.locator("a", { hasText: "S041" }).click();
  await expect(page).toHaveURL(/id=S041/);
  await expect(page.getByTestId("source-list").locator("tr#S041")).toHaveClass(/hl/);
  await page.getByTestId("back").click();
  await expect(page).toHaveURL(/\/alibaba\?basis=reported&lbl=calendar$/);
  await expect(page.getByTestId("basis-reported")).toHaveAttribute("aria-pressed", "true");
  // Browser history works too, and keyboard users get there with Enter.
  await page.goBack();
  await expect(page).toHaveURL(/id=S041/);
  await page.goto("/");
  await ready(page);
  const link = page.getByTestId("headline-FIN-026").getByTestId("headline-source");
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("figure-card")).toContainText("FIN-026");
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("headline-FIN-026")).toBeVisible();
  // The market view's provenance links here too.
  await page.goto("/market?tab=sources");
  await page.getByTestId("sources-table").locator("a.chip").first().click();
  await expect(page).toHaveURL(/\/sources\?fig=MS-\d+&back=%2Fmarket%3Ftab%3Dsources/);
  await page.getByTestId("back").click();
  await expect(page).toHaveURL(/\/market\?tab=sources$/);
});

test("sources are searchable and deep links highlight a source", async ({ page }) => {
  await page.goto("/sources");
  await ready(page);
  const list = page.getByTestId("source-list").locator("tbody tr");
  const all = await list.count();
  expect(all).toBeGreaterThan(100);
  await page.getByTestId("source-search").fill("canalys");
  await expect(page).toHaveURL(/q=canalys/);
  await expect(page.getByTestId("source-search")).toBeFocused();
  const some = await list.count();
  expect(some).toBeGreaterThan(3);
  expect(some).toBeLessThan(all);
  for (const t of await list.allTextContents()) expect(t.toLowerCase()).toContain("canalys");
  await expect(page.getByTestId("source-count")).toContainText(`Showing ${some} of ${all} sources`);
  // A figure id finds the sources it cites and the issues about it.
  await page.getByTestId("source-search").fill("IC-001");
  await expect(page.getByTestId("issues-table").locator("tbody tr").first()).toContainText("currency");
  await page.goto("/sources?id=S014");
  await expect(page.getByTestId("source-list").locator("tr#S014")).toHaveClass(/hl/);
  await page.goto("/sources#S009");
  await expect(page).toHaveURL(/\/sources\?id=S009$/);
  await expect(page.getByTestId("source-list").locator("tr#S009")).toHaveClass(/hl/);
  await page.goto("/sources?id=S999&back=//evil.example");
  await ready(page);
  await expect(page.getByTestId("url-notice")).toContainText("id=S999");
  await expect(page.getByTestId("url-notice")).toContainText("back=//evil.example");
  await expect(page.getByTestId("back")).toHaveCount(0);
  // A rejected way back is not passed on by the chips either.
  await expect(page.getByTestId("issues-table").locator("a.chip").first()).not.toHaveAttribute("href", /back=/);
});

test("the compute plan keeps precision bases apart", async ({ page }) => {
  await page.goto("/compute");
  await ready(page);
  await expect(page.getByTestId("precision-caveat")).toContainText("FP16");
  const intelligent = page.getByTestId("progress-PT-004");
  await expect(intelligent.getByTestId("other-basis")).toContainText("788");
  await expect(intelligent.locator("figure")).toHaveAttribute("aria-label", /precision not stated/);
  await expect(intelligent.locator("figure")).not.toContainText("788");
  await expect(intelligent.locator("figure .bar.measured")).toHaveCount(2);
  await expect(page.getByTestId("progress-PT-001")).toContainText("82% of the target");
  await expect(page.getByTestId("targets-table").locator("tbody tr")).toHaveCount(15);
  await page.getByTestId("acc-vendor").selectOption("Huawei");
  await expect(page).toHaveURL(/v=Huawei/);
  await expect(page.getByTestId("accelerators-table").locator("tbody tr")).toHaveCount(3);
  await expect(page.getByTestId("accelerators-table")).toContainText("Ascend 910B");
  await expect(page.getByTestId("controls-table")).toContainText("2023-10-17");
});

const STORY = [
  { path: "/", zh: "阿里云的转身,以及不能输的五场仗" },
  { path: "/alibaba", zh: "阿里云：转向、数字与背景", th: "日期" },
  { path: "/compute", zh: "算力规划与芯片", th: "维度" },
  { path: "/sources", zh: "来源与数据核验", th: "编号" },
];

test("every story view switches language", async ({ page }) => {
  for (const v of STORY) {
    await page.goto(v.path);
    await ready(page);
    const english = await page.locator("main h1").textContent();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("main h1")).toHaveText(v.zh);
    if (v.th) await expect(page.locator("main table thead th").first()).toHaveText(v.th);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("main h1")).toHaveText(english);
  }
});

// The 中文 check of every view (no English sentence) is in zh.spec.mjs.
