#!/usr/bin/env python3
"""Repo hygiene checks, run by scripts/test.sh (fast, no build needed).

- locales/en/ and locales/zh/ hold the same files and keys, with no duplicates or empty values;
- every locale file is embedded by src/i18n.rs or by a lazily loaded module (src/bin/*_lazy.rs);
- every locale key the app's code names exists, and every defined key is used;
- no raw HTML injection (inner_html), no eval or `new Function`, no `#[path]` module borrowing,
  no script elements made by the app, and no stubs (todo!/unimplemented!) in Rust code;
- Rust files over 500 lines are listed (a hint to split, not a failure).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
errors = []


def load(lang):
    keys = {}
    i18n = (ROOT / "src" / "i18n.rs").read_text(encoding="utf-8")
    lazy = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "bin").glob("*_lazy.rs"))
    for path in sorted((ROOT / "locales" / lang).glob("*.txt")):
        name = f"{lang}/{path.name}"
        if (f'include_str!("../locales/{name}")' not in i18n
                and f'include_str!("../../locales/{name}")' not in lazy):
            errors.append(f"locales/{name}: not embedded by src/i18n.rs or a src/bin/*_lazy.rs module")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if " = " not in line:
                errors.append(f"locales/{name}:{n}: not a `key = value` line")
                continue
            key, value = (part.strip() for part in line.split(" = ", 1))
            if key in keys:
                errors.append(f"locales/{name}:{n}: duplicate key {key}")
            if not value:
                errors.append(f"locales/{name}:{n}: empty value for {key}")
            keys[key] = value
    return keys


en, zh = load("en"), load("zh")
en_files = sorted(p.name for p in (ROOT / "locales" / "en").glob("*.txt"))
zh_files = sorted(p.name for p in (ROOT / "locales" / "zh").glob("*.txt"))
if en_files != zh_files:
    errors.append(f"locales: en has {en_files}, zh has {zh_files}")
for key in sorted(set(en) - set(zh)):
    errors.append(f"locales/zh: missing key {key}")
for key in sorted(set(zh) - set(en)):
    errors.append(f"locales/en: missing key {key}")
for key in sorted(set(en) & set(zh)):
    if en[key].count("{") != zh[key].count("{"):
        errors.append(f"locales: placeholders differ for {key}")

prefixes = sorted({k.split(".")[0] for k in en})
literal = re.compile(r'"((?:%s)\.[a-z0-9_.-]+)"' % "|".join(map(re.escape, prefixes)))
used = set()
rust_files = sorted((ROOT / "src").rglob("*.rs"))
for path in rust_files:
    text = path.read_text(encoding="utf-8")
    for match in literal.finditer(text):
        key = match.group(1)
        if key.endswith(".rs"):  # a file name, not a key
            continue
        used.add(key)
        if key not in en:
            line = text[: match.start()].count("\n") + 1
            errors.append(f"{path.relative_to(ROOT)}:{line}: unknown locale key {key}")
for key in sorted(set(en) - used):
    errors.append(f"locales/en: key {key} is never used")

for path in rust_files + sorted((ROOT / "crates").rglob("src/**/*.rs")):
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(ROOT)
    # One UI paradigm under a strict CSP: no raw HTML, no eval, no borrowed modules,
    # no scripts the app makes, no stubs.
    for word in ("inner_html", "todo!(", "unimplemented!(", "#[path", "js_sys::eval",
                 "Function::new", "new Function", 'create_element("script")'):
        if word in text:
            errors.append(f"{rel}: contains {word}")
    lines = text.count("\n")
    if lines > 500:
        print(f"note: {rel} has {lines} lines; consider splitting it")

if errors:
    print("\n".join(errors))
    print(f"tidy: {len(errors)} problem(s)")
    sys.exit(1)
print(f"tidy: ok ({len(en)} locale keys in both languages, {len(rust_files)} app files)")
