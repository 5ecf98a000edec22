// A header that fits a phone, and no theme flash: a dark system never sees a light
// frame before the app starts, and a stored choice wins once it has.
import { test, expect, ready } from "./fixtures.mjs";
import { VIEWS } from "./views.mjs";

const DARK = "rgb(21, 25, 30)";
const LIGHT = "rgb(255, 255, 255)";

test("at 375 px the nav is one row, the header at most 120 px, language and theme one tap away", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  const heights = [];
  for (const v of VIEWS) {
    await page.goto(v.path);
    await ready(page);
    const m = await page.evaluate(() => {
      const header = document.querySelector("header.top").getBoundingClientRect();
      const tops = [...document.querySelectorAll("nav.views a")].map((a) => Math.round(a.getBoundingClientRect().top));
      return { height: header.height, tops };
    });
    heights.push(`${v.path} ${m.height.toFixed(1)} px`);
    expect(m.height, `header height on ${v.path}`).toBeLessThanOrEqual(120);
    expect(new Set(m.tops).size, `nav rows on ${v.path}: ${m.tops}`).toBe(1);
    // The current view's link is scrolled into sight.
    await expect(page.locator('nav.views a[aria-current="page"]')).toBeInViewport();
    for (const control of [page.getByRole("button", { name: "English" }), page.getByRole("button", { name: "中文" }), page.getByTestId("theme")]) {
      await expect(control).toBeInViewport();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${v.path}`).toBeLessThanOrEqual(0);
  }
  // In Chinese too: the labels differ in width.
  await page.getByRole("button", { name: "中文" }).click();
  const zh = await page.evaluate(() => document.querySelector("header.top").getBoundingClientRect().height);
  heights.push(`zh ${zh.toFixed(1)} px`);
  expect(zh).toBeLessThanOrEqual(120);
  console.log(`header height at 375x812: ${heights.join(", ")}`);
});

test("a dark system sees a dark page before the app starts", async ({ browser }) => {
  // No app at all: the wasm is refused, so only the stylesheet decides.
  for (const [scheme, expected] of [["dark", DARK], ["light", LIGHT]]) {
    const context = await browser.newContext({ colorScheme: scheme, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.route("**/*.wasm", (r) => r.abort());
    await page.goto("/");
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => document.documentElement.hasAttribute("data-theme"))).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), scheme).toBe(expected);
    await context.close();
  }
});

test("with a stored light choice on a dark system the app ends light", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", serviceWorkers: "block" });
  await context.addInitScript(() => localStorage.setItem("yunce.theme", JSON.stringify("light")));
  const page = await context.newPage();
  await page.goto("/");
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(LIGHT);
  await expect(page.getByTestId("theme")).toHaveValue("light");
  await context.close();
});
