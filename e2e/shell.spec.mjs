// The app shell: every view in the nav opens, language and theme persist, bad
// links recover, deep links work on a static host.
import { test, expect, ready } from "./fixtures.mjs";
import { VIEWS, VIEW_COUNT } from "./views.mjs";

test("every view in the nav opens with a heading and a title", async ({ page }) => {
  expect(VIEWS.length).toBe(VIEW_COUNT);
  await page.goto("/");
  await ready(page);
  const links = page.locator("nav.views a");
  await expect(links).toHaveCount(VIEW_COUNT);
  for (const v of VIEWS) {
    await links.filter({ hasText: v.en }).click();
    await expect(page).toHaveURL(new RegExp(`${v.path === "/" ? "/$" : v.path}`));
    await expect(page.locator("main h1").first()).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(v.en));
    await expect(page.locator(".error-panel")).toHaveCount(0);
  }
});

test("language switch shows Chinese labels on every view and persists", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  for (const v of VIEWS) {
    await page.locator("nav.views a").filter({ hasText: v.zh }).click();
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  await page.locator("nav.views a").filter({ hasText: "市场" }).click();
  await expect(page.locator("main h1")).toHaveText("中国云市场份额");
  await page.reload();
  await ready(page);
  await expect(page.locator("main h1")).toHaveText("中国云市场份额");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("main h1")).toHaveText("China cloud market share");
});

test("theme follows the system, can be overridden, and persists", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await ready(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await bg()).toBe("rgb(21, 25, 30)");
  // While the choice is "system", a change of the system theme is followed live.
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(bg).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(bg).toBe("rgb(21, 25, 30)");
  await page.getByTestId("theme").selectOption("light");
  expect(await bg()).toBe("rgb(255, 255, 255)");
  await page.reload();
  await ready(page);
  expect(await bg()).toBe("rgb(255, 255, 255)");
  await expect(page.getByTestId("theme")).toHaveValue("light");
});

test("a deep link loads on a static host and an unknown path says so", async ({ page }) => {
  await page.goto("/market?tab=table");
  await expect(page.getByTestId("share-table")).toBeVisible();
  await page.goto("/no-such-view");
  await expect(page.locator(".error-panel")).toContainText("Page not found");
  await expect(page.locator("nav.views a")).toHaveCount(VIEWS.length);
});

test("the layout works at 375 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const v of VIEWS) {
    await page.goto(v.path);
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${v.path}`).toBeLessThanOrEqual(0);
  }
});

test("the footer gives the data's as-of date and links to sources", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await expect(page.locator("footer")).toContainText(/Data as of \d{4}-\d{2}/);
  await page.locator("footer a").click();
  await expect(page).toHaveURL(/\/sources$/);
  await expect(page.locator("main h1")).toBeVisible();
});
