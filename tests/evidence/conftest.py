"""Fixtures for the evidence tests: a story built from claims with known values."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"
RELATIONS = CORPUS / "kazakhstan.relations.json"


def need_shared_corpus() -> None:
    if not RELATIONS.exists():
        pytest.skip(f"the shared corpus is not here ({CORPUS.resolve()}): nothing to score against")


def add(session, text, *, source="https://a.example/1", story="s", speaker=None, said_on=None, published=None,
        quantities=(), dates=(), actor="test"):
    """Add one claim; quantities as (low, high, measure, as_of[, approximate, bound])."""
    from db.writes import NewClaim, NewSource, add_claim

    qs = []
    for q in quantities:
        low, high, measure, as_of, *rest = q
        qs.append(dict(low=low, high=high, measure=measure, unit=measure, as_of=as_of,
                       approximate=rest[0] if rest else False, bound=rest[1] if len(rest) > 1 else None))
    new = NewClaim(text=text, speaker=speaker, said_on=said_on, story=story, kind="quantity" if qs else "statement",
                   source=NewSource(url=source, published_on=published or said_on), quantities=qs, dates=list(dates))
    return add_claim(session=session, actor=actor, new=new).id


@pytest.fixture
def kazakhstan(engine):
    """The three Kazakhstan articles' gold claims in one story: {(article prefix, gold id): claim id}."""
    need_shared_corpus()
    from db.engine import write_session
    from tests.evidence.gold import load_gold

    rel = json.loads(RELATIONS.read_text())
    ids = {}
    with write_session(engine) as session:
        for prefix, article in rel["articles"].items():
            for gold_id, claim_id in load_gold(session, CORPUS / f"{article}.gold.json", rel["story"]).items():
                ids[(prefix, gold_id)] = claim_id
    return rel, ids


D = dt.date
