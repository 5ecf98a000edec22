#!/usr/bin/env python3
"""Trunk post-build hook: makes the staged site safe to host as it is.

1. Every worker script gets a content-hashed name, so a static host never serves an old
   worker beside a new app. Trunk names workers `NAME.js` + `NAME_bg.wasm`; this writes
   `NAME-HASH.js` (wasm-bindgen's script plus the one line that starts it) and
   `NAME-HASH_bg.wasm`, and tells the app the name in `<meta name="yunce-worker-NAME">`.
2. index.html gets a strict Content-Security-Policy as a `<meta http-equiv>`: scripts
   only from the site itself, plus the sha256 of Trunk's inline bootstrap; no eval.
   `_headers` carries the same policy for hosts that read one, plus what a meta tag
   cannot say (frame-ancestors).
3. The labs bundle (an ES module the shell imports on demand) gets a content-hashed name
   the same way, with its wasm file's new name written into its script.
4. wasm-bindgen snippets (`snippets/CRATE-HASH/inline0.js`) are renamed after their
   content, and the scripts that import them are renamed after theirs, with the
   Subresource-Integrity attributes in index.html taken from the bytes that ship.
5. The web app manifest and its icons (`assets/`) get content-hashed names and a
   `<link rel="manifest">`.
6. `sw.js`, the service worker (`assets/sw.js`), gets the list of every file of the build
   to precache and a version that changes with any of them.
7. 404.html is a copy of index.html, so deep links such as /market load on static hosts.

Run by Trunk with TRUNK_STAGING_DIR set; `--check DIR` verifies a built dist/ instead: the
policy, the service worker, the manifest, and every integrity attribute against its file.
"""
import base64
import json
import hashlib
import os
import pathlib
import re
import sys

WORKERS = ["worker", "plan_worker", "reliab_worker"]
LAZY_MODULES = ["labs_lazy"]
POLICY = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
]


def digest(*blobs):
    h = hashlib.sha256()
    for blob in blobs:
        h.update(blob)
    return h.hexdigest()[:16]


def hash_bundle(stage, html, name, kind, point_at):
    """Renames `NAME.js` + `NAME_bg.wasm` after their content, has `point_at` make the
    script load the renamed wasm, and names the script in `<meta name="yunce-KIND-NAME">`."""
    js, wasm = stage / f"{name}.js", stage / f"{name}_bg.wasm"
    if not js.exists() or not wasm.exists():
        sys.exit(f"post-build: Trunk did not emit {js.name} and {wasm.name}")
    tag = digest(js.read_bytes(), wasm.read_bytes())
    hashed_wasm = f"{name}-{tag}_bg.wasm"
    script = point_at(js.read_text(encoding="utf-8"), hashed_wasm, name)
    (stage / f"{name}-{tag}.js").write_text(script, encoding="utf-8")
    wasm.rename(stage / hashed_wasm)
    js.unlink()
    # Trunk's loader for a worker names the old file; the app starts workers itself.
    (stage / f"{name}_loader.js").unlink(missing_ok=True)
    meta = f'<meta name="yunce-{kind}-{name}" content="/{name}-{tag}.js" />'
    return html.replace("</head>", f"    {meta}\n  </head>", 1)


def start_worker(script, hashed_wasm, _name):
    """A classic worker script: wasm-bindgen's code plus the one line that starts it."""
    return script + f'\nwasm_bindgen({{ module_or_path: "./{hashed_wasm}" }});\n'


def module_wasm_url(script, hashed_wasm, name):
    """An ES module finds its wasm beside itself; the URL it names gets the new name."""
    default_url = f"new URL('{name}_bg.wasm', import.meta.url)"
    if script.count(default_url) != 1:
        sys.exit(f"post-build: {name}.js does not name its wasm file as expected")
    return script.replace(default_url, f"new URL('{hashed_wasm}', import.meta.url)")


def sri(blob):
    return "sha384-" + base64.b64encode(hashlib.sha384(blob).digest()).decode()


def set_integrity(html, href, blob):
    pattern = re.compile(r'(<link[^>]*href="%s"[^>]*integrity=")[^"]*(")' % re.escape(href))
    return pattern.sub(lambda m: m.group(1) + sri(blob) + m.group(2), html)


def wrong_integrity(dist, html):
    """The files that index.html names with an integrity their bytes do not have."""
    wrong = []
    for tag in re.findall(r"<link[^>]*>", html):
        href = re.search(r'href="/([^"]+)"', tag)
        integrity = re.search(r'integrity="([^"]+)"', tag)
        if href and integrity and sri((dist / href.group(1)).read_bytes()) != integrity.group(1):
            wrong.append(href.group(1))
    return wrong


