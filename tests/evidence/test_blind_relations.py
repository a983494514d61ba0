"""Relations on articles labelled blind, scored by the shared scorer, as floors: what each blind
labeller expected inside an article (tests/corpus/blind/within.relations.json) and what a second
labeller expected across the stories of three reports of the ninth, twelfth and fourteenth sets
(kyrgyzstan, zonguldak, lekgwareng, sulawesi-ferry, priolo-refinery .relations.json). What was measured when the files were written may only go up. Slow
(one import and check per article): `make test-slow`."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.evidence.conftest import SHARED, need_shared_corpus

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests" / "corpus" / "blind"


@pytest.mark.slow
@pytest.mark.parametrize("name, floor", [("within", 10), ("kyrgyzstan", 9), ("zonguldak", 10), ("lekgwareng", 11),
                                         ("sulawesi-ferry", 9), ("priolo-refinery", 12)])
def test_blind_relations(tmp_path, name, floor):
    need_shared_corpus()
    scorer = SHARED / "score_relations.py"
    if not scorer.exists():
        pytest.skip("the shared scorer is not available here")
    wrapper = tmp_path / "claims"
    wrapper.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} -m claims.cli \"$@\"\n")
    wrapper.chmod(0o755)
    proc = subprocess.run([sys.executable, str(scorer), str(wrapper), str(BLIND / f"{name}.relations.json"),
                           str(SHARED / "corpus"), str(BLIND)], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-500:]
    match = re.search(r"found (\d+) of (\d+) relations .*false flags (\d+) of", proc.stdout.strip().splitlines()[-1])
    assert match, proc.stdout
    assert int(match.group(1)) >= floor and match.group(3) == "0", proc.stdout
