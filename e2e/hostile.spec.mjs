// Hostile links: long, direction-flipping or countless params never widen, flip or stall a
// view, and /index.html is the overview.
import { test, expect, ready } from "./fixtures.mjs";

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("a 7,000-character value is echoed cut to 80 characters and the page keeps its width", async ({ page }) => {
  const long = "x".repeat(7000);
  for (const path of [`/market?m=${long}`, `/lab?m=${long}`, `/?${long}=1`]) {
    await page.goto(path);
    await ready(page);
    const notice = page.getByTestId("url-notice");
    await expect(notice).toBeVisible();
    const text = await notice.locator("li").first().innerText();
    expect(text.length, `echo on ${path}`).toBeLessThan(100);
    expect(text).toContain("…");
    expect(await overflow(page), `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test("a right-to-left override in a param is not echoed", async ({ page }) => {
  await page.goto(`/market?m=${encodeURIComponent("abc\u202Edef")}`);
  await ready(page);
  const text = await page.getByTestId("url-notice").locator("li").first().innerText();
  expect(text).toBe("m=abcdef");
});

test("thousands of unknown params are summarised and the view still opens", async ({ page }) => {
  // A 40 KB query is beyond what HTTP servers accept in a request line, but not beyond a
  // link the app can be sent to: it arrives through history, as an in-app link would.
  await page.goto("/sources");
  await ready(page);
  await page.evaluate(() => {
    const params = Array.from({ length: 5000 }, (_, i) => `p${i}=1`).join("&");
    history.pushState(null, "", `/sources?${params}`);
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await expect(page.getByTestId("url-notice").locator("li")).toHaveCount(8);
  await expect(page.getByTestId("url-notice-more")).toContainText("4992 more");
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test("/index.html and /index.html?… open the overview", async ({ page }) => {
  for (const path of ["/index.html", "/index.html?lang=en"]) {
    await page.goto(path);
    await ready(page);
    await expect(page.locator(".error-panel")).toHaveCount(0);
    await expect(page.locator("nav.views a[aria-current='page']")).toHaveAttribute("href", "/");
    expect(new URL(page.url()).pathname).toBe("/");
  }
});

test("a pod living 1e11 s replays with compress 2000; one beyond the format's limit is refused at import", async ({ page }) => {
  test.setTimeout(150_000);
  const { readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const file = path.resolve("..", "shared", "data", "alibaba-gpu-v2023", "openb_pod_list_default.csv");
  const lines = (await readFile(file, "utf8")).split("\n");
  const col = lines[0].split(",").indexOf("deletion_time");
  const withDeletion = (t) => {
    const first = lines[1].split(",");
    first[col] = t;
    return Buffer.from([lines[0], first.join(","), ...lines.slice(2)].join("\n"));
  };
  await page.goto("/lab?m=replay&p=fgd&s=42");
  await ready(page);
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
  // 1e13 s is beyond what the trace format can mean: refused with the line, the column and
  // the limit, and the lab keeps working.
  await page.getByTestId("pods-file").setInputFiles({ name: "beyond.csv", mimeType: "text/csv", buffer: withDeletion("10000000000000") });
  await expect(page.getByTestId("file-error")).toContainText("beyond.csv: line 2, column deletion_time");
  await expect(page.getByTestId("file-error")).toContainText("limit 1000000000000");
  // A pod living 1e11 s (three thousand years) is accepted, and the replay finishes with results.
  await page.getByTestId("pods-file").setInputFiles({ name: "long-lived.csv", mimeType: "text/csv", buffer: withDeletion("100000000000") });
  await expect(page.getByTestId("pods-ok")).toContainText("8152 pods");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId("run-error")).toHaveCount(0);
});
