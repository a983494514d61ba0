"""claims.check.StoryDetector judges a deadline claim that gains reports from its last state and
the new reports alone (_judge_gained): it must come to what relations.deadline_state says over
all the reports, evidence included, through every change of state (pending, met, missed by a
late report, missed by a late denial), and name as new evidence just the gained reports in it."""
from __future__ import annotations

import bisect
import datetime as dt
import random

from claims import relations as rel
from claims.check import StoryDetector


def test_judging_only_the_gained_reports_gives_the_full_judgement():
    rng = random.Random(3)
    deadline = dt.date(2024, 5, 10)
    d = rel.Statement(1, 1, "troops must withdraw by May 10", dt.date(2024, 5, 1), None, (deadline,))
    kinds = set()
    for trial in range(300):
        det = StoryDetector.__new__(StoryDetector)
        det.statements, det._evidence = {1: d}, {}
        det.effective = {1: []}
        today = deadline + dt.timedelta(days=rng.choice((-3, 0, 5)))
        det.states = {1: rel.deadline_state(deadline, [], today=today)}
        claim, negated = 100, set()
        for _ in range(rng.randint(1, 8)):
            gained = []
            for _ in range(rng.randint(1, 4)):
                claim += rng.randint(1, 3)
                on = deadline + dt.timedelta(days=rng.randint(-6, 6))
                gained.append(rel.Report(claim, on, negated=rng.random() < 0.3))
            rng.shuffle(gained)
            for r in gained:
                bisect.insort_right(det.effective[1], r, key=rel.REPORT_ORDER)
            before = det.states[1]
            state, added = det._judge_gained(d, gained, today)
            full = rel.deadline_state(deadline, det.effective[1], today=today)
            assert state == full, (trial, det.effective[1])
            # what _report_links links: the gained reports in the evidence
            ids = {r.claim for r in gained}
            assert {c for c in added.evidence if c in ids} == {c for c in full.evidence if c in ids}
            negated.update(r.claim for r in gained if r.negated)
            kinds.add((before.state, state.state, bool(state.evidence) and state.evidence[0] in negated))
            det.states[1] = state
    assert {("met", "met", False), ("pending", "met", False), ("pending", "missed", True), ("missed", "met", False),
            ("missed", "missed", False), ("missed", "missed", True), ("pending", "pending", False)} <= kinds
