"""The claim store through db.writes / db.queries: audit events, speakers and aliases, sources,
links, and every command being one transaction (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import select

import db.writes
from claims.errors import NotFoundError, UserError
from db.engine import read_session, write_session
from db.models import AuditEvent, Claim, ClaimLink, Evidence, Source, Speaker, SpeakerAlias, Story
from db.queries import ClaimFilter, claim_detail, list_claims, speaker_ids_for
from db.writes import (
    NewClaim, NewSource, add_claim, add_evidence, get_or_create_source, get_or_create_speaker, link_claims,
    mark_claim, merge_speakers, set_link_state, tag_claim,
)

URL = "https://news.example.org/a"


def new_claim(text="The toll rose to 45", **kw) -> NewClaim:
    kw.setdefault("source", NewSource(URL))
    return NewClaim(text=text, **kw)


def events(session, action: str | None = None) -> list[AuditEvent]:
    stmt = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    return list(session.exec(stmt).all())


def after(event: AuditEvent) -> dict:
    return json.loads(event.after) if event.after else {}


# --- speakers and aliases -------------------------------------------------------------------------

def test_existing_speaker_learning_aliases_is_audited(engine):
    with write_session(engine) as s:
        sp = get_or_create_speaker(s, "Tokayev", actor="a")
    with write_session(engine) as s:
        again = get_or_create_speaker(s, "tokayev", actor="b",
                                      aliases=["Kassym-Jomart Tokayev", "The Kazakh president"])
        assert again.id == sp.id
    with read_session(engine) as s:
        [event] = events(s, "speaker.alias")
        assert event.actor == "b" and event.target_id == sp.id
        assert after(event) == {"aliases": ["Kassym-Jomart Tokayev", "The Kazakh president"]}
        assert sorted(s.exec(select(SpeakerAlias.alias)).all()) == [
            "Kassym-Jomart Tokayev", "The Kazakh president", "Tokayev"]


def test_speaker_without_alias_rows_learning_aliases_is_audited(engine):
    """A speaker found by its name alone (e.g. made by a bulk load) that learns every name given."""
    with write_session(engine) as s:
        s.add(Speaker(name="Ana Kovac"))
    with write_session(engine) as s:
        sp = get_or_create_speaker(s, "Ana Kovac", actor="b", aliases=["Interior Minister Ana Kovac"])
    with read_session(engine) as s:
        [event] = events(s, "speaker.alias")
        assert event.target_id == sp.id
        assert after(event) == {"aliases": ["Ana Kovac", "Interior Minister Ana Kovac"]}


def test_speaker_known_under_one_alias_learns_a_new_name(engine):
    with write_session(engine) as s:
        sp = get_or_create_speaker(s, "Tokayev", actor="a")
    with write_session(engine) as s:
        again = get_or_create_speaker(s, "President Tokayev", actor="b", aliases=["Tokayev"])
        assert again.id == sp.id
    with read_session(engine) as s:
        [event] = events(s, "speaker.alias")
        assert after(event) == {"aliases": ["President Tokayev"]}


def test_nothing_new_means_no_alias_event(engine):
    with write_session(engine) as s:
        get_or_create_speaker(s, "Tokayev", actor="a", aliases=["The Kazakh president"])
    with write_session(engine) as s:
        get_or_create_speaker(s, "TOKAYEV", actor="a", aliases=["Kazakh president", " "])
    with read_session(engine) as s:
        assert events(s, "speaker.alias") == []
        assert [e.action for e in events(s)] == ["speaker.create"]


def test_new_speaker_records_its_aliases_once(engine):
    with write_session(engine) as s:
        sp = get_or_create_speaker(s, "Ana Kovac", actor="a", role="Interior Minister",
                                   aliases=["ana kovac", "Interior Minister Ana Kovac"])
    with read_session(engine) as s:
        assert [e.action for e in events(s)] == ["speaker.create"]
        created = after(events(s)[0])
        assert created["name"] == "Ana Kovac" and created["role"] == "Interior Minister"
        assert created["aliases"] == ["Ana Kovac", "Interior Minister Ana Kovac"]
        assert speaker_ids_for(s, "interior minister ana kovac") == [sp.id]


def test_merge_speakers_moves_claims_and_aliases(engine):
    with write_session(engine) as s:
        a = add_claim(session=s, actor="t", new=new_claim("one", speaker="Kassym-Jomart Tokayev")).id
        b = add_claim(session=s, actor="t", new=new_claim("two", speaker="The Kazakh president")).id
    with write_session(engine) as s:
        kept = merge_speakers(session=s, actor="ed", keep="Kassym-Jomart Tokayev", merge="kazakh president")
        kept_id = kept.id
    with read_session(engine) as s:
        assert {s.get(Claim, a).speaker_id, s.get(Claim, b).speaker_id} == {kept_id}
        [event] = events(s, "speaker.merge")
        assert event.actor == "ed" and after(event)["claims_moved"] == 1
        gone = s.exec(select(Speaker).where(Speaker.name == "The Kazakh president")).one()
        assert gone.merged_into_id == kept_id
        rows = list_claims(session=s, filters=ClaimFilter(speaker="The Kazakh President"))
        assert [r.id for r in rows] == [a, b]
    with write_session(engine) as s:  # a later claim under the merged name goes to the kept speaker
        c = add_claim(session=s, actor="t", new=new_claim("three", speaker="the Kazakh president"))
        assert c.speaker_id == kept_id
    with write_session(engine) as s, pytest.raises(NotFoundError):
        merge_speakers(session=s, actor="ed", keep="Nobody", merge="kazakh president")


# --- claims, sources, values ----------------------------------------------------------------------

def test_add_claim_stores_values_and_audits(engine):
    with write_session(engine) as s:
        claim = add_claim(session=s, actor="alice", new=new_claim(
            "More than 1,200 people were evacuated by March 15", speaker="Ana Kovac", story="floods",
            said_on=dt.date(2024, 3, 5), kind="deadline", quote="Every resident was moved",
            quantities=[{"low": 1200, "bound": "more than", "unit": "people", "measure": "evacuations"}],
            dates=[{"phrase": "by March 15", "role": "deadline", "earliest": "2024-03-15", "latest": "2024-03-15"}]))
        claim_id = claim.id
    with read_session(engine) as s:
        d = claim_detail(session=s, claim_id=claim_id)
        assert d["kind"] == "deadline" and d["deadline_state"] == "pending" and d["version"] == 1
        assert d["said_on"] == "2024-03-05" and d["said_on_precision"] == "day"
        assert d["quantities"] == [dict(low=1200.0, high=None, approximate=False, bound="more than", unit="people",
                                        measure="evacuations", as_of="2024-03-05")]
        assert d["dates"] == [dict(phrase="by March 15", role="deadline", earliest="2024-03-15", latest="2024-03-15")]
        assert [e.action for e in events(s)] == ["story.create", "source.create", "speaker.create", "claim.create"]
        created = after(events(s, "claim.create")[0])
        assert created["text"].startswith("More than") and created["quantities"] == 1 and created["dates"] == 1
        assert all(e.actor == "alice" for e in events(s))


def test_text_is_cleaned_of_terminal_controls(engine):
    with write_session(engine) as s:
        claim = add_claim(session=s, actor="t", new=new_claim("\x1b]52;c;aGk=\x07Toll\x9b2J rose\r\nagain\tnow",
                                                              quote="\x1b[2Jquote"))
        claim_id = claim.id
    with read_session(engine) as s:
        c = s.get(Claim, claim_id)
        assert c.text == "]52;c;aGk=Toll2J rose\nagain\tnow"
        assert c.quote == "[2Jquote"


def test_source_dedup_fills_missing_fields_and_audits(engine):
    with write_session(engine) as s:
        first = get_or_create_source(s, NewSource("https://www.x.org/a/?utm_source=y"), actor="a")
    with write_session(engine) as s:
        second = get_or_create_source(s, NewSource("http://x.org/a#top", title="The title", outlet="X"), actor="b")
        third = get_or_create_source(s, NewSource("HTTPS://X.ORG:443/a/", title="Another title"), actor="b")
        assert first.id == second.id == third.id
    with read_session(engine) as s:
        [source] = s.exec(select(Source)).all()
        assert source.url == "https://www.x.org/a/?utm_source=y"
        assert source.title == "The title" and source.outlet == "X"
        assert [after(e) for e in events(s, "source.update")] == [{"title": "The title", "outlet": "X"}]


def test_sources_that_differ_stay_apart(engine):
    with write_session(engine) as s:
        ids = {get_or_create_source(s, NewSource(u), actor="a").id for u in (
            "https://x.org/a", "https://x.org/a?id=2", "https://x.org/b", "https://y.org/a", "https://x.org:8080/a")}
    assert len(ids) == 5


def test_mark_and_version(engine):
    with write_session(engine) as s:
        claim_id = add_claim(session=s, actor="t", new=new_claim()).id
    with write_session(engine) as s:
        mark_claim(session=s, actor="ed", claim_id=claim_id, status="DISPUTED", reason=" a later report ")
    with read_session(engine) as s:
        c = s.get(Claim, claim_id)
        assert c.status == "disputed" and c.version == 2
        [event] = events(s, "claim.mark")
        assert json.loads(event.before) == {"status": "unverified"} and after(event) == {"status": "disputed"}
        assert event.reason == "a later report"
    for status, reason in (("refuted", None), ("refuted", ""), ("bogus", "r")):
        with pytest.raises(UserError), write_session(engine) as s:
            mark_claim(session=s, actor="ed", claim_id=claim_id, status=status, reason=reason)


def test_detected_link_never_revives_a_dismissal(engine):
    with write_session(engine) as s:
        a = add_claim(session=s, actor="t", new=new_claim("A")).id
        b = add_claim(session=s, actor="t", new=new_claim("B")).id
    with write_session(engine) as s:
        link = link_claims(session=s, actor="detector", a_id=a, b_id=b, relation="contradicts", origin="detected")
        assert link.state == "suggested"
        link_id = link.id
    with write_session(engine) as s:
        set_link_state(session=s, actor="ed", link_id=link_id, state="dismissed", reason="different towns")
    with write_session(engine) as s:
        again = link_claims(session=s, actor="detector", a_id=b, b_id=a, relation="contradicts", origin="detected")
        assert again.id == link_id and again.state == "dismissed"
    with read_session(engine) as s:
        assert list_claims(session=s)[0].conflict is False
    with write_session(engine) as s:
        confirmed = link_claims(session=s, actor="ed", a_id=a, b_id=b, relation="contradicts", reason="on reflection")
        assert confirmed.id == link_id and confirmed.state == "confirmed"
    with read_session(engine) as s:
        assert len(s.exec(select(ClaimLink)).all()) == 1
        assert list_claims(session=s)[0].conflict is True


# --- one command, one transaction -------------------------------------------------------------------

def _failing_record(monkeypatch, action: str):
    """Make db.writes.record fail when it writes `action` (after the rows it audits are flushed)."""
    original = db.writes.record

    def record(session, **kw):
        event = original(session, **kw)
        if kw["action"] == action:
            session.flush()
            raise RuntimeError(f"crash after {action}")
        return event

    monkeypatch.setattr(db.writes, "record", record)


def _seed(cli, db_url) -> None:
    for text in ("Claim A", "Claim B"):
        assert cli("add", "--text", text, "--source", URL, "--speaker", text[-1], "--story", "s", db=db_url).exit_code == 0


@pytest.mark.parametrize("action, args", [
    ("claim.create", ["add", "--text", "New", "--source", "https://new.example.org/", "--speaker", "New Speaker",
                      "--story", "new-story"]),
    ("claim.mark", ["mark", "1", "refuted", "--reason", "r"]),
    ("evidence.add", ["source", "add", "1", "https://later.example.org/", "--stance", "disputes"]),
    ("claim.tag", ["tag", "1", "new-tag", "other-tag"]),
    ("link.create", ["link", "1", "2", "--relation", "contradicts", "--reason", "r"]),
    ("speaker.merge", ["speakers", "merge", "A", "B"]),
])
def test_a_failure_midway_leaves_nothing_behind(cli, db_url, dump, monkeypatch, action, args):
    _seed(cli, db_url)
    before = dump(db_url)
    _failing_record(monkeypatch, action)
    result = cli(*args, db=db_url)
    assert isinstance(result.exception, RuntimeError), (result.exit_code, result.stderr)
    assert dump(db_url) == before


def test_a_link_fails_between_its_two_audit_events(cli, db_url, dump, monkeypatch):
    """link writes one audit event per claim: a crash between them undoes the link too."""
    _seed(cli, db_url)
    before = dump(db_url)
    original, calls = db.writes.record, []

    def record(session, **kw):
        calls.append(kw["action"])
        if calls.count("link.create") == 2:
            raise RuntimeError("crash between the two events")
        return original(session, **kw)

    monkeypatch.setattr(db.writes, "record", record)
    result = cli("link", "1", "2", "--relation", "revises", "--reason", "r", db=db_url)
    assert isinstance(result.exception, RuntimeError)
    assert dump(db_url) == before


def test_user_error_after_writes_rolls_back(engine):
    """A UserError raised after earlier writes in the same unit of work undoes them."""
    with write_session(engine) as s:
        add_claim(session=s, actor="t", new=new_claim())
    with pytest.raises(UserError), write_session(engine) as s:
        add_claim(session=s, actor="t", new=new_claim("second", story="story-x", speaker="Somebody"))
        tag_claim(session=s, actor="t", claim_id=1, tags=[" "])
    with read_session(engine) as s:
        assert len(s.exec(select(Claim)).all()) == 1
        assert s.exec(select(Story)).all() == [] and s.exec(select(Speaker)).all() == []


def test_evidence_added_by_actor(engine):
    with write_session(engine) as s:
        claim_id = add_claim(session=s, actor="t", new=new_claim(story="kz")).id
    with write_session(engine) as s:
        ev = add_evidence(session=s, actor="carol", claim_id=claim_id, source=NewSource("https://b.example.org/x"),
                          stance="Supports", excerpt="\x1b[31mred\x1b[0m", note="  ")
        ev_id = ev.id
    with read_session(engine) as s:
        ev = s.get(Evidence, ev_id)
        assert ev.added_by == "carol" and ev.stance == "supports"
        assert ev.excerpt == "[31mred[0m" and ev.note is None
        assert s.get(Source, ev.source_id).story_id == s.get(Claim, claim_id).story_id


def test_new_deadline_claim_is_pending_at_version_one(engine):
    with write_session(engine) as s:
        claim = add_claim(session=s, actor="t", new=new_claim(
            "Troops leave within ten days", kind="deadline", dates=[{"phrase": "within ten days", "role": "Deadline"}]))
        claim_id = claim.id
    with read_session(engine) as s:
        c = s.get(Claim, claim_id)
        assert (c.deadline_state, c.version) == ("pending", 1)


@pytest.mark.parametrize("args", [
    ["add", "--text", "New", "--source", "https://new.example.org/"],
    ["mark", "1", "refuted", "--reason", "r"],
    ["source", "add", "1", "https://later.example.org/", "--stance", "disputes"],
    ["tag", "1", "new-tag"],
    ["link", "1", "2", "--relation", "contradicts", "--reason", "r"],
    ["speakers", "merge", "A", "B"],
])
def test_a_failed_commit_reports_no_success(cli, db_url, dump, user_error, monkeypatch, args):
    """When the commit itself fails, the command says so and nothing else: no 'done' line first."""
    import sqlmodel
    from sqlalchemy.exc import OperationalError

    _seed(cli, db_url)
    before = dump(db_url)

    def commit(self):
        raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(sqlmodel.Session, "commit", commit)
    result = cli(*args, db=db_url)
    user_error(result, "disk I/O error")
    assert result.stdout == ""
    assert dump(db_url) == before


def test_source_fields_filled_in_later_are_cleaned(engine):
    with write_session(engine) as s:
        get_or_create_source(s, NewSource("https://x.org/a"), actor="a")
    with write_session(engine) as s:
        get_or_create_source(s, NewSource("http://x.org/a", title="\x1b]0;pwned\x07Title  ", outlet=" \x9bOutlet",
                                          language="en\x1b"), actor="b")
    with read_session(engine) as s:
        [source] = s.exec(select(Source)).all()
        assert (source.title, source.outlet, source.language) == ("]0;pwnedTitle", "Outlet", "en")
        [event] = events(s, "source.update")
        assert after(event) == {"title": "]0;pwnedTitle", "outlet": "Outlet", "language": "en"}


def test_merging_by_a_name_that_was_merged_before_uses_the_kept_speaker(engine):
    """After B absorbed A, 'merge C into A' means into B: never into A's leftover pointer row."""
    from db.queries import list_speakers

    with write_session(engine) as s:
        ids = {name: add_claim(session=s, actor="t", new=new_claim(f"claim by {name}", speaker=name)).id
               for name in ("Alpha", "Bravo", "Charlie")}
    with write_session(engine) as s:
        merge_speakers(session=s, actor="ed", keep="Bravo", merge="Alpha")
    with write_session(engine) as s:
        kept = merge_speakers(session=s, actor="ed", keep="Alpha", merge="Charlie")
        assert kept.name == "Bravo"
    with read_session(engine) as s:
        speakers = list_speakers(session=s)
        assert [(sp["name"], sp["claims"]) for sp in speakers] == [("Bravo", 3)]
        assert sorted(speakers[0]["aliases"]) == ["Alpha", "Bravo", "Charlie"]
        assert {s.get(Claim, i).speaker_id for i in ids.values()} == {speakers[0]["id"]}
    with pytest.raises(UserError, match="already the same speaker"), write_session(engine) as s:
        merge_speakers(session=s, actor="ed", keep="Charlie", merge="Alpha")


def test_every_change_to_an_existing_speaker_or_source_is_audited(engine):
    """Learning a role, or joining a story, changes a row: the audit log says so."""
    with write_session(engine) as s:
        add_claim(session=s, actor="a", new=new_claim("first", speaker="Ana Kovac"))
    with write_session(engine) as s:
        add_claim(session=s, actor="b", new=new_claim("second", speaker="Ana Kovac", speaker_role="Interior Minister",
                                                      story="floods"))
    with read_session(engine) as s:
        speaker = s.exec(select(Speaker)).one()
        source = s.exec(select(Source)).one()
        assert speaker.role == "Interior Minister" and source.story_id is not None
        changes = [(e.action, e.actor, after(e)) for e in events(s) if e.action.endswith(".update")]
        assert ("speaker.update", "b", {"role": "Interior Minister"}) in changes
        assert ("source.update", "b", {"story_id": source.story_id}) in changes
