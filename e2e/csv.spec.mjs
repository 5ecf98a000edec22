// CSV exports: a hostile file name round-trips through the lab's download as one inert
// cell, every row has the header's width, and import rejects what Run could not use.
import { readFile } from "node:fs/promises";
import { test, expect, ready } from "./fixtures.mjs";
import { parseCsv } from "./csv-read.mjs";

const NODES = "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,393216,8,G2\n";
const PODS =
  "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np0,12000,16384,1,1000\np1,6000,12288,1,460\np2,8000,0,0,0\n";
const HOSTILE = "=SUM(1+1),x";

async function openLab(page, query = "") {
  await page.goto(`/lab${query}`);
  await ready(page);
  await expect(page.getByTestId("run")).toBeVisible();
}

function file(name, text) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(text) };
}

test("a hostile pod file name is one inert cell in the lab's CSV", async ({ page }) => {
  await openLab(page, "?p=bestfit,fgd");
  await page.getByTestId("nodes-file").setInputFiles(file("nodes.csv", NODES));
  await expect(page.getByTestId("nodes-ok")).toBeVisible();
  await page.getByTestId("pods-file").setInputFiles(file(`${HOSTILE}.csv`, PODS));
  await expect(page.getByTestId("pods-ok")).toBeVisible();
  await page.getByTestId("run").click();
  await expect(page.getByTestId("lab-summary")).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const rows = parseCsv(await readFile(await download.path(), "utf8"));
  const [header, ...data] = rows;
  const w = header.indexOf("workload");
  expect(data.length).toBeGreaterThan(0);
  for (const r of data) {
    expect(r.length).toBe(header.length);
    expect(r[w]).toBe(`'${HOSTILE}`);
    for (const cell of r) expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell)).toBe(false);
  }
});

test("a header-only pod list and a cluster without GPUs are rejected when dropped", async ({ page }) => {
  await openLab(page);
  await page.getByTestId("pods-file").setInputFiles(file("empty.csv", "name,cpu_milli,memory_mib,num_gpu,gpu_milli\n"));
  await expect(page.getByTestId("file-error")).toContainText("empty.csv: line 2");
  await expect(page.getByTestId("pods-ok")).toHaveCount(0);
  await page.getByTestId("nodes-file").setInputFiles(file("cpu.csv", "sn,cpu_milli,memory_mib,gpu,model\nc0,64000,1024,0,\n"));
  await expect(page.getByTestId("file-error")).toContainText("cpu.csv: line 2, column gpu");
  await expect(page.getByTestId("nodes-ok")).toHaveCount(0);
});
