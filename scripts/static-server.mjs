// Serves dist/ on 127.0.0.1 like a static host: files as they are, the headers of
// dist/_headers (the Content-Security-Policy among them), and 404.html (a copy of the
// app) for any other path, so deep links such as /market load.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const root = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 4173);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

// The `/*` block of a Netlify/Cloudflare-style _headers file: "  Name: value" lines.
async function siteHeaders() {
  const text = (await file(join(root, "_headers")))?.toString("utf8") ?? "";
  const headers = {};
  let inAll = false;
  for (const line of text.split("\n")) {
    if (!line.startsWith(" ")) inAll = line.trim() === "/*";
    else if (inAll && line.includes(":")) {
      const at = line.indexOf(":");
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const safe = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let path = join(root, safe.endsWith("/") ? join(safe, "index.html") : safe);
  let body = await file(path);
  if (!body) {
    path = join(root, "404.html");
    body = await file(path);
  }
  if (!body) {
    res.writeHead(404).end("not found");
    return;
  }
  const headers = await siteHeaders();
  headers["content-type"] = types[extname(path)] ?? "application/octet-stream";
  res.writeHead(200, headers);
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} at http://127.0.0.1:${port}/`));
