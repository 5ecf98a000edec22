// Yunce's service worker: after one visit every view and every lab works offline.
// scripts/post-build.py fills in VERSION (a hash of every file it lists) and PRECACHE
// (every file of the build). All names but "/" and this file carry a content hash, so
// one version's cache never holds another version's file.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `yunce-${VERSION}`;

self.addEventListener("install", (event) => {
  // A failed download leaves the old version in charge; the next visit tries again.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yunce-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A new version waits until the page says the reader chose to reload, so an open page
// never runs old and new files side by side.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "version" && event.source) event.source.postMessage({ version: VERSION });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Every path of the app is the app: a navigation gets the cached page.
  const key = request.mode === "navigate" ? "/" : url.pathname;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit ?? fetch(request)),
    ),
  );
});
