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
3. 404.html is a copy of index.html, so deep links such as /market load on static hosts.

Run by Trunk with TRUNK_STAGING_DIR set; `--check DIR` verifies a built dist/ instead.
"""
import base64
import hashlib
import os
import pathlib
import re
import sys

WORKERS = ["worker", "plan_worker", "reliab_worker"]
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


def hash_workers(stage, html):
    for name in WORKERS:
        js, wasm = stage / f"{name}.js", stage / f"{name}_bg.wasm"
        loader = stage / f"{name}_loader.js"
        if not js.exists() or not wasm.exists():
            sys.exit(f"post-build: Trunk did not emit {js.name} and {wasm.name}")
        tag = digest(js.read_bytes(), wasm.read_bytes())
        hashed_wasm = f"{name}-{tag}_bg.wasm"
        script = js.read_text(encoding="utf-8")
        script += f'\nwasm_bindgen({{ module_or_path: "./{hashed_wasm}" }});\n'
        (stage / f"{name}-{tag}.js").write_text(script, encoding="utf-8")
        wasm.rename(stage / hashed_wasm)
        js.unlink()
        if loader.exists():
            loader.unlink()
        meta = f'<meta name="yunce-worker-{name}" content="/{name}-{tag}.js" />'
        html = html.replace("</head>", f"    {meta}\n  </head>", 1)
    return html


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
        print("post-build --check: ok")
        return
    stage = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
    index = stage / "index.html"
    html = hash_workers(stage, index.read_text(encoding="utf-8"))
    html, csp = add_policy(html)
    index.write_text(html, encoding="utf-8")
    (stage / "404.html").write_text(html, encoding="utf-8")
    headers = f"/*\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
    headers += "  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n"
    (stage / "_headers").write_text(headers, encoding="utf-8")


main()
