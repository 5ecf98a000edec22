// The five battles, two years on: every battle with its claim, outcomes and verdict; the
// verdict's evidence; "try it" links landing on their lab presets; exports; and the rule
// that every outcome row in the data is shown with a source.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { test, expect, ready } from "./fixtures.mjs";
import { parseCsv } from "./csv-read.mjs";

/** A shipped data file as objects keyed by its header. */
function table(name) {
  const [header, ...rows] = parseCsv(readFileSync(`crates/yunce-data/data/${name}`, "utf8")).filter((r) => r.length > 1);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const OUTCOMES = table("outcomes.csv");
const VERDICTS = table("verdicts.csv");
const BATTLES = table("battles.csv");
const TRY = table("try_links.csv");

async function open(page, query = "") {
  await page.goto(`/battles${query}`);
  await ready(page);
}

test("every battle shows its claim, every outcome row with a source, and a verdict", async ({ page }) => {
  await open(page);
  expect(OUTCOMES.length).toBe(50);
  // Every outcome row in the data is shown, once, in its battle.
  await expect(page.locator('[data-testid^="outcome-OC-"]')).toHaveCount(OUTCOMES.length);
  for (const b of BATTLES) {
    const section = page.getByTestId(`battle-${b.n}`);
    await expect(section.getByTestId(`claim-${b.n}`)).toContainText(b.title_zh);
    await expect(section.getByTestId(`claim-${b.n}`)).toContainText(b.title_en);
    const mine = OUTCOMES.filter((o) => o.battle === b.id);
    await expect(section.locator('[data-testid^="outcome-OC-"]')).toHaveCount(mine.length);
    for (const o of mine) await expect(section.getByTestId(`outcome-${o.id}`)).toBeVisible();
    const v = VERDICTS.find((x) => x.battle === b.id);
    await expect(section.getByTestId(`verdict-${b.n}`)).toContainText("Our reading of the evidence");
    await expect(section.getByTestId(`evidence-toggle-${b.n}`)).toHaveText(`Evidence (${v.evidence.split(";").length} rows)`);
    // The dated strip draws one mark per outcome.
    await expect(page.getByTestId(`strip-${b.n}`).locator("svg")).toBeVisible();
  }
  // No figure without a source: every card, headline and plan total carries a source chip.
  for (const sel of ['[data-testid^="outcome-OC-"]', '[data-testid^="headline-OC-"]', '[data-testid^="capex-FIN"]', '[data-testid^="capex-OC"]']) {
    const cards = page.locator(sel);
    const n = await cards.count();
    for (let i = 0; i < n; i++) await expect(cards.nth(i).locator('a.chip[href*="/sources?id=S"]').first()).toBeVisible();
  }
  // Confidence shows wherever an outcome appears.
  await expect(page.locator('[data-testid^="outcome-OC-"] [data-testid="confidence"]')).toHaveCount(OUTCOMES.length);
});

test("a verdict's evidence opens from the URL and each row link lands on a cited card", async ({ page }) => {
  await open(page);
  const v = VERDICTS.find((x) => x.battle === "B-3");
  await page.getByTestId("evidence-toggle-3").click();
  await expect(page).toHaveURL(/ev=3/);
  await expect(page.getByTestId("evidence-toggle-3")).toHaveAttribute("aria-expanded", "true");
  const links = page.getByTestId("evidence-list-3").getByTestId("evidence-link");
  await expect(links).toHaveCount(v.evidence.split(";").filter((id) => id.startsWith("OC-")).length);
  const first = v.evidence.split(";")[0];
  await links.first().click();
  const card = page.getByTestId(`outcome-${first}`);
  await expect(card).toBeInViewport();
  await expect(card).toHaveClass(/highlight/);
  await expect(card).toHaveClass(/cited/);
  // The open evidence survives a reload, and a second click closes it.
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("evidence-list-3")).toBeVisible();
  await page.getByTestId("evidence-toggle-3").click();
  await expect(page).not.toHaveURL(/ev=3/);
  await expect(page.getByTestId("evidence-list-3")).toBeHidden();
  // A non-outcome row of the evidence opens its provenance.
  await open(page, "?ev=4");
  await expect(page.getByTestId("evidence-list-4").locator('a.chip[href*="fig=OUT-005"]')).toBeVisible();
});

test("try-it links land on the lab preset that speaks to the battle", async ({ page }) => {
  expect(TRY.map((t) => t.battle).sort()).toEqual(["B-1", "B-2", "B-2", "B-3", "B-4"]);
  await open(page);
  await page.getByTestId("try-link-T-2").click();
  await expect(page).toHaveURL(/\/plan\?p=after-apr-2025$/);
  await expect(page.getByTestId("preset-after-apr-2025")).toHaveAttribute("aria-pressed", "true");
  await open(page);
  await page.getByTestId("try-link-T-5").click();
  await expect(page).toHaveURL(/\/stability\?p=sg-zone-c$/);
  await expect(page.getByTestId("preset-sg-zone-c")).toHaveAttribute("aria-pressed", "true");
  await open(page);
  await page.getByTestId("try-link-T-3").click();
  await expect(page).toHaveURL(/\/lab\?m=replay&q=backfill$/);
  await expect(page.getByTestId("mode-replay")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("queue-backfill")).toHaveAttribute("aria-pressed", "true");
  await open(page);
  await page.getByTestId("try-link-T-1").click();
  await expect(page.getByTestId("preset-seed-increment")).toHaveAttribute("aria-pressed", "true");
});

