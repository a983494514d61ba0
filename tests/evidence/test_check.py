"""The check on the database: stored suggestions, dismissed ones never coming back, deadlines."""
from __future__ import annotations

import json

import pytest
from sqlmodel import select

from claims import check
from db.engine import read_session, write_session
from db.models import AuditEvent, Claim, ClaimLink
from db.writes import set_link_state
from tests.evidence.conftest import D, add


def run(engine, story="s", today=D(2022, 2, 1)):
    with write_session(engine) as session:
        return check.run_check(session=session, actor="checker", story=story, today=today)


def links(engine, story="s", **kw):
    with read_session(engine) as session:
        return {(r["a"], r["b"]): r for r in check.list_links(session=session, story=story, **kw)}


def test_kazakhstan_gold_claims_give_every_expected_relation(engine, kazakhstan):
    rel, ids = kazakhstan
    result = run(engine, rel["story"])
    assert result["new_links"]["contradicts"] == 0
    found = {}
    for r in links(engine, rel["story"]).values():
        found.setdefault(frozenset((r["a"], r["b"])), set()).add(r["relation"])
    with read_session(engine) as session:
        states = {d["claim"]: d for d in check.deadlines(session=session, story=rel["story"], today=D(2022, 2, 1))}
    for e in rel["relations"]:
        a, b = ids[tuple(e["a"])], ids[tuple(e["b"])]
        if e["expect"].startswith("deadline-"):
            assert states[a]["state"] == e["expect"].split("-", 1)[1], e
            assert b in states[a]["evidence"], e
        else:
            assert e["expect"] in found.get(frozenset((a, b)), set()), e
    # Pairs the gold files call compatible are never flagged.
    for prefix, gold_id_a, gold_id_b in [("seed", "troops-and-ten-days", "completed-by-wednesday"),
                                         ("03", "bodies-225", "could-be-updated"),
                                         ("05", "withdrawal-began-thursday", "pullout-completed")]:
        pair = frozenset((ids[(prefix, gold_id_a)], ids[(prefix, gold_id_b)]))
        assert not found.get(pair, set()) & {"contradicts", "revises"}


def test_revision_then_corroboration(engine):
    with write_session(engine) as s:
        a = add(s, "Accounts place the death toll between dozens and 146.", source="https://a.example/1",
                quantities=[(24, 146, "deaths", D(2022, 1, 13), True)])
        b = add(s, "Morgues took in the bodies of 225 people.", source="https://b.example/1",
                quantities=[(225, 225, "deaths", D(2022, 1, 15))])
        c = add(s, "The unrest left 225 people dead.", source="https://c.example/1",
                quantities=[(225, 225, "killed", D(2022, 1, 19))])  # a synonym of the measure
    result = run(engine)
    assert result["new_links"] == {"contradicts": 0, "corroborates": 1, "revises": 1, "duplicates": 0}
    found = links(engine)
    assert found[(a, b)]["relation"] == "revises" and found[(a, b)]["origin"] == "detected"
    assert found[(a, b)]["state"] == "suggested" and "225" in found[(a, b)]["reason"]
    assert found[(b, c)]["relation"] == "corroborates"


def test_same_day_officials_contradict_and_same_source_pairs_stay_quiet(engine):
    with write_session(engine) as s:
        a = add(s, "One official said 230 died.", source="https://a.example/1", speaker="Official A",
                quantities=[(230, 230, "deaths", D(2022, 1, 16))])
        b = add(s, "Another official said 238 died.", source="https://b.example/1", speaker="Official B",
                quantities=[(238, 238, "deaths", D(2022, 1, 16))])
        c = add(s, "The paper repeated that 238 died.", source="https://b.example/1",
                quantities=[(238, 238, "deaths", D(2022, 1, 16))])
    run(engine)
    found = links(engine)
    assert found[(a, b)]["relation"] == "contradicts"
    assert (b, c) not in found and (c, b) not in found  # compatible, same source: not reported


