// The market view: measures, vendors, URL state, downloads, keyboard, gaps.
import { readFile } from "node:fs/promises";
import { test, expect, ready } from "./fixtures.mjs";

async function openMarket(page) {
  await page.goto("/");
  await ready(page);
  await page.locator("nav.views a", { hasText: "Market" }).click();
  await expect(page.locator("main h1")).toHaveText("China cloud market share");
}

test("measure switch changes the chart and never mixes Canalys with IDC", async ({ page }) => {
  await openMarket(page);
  const chart = page.getByTestId("share-chart");
  await expect(chart.locator("[data-series=alibaba] circle").first()).toBeVisible();
  await expect(page.getByTestId("measure-note")).toContainText("Canalys");
  await page.getByTestId("measure").selectOption("idc-iaas");
  await expect(page).toHaveURL(/m=idc-iaas/);
  await expect(page.getByTestId("measure-note")).toContainText("IDC");
  await expect(chart.locator("svg")).toHaveAttribute("aria-label", /IDC/);
  await expect(chart.locator("svg")).not.toHaveAttribute("aria-label", /Canalys/);
  await expect(page.getByTestId("vendor-tianyi")).toBeVisible();
  await expect(page.getByTestId("vendor-baidu")).toHaveCount(0);
});

test("vendor selection shows and hides series and is kept in the URL", async ({ page }) => {
  await openMarket(page);
  const chart = page.getByTestId("share-chart");
  await expect(chart.locator("[data-series=huawei]")).toHaveCount(1);
  await page.getByTestId("vendor-huawei").uncheck();
  await expect(page).toHaveURL(/v=alibaba,tencent,baidu,others/);
  await expect(chart.locator("[data-series=huawei]")).toHaveCount(0);
  await page.getByTestId("vendor-huawei").check();
  await expect(chart.locator("[data-series=huawei]")).toHaveCount(1);
});

test("a copied URL restores the exact view in a new page", async ({ page, context }) => {
  await openMarket(page);
  await page.getByTestId("measure").selectOption("idc-iaas");
  await page.getByTestId("vendor-aws").uncheck();
  await page.getByTestId("from").selectOption("2022H1");
  await page.getByTestId("tab-table").click();
  const url = page.url();
  const headers = await page.getByTestId("share-table").locator("thead th").allTextContents();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId("share-table")).toBeVisible();
  expect(await other.getByTestId("share-table").locator("thead th").allTextContents()).toEqual(headers);
  await expect(other.getByTestId("measure")).toHaveValue("idc-iaas");
  await expect(other.getByTestId("vendor-aws")).not.toBeChecked();
  await expect(other.getByTestId("from")).toHaveValue("2022H1");
  await expect(other.getByTestId("tab-table")).toHaveAttribute("aria-selected", "true");
});

test("the CSV download matches the table row for row", async ({ page }) => {
  await openMarket(page);
  await page.getByTestId("tab-table").click();
  const table = page.getByTestId("share-table");
  const header = await table.locator("thead th").allTextContents();
  const rows = await table.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent === "—" ? "" : c.textContent))),
  );
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^yunce-market-canalys-.*\.csv$/);
  const text = await readFile(await download.path(), "utf8");
  const lines = text.trim().split("\n").map((l) => l.split(","));
  // Column ids, not the screen's headers: the CSV is the same in every language.
  expect(lines[0][0]).toBe("period");
  expect(lines[0]).toContain("alibaba");
  expect(lines[0].length).toBe(header.length);
  expect(lines.slice(1)).toEqual(rows);
  expect(rows.length).toBeGreaterThan(5);
  // A quarter with no public figure is an empty cell, never zero.
  expect(rows.some((r) => r.includes(""))).toBe(true);
  expect(rows.flat()).not.toContain("0");
});

