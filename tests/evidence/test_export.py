"""Exports and the backup: export -> restore -> export is identical; broken files change nothing."""
from __future__ import annotations

import csv
import io
import json

import pytest

from db.engine import dispose_all, get_engine, write_session
from db.writes import NewSource, add_evidence, link_claims, mark_claim, tag_claim
from tests.evidence.conftest import D, add


@pytest.fixture
def full_db(tmp_path):
    """A database using every table: story, sources, speakers with aliases, values, dates, evidence,
    links, tags, statuses and their audit events, with text that needs escaping."""
    path = str(tmp_path / "full.db")
    engine = get_engine(path)
    with write_session(engine) as s:
        a = add(s, 'Accounts place the toll "between dozens and 146" — ünïcode, tab\tand newline\nhere.',
                source="https://a.example/1", speaker="Kassym-Jomart Tokayev",
                quantities=[(24, 146, "deaths", D(2022, 1, 13), True), (10000, None, "detained", D(2022, 1, 13),
                                                                       False, "more than")])
        b = add(s, "Morgues took in the bodies of 225 people.", source="https://b.example/1",
                speaker="Prosecutor General's Office", said_on=D(2022, 1, 15),
                quantities=[(225, 225, "deaths", D(2022, 1, 15))],
                dates=[{"phrase": "last week", "role": "when", "earliest": "2022-01-03", "latest": "2022-01-09"}])
        c = add(s, "The pullout would be completed by Wednesday.", source="https://a.example/1",
                dates=[{"phrase": "by Wednesday", "role": "deadline", "latest": "2022-01-19"}])
        add_evidence(session=s, actor="ann", claim_id=b, stance="supports",
                     source=NewSource(url="https://c.example/afp", outlet="AFP", published_on=D(2022, 1, 19)),
                     excerpt="had left 225 people dead")
        link_claims(session=s, actor="ann", a_id=a, b_id=b, relation="revises", reason="official figure")
        tag_claim(session=s, actor="ann", claim_id=b, tags=["toll", "kazakhstan"])
        mark_claim(session=s, actor="ann", claim_id=b, status="corroborated", reason="AFP repeats it")
        mark_claim(session=s, actor="bob", claim_id=a, status="disputed", reason="conflicting accounts")
    dispose_all()
    return path, (a, b, c)


def test_export_restore_export_is_identical(cli, full_db, tmp_path):
    path, _ = full_db
    first = tmp_path / "backup.jsonl"
    assert cli("export", "--output", str(first), db=path).exit_code == 0
    restored = str(tmp_path / "restored.db")
    result = cli("restore", str(first), db=restored)
    assert result.exit_code == 0, result.stderr
    assert "restored" in result.stdout and "12 claim" not in result.stdout
    second = cli("export", db=restored)
    assert second.stdout == first.read_text(encoding="utf-8")
    lines = [json.loads(x) for x in first.read_text().splitlines()]
    assert lines[0]["format"] == "claimtrack-export" and lines[-1] == {"end": True, "rows": len(lines) - 2}
    tables = {x["table"] for x in lines[1:-1]}
    assert tables == {"story", "source", "speaker", "speaker_alias", "claim", "quantity", "time_ref", "evidence",
                      "claim_link", "tag", "claim_tag", "audit_event"}
    # Ids are kept: the restored database answers with the same claim.
    shown = cli("show", "2", "--format", "json", db=restored).json()
    assert shown["text"] == "Morgues took in the bodies of 225 people." and shown["status"] == "corroborated"
    # New rows after a restore get fresh ids (sequences continue past the restored ones).
    assert cli("add", "--text", "new claim", "--source", "https://d.example/", "--format", "json",
               db=restored).json()["id"] == 4


def test_restore_refuses_a_database_that_is_not_empty(cli, full_db, tmp_path, user_error, dump):
    path, _ = full_db
    backup = tmp_path / "b.jsonl"
    cli("export", "--output", str(backup), db=path)
    before = dump(f"sqlite:///{path}")
    user_error(cli("restore", str(backup), db=path), "not empty")
    assert dump(f"sqlite:///{path}") == before


@pytest.mark.parametrize("damage, line_no, words", [
    ("cut", None, "truncated"),          # cut in the middle of a line
    ("drop_end", None, "truncated"),     # cut at a line boundary: the closing line is missing
    ("garbage", 5, "not valid JSON"),
    ("bad_value", 4, "said_on"),
    ("unknown_table", 3, "expected"),
])
def test_broken_backup_changes_nothing(cli, full_db, tmp_path, user_error, dump, damage, line_no, words):
    path, _ = full_db
    backup = tmp_path / "b.jsonl"
    cli("export", "--output", str(backup), db=path)
    lines = backup.read_text(encoding="utf-8").splitlines(keepends=True)
    if damage == "cut":
        text = "".join(lines)[: len("".join(lines[:9])) + 20]
        line_no = 10
    elif damage == "drop_end":
        text = "".join(lines[:-1])
        line_no = len(lines)
    elif damage == "garbage":
        text = "".join(lines[:4] + ["this is not json\n"] + lines[5:])
    elif damage == "bad_value":
        row = json.loads(lines[3])
        row["table"] = "claim"
        row["row"] = json.loads([x for x in lines if '"table":"claim"' in x][0])["row"] | {"said_on": "tomorrow"}
        text = "".join(lines[:3] + [json.dumps(row) + "\n"] + lines[4:])
    else:
        text = "".join(lines[:2] + ['{"table": "passwords", "row": {}}\n'] + lines[3:])
    broken = tmp_path / "broken.jsonl"
    broken.write_text(text, encoding="utf-8")
    target = str(tmp_path / "empty.db")
    get_engine(target)
    dispose_all()
    before = dump(f"sqlite:///{target}")
    result = cli("restore", str(broken), db=target)
    user_error(result, f"line {line_no}:", words, "not changed")
    assert dump(f"sqlite:///{target}") == before