test("filters live in the URL and hide rows only with a count", async ({ page }) => {
  await open(page);
  await page.getByTestId("show-4").click();
  await expect(page).toHaveURL(/b=4/);
  await expect(page.locator("section.battle")).toHaveCount(1);
  await page.getByTestId("floor-high").click();
  await expect(page).toHaveURL(/conf=high/);
  const high = OUTCOMES.filter((o) => o.battle === "B-4" && o.confidence === "high");
  await expect(page.locator('[data-testid^="outcome-OC-"]')).toHaveCount(high.length);
  await expect(page.getByTestId("hidden-4")).toContainText(String(OUTCOMES.filter((o) => o.battle === "B-4").length - high.length));
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("floor-high")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("show-all").click();
  await page.getByTestId("floor-all").click();
  await expect(page.locator('[data-testid^="outcome-OC-"]')).toHaveCount(OUTCOMES.length);
  // A row deep link (as the sources view makes) highlights its card.
  await open(page, "?row=OC-036");
  await expect(page.getByTestId("outcome-OC-036")).toHaveClass(/highlight/);
  await expect(page.getByTestId("outcome-OC-036")).toBeInViewport();
});

test("exports: the outcomes CSV holds every row with its sources, charts give SVG and CSV", async ({ page }) => {
  await open(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("outcomes-csv").click()]);
  const rows = parseCsv(await readFile(await download.path(), "utf8")).filter((r) => r.length > 1);
  const [header, ...body] = rows;
  expect(header).toEqual(expect.arrayContaining(["battle", "row_id", "verdict", "cited_by_verdict", "confidence", "source_ids"]));
  expect(body.length).toBe(OUTCOMES.length);
  const col = (name) => header.indexOf(name);
  expect(new Set(body.map((r) => r[col("row_id")]))).toEqual(new Set(OUTCOMES.map((o) => o.id)));
  for (const r of body) {
    expect(r.length).toBe(header.length);
    expect(r[col("source_ids")]).toMatch(/^S\d+/);
    expect(r[col("verdict")]).toMatch(/^(won|mixed|lost|too-early)$/);
    for (const cell of r) expect(cell).not.toMatch(/^[=+@]/);
  }
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("strip-3-svg").click()]);
  expect(svg.suggestedFilename()).toBe("yunce-battle-3-outcomes.svg");
  const text = await readFile(await svg.path(), "utf8");
  expect(text).toContain("<svg");
  expect(text).toContain("Battle 3");
  const moved = page.getByTestId("moved-cloud-growth");
  await expect(moved.locator("svg rect.band")).toHaveCount(1);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("cloud-growth-csv").click()]);
  const growth = parseCsv(await readFile(await csv.path(), "utf8")).filter((r) => r.length > 1);
  expect(growth[0]).toEqual(["period", "series", "value", "unit", "row_id", "derived", "confidence", "source_ids"]);
  expect(growth.length).toBeGreaterThan(5);
  for (const r of growth.slice(1)) expect(r[7]).toMatch(/^S\d+/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ai-streak-png").click()]);
  expect(png.suggestedFilename()).toBe("yunce-battles-ai-streak.png");
  // Market share: one chart per measure, never IDC and Canalys on one axis; the table is one click away.
  await page.getByTestId("moved-measure").selectOption("canalys");
  await expect(page).toHaveURL(/m=canalys/);
  await expect(page.locator('[data-testid^="moved-share-"]')).toHaveCount(1);
  await page.getByTestId("share-canalys-table").locator("summary").click();
  await expect(page.getByTestId("share-canalys-table").locator("tbody tr").first()).toBeVisible();
});

test("in 中文 the view shows the seed's words and no English sentence", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("main h1")).toHaveText("五场仗，两年之后");
  await expect(page.getByTestId("verdict-3")).toContainText("我们对证据的解读");
  const english = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang="en"], script, style, code')) continue;
      if (/(?:\b[A-Za-z][a-z'’-]*\b[ ,;:]+){3}\b[A-Za-z][a-z'’-]*\b/.test(n.textContent)) out.push(n.textContent.trim().slice(0, 80));
    }
    return out;
  });
  expect(english).toEqual([]);
  await page.getByRole("button", { name: "English" }).click();
});

test("the overview's battle cards and the sources view lead here", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await page.getByTestId("battle-2-outcome").click();
  await expect(page).toHaveURL(/\/battles\?b=2$/);
  await expect(page.locator("section.battle")).toHaveCount(1);
  await page.goto("/sources?fig=OC-012");
  await ready(page);
  await expect(page.locator("main")).toContainText("OC-012");
});