test("SVG and PNG downloads of the chart", async ({ page }) => {
  await openMarket(page);
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-svg").click()]);
  const text = await readFile(await svg.path(), "utf8");
  expect(text).toContain("<svg");
  expect(text).toContain("Alibaba Cloud");
  // The file stands on its own: a visible title, the measure and unit, the source ids.
  expect(text).toMatch(/<text[^>]*font-weight="600"[^>]*>[^<]*Canalys/);
  expect(text).toMatch(/Share of the market \(%[^)]*\)/);
  expect(text).toMatch(/Source: S\d{3}/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-png").click()]);
  const bytes = await readFile(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
});

test("missing quarters are gaps in the line, not zeros", async ({ page }) => {
  await page.goto("/market?v=baidu");
  const series = page.getByTestId("share-chart").locator("[data-series=baidu]");
  expect(await series.locator("path").count()).toBeGreaterThan(1);
  await page.getByTestId("tab-table").click();
  await expect(page.getByTestId("share-table").locator("td.gap").first()).toHaveText("—");
});

test("tooltips appear on hover and on keyboard focus", async ({ page }) => {
  await openMarket(page);
  const dot = page.getByTestId("share-chart").locator("[data-series=alibaba] circle").first();
  await dot.hover();
  await expect(page.getByTestId("tooltip")).toContainText("Alibaba Cloud");
  await page.mouse.move(0, 0);
  await dot.focus();
  await expect(page.getByTestId("tooltip")).toContainText(/Alibaba Cloud · 2020Q4: 40.3%/);
});

test("bars for one period and the year-on-year change in points", async ({ page }) => {
  await page.goto("/market?k=bar&at=2022Q2");
  await expect(page.getByTestId("share-chart").locator("rect.bar")).not.toHaveCount(0);
  // Canalys Alibaba 2022Q2 34% vs 2021Q2 33.8%: +0.2 pp.
  await expect(page.getByTestId("yoy-alibaba")).toContainText("+0.2 pp");
  await expect(page.getByTestId("seed-loss")).toContainText("IC-002");
  await expect(page.getByTestId("size")).toContainText("USD bn");
});

test("controls are reachable by keyboard with visible focus", async ({ page }) => {
  await openMarket(page);
  await page.locator("main").focus();
  const seen = new Set();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      const outline = getComputedStyle(el).outlineStyle;
      return `${el.dataset.testid ?? el.tagName}:${outline}`;
    });
    seen.add(id);
  }
  for (const id of ["measure", "vendor-huawei", "from", "tab-chart", "download-csv"]) {
    expect([...seen].some((s) => s.startsWith(`${id}:`) && !s.endsWith(":none")), id).toBe(true);
  }
  // Tabs follow the ARIA pattern: one tab stop, arrow keys move, focus stays on the tab.
  await page.getByTestId("tab-chart").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("share-table")).toBeVisible();
  await expect(page.getByTestId("tab-table")).toBeFocused();
  // A checkbox toggled by keyboard keeps focus after the view re-renders.
  await page.getByTestId("vendor-huawei").focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("vendor-huawei")).not.toBeChecked();
  await expect(page.getByTestId("vendor-huawei")).toBeFocused();
});

test("a malformed param falls back to its default with a notice", async ({ page }) => {
  await page.goto("/market?m=bogus&v=alibaba,nobody&zz=1");
  await expect(page.getByTestId("url-notice")).toContainText("m=bogus");
  await expect(page.getByTestId("url-notice")).toContainText("v=nobody");
  await expect(page.getByTestId("url-notice")).toContainText("zz=1");
  await expect(page.getByTestId("measure")).toHaveValue("canalys");
  await expect(page.getByTestId("vendor-alibaba")).toBeChecked();
  await expect(page.getByTestId("vendor-huawei")).not.toBeChecked();
});

test("Chinese labels in the market view", async ({ page }) => {
  await openMarket(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("main h1")).toHaveText("中国云市场份额");
  await expect(page.getByTestId("vendor-alibaba").locator("..")).toContainText("阿里云");
  await expect(page.getByTestId("tab-table")).toHaveText("表格");
});
