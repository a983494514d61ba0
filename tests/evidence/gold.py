"""Load a corpus gold file into the database as if its article had been imported (for tests that
must not wait for the real importer): each claim's text is the article sentence holding its key."""
from __future__ import annotations

import json
import re
from pathlib import Path

from claims.measures import measure_for
from db.writes import NewClaim, NewSource, add_claim


def _fold(s: str) -> str:
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s).replace("**", "")
    return re.sub(r"\s+", " ", s)


def sentence_with(body: str, key: str) -> str:
    text = _fold(body)
    at = text.lower().find(_fold(key).lower())
    if at < 0:
        return key
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    end = text.find(". ", at + len(key))
    return text[start + 1 if start >= 0 else 0: end + 1 if end >= 0 else len(text)].strip()


def load_gold(session, gold_path: Path, story: str, actor: str = "test") -> dict[str, int]:
    """Insert the gold claims of one article; returns {gold claim id: database claim id}."""
    gold = json.loads(Path(gold_path).read_text())
    body = Path(gold_path).with_name(gold["article"]).read_text()
    src = gold["source"]
    import datetime as dt

    published = dt.date.fromisoformat(src["published"])
    ids = {}
    for g in gold["claims"]:
        quantities = [dict(q, measure=measure_for(q.get("unit"))) for q in g["quantities"]]
        new = NewClaim(text=sentence_with(body, g["key"]), speaker=g.get("speaker"),
                       said_on=dt.date.fromisoformat(g["said_on"]) if g.get("said_on") else None,
                       story=story, kind="quantity" if quantities else "statement",
                       source=NewSource(url=src["url"], title=src.get("title"), outlet=src.get("outlet"),
                                        published_on=published),
                       quantities=[{k: v for k, v in q.items() if k != "low_accept"} for q in quantities],
                       dates=g["dates"])
        ids[g["id"]] = add_claim(session=session, actor=actor, new=new).id
    return ids
