"""The same text gives the same extraction in every process: Python salts the hashes of strings per process, so an
order taken from a set would change the facts (which of two tied parties collaborated) from run to run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SETS = Path(__file__).parent / "data" / "eval"


def _extract_in_process(seed: str, paths: list[Path]) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from ingest.pipeline import extract_paths, extraction_json\n"
        "items = [extraction_json(x) for x in extract_paths([Path(p) for p in sys.argv[1:]])]\n"
        "print(json.dumps(items, sort_keys=True, ensure_ascii=False))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_extraction_does_not_depend_on_the_hash_seed() -> None:
    paths = sorted((SETS / "zh").glob("*.txt")) + sorted((SETS / "en2").glob("*.txt"))
    first = _extract_in_process("1", paths)
    assert first.strip()
    for seed in ("2", "3"):
        assert _extract_in_process(seed, paths) == first
