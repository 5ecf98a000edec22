// 中文 all the way down: in Chinese no view shows an English sentence, except source
// titles and outlet names that are English in the original (marked lang="en").
// The test also logs, per view, the share of text lines that are English prose.
import { test, expect, ready } from "./fixtures.mjs";

// Every view, and the states that show more fact-base prose: the market's sources tab,
// the deep-linked cards of /sources.
const VIEWS = [
  "/",
  "/battles",
  "/battles?ev=3",
  "/sources?fig=OC-012",
  "/sources?fig=OUT-005",
  "/market",
  "/market?tab=table",
  "/market?tab=sources",
  "/alibaba",
  "/compute",
  "/sources",
  "/sources?fig=FIN-024",
  "/sources?fig=SZ-001",
  "/sources?fig=MS-010",
  "/sources?fig=IC-002",
  "/sources?id=S014",
  "/lab",
  "/plan",
  "/stability",
];

/** Text lines in main (text nodes with letters), those that are English sentences (four
 * English words in a row) and those that are mostly English (a lowercase word and more
 * Latin letters than Chinese characters), outside elements marked lang="en". */
async function englishLines(page) {
  return page.evaluate(() => {
    const english = [];
    let lines = 0;
    let mostly = 0;
    const samples = new Set();
    const main = document.querySelector("main");
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script, style, [hidden]")) continue;
      if (!/\p{L}/u.test(n.textContent)) continue;
      lines += 1;
      if (el.closest('[lang="en"], code')) continue;
      const latin = (n.textContent.match(/[A-Za-z]/g) ?? []).length;
      const han = (n.textContent.match(/\p{Script=Han}/gu) ?? []).length;
      if (/[a-z]{3,}/.test(n.textContent) && latin > han) {
        mostly += 1;
        samples.add(n.textContent.trim().slice(0, 60));
      }
      if (/(?:\b[A-Za-z][a-z'’-]*\b[ ,;:]+){3}\b[A-Za-z][a-z'’-]*\b/.test(n.textContent)) {
        english.push(n.textContent.trim().slice(0, 100));
      }
    }
    return { lines, english, mostly, samples: [...samples] };
  });
}

test("in 中文 no view shows an English sentence outside source titles and outlets", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  const report = [];
  const failures = {};
  for (const path of VIEWS) {
    await page.goto(path);
    await ready(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    // The story views paint their tables a frame later; the labs mount their bundle.
    await page.locator("main table, main section, main .card").first().waitFor();
    await page.waitForTimeout(400);
    const { lines, english, mostly, samples } = await englishLines(page);
    if (process.env.YUNCE_ZH_SAMPLES) console.log(`[zh] ${path} mostly English: ${JSON.stringify(samples)}`);
    const pct = (k) => (lines ? (100 * k) / lines : 0).toFixed(1);
    report.push(
      `${path}: ${lines} lines; English sentences ${english.length} (${pct(english.length)}%); ` +
        `mostly English ${mostly} (${pct(mostly)}%)`,
    );
    if (english.length) failures[path] = english;
  }
  console.log(`[zh] English prose lines per view:\n${report.join("\n")}`);
  expect(failures, "English prose in 中文").toEqual({});
});

test("in 中文 /sources searches the Chinese text, and English still works", async ({ page }) => {
  await page.goto("/sources");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  const list = page.getByTestId("source-list").locator("tbody tr");
  await page.getByTestId("source-search").fill("弱镜像");
  await expect(page).toHaveURL(/q=%E5%BC%B1/);
  const some = await list.count();
  expect(some).toBeGreaterThan(10);
  for (const t of await list.allTextContents()) expect(t).toContain("弱镜像");
  // The same sources by their English judgement.
  await page.getByTestId("source-search").fill("weak mirror");
  await expect(list).toHaveCount(some);
  // A date in words is searchable in Chinese; an ISO date reads 年月日.
  await page.getByTestId("source-search").fill("S001");
  await expect(list.first()).toContainText("2023（第三季度）");
  await expect(list.first()).toContainText("一手来源（分析机构自己的发布）");
  await page.getByTestId("source-search").fill("S014");
  await expect(list.first()).toContainText(/\d{4}年\d{1,2}月/);
  // The deep-linked figure card describes its row in Chinese.
  await page.goto("/sources?fig=FIN-024");
  await expect(page.getByTestId("figure-card")).toContainText("经调整EBITA");
  await expect(page.getByTestId("figure-card")).toContainText("14.09亿元");
});
