"""Several processes querying one data folder while its files change: each sees a whole index
(the one before a change or the one after), never half of one, and all print the same answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from fupin_cli.datafolder import bundled_data_dir

WORKERS = 4
RUNS = 4


def _query(folder: Path, env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fupin_cli",
            "who-leads",
            "饮水安全",
            "-f",
            "tsv",
            "--data",
            str(folder),
        ],
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_queries_while_the_data_changes_see_whole_indexes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    env = {**os.environ, "FUPIN_CACHE_DIR": str(tmp_path / "cache")}
    expected = _query(folder, env)
    assert expected[0] == 0 and expected[1]

    # a writer that changes a file the answer does not depend on, again and again, each
    # time as editors save (a new file renamed over the old), so that every run must
    # rebuild the index while the others read it
    target = folder / "weiyuan.yaml"
    original = target.read_text(encoding="utf-8")
    stop = threading.Event()
    changes = 0

    def write() -> None:
        nonlocal changes
        while not stop.is_set():
            changes += 1
            tmp = target.with_suffix(".yaml.part")
            tmp.write_text(f"{original}# edit {changes}\n", encoding="utf-8")
            os.replace(tmp, target)
            time.sleep(0.05)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with ThreadPoolExecutor(WORKERS) as pool:
            results = list(pool.map(lambda _: _query(folder, env), range(WORKERS * RUNS)))
    finally:
        stop.set()
        writer.join()
    assert changes > 5
    for code, out, err in results:
        assert (code, out) == expected[:2], err
        assert "Traceback" not in err and "Error" not in err, err
    leftovers = [p.name for p in (tmp_path / "cache").iterdir() if p.suffix == ".tmp"]
    assert not leftovers
