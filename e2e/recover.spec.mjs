// Loads recover: a worker script that fails to load says so with Retry, and is retried on
// Retry, on the next navigation and when the browser comes back online; a hashed module or
// worker that a deploy replaced reloads the page once, and only once.
import { testFailingLoads as test, expect, ready } from "./fixtures.mjs";

// Without the service worker, which would otherwise serve the scripts from its cache.
test.use({ serviceWorkers: "block" });

// The scheduler's worker script (`/worker-HASH.js`), not the other workers.
const SCHED_WORKER = /\/worker-[0-9a-f]+\.js$/;

async function openLab(page, query = "?p=bestfit,fgd&n=2000") {
  await page.goto(`/lab${query}`);
  await ready(page);
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
}

test("a worker script that failed to load says so; Retry loads it and the run completes", async ({ page }) => {
  await openLab(page);
  let blocked = 0;
  await page.route(SCHED_WORKER, (route) => {
    if (blocked++ === 0) return route.abort();
    return route.continue();
  });
  await page.getByTestId("run").click();
  await expect(page.getByTestId("worker-failed")).toContainText(/could not be loaded/);
  await expect(page.getByTestId("run-error")).toContainText(/worker could not load/);
  await page.getByTestId("worker-retry").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("worker-failed")).toHaveCount(0);
  expect(blocked).toBeGreaterThan(1);
});

test("offline, a worker cannot load; back online it is retried without a reload", async ({ page, context }) => {
  await openLab(page);
  const marker = await page.evaluate(() => (window.__sameDocument = Math.random()));
  await context.setOffline(true);
  await page.getByTestId("run").click();
  await expect(page.getByTestId("worker-retry")).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("worker-failed")).toHaveCount(0);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(marker);
});

test("a failed planner worker is retried on the next navigation", async ({ page }) => {
  await page.route(/\/plan_worker-[0-9a-f]+\.js$/, (route) => route.abort());
  await page.goto("/plan");
  await ready(page);
  await expect(page.getByTestId("worker-retry")).toBeVisible({ timeout: 30_000 });
  await page.unroute(/\/plan_worker-[0-9a-f]+\.js$/);
  // Any navigation retries: here, the browser's Back after a setting change.
  await page.evaluate(() => {
    history.pushState(null, "", location.href);
    history.back();
  });
  await expect(page.getByTestId("total-eflops")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("worker-failed")).toHaveCount(0);
});

test("a labs module that a deploy removed reloads the page once, then offers Retry", async ({ page }) => {
  let loads = 0;
  page.on("load", () => loads++);
  await page.route(/labs_lazy-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("/lab");
  await expect(page.getByTestId("lazy-retry")).toBeVisible({ timeout: 30_000 });
  // Settle: a second reload would show here.
  await page.waitForTimeout(1500);
  expect(loads).toBe(2);
  await expect(page.getByTestId("lazy-retry")).toBeVisible();
  await page.unroute(/labs_lazy-[^/]*\.js$/);
  await page.getByTestId("lazy-retry").click();
  await expect(page.getByTestId("run")).toBeVisible({ timeout: 30_000 });
  expect(loads).toBe(2);
});

test("a worker that a deploy removed reloads the page once, then offers Retry", async ({ page }) => {
  let loads = 0;
  page.on("load", () => loads++);
  const gone = /\/plan_worker-[0-9a-f]+\.js$/;
  await page.route(gone, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("/plan");
  await expect(page.getByTestId("worker-retry")).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  expect(loads).toBe(2);
  await page.unroute(gone);
  await page.getByTestId("worker-retry").click();
  await expect(page.getByTestId("total-eflops")).toBeVisible({ timeout: 30_000 });
  expect(loads).toBe(2);
});