def test_prov_export_reads_back_with_prov(cli, full_db):
    prov_model = pytest.importorskip("prov.model")
    path, (a, b, _) = full_db
    result = cli("export", "--format", "prov", db=path)
    assert result.exit_code == 0, result.stderr
    doc = prov_model.ProvDocument.deserialize(content=result.stdout, format="json")
    data = json.loads(result.stdout)
    assert f"claimtrack:claim-{b}" in data["entity"] and "claimtrack:source-1" in data["entity"]
    assert any(v["prov:label"] == "ann" for v in data["agent"].values())
    assert any(v["prov:label"] == "claim.mark" for v in data["activity"].values())
    kinds = {type(r).__name__ for r in doc.get_records()}
    assert {"ProvEntity", "ProvAgent", "ProvActivity", "ProvDerivation", "ProvAttribution",
            "ProvAssociation", "ProvUsage"} <= kinds


def test_claimreview_for_reviewed_claims(cli, full_db):
    path, (a, b, c) = full_db
    reviews = cli("export", "--format", "claimreview", db=path).json()
    assert [r["claimReviewed"] for r in reviews][1] == "Morgues took in the bodies of 225 people."
    review = reviews[1]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "Corroborated"
    assert review["reviewRating"]["@type"] == "Rating"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Prosecutor General's Office"
    assert item["datePublished"] == "2022-01-15"
    assert item["appearance"][0]["url"] == "https://b.example/1"
    assert len(review["datePublished"]) == 10 and review["reviewBody"] == "AFP repeats it"
    assert reviews[0]["reviewRating"]["alternateName"] == "Disputed"
    assert len(reviews) == 2  # the unverified claim has no review


def test_csv_one_row_per_claim(cli, full_db, tmp_path):
    path, (a, b, c) = full_db
    out = tmp_path / "claims.csv"
    assert cli("export", "--format", "csv", "--output", str(out), db=path).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [int(r["id"]) for r in rows] == [a, b, c]
    assert rows[0]["measures"] == "deaths; detained" and rows[0]["low"] == "24; 10000"
    assert rows[1]["tags"] == "kazakhstan; toll" and rows[1]["status"] == "corroborated"
    assert "supports https://c.example/afp" in rows[1]["evidence"]
    assert "\n" in rows[0]["text"]


def test_story_export_holds_only_that_story(cli, full_db):
    path, _ = full_db
    engine = get_engine(path)
    with write_session(engine) as s:
        add(s, "Other story claim.", story="other", source="https://z.example/1")
    dispose_all()
    out = cli("export", "--story", "other", db=path).stdout.splitlines()
    claims = [json.loads(x)["row"]["text"] for x in out if '"table":"claim"' in x]
    assert claims == ["Other story claim."]


def test_export_to_a_missing_folder_is_a_user_error(cli, full_db, tmp_path, user_error):
    path, _ = full_db
    user_error(cli("export", "--output", str(tmp_path / "no" / "such" / "b.jsonl"), db=path), "cannot write")


def test_merged_speakers_restore(cli, tmp_path):
    path = str(tmp_path / "m.db")
    with write_session(get_engine(path)) as s:
        add(s, "One.", speaker="Serdyukov", source="https://a.example/1")
        add(s, "Two.", speaker="Andrei Serdyukov", source="https://a.example/2")
    dispose_all()
    assert cli("speakers", "merge", "Serdyukov", "Andrei Serdyukov", db=path).exit_code == 0
    # Make the merged speaker point at a speaker with a higher id, as a later merge can.
    engine = get_engine(path)
    with engine.begin() as conn:
        from sqlalchemy import text as sql

        conn.execute(sql("UPDATE speaker SET merged_into_id = NULL WHERE id = 2"))
        conn.execute(sql("UPDATE speaker SET merged_into_id = 2 WHERE id = 1"))
    dispose_all()
    backup = tmp_path / "m.jsonl"
    cli("export", "--output", str(backup), db=path)
    target = str(tmp_path / "m2.db")
    result = cli("restore", str(backup), db=target)
    assert result.exit_code == 0, result.stderr
    assert cli("export", db=target).stdout == backup.read_text(encoding="utf-8")
