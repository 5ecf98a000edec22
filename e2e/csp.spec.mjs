// The site runs under a strict Content-Security-Policy (a meta tag in index.html and the
// same policy in _headers, which the test server sends), and every file loaded after
// the first page has a content hash in its name.
import { readFileSync } from "node:fs";
import { test, expect, ready } from "./fixtures.mjs";

const VIEW_PATHS = ["/", "/battles", "/market", "/alibaba", "/compute", "/sources", "/lab", "/plan", "/stability"];
const VIEW_COUNT = Number(readFileSync("src/views/mod.rs", "utf8").match(/ALL: \[View; (\d+)\]/)[1]);

/** Records every CSP violation the page reports. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const list = JSON.parse(sessionStorage.getItem("csp-violations") ?? "[]");
      list.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
      sessionStorage.setItem("csp-violations", JSON.stringify(list));
    });
  });
  return async () => JSON.parse((await page.evaluate(() => sessionStorage.getItem("csp-violations"))) ?? "[]");
}

test("the policy is strict: scripts from the site and hashed inline bootstrap only", async ({ page }) => {
  const response = await page.goto("/");
  await ready(page);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const policy of [meta, response.headers()["content-security-policy"]]) {
    const script = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
    expect(script).toMatch(/^script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+$/);
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("object-src 'none'");
  }
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("every view and a lab run work under the policy with no violation", async ({ page }) => {
  expect(VIEW_PATHS.length).toBe(VIEW_COUNT);
  const violations = await watchViolations(page);
  for (const path of VIEW_PATHS) {
    await page.goto(path);
    await ready(page);
    await expect(page.locator(".error-panel")).toHaveCount(0);
    // Every view shows more than its heading: its body rendered under the policy.
    await expect(page.locator("main :is(table, svg, button, p)").first()).toBeVisible();
  }
  await page.goto("/lab");
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  expect(await violations()).toEqual([]);
});

test("every file loaded after the first page has a content hash in its name", async ({ page }) => {
  const loaded = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith("http") && r.resourceType() !== "document") loaded.push(url.pathname);
  });
  await page.goto("/");
  await ready(page);
  for (const path of VIEW_PATHS.slice(1)) {
    await page.locator("nav.views a").nth(VIEW_PATHS.indexOf(path)).click();
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  // Every lab's worker loads: the stability lab (last in the nav) sets up on open, the
  // planner solves on open, and the scheduler lab starts its worker on Run.
  await expect(page.getByTestId("run")).toBeEnabled({ timeout: 30_000 });
  await page.locator("nav.views a").nth(VIEW_PATHS.indexOf("/plan")).click();
  await expect(page.getByTestId("total-eflops")).toBeVisible({ timeout: 30_000 });
  await page.locator("nav.views a").nth(VIEW_PATHS.indexOf("/lab")).click();
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  expect(loaded.length).toBeGreaterThan(3);
  for (const path of loaded) expect(path).toMatch(/-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/);
});

test("the app puts no globals on window beyond Trunk's bootstrap", async ({ page }) => {
  await page.goto("/lab");
  await ready(page);
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  // A fresh same-origin frame has every built-in global and none of the app's.
  const added = await page.evaluate(() => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const builtIn = new Set(Object.keys(frame.contentWindow));
    frame.remove();
    return Object.keys(window).filter((k) => !builtIn.has(k));
  });
  expect(added.filter((k) => k !== "wasmBindings")).toEqual([]);
});
