// End-to-end tests drive Debian's /usr/bin/chromium against the built dist/.
import { defineConfig } from "@playwright/test";

// YUNCE_DIST and YUNCE_PORT let several builds be tested side by side.
const dist = process.env.YUNCE_DIST ?? "dist";
const port = Number(process.env.YUNCE_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node scripts/static-server.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
