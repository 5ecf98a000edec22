// Shared fixture: every test fails on a console error, an uncaught exception or a
// request that leaves the machine.
import { test as base, expect } from "@playwright/test";

/** A page fixture that fails the test on an uncaught exception, a request that leaves the
 * machine, and (with `consoleErrors`) a console error. */
function guarded(consoleErrors) {
  return base.extend({
    page: async ({ page }, use) => {
      const problems = [];
      if (consoleErrors) {
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(`console: ${m.text()}`);
        });
      }
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("request", (r) => {
        const url = new URL(r.url());
        const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
        if (!local && !["data:", "blob:"].includes(url.protocol)) problems.push(`external request: ${r.url()}`);
      });
      await use(page);
      expect(problems, "console errors, uncaught exceptions or external requests").toEqual([]);
    },
  });
}

export const test = guarded(true);

/**
 * For tests that make loads fail on purpose: the console's network errors are expected
 * there, so only an uncaught exception or an external request fails the test.
 */
export const testFailingLoads = guarded(false);
export { expect };

/** Waits until the app has rendered its first view. */
export async function ready(page) {
  await page.locator("main h1").first().waitFor();
}

/**
 * The longest main-thread task a lab may cost while it runs: input answered within 100 ms,
 * as a user perceives it. The stricter 50 ms target is a benchmark (scripts/budget.mjs,
 * median of runs), since one test run on a loaded machine cannot tell it apart from noise.
 */
export const FREEZE_MS = 100;

// Main-thread long tasks, recorded as the budgets record them.
export { watchTasks as watchLongTasks, recordedTasks as longTasks } from "../scripts/budget-tasks.mjs";

/**
 * Waits for `selector` to match, polling with a bare querySelector every 50 ms. While long
 * tasks are watched, use this rather than a locator assertion: a failed assertion poll
 * walks the page's accessibility tree on its main thread, and its cost would be counted
 * as the app's.
 */
export async function appears(page, selector, timeout = 30_000) {
  await page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 50, timeout });
}
