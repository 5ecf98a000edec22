// The labs are a module loaded when a lab first opens. A failed load says what failed,
// offers Retry, and recovers without a page reload: when the browser comes back online,
// or when Retry is pressed.
import { testFailingLoads as test, expect, ready } from "./fixtures.mjs";

// Without the service worker, which would otherwise serve the module from its cache.
test.use({ serviceWorkers: "block" });

const openLab = (page) => page.locator("nav.views a[href='/lab']").click();

test("offline, a lab says it could not load; back online it loads without a reload", async ({ page, context }) => {
  await page.goto("/");
  await ready(page);
  const marker = await page.evaluate(() => (window.__sameDocument = Math.random()));
  await context.setOffline(true);
  await openLab(page);
  await expect(page.locator(".error-panel")).toContainText(/could not be loaded/);
  await expect(page.getByTestId("lazy-retry")).toBeVisible();
  // The shell keeps working meanwhile.
  await page.locator("nav.views a[href='/market']").click();
  await expect(page.locator("main h1").first()).toBeVisible();
  await openLab(page);
  await expect(page.getByTestId("lazy-retry")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".error-panel")).toHaveCount(0);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(marker);
});

test("a module that failed to load is fetched again on Retry", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await page.route(/labs_lazy-/, (route) => route.abort());
  await page.locator("nav.views a[href='/plan']").click();
  await expect(page.getByTestId("lazy-retry")).toBeVisible();
  await page.unroute(/labs_lazy-/);
  await page.getByTestId("lazy-retry").click();
  await expect(page.getByTestId("total-eflops")).toBeVisible({ timeout: 30_000 });
});

test("a lab opened and left is unmounted, and its state comes back from the URL", async ({ page }) => {
  await page.goto("/stability?p=ak-whitelist&y=800");
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".lab-host")).toHaveCount(1);
  await page.locator("nav.views a[href='/market']").click();
  await expect(page.locator(".lab-host")).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/p=ak-whitelist/);
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
  // One lab at a time: the shell mounted exactly one.
  await expect(page.locator(".lab-host")).toHaveCount(1);
  await expect(page.locator("main h1")).toHaveCount(1);
});