def hash_snippets(stage, html):
    importers = sorted(stage.glob("*.js"))
    for snippet in sorted(stage.glob("snippets/*/*.js")):
        old = snippet.relative_to(stage).as_posix()
        blob = snippet.read_bytes()
        if not blob.strip():
            sys.exit(f"post-build: {old} is empty (copied while wasm-bindgen rewrote it); build again")
        new = f"{snippet.parent.relative_to(stage).as_posix()}/{snippet.stem}-{digest(blob)}.js"
        snippet.rename(stage / new)
        html = html.replace(f'"/{old}"', f'"/{new}"')
        # Trunk builds the app's wasm targets in parallel, and each run of wasm-bindgen
        # rewrites the crate's shared snippets; Trunk can hash one while it is empty. The
        # integrity is therefore taken again from the bytes that ship.
        html = set_integrity(html, f"/{new}", blob)
        for js in importers:
            if not js.exists():
                continue
            text = js.read_text(encoding="utf-8")
            if f"./{old}" not in text:
                continue
            text = text.replace(f"./{old}", f"./{new}")
            # The importer's content changed, so its name changes with it.
            stem = re.sub(r"-[0-9a-f]{8,16}$", "", js.stem)
            wasm = stage / f"{js.stem}_bg.wasm"
            tag = digest(text.encode("utf-8"), wasm.read_bytes() if wasm.exists() else b"")
            renamed = stage / f"{stem}-{tag}.js"
            js.unlink()
            renamed.write_text(text, encoding="utf-8")
            html = html.replace(f"/{js.name}", f"/{renamed.name}")
            html = set_integrity(html, f"/{renamed.name}", text.encode("utf-8"))
            importers = sorted(stage.glob("*.js"))
    return html


ASSETS = pathlib.Path(__file__).resolve().parent.parent / "assets"
ICONS = [("icon.svg", "any", "image/svg+xml", "any"), ("icon-192.png", "192x192", "image/png", "any"),
         ("icon-512.png", "512x512", "image/png", "any"),
         ("icon-maskable-512.png", "512x512", "image/png", "maskable")]


def add_manifest(stage, html):
    icons = []
    for name, sizes, kind, purpose in ICONS:
        blob = (ASSETS / name).read_bytes()
        stem, ext = name.rsplit(".", 1)
        hashed = f"{stem}-{digest(blob)}.{ext}"
        (stage / hashed).write_bytes(blob)
        icons.append({"src": f"/{hashed}", "sizes": sizes, "type": kind, "purpose": purpose})
    manifest = {
        "name": "云策 Yunce",
        "short_name": "云策 Yunce",
        "description": "The China cloud market and the AI-compute race, every figure sourced.",
        "lang": "zh-CN",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#e69f00",
        "icons": icons,
    }
    blob = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    name = f"manifest-{digest(blob)}.webmanifest"
    (stage / name).write_bytes(blob)
    links = f'<link rel="manifest" href="/{name}" />\n    <link rel="apple-touch-icon" href="{icons[1]["src"]}" />'
    return html.replace("</head>", f"    {links}\n  </head>", 1)


def write_service_worker(stage):
    skip = {"sw.js", "_headers", "404.html", "index.html"}
    files = sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file())
    listed = ["/"] + [f"/{f}" for f in files if f not in skip]
    version = digest(*[(stage / ("index.html" if f == "/" else f[1:])).read_bytes() for f in listed])
    script = (ASSETS / "sw.js").read_text(encoding="utf-8")
    script = script.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(listed, indent=2))
    (stage / "sw.js").write_text(script, encoding="utf-8")


def inline_script_hashes(html):
    hashes = []
    for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
        sha = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{sha}'")
    return hashes


def policy(hashes):
    return "; ".join(POLICY).replace("{hashes}", " ".join(hashes)).replace("  ", " ")


def add_policy(html):
    csp = policy(inline_script_hashes(html))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}" />'
    # The policy must come before any script or style it governs.
    html = html.replace('<meta charset="utf-8" />', f'<meta charset="utf-8" />\n    {meta}', 1)
    return html, csp


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        dist = pathlib.Path(sys.argv[2])
        html = (dist / "index.html").read_text(encoding="utf-8")
        if "Content-Security-Policy" not in html or not (dist / "_headers").exists():
            sys.exit("post-build --check: no policy in index.html or no _headers")
        sw = (dist / "sw.js").read_text(encoding="utf-8") if (dist / "sw.js").exists() else ""
        if "__PRECACHE__" in sw or '"/"' not in sw or 'rel="manifest"' not in html:
            sys.exit("post-build --check: no filled-in sw.js or no web app manifest")
        stale = wrong_integrity(dist, html)
        if stale:
            sys.exit("post-build --check: integrity does not match the file for " + ", ".join(stale))
        print("post-build --check: ok")
        return
    stage = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    index = stage / "index.html"
    html = index.read_text(encoding="utf-8")
    for name in WORKERS:
        html = hash_bundle(stage, html, name, "worker", start_worker)
    for name in LAZY_MODULES:
        html = hash_bundle(stage, html, name, "module", module_wasm_url)
    html = hash_snippets(stage, html)
    html = add_manifest(stage, html)
    html, csp = add_policy(html)
    index.write_text(html, encoding="utf-8")
    (stage / "404.html").write_text(html, encoding="utf-8")
    headers = f"/*\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
    headers += "  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n"
    (stage / "_headers").write_text(headers, encoding="utf-8")
    write_service_worker(stage)


main()
