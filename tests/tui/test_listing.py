"""db.listing: keyset pages in every column order give exactly the full ordering, NULLs included."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from db.engine import dispose_all, get_engine, read_session, write_session
from db.listing import SORT_KEYS, list_claims_page, rows_by_id, sort_key_of
from db.queries import ClaimFilter
from db.writes import NewClaim, NewSource, add_claim, add_evidence, link_claims, mark_claim


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    engine = get_engine(str(tmp_path_factory.mktemp("listing") / "claims.db"))
    rnd = random.Random(4)
    speakers = [None, "Ana Diaz", "Bo Chen", "Zed Oduya", "émile Roux"]
    outlets = [None, "Wire", "Gazette", "Post"]
    with write_session(engine) as s:
        ids = []
        for i in range(61):
            outlet = rnd.choice(outlets)
            claim = add_claim(session=s, actor="t", new=NewClaim(
                text=f"{rnd.choice(['Troops', 'aid', 'Zinc', 'flood'])} claim {i}", speaker=rnd.choice(speakers),
                said_on=rnd.choice([None, dt.date(2024, 1, rnd.randint(1, 5))]),
                source=NewSource(url=f"https://{(outlet or 'none').lower()}.example/{i % 9}", outlet=outlet)))
            ids.append(claim.id)
        for cid in rnd.sample(ids, 15):
            mark_claim(session=s, actor="t", claim_id=cid, status=rnd.choice(["disputed", "refuted"]), reason="r")
        for cid in rnd.sample(ids, 10):
            add_evidence(session=s, actor="t", claim_id=cid, source=NewSource(url="https://e.example/x"),
                         stance="supports")
        for a, b in zip(ids[:6], ids[6:12]):
            link_claims(session=s, actor="t", a_id=a, b_id=b, relation="contradicts", reason="r")
    yield engine
    dispose_all()


def expected_order(rows, sort, descending):
    value = (lambda r: r.id) if sort == "id" else (lambda r: getattr(r, sort))
    present = sorted([r for r in rows if value(r) is not None], key=lambda r: (value(r), r.id), reverse=descending)
    missing = sorted([r for r in rows if value(r) is None], key=lambda r: r.id, reverse=descending)
    return [r.id for r in (present + missing if descending else missing + present)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("filters", [ClaimFilter(), ClaimFilter(search="claim troops"), ClaimFilter(status="disputed")])
def test_pages_match_the_full_order(engine, sort, descending, filters):
    with read_session(engine) as s:
        every = list_claims_page(session=s, filters=filters, sort="id", limit=10_000)
        pages, after = [], None
        for _ in range(100):  # a keyset that does not advance would loop forever
            page = list_claims_page(session=s, filters=filters, sort=sort, descending=descending, after=after, limit=7)
            pages += [r.id for r in page]
            if len(page) < 7:
                break
            after = sort_key_of(page[-1], sort)
    assert every
    assert pages == expected_order(every, sort, descending)


def test_rows_by_id(engine):
    with read_session(engine) as s:
        rows = rows_by_id(session=s, claim_ids=[1, 2, 999_999])
    assert sorted(rows) == [1, 2]