def test_dismissed_suggestion_does_not_come_back(engine):
    with write_session(engine) as s:
        a = add(s, "230 died.", source="https://a.example/1", quantities=[(230, 230, "deaths", D(2022, 1, 16))])
        b = add(s, "238 died.", source="https://b.example/1", quantities=[(238, 238, "deaths", D(2022, 1, 16))])
    run(engine)
    link = links(engine)[(a, b)]
    with write_session(engine) as s:
        set_link_state(session=s, actor="editor", link_id=link["id"], state="dismissed", reason="different events")
    second = run(engine)
    assert second["new_links_total"] == 0
    assert links(engine) == {}
    everything = links(engine, include_dismissed=True)
    assert list(everything) == [(a, b)] and everything[(a, b)]["state"] == "dismissed"
    with read_session(engine) as s:
        assert len(s.exec(select(ClaimLink)).all()) == 1


def test_deadline_met_missed_overdue(engine):
    with write_session(engine) as s:
        met = add(s, "The minister said field hospitals would be set up in Tarata within five days.",
                  source="https://a.example/1", said_on=D(2023, 6, 13),
                  dates=[{"phrase": "within five days", "role": "deadline", "latest": "2023-06-18"}])
        missed = add(s, "The ministry would publish the full test results by the end of the month.",
                     source="https://a.example/1", said_on=D(2023, 6, 13),
                     dates=[{"phrase": "by the end of the month", "role": "deadline", "latest": "2023-06-30"}])
        overdue = add(s, "Engineers would restore power to Candarave by Friday.", source="https://a.example/1",
                      said_on=D(2023, 6, 13), dates=[{"phrase": "by Friday", "role": "deadline", "latest": "2023-06-16"}])
        pending = add(s, "The strike committee would vote on the offer by August.", source="https://a.example/1",
                      said_on=D(2023, 6, 13), dates=[{"phrase": "by August", "role": "deadline", "latest": "2023-08-01"}])
        report_met = add(s, "Field hospitals were set up in Tarata on Saturday.", source="https://b.example/2",
                         said_on=D(2023, 6, 17))
        report_late = add(s, "The ministry published the full test results on Monday.", source="https://c.example/3",
                          said_on=D(2023, 7, 3))
    result = run(engine, today=D(2023, 7, 5))
    assert result["deadlines"] == {"pending": 2, "met": 1, "missed": 1}
    assert result["overdue"] == 1
    with read_session(engine) as s:
        rows = {d["claim"]: d for d in check.deadlines(session=s, story="s", today=D(2023, 7, 5))}
        assert s.get(Claim, met).deadline_state == "met"
        events = s.exec(select(AuditEvent).where(AuditEvent.claim_id == missed,
                                                 AuditEvent.action == "claim.deadline")).all()
    assert rows[met] | {"text": None} == {"claim": met, "deadline": "2023-06-18", "state": "met", "overdue": False,
                                          "evidence": [report_met], "text": None}
    assert (rows[missed]["state"], rows[missed]["evidence"]) == ("missed", [report_late])
    assert (rows[overdue]["state"], rows[overdue]["overdue"]) == ("pending", True)
    assert (rows[pending]["state"], rows[pending]["overdue"]) == ("pending", False)
    assert [json.loads(e.after)["deadline_state"] for e in events] == ["missed"]
    assert links(engine)[(missed, report_late)]["relation"] == "contradicts"


