"""Rebuild the bundled documents (data/policies/*.yaml) from data/sources/ and data/overlays/.

python tools/rebuild.py           # rewrite the files that changed
python tools/rebuild.py --check   # exit 1 when a file would change (the tests check this)
"""

from __future__ import annotations

import sys

from fupin_cli.ingest.overlay import build_bundled


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = 0
    for built in build_bundled():
        old = built.path.read_text(encoding="utf-8") if built.path.exists() else None
        if old != built.text:
            changed += 1
            if check:
                print(f"{built.path}: would change", file=sys.stderr)
            else:
                built.path.write_text(built.text, encoding="utf-8")
                print(f"wrote {built.path}", file=sys.stderr)
        for warning in built.warnings:
            print(f"  {built.document.id}: {warning}", file=sys.stderr)
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
