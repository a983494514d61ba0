"""The scorer's comparison over the hand-labelled articles, and the span invariant on every one.

Targets per article: recall >= 0.95, precision >= 0.9, speaker >= 0.9, quantity and date 1.0,
source ok. The scorer's functions come from ../shared/score_extraction.py when it is there.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from claims.extract import extract_path

ROOT = Path(__file__).resolve().parents[2]
OWN = sorted((ROOT / "tests" / "corpus").glob("*.gold.json"))
SHARED_DIR = ROOT.parent / "shared"
SHARED = sorted((SHARED_DIR / "corpus").glob("*.gold.json")) if (SHARED_DIR / "corpus").is_dir() else []


def _scorer():
    path = SHARED_DIR / "score_extraction.py"
    if path.is_file():
        spec = importlib.util.spec_from_file_location("score_extraction", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.fold, module.speaker_ok, module.qty_ok, module.date_ok
    return _fold, _speaker_ok, _qty_ok, _date_ok


def _fold(s):
    if s is None:
        return ""
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s).replace("**", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def _speaker_ok(gold, gold_speakers, outlet, pred, text=""):
    p = _fold(pred)
    if gold is None:
        if p in ("", _fold(outlet), "null", "none"):
            return True
        words = re.findall(r"[\w'-]+", p)
        return bool(words) and words[-1] in re.findall(r"[\w'-]+", _fold(text))
    if not p:
        return False
    names = {_fold(gold)}
    for sp in gold_speakers:
        if _fold(sp["name"]) == _fold(gold):
            names |= {_fold(a) for a in sp.get("aliases", [])}
    if p in names:
        return True
    last = _fold(gold).split()[-1]
    return last in re.findall(r"[\w'-]+", p) and len(last) > 3


def _qty_ok(gq, preds):
    for q in preds:
        low, high, acc = q.get("low"), q.get("high"), gq.get("low_accept")
        lo_ok = (acc[0] <= low <= acc[1]) if (acc and low is not None) else low == gq["low"]
        if lo_ok and (high == gq["high"] or (gq["high"] is None and high in (None, ""))):
            return True
    return False


def _date_ok(gd, preds):
    return any(("latest" not in gd or str(d.get("latest")) == gd["latest"]) and
               ("earliest" not in gd or str(d.get("earliest")) == gd["earliest"]) for d in preds)


def score(gold_path: Path) -> dict:
    fold, speaker_ok, qty_ok, date_ok = _scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out = extract_path(gold_path.parent / gold["article"])
    json.dumps(out)
    preds = out["claims"]
    body = out["source"]["body"]
    for claim in preds:
        start, end = claim["span"]
        assert body[start:end] == claim["text"], claim
    outlet = gold["source"].get("outlet", "")
    found = sp = qn = qd = dn = dd = 0
    used: set[int] = set()
    for g in gold["claims"]:
        key = fold(g["key"])
        hits = [i for i, p in enumerate(preds) if key in fold(p["text"])]
        if not hits:
            continue
        found += 1
        used |= set(hits)
        p = preds[hits[0]]
        sp += speaker_ok(g["speaker"], gold["speakers"], outlet, p["speaker"], p["text"])
        for gq in g["quantities"]:
            qd += 1
            qn += qty_ok(gq, p["quantities"])
        for gd in g["dates"]:
            dd += 1
            dn += date_ok(gd, p["dates"])
    neutral = [fold(n) for n in gold.get("neutral", [])]
    bad = [fold(n) for n in gold.get("not_claims", [])]
    tp = sum(1 for i, p in enumerate(preds) if not any(b in fold(p["text"]) for b in bad)
             and (i in used or any(n in fold(p["text"]) for n in neutral)))
    src = out["source"]
    return {"recall": found / len(gold["claims"]), "precision": tp / len(preds) if preds else 0.0,
            "speaker": sp / found if found else 0.0, "quantity": qn / qd if qd else 1.0,
            "date": dn / dd if dd else 1.0,
            "source_ok": src["url"] == gold["source"]["url"] and str(src["published"]) == gold["source"]["published"]}


def _check(result: dict) -> None:
    assert result["recall"] >= 0.95, result
    assert result["precision"] >= 0.9, result
    assert result["speaker"] >= 0.9, result
    assert result["quantity"] == 1.0, result
    assert result["date"] == 1.0, result
    assert result["source_ok"], result


def test_own_corpus_has_five_or_more_articles_in_several_formats():
    assert len(OWN) >= 5
    formats = {json.loads(p.read_text(encoding="utf-8"))["article"].rsplit(".", 1)[1] for p in OWN}
    assert {"txt", "md", "html"} <= formats


@pytest.mark.parametrize("gold_path", OWN, ids=lambda p: p.name.replace(".gold.json", ""))
def test_own_corpus_meets_targets(gold_path):
    _check(score(gold_path))


@pytest.mark.parametrize("gold_path", SHARED or [None], ids=lambda p: p.name.replace(".gold.json", "") if p else "absent")
def test_shared_corpus_meets_targets(gold_path):
    if gold_path is None:
        pytest.skip("../shared/corpus not present")
    _check(score(gold_path))


def test_sample_article_extracts_claims():
    out = extract_path(ROOT / "claims" / "data" / "sample-article.txt")
    assert out["source"]["url"].startswith("https://")
    assert out["source"]["published"] and not out["warnings"]
    assert any(c["kind"] == "deadline" for c in out["claims"])
    assert any(c["quantities"] for c in out["claims"])
    assert any(c["speaker"] for c in out["claims"])


def _extras_faults(gold_path: Path) -> list[str]:
    """What the shared scorer does not look at: a gold quantity's measure and as_of, and a gold
    claim's speaker_role (the gold role must be part of the predicted one)."""
    fold, _speaker_ok, qty_ok, _date_ok = _scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    preds = extract_path(gold_path.parent / gold["article"])["claims"]
    faults = []
    for g in gold["claims"]:
        hits = [p for p in preds if fold(g["key"]) in fold(p["text"])]
        if not hits:
            continue
        p = hits[0]
        role = g.get("speaker_role")
        if role and fold(role) not in fold(p["speaker_role"]):
            faults.append(f"{g['id']}: role {p['speaker_role']!r}, want {role!r}")
        for gq in g["quantities"]:
            matching = [q for q in p["quantities"] if qty_ok(gq, [q])]
            for field in ("measure", "as_of"):
                if field in gq and not any(q[field] == gq[field] for q in matching):
                    faults.append(f"{g['id']}: {field} of {gq['low']} is {[q[field] for q in matching]}, "
                                  f"want {gq[field]!r}")
    return faults


@pytest.mark.parametrize("gold_path", [p for p in OWN if '"as_of"' in p.read_text(encoding="utf-8")
                                       or '"speaker_role"' in p.read_text(encoding="utf-8")],
                         ids=lambda p: p.name.replace(".gold.json", ""))
def test_own_corpus_measures_days_and_roles(gold_path):
    assert _extras_faults(gold_path) == []
