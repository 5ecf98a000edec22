// Shared fixture: every test fails on a console error, an uncaught exception or a
// request that leaves the machine.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      const url = new URL(r.url());
      const local = url.hostname === "127.0.0.1" || url.hostname === "localhost";
      if (!local && !["data:", "blob:"].includes(url.protocol)) problems.push(`external request: ${r.url()}`);
    });
    await use(page);
    expect(problems, "console errors or external requests").toEqual([]);
  },
});
export { expect };

/** Waits until the app has rendered its first view. */
export async function ready(page) {
  await page.locator("main h1").first().waitFor();
}