def test_dismissing_the_report_link_reopens_the_deadline(engine):
    with write_session(engine) as s:
        promise = add(s, "The army would complete its withdrawal by Friday.", source="https://a.example/1",
                      said_on=D(2022, 1, 10), dates=[{"phrase": "by Friday", "role": "deadline", "latest": "2022-01-14"}])
        report = add(s, "The army has completed its withdrawal.", source="https://b.example/1", said_on=D(2022, 1, 13))
    run(engine, today=D(2022, 1, 20))
    link = links(engine)[(promise, report)]
    with write_session(engine) as s:
        set_link_state(session=s, actor="editor", link_id=link["id"], state="dismissed", reason="another army")
        check.refresh_deadlines(session=s, actor="editor", claim_ids=[promise], today=D(2022, 1, 20))
    with read_session(engine) as s:
        row = check.deadlines(session=s, story="s", today=D(2022, 1, 20))[0]
    assert (row["state"], row["overdue"], row["evidence"]) == ("pending", True, [])


def test_bulk_path_writes_the_same_rows_as_link_claims(engine, monkeypatch):
    def build(story):
        with write_session(engine) as s:
            for i in range(12):
                add(s, f"{100 + 7 * i} died.", story=story, source=f"https://{story}{i % 4}.example/{i}",
                    quantities=[(100 + 7 * i, 100 + 7 * i, "deaths", D(2022, 1, 1 + i // 3))])

    def rows(story):
        with read_session(engine) as s:
            found = check.list_links(session=s, story=story)
            first = min(min(r["a"], r["b"]) for r in found)
            link_rows = sorted((r["a"] - first, r["b"] - first, r["relation"], r["origin"], r["state"], r["reason"])
                               for r in found)
            ids = [r["id"] for r in found]
            events = s.exec(select(AuditEvent).where(AuditEvent.target_type == "link",
                                                     AuditEvent.target_id.in_(ids))).all()
            audit = sorted((e.actor, e.action, e.claim_id - first, json.loads(e.after)["relation"], e.reason)
                           for e in events)
            afters = {e.after.replace(str(json.loads(e.after)["a"]), "A").replace(str(json.loads(e.after)["b"]), "B")
                      for e in events}
        return link_rows, audit, afters

    build("one")
    monkeypatch.setattr(check, "BULK_THRESHOLD", 10_000)
    run(engine, "one")
    build("two")
    monkeypatch.setattr(check, "BULK_THRESHOLD", 0)
    run(engine, "two")
    one, two = rows("one"), rows("two")
    assert one[0] and one == two


def test_figures_in_time_order(engine):
    with write_session(engine) as s:
        later = add(s, "225 killed.", source="https://b.example/1", quantities=[(225, 225, "killed", D(2022, 1, 15))])
        earlier = add(s, "Dozens to 146 dead.", source="https://a.example/1", speaker="Officials",
                      quantities=[(24, 146, "deaths", D(2022, 1, 13), True)])
        add(s, "50,000 rioters.", source="https://b.example/1", quantities=[(50000, 50000, "rioters", D(2022, 1, 5))])
    with read_session(engine) as s:
        rows = check.figures(session=s, story="s", measure="death toll")
    assert [r["claim"] for r in rows] == [earlier, later]
    assert rows[0] | {"text": None} == {
        "claim": earlier, "as_of": "2022-01-13", "low": 24, "high": 146, "approximate": True, "bound": None,
        "unit": "deaths", "source_url": "https://a.example/1", "outlet": None, "speaker": "Officials", "text": None}


def test_unknown_story_is_a_user_error(engine):
    from claims.errors import UserError

    with pytest.raises(UserError, match="no story named"):
        run(engine, "nope")


def test_long_run_and_bare_figures(engine):
    with write_session(engine) as s:
        now = add(s, "The number of people killed by the quake has risen to 312 from 187 on Monday.",
                  source="https://a.example/1", quantities=[(312, 312, None, D(2023, 6, 14)),
                                                            (187, 187, "deaths", D(2023, 6, 14))])
        past = add(s, "The quake was the deadliest since 2007, when an earthquake near Pisco killed 519 people.",
                   source="https://a.example/1", quantities=[(519, 519, "deaths", D(2023, 6, 14))],
                   dates=[{"phrase": "since 2007", "role": "since", "earliest": "2007-01-01"}])
        later = add(s, "The death toll has risen to 340.", source="https://b.example/1",
                    quantities=[(340, 340, "deaths", D(2023, 6, 17))])
    run(engine)
    found = links(engine)
    assert found[(now, later)]["relation"] == "revises" and "312" in found[(now, later)]["reason"]
    assert not any(past in pair for pair in found)  # the 2007 toll is not this quake's


def test_denial_of_a_claim_that_also_gives_a_figure(engine):
    with write_session(engine) as s:
        denial = add(s, "The ministry denied reports that the drinking water in Vellmar had been contaminated, "
                        "after 37 people were taken to hospital.", source="https://a.example/1",
                     said_on=D(2025, 8, 21), quantities=[(37, 37, "hospitalised", D(2025, 8, 21))])
        finding = add(s, "The results found that the drinking water in Vellmar had been contaminated with E. coli.",
                      source="https://b.example/1", said_on=D(2025, 9, 2))
    run(engine)
    assert links(engine)[(denial, finding)]["relation"] == "contradicts"


def test_a_disputing_source_contradicts_its_own_claim_about_it(engine):
    from db.writes import NewSource, add_evidence

    with write_session(engine) as s:
        shelled = add(s, "Rebels shelled civilian areas of Sarnet overnight.", source="https://a.example/1",
                      said_on=D(2025, 2, 14))
        reply = add(s, "The group never fired on civilian areas of Sarnet, its spokesman said.",
                    source="https://b.example/reply", said_on=D(2025, 2, 15))
        add(s, "The group will attend talks in Nairobi.", source="https://b.example/reply", said_on=D(2025, 2, 15))
        add_evidence(session=s, actor="ann", claim_id=shelled, stance="disputes",
                     source=NewSource(url="https://b.example/reply"))
    run(engine)
    found = links(engine)
    assert found[(shelled, reply)]["relation"] == "contradicts"
    assert len(found) == 1


def test_a_report_linked_by_hand_settles_the_deadline(engine):
    from db.writes import link_claims

    with write_session(engine) as s:
        promise = add(s, "The mayor promised the bridge by spring.", source="https://a.example/1",
                      said_on=D(2024, 1, 5), dates=[{"phrase": "by spring", "role": "deadline", "latest": "2024-03-20"}])
        report = add(s, "Cars crossed the Drina on Tuesday for the first time in a year.",
                     source="https://b.example/1", said_on=D(2024, 3, 12))
    run(engine, today=D(2024, 4, 1))
    with read_session(engine) as s:
        assert check.deadlines(session=s, story="s", today=D(2024, 4, 1))[0]["state"] == "pending"
    with write_session(engine) as s:
        link_claims(session=s, actor="ann", a_id=promise, b_id=report, relation="corroborates",
                    reason="the crossing is the bridge opening")
    run(engine, today=D(2024, 4, 1))
    with read_session(engine) as s:
        row = check.deadlines(session=s, story="s", today=D(2024, 4, 1))[0]
    assert (row["state"], row["evidence"]) == ("met", [report])


def test_bulk_deadline_updates_match_the_orm_path(engine, monkeypatch):
    def build(story):
        with write_session(engine) as s:
            promise = add(s, "The army would complete its withdrawal by Friday.", story=story,
                          source=f"https://{story}.example/1", said_on=D(2022, 1, 10),
                          dates=[{"phrase": "by Friday", "role": "deadline", "latest": "2022-01-14"}])
            add(s, "The army has completed its withdrawal.", story=story, source=f"https://{story}.example/2",
                said_on=D(2022, 1, 13))
        return promise

    def state(claim_id):
        with read_session(engine) as s:
            claim = s.get(Claim, claim_id)
            event = s.exec(select(AuditEvent).where(AuditEvent.claim_id == claim_id,
                                                    AuditEvent.action == "claim.deadline")).one()
            after = json.loads(event.after)
            after["evidence"] = [e - claim_id for e in after["evidence"]]
            return claim.deadline_state, claim.version, event.before, after, event.reason

    one = build("one")
    monkeypatch.setattr(check, "BULK_THRESHOLD", 10_000)
    run(engine, "one", today=D(2022, 1, 20))
    two = build("two")
    monkeypatch.setattr(check, "BULK_THRESHOLD", 0)
    run(engine, "two", today=D(2022, 1, 20))
    assert state(one) == state(two) and state(one)[0] == "met"


def test_figures_of_a_sub_group_are_not_held_against_the_whole(engine):
    with write_session(engine) as s:
        civilians = add(s, "At least 61 civilians have been killed.", source="https://a.example/1",
                        quantities=[(61, 61, "deaths", D(2025, 2, 13))])
        soldiers = add(s, "The fighting has killed 45 soldiers.", source="https://b.example/1",
                       quantities=[(45, 45, "deaths", D(2025, 2, 20))])
        more = add(s, "75 civilians have now been killed.", source="https://c.example/1",
                   quantities=[(75, 75, "deaths", D(2025, 2, 21))])
    from db.models import Quantity

    with write_session(engine) as s:  # the units the extractor gives
        for q in s.exec(select(Quantity)).all():
            q.unit = {civilians: "civilians", soldiers: "soldiers", more: "civilians"}[q.claim_id]
    run(engine)
    found = links(engine)
    assert found[(civilians, more)]["relation"] == "revises"
    assert not any(soldiers in pair for pair in found)


def test_an_independent_count_is_held_against_the_authorities_not_chained_with_them(engine):
    """A union (by its name) and a rights group (by its role) against the ministry: their figures
    dispute the ministry's, and the ministry's chain revises from its own last figure."""
    with write_session(engine) as s:
        first = add(s, "The ministry said 27 died.", source="https://a.example/1", speaker="Energy Ministry",
                    quantities=[(27, 27, "deaths", D(2024, 1, 2))])
        union = add(s, "The Independent Miners' Union puts the number at 41.", source="https://a.example/1",
                    speaker="Independent Miners' Union", quantities=[(41, 41, "deaths", D(2024, 1, 2))])
        later = add(s, "The toll stands at 29.", source="https://b.example/1", speaker="Energy Ministry",
                    quantities=[(29, 29, "deaths", D(2024, 1, 5))])
        group = add(s, "Kyzyl Tuu counts 38.", source="https://b.example/1", speaker="Kyzyl Tuu",
                    quantities=[(38, 38, "deaths", D(2024, 1, 5))])
        from db.models import Speaker

        s.exec(select(Speaker).where(Speaker.name == "Kyzyl Tuu")).one().role = "rights group"
    run(engine)
    found = {pair: r["relation"] for pair, r in links(engine).items()}
    assert found == {(first, union): "contradicts", (first, later): "revises", (union, later): "contradicts",
                     (later, group): "contradicts"}
    assert "independent count of 38 deaths (2024-01-05) is above the official 29" in links(engine)[(later, group)]["reason"]


def test_an_article_counts_the_authorities_toll_by_its_highest_figure(engine):
    """27 killed and, in the same article the same day, eight bodies recovered: the eight is a part
    (no conflict with 27), and the next day's 29 revises the 27."""
    with write_session(engine) as s:
        toll = add(s, "The toll has risen to 27, officials said.", source="https://a.example/1", speaker="Officials",
                   quantities=[(27, 27, "deaths", D(2024, 1, 2))])
        part = add(s, "Rescuers recovered eight bodies on Monday, the agency said.", source="https://a.example/1",
                   speaker="AFAD", quantities=[(8, 8, "deaths", D(2024, 1, 2))])
        later = add(s, "The confirmed toll stands at 29.", source="https://b.example/1",
                    quantities=[(29, 29, "deaths", D(2024, 1, 5))])
        detained = add(s, "1.6 thousand have been detained, and around 300 are still held.",
                       source="https://b.example/1", speaker="Prosecutor's Office",
                       quantities=[(1600, 1600, "detentions", D(2024, 1, 5)),
                                   (300, 300, "detentions", D(2024, 1, 5), True)])
        earlier = add(s, "More than 1,400 people have been detained.", source="https://a.example/1",
                      quantities=[(1400, None, "detentions", D(2024, 1, 2), False, "more than")])
    run(engine)
    with read_session(engine) as session:
        found = {}
        for r in check.list_links(session=session, story="s"):
            found.setdefault((r["a"], r["b"]), set()).add(r["relation"])
    assert found[(toll, later)] == {"revises"}
    assert found[(earlier, detained)] == {"revises", "corroborates"}  # by the 1,600; the 300 is no conflict
    assert not any(part in pair for pair in found)


def test_a_count_since_months_ago_is_a_seasons_total(engine):
    with write_session(engine) as s:
        event = add(s, "The landslide's toll has risen to 41.", source="https://a.example/1", speaker="CONRED",
                    quantities=[(41, 41, "deaths", D(2023, 8, 17))])
        season = add(s, "The rainy season has killed at least 60 people since May, according to CONRED.",
                     source="https://a.example/1", speaker="CONRED",
                     quantities=[(60, None, "deaths", D(2023, 8, 17), False, "at least")],
                     dates=[{"phrase": "since May", "role": "since", "earliest": "2023-05-01"}])
        earlier = add(s, "CONRED had reported 29 deaths on Wednesday.", source="https://b.example/1",
                      speaker="CONRED", quantities=[(29, 29, "deaths", D(2023, 8, 16))])
    run(engine)
    found = {pair: r["relation"] for pair, r in links(engine).items()}
    assert found == {(earlier, event): "revises"}  # the season's 60 is compared with neither
    assert season not in {x for pair in found for x in pair}


def test_the_same_count_of_a_thing_from_two_sources_corroborates(engine):
    with write_session(engine) as s:
        a = add(s, "Aid workers said 112 homes had been destroyed.", source="https://a.example/1",
                quantities=[(112, 112, None, D(2025, 9, 10))])
        b = add(s, "The municipality put the number of destroyed homes at 112.", source="https://b.example/1",
                quantities=[(112, 112, None, D(2025, 9, 13))])
        c = add(s, "About 140 homes were damaged.", source="https://c.example/1",
                quantities=[(140, 140, None, D(2025, 9, 13), True)])
        from db.models import Quantity

        for q in s.exec(select(Quantity)).all():
            q.unit = "homes"
    run(engine)
    found = {pair: r["relation"] for pair, r in links(engine).items()}
    assert found == {(a, b): "corroborates"}
    assert links(engine)[(a, b)]["reason"] == "112 home (2025-09-10) agrees with 112 (2025-09-13)"


def test_a_collapse_reported_twice_corroborates_even_beside_a_count_of_things(engine):
    with write_session(engine) as s:
        a = add(s, "The dam gave way at about 04:30 on Tuesday, according to the company.",
                source="https://a.example/1", said_on=D(2025, 9, 10),
                dates=[{"phrase": "on Tuesday", "role": "when", "earliest": "2025-09-09", "latest": "2025-09-09"}])
        b = add(s, "The dam collapsed before dawn on 9 September, sending sludge through more than 100 homes.",
                source="https://b.example/1", said_on=D(2025, 9, 19),
                quantities=[(100, None, None, D(2025, 9, 19), False, "more than")],
                dates=[{"phrase": "on 9 September", "role": "when", "earliest": "2025-09-09", "latest": "2025-09-09"}])
        from db.models import Quantity

        s.exec(select(Quantity)).one().unit = "homes"
    run(engine)
    assert links(engine)[(a, b)]["relation"] == "corroborates"
