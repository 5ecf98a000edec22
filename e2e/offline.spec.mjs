// Offline after one visit, installable, and a new deploy offered rather than mixed in.
import { readFileSync, cpSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { test, expect, ready } from "./fixtures.mjs";

const VIEW_COUNT = Number(readFileSync("src/views/mod.rs", "utf8").match(/ALL: \[View; (\d+)\]/)[1]);
const dist = process.env.YUNCE_DIST ?? "dist";

/** Waits until the service worker controls the page and has precached the build. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout: 60_000 });
}

test("after one visit every view opens and every lab runs with the network off", async ({ page, context }) => {
  await page.goto("/");
  await ready(page);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  const links = page.locator("nav.views a");
  await expect(links).toHaveCount(VIEW_COUNT);
  for (let i = 0; i < VIEW_COUNT; i++) {
    await links.nth(i).click();
    await expect(page.locator("main h1").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator(".error-panel")).toHaveCount(0);
  }
  // The scheduler lab runs its six policies in its worker.
  await page.locator("nav.views a[href='/lab']").click();
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 60_000 });
  // The planner solves on open; the stability lab runs.
  await page.locator("nav.views a[href='/plan']").click();
  await expect(page.getByTestId("total-eflops")).toBeVisible({ timeout: 30_000 });
  await page.locator("nav.views a[href='/stability']").click();
  await expect(page.getByTestId("run")).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId("run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="progress"]')?.dataset.running === "false"
    && document.querySelector('[data-testid="elapsed"]'), null, { timeout: 60_000 });
  // A deep link opened offline is the app too.
  await page.goto("/market?k=bar&at=2023Q3");
  await expect(page.locator("main h1").first()).toBeVisible();
  await context.setOffline(false);
});

test("the site is installable: a manifest with a name, start URL and icons that load", async ({ page, request }) => {
  await page.goto("/");
  await ready(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toMatch(/^\/manifest-[0-9a-f]{16}\.webmanifest$/);
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toContain("Yunce");
  expect(manifest.start_url).toBe("/");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()["content-type"]).toBe(icon.type);
  }
});

test("a new deploy is offered as a reload, and the page never mixes versions", async ({ browser }) => {
  // A copy of the site on its own port, so this test can deploy a new version of it.
  const root = mkdtempSync(join(tmpdir(), "yunce-deploy-"));
  cpSync(dist, root, { recursive: true });
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = spawn("node", ["scripts/static-server.mjs", root, String(port)], { stdio: "ignore" });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const context = await browser.newContext();
    const page = await context.newPage();
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/market`);
    await ready(page);
    await controlled(page);
    const version = () => page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("message", (e) => resolve(e.data.version), { once: true });
      navigator.serviceWorker.controller.postMessage("version");
    }));
    const first = await version();
    await expect(page.getByTestId("update-notice")).toHaveCount(0);
    // The deploy: a changed service worker (as any changed file makes it).
    appendFileSync(join(root, "sw.js"), "\n// deploy 2\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByTestId("update-notice")).toBeVisible({ timeout: 30_000 });
    // Until the reader chooses, the old version stays in charge.
    expect(await version()).toBe(first);
    await Promise.all([page.waitForEvent("load"), page.getByTestId("update-reload").click()]);
    await ready(page);
    await expect(page).toHaveURL(/\/market$/);
    await expect(page.getByTestId("update-notice")).toHaveCount(0);
    await context.close();
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
