"""The event memory: an event an article dates once anchors the later phrases that name it.

"the strike, which started on January 19" ... "since the strike began"; "agreed on Sunday to a
ceasefire" ... "within two weeks of the ceasefire taking effect"; "on election night".
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from claims.extract.timebase import NUMBER_WORDS, TimeRef, count_of, shift
from claims.extract.words import word_index

# Events an article dates once and names again later ("the strike, which started on January 19" ...
# "since the strike began"; "agreed on Sunday to a ceasefire" ... "within two weeks of the ceasefire").
_EVENT_FORMS = tuple("""strike walkout stoppage protest protests fire blaze explosion blast collapse flood floods flooding
storm cyclone hurricane typhoon earthquake quake landslide mudslide outbreak ceasefire truce attack crash derailment
elections polls
shipwreck sinking eruption shutdown lockdown curfew election referendum invasion coup riot riots unrest spill leak
accident disaster shooting bombing raid siege offensive clashes war talks negotiations inflow inundation capsizing collision stampede
rockfall cave-in ambush massacre kidnapping abduction blackout outage breach vote announcement filing proclamation
tragedy incident hearing notice notices ruling verdict judgment blizzard blizzards snowstorm heatwave
order orders re-test retest resit meeting signing""".split()) + ("industrial action",)
# verbs that date an event as well as its noun: "Members voted ... on October 30" ... "a week after the vote"
_EVENT_VERBS = {"voted": "vote", "announced": "announcement", "collapsed": "collapse", "capsized": "capsizing",
                "erupted": "eruption", "exploded": "explosion", "derailed": "derailment", "flooded": "flood",
                "filed": "filing", "proclaimed": "proclamation", "downed tools": "strike", "walked out": "strike",
                "walked off the job": "strike", "went on strike": "strike", "stopped work": "strike",
                "hear": "hearing", "heard": "hearing", "bombed": "attack", "attacked": "attack", "shelled": "attack",
                # "a train collided ... last night" ... "since the accident"; "the workings caved in at about 2am
                # on Tuesday" ... "since the collapse"; "the first case was confirmed on August 18" ... "since the
                # start of the outbreak"; "the court ruled on Tuesday" ... "since the ruling"
                "collided": "collision", "caved in": "collapse", "first case": "outbreak", "first cases": "outbreak",
                "ruled": "ruling",
                # "The truce, signed on October 14" ... "within 21 days of signing"
                "signed": "signing"}
# one event under two names: an election's vote
_SAME_EVENT = {"vote": "election", "election": "vote"}
_EVENT_VERB = re.compile(r"\b(?P<verb>" + "|".join(v.replace(" ", r"\s+") for v in _EVENT_VERBS) + r")\b", re.IGNORECASE)
# words that can name any disaster ("the collapse" after "a landslide"; never "the spill" after "the storm")
_GENERIC_DISASTERS = frozenset("collapse disaster incident tragedy accident".split())
# disasters that one story names by several words ("the flash flood" ... "the storm")
_FAMILIES = tuple(frozenset(f.split()) for f in (
    "storm flood cyclone hurricane typhoon landslide mudslide inundation inflow blizzard snowstorm", "fire explosion blast",
    "crash derailment collision", "shipwreck sinking capsizing", "spill leak", "collapse cave-in rockfall"))
# events of one kind: "the landslide" dated, "since the collapse" means it when it is the only one
_DISASTERS = frozenset("""fire explosion blast collapse flood storm cyclone hurricane typhoon earthquake landslide mudslide
eruption crash derailment shipwreck sinking spill leak accident disaster inflow inundation capsizing collision stampede
rockfall cave-in blackout outage breach blizzard snowstorm heatwave""".split())
_EVENT_NOUNS = "|".join(sorted(_EVENT_FORMS, key=len, reverse=True))
_EVENT_WORD = re.compile(r"\b(?P<noun>" + _EVENT_NOUNS + r")\b(?!\s+(?:brigade|service|department|fighters?|crews?|"
                         r"trucks?|engines?|stations?|chief|officers?|safety|alarms?|exits?|hydrants?|season|warning|"
                         r"notice|ballot|vote|threat|fund|committee|talks|deadline|ultimatum|plans?|protests?|petitions?|"
                         r"lawyers?|body|commission|tellers|rules|law|campaign|code|officers?|officials?|materials))",
                         re.IGNORECASE)
_EVENT_DET = r"(?:the|this|that|its|their|last\s+\w+['\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
_SINCE_EVENT = re.compile(r"\bsince\s+(?:the\s+(?:start|beginning|onset)\s+of\s+)?" + _EVENT_DET + r"(?P<noun>" + _EVENT_NOUNS + r")\b"
                          r"(?:\s+(?:began|started|broke\s+out|erupted|took\s+effect|hit|struck|was\s+(?:called|declared)|"
                          # "since the notices were issued"
                          r"(?:was|were)\s+(?:issued|served|sent|delivered|handed\s+down|published)))?",
                          re.IGNORECASE)
_WITHIN_EVENT = re.compile(r"\b(?:within|for)\s+(?P<n>" + NUMBER_WORDS + r")\s+(?P<unit>hours?|days?|weeks?|months?)\s+"
                           r"(?:of|from)\s+(?:the\s+day\s+of\s+)?(?:" + _EVENT_DET + r"|(?=signing\b))" +
                           r"(?P<noun>" + _EVENT_NOUNS + r")\b(?:\s+(?:call|taking\s+effect|coming\s+into\s+force|"
                           r"beginning|starting|began|started))?", re.IGNORECASE)

# "two days after the strike started", "at least 72 hours before the strike began on Monday evening"
_AFTER_EVENT = re.compile(r"\b(?P<n>" + NUMBER_WORDS + r")\s+(?P<unit>hours?|days?|weeks?|months?)\s+(?P<dir>after|before)\s+" +
                          _EVENT_DET + r"(?P<noun>" + _EVENT_NOUNS + r")\b(?:\s+(?:began|started|broke\s+out|erupted|"
                          r"took\s+effect|hit|struck))?", re.IGNORECASE)
# "the strike had cost Ombika more than N$38 million ... since it began": the event the sentence named
_SINCE_IT = re.compile(r"\bsince\s+it\s+(?:began|started|broke\s+out|erupted|took\s+effect)\b", re.IGNORECASE)
# "since the strike began on April 27": the phrase dates the event itself
_BEGAN_ON = re.compile(r"\b(?:since|after|when)\s+" + _EVENT_DET + r"(?P<noun>" + _EVENT_NOUNS + r")\s+(?:began|started|"
                       r"broke\s+out|erupted|took\s+effect|hit|struck|was\s+(?:declared|announced|confirmed|reported))"
                       r"\s+(?:on\s+|at\s+)?", re.IGNORECASE)

_WHICH_BEGAN = re.compile(r"\b(?P<noun>" + _EVENT_NOUNS + r"),\s+which\s+(?:began|started|broke\s+out|erupted|took\s+effect|"
                          r"hit|struck)\s+(?:on\s+|at\s+)?", re.IGNORECASE)
_EVENT_REFERRED = re.compile(r"\b(?:(?:day|night|eve|morning|hours?|days|weeks?|months?|years?)\s+(?:of|before|after)|since|within\s+\S+\s+\S+\s+of)\s+the\s+$",
                             re.IGNORECASE)
_ON_EVENT_DAY = re.compile(r"\b(?:on\s+(?:the\s+)?(?P<noun>election|referendum|strike|attack|explosion|blast|polling|voting)\s+"
                           r"(?:night|day|eve)|on\s+the\s+day\s+of\s+the\s+(?P<noun2>" + _EVENT_NOUNS + r")"
                           r"|the\s+(?:day|night)\s+(?P<dir>before|after)\s+the\s+(?P<noun3>" + _EVENT_NOUNS + r"))\b",
                           re.IGNORECASE)


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15}
_ENTERED_NTH = re.compile(r"[^.;]{0,60}?\b(?:entered|enters|entering|reached|reaches|went\s+into|goes\s+into|is\s+in|was\s+in)"
                          r"\s+its\s+(?P<nth>\w+)\s+(?P<unit>day|week)\b", re.IGNORECASE)


# the words that wake the event memory ("on polling day" names the election too)
_EVENT_SET = frozenset(_EVENT_FORMS) | {"industrial", "polling", "voting", "deadline", "ultimatum"} | frozenset(v.split()[0] for v in _EVENT_VERBS)
_NOUN_SET = frozenset(_EVENT_FORMS) | {"industrial"}  # (a match starts at its first word: "industrial action")
_WHEN_AFTER_DAY = re.compile(r",?\s+when\s")
SPAN_PREFIX = "~"  # events["~flood"]: the first and last day of an event the article dated as a span
_DAY_WORDS = frozenset("day night eve".split())
_VERB_WORDS = frozenset(v.split()[0] for v in _EVENT_VERBS)
_BEGAN_WORDS = frozenset("began started broke erupted took hit struck declared announced confirmed reported".split())
# "the April 30 deadline" ... "within 30 days of that deadline": the last deadline the article dated
_EXTENDED_TO = re.compile(r"\b(?:extend|extends|extended|extending|push|pushed|move|moved)\b[^.;]{0,40}\b(?:deadline|ultimatum)\b"
                          r"[^.;]{0,40}\bto\s+(?:(?:midnight|noon|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)\s+)?(?:on\s+)?$",
                          re.IGNORECASE)
_BARE_SPAN = re.compile(r"\S+\s+(?:hours|days|weeks)", re.IGNORECASE)
_GAVE_SPAN = re.compile(r"\b(?:has|have|had)\s+given\b[^.;]{0,70}$", re.IGNORECASE)
_BY_THEN = re.compile(r"\b(?:by|until|till)\s+then\b", re.IGNORECASE)
_ULTIMATUM_IF = re.compile(r"\b(?:if\s+no|unless|ultimatum)\b", re.IGNORECASE)
_DAY_DEADLINE = re.compile(r"\s+deadline\b", re.IGNORECASE)
_DURING_EVENT = re.compile(r"\bduring\s+" + _EVENT_DET + r"(?P<noun>" + _EVENT_NOUNS + r")\b", re.IGNORECASE)
# ("by the court's deadline": the one the article gave)
_BEFORE_DEADLINE = re.compile(r"\b(?:before|by)\s+(?:the|that|this|its|their|the\s+[a-z]+['\u2019]s)\s+(?:new\s+|extended\s+|\d+-day\s+)?"
                              r"(?:deadline|ultimatum)\b"
                              r"(?:\s+(?:expires|passes|runs\s+out|lapses))?", re.IGNORECASE)
_WITHIN_DEADLINE = re.compile(r"\bwithin\s+(?P<n>" + NUMBER_WORDS + r")\s+(?P<unit>hours?|days?|weeks?|months?)\s+of\s+"
                              r"(?:that|the|this)\s+(?:new\s+|original\s+|extended\s+|revised\s+)?deadline\b", re.IGNORECASE)


EVENT_CUES = frozenset("since within on before after from during".split())


_HYPHEN_EVENT = re.compile(r"-(?:" + _EVENT_NOUNS + r")\b", re.IGNORECASE)


def names_event(words: tuple[str, ...], text: str) -> bool:
    """Does a sentence hold an event's word (also after a hyphen: "by-election")?"""
    return not _EVENT_SET.isdisjoint(words) or ("-" in text and _HYPHEN_EVENT.search(text) is not None)


def _event_key(noun: str) -> str:
    noun = noun.lower()
    return {"quake": "earthquake", "blaze": "fire", "walkout": "strike", "truce": "ceasefire", "riots": "riot",
            "protests": "protest", "floods": "flood", "flooding": "flood", "elections": "election",
            "polls": "election", "notices": "notice", "industrial action": "strike", "blizzards": "blizzard",
            "orders": "order"}.get(noun, _EVENT_VERBS.get(noun, noun))


def _day_of(key: str, events: dict) -> dt.date | None:
    """The day of an event, or of the one disaster the article dated ("a landslide ... early on
    Saturday" ... "cut off since the collapse")."""
    day = events.get(key)
    if day is None and key in _SAME_EVENT:
        day = events.get(_SAME_EVENT[key])
    if day is None and key in _DISASTERS:
        family = _DISASTERS if key in _GENERIC_DISASTERS else next((f for f in _FAMILIES if key in f), frozenset())
        known = {events[k] for k in events if k in family}
        if len(known) == 1:
            day = known.pop()
    return day


def note_events(text: str, refs: list[TimeRef], events: dict) -> None:
    """Remember the day an event named in this sentence happened: the nearest single day (or start)
    the sentence names within 55 characters of the event's word; an event keeps its earliest day."""
    words = word_index(text)[1]
    for r in refs:
        if r.role == "when" and r.earliest is not None and r.latest is not None and \
                0 < (r.latest - r.earliest).days <= 92 and r.phrase[:5].lower() in ("betwe", "from ") and \
                any(c.isdigit() for c in r.phrase):
            events[SAME_SPAN] = (r.earliest, r.latest)  # "between October 29 and November 4" ... "over the same period"
        if r.role == "deadline" and r.latest is not None and r.earliest is None:
            events["then"] = r.latest  # "allowed back by Thursday" ... "closed until then": the last day set
        if r.role == "deadline" and r.latest is not None and (
                (r.phrase[:7].lower() == "within " and _ULTIMATUM_IF.search(text)) or
                (_BARE_SPAN.fullmatch(r.phrase) and _GAVE_SPAN.search(text, max(0, r.start - 90), r.start)) or
                # "The European Commission has given Romania until 15 December to prove ...": that day
                (r.earliest is None and r.phrase[:6].lower() == "until " and
                 _GAVE_SPAN.search(text, max(0, r.start - 90), r.start))):
            # "would refuse overtime ... if no agreement was reached within 14 days", "has given the
            # federal government 15 days to ...": an ultimatum's end
            events["deadline"] = events["then"] = r.latest
        elif r.latest is not None and "deadline" in text and _EXTENDED_TO.search(text, max(0, r.start - 90), r.start):
            # "agreed to extend its deadline by 72 hours, to midnight on Thursday": the new deadline
            events["deadline"] = events["then"] = r.latest
    if not names_event(words, text):
        return
    present = frozenset(words)
    for r in refs:
        if r.latest is not None and ((r.earliest in (None, r.latest) and _DAY_DEADLINE.match(text, r.end)) or (
                r.role == "deadline" and r.earliest is None and r.phrase.lower().startswith(("until ", "by ", "no later"))
                and r.phrase[-1:].isalpha())):
            # "the April 30 deadline", "given ... until midnight on Thursday": the latest deadline given
            events["deadline"] = events["then"] = r.latest

    days = [r for r in refs if r.earliest is not None and (r.role == "since" or (r.role == "when" and r.earliest == r.latest))]
    spans = [r for r in refs if r.role == "when" and r.earliest is not None and r.latest is not None and
             0 < (r.latest - r.earliest).days <= 14 and any(c.isdigit() for c in r.phrase)]  # (not "last week")
    if spans and not _NOUN_SET.isdisjoint(present):
        # "the floods, which followed torrential rain from 2 to 6 November": an event of several days
        for m in _matches_at(_EVENT_WORD, text, _NOUN_SET):
            near = min(spans, key=lambda r: min(abs(r.start - m.end()), abs(m.start() - r.end)))
            if min(abs(near.start - m.end()), abs(m.start() - near.end)) <= 55:
                key = _event_key(m.group("noun"))
                events.setdefault(SPAN_PREFIX + key, (near.earliest, near.latest))
                _remember(events, key, near.earliest)
    if not days:
        return
    for m in _matches_at(_WHICH_BEGAN, text, _NOUN_SET) if ", which " in text and not _BEGAN_WORDS.isdisjoint(present) else ():
        # "the strike, which began on Oct. 19, had been called ...": the day in the clause dates the event
        at = [r for r in days if m.end() - 4 <= r.start <= m.end() + 1]
        if at:
            _remember(events, _event_key(m.group("noun")), at[0].earliest)
    for m in _BEGAN_ON.finditer(text) if not _BEGAN_WORDS.isdisjoint(present) else ():
        # "since the strike began on April 27": the day written right after dates the event
        at = [r for r in days if m.end() - 4 <= r.start <= m.end() + 1 or r.start <= m.start() and r.end > m.end()]
        if at:
            _remember(events, _event_key(m.group("noun")), at[0].earliest)
    for m in _matches_at(_EVENT_VERB, text, _VERB_WORDS) if not _VERB_WORDS.isdisjoint(present) else ():
        # the day of a verb's act: near it, or further on in its clause ("filed her protest before
        # the court in Cavite on Thursday")
        near = min(days, key=lambda r: min(abs(r.start - m.end()), abs(m.start() - r.end)))
        gap = min(abs(near.start - m.end()), abs(m.start() - near.end))
        if gap <= 55 or (near.start >= m.end() and gap <= 100 and not re.search(r"[,;]", text[m.end():near.start])) or (
                near.end <= m.start() and gap <= 100 and _WHEN_AFTER_DAY.match(text, near.end)):
            # ("since Wednesday, when cabin crew at the carrier walked off the job")
            _remember(events, _EVENT_VERBS[" ".join(m.group("verb").lower().split())], near.earliest)
    nouns = _matches_at(_EVENT_WORD, text, _NOUN_SET) if "-" not in text or _HYPHEN_EVENT.search(text) is None \
        else _EVENT_WORD.finditer(text)  # ("by-election": a noun inside a word)
    for m in nouns:
        if any(r.start <= m.start() < r.end for r in refs) or _EVENT_REFERRED.search(text, max(0, m.start() - 30), m.start()):
            continue  # "since the strike", "on the day of the explosion": the event a day is counted from
        if text[max(0, m.start() - 3):m.start()].lower() == "in " and m.group("noun").lower() == "order":
            continue  # "in order to": no order given
        near = min(days, key=lambda r: min(abs(r.start - m.end()), abs(m.start() - r.end)))
        gap = min(abs(near.start - m.end()), abs(m.start() - near.end))
        if gap > 55 and not (gap <= 130 and near.start > m.end() and (_HELD.search(text, m.end(), near.start) or
                                                                       _CALLED_BY.match(text, m.end()))):
            continue  # (but "a tripartite meeting of owners, workers and the government would be held ... on Thursday")
        key = _event_key(m.group("noun"))
        day = near.earliest
        nth = _ENTERED_NTH.match(text, m.end())
        if nth is not None and near.role == "when":
            # "on Wednesday as a strike by cargo truck drivers entered its sixth day": it began five days before
            n = _ORDINALS.get(nth.group("nth").lower()) or int(re.sub(r"\D", "", nth.group("nth")) or 0)
            if n:
                day = day - (dt.timedelta(days=n - 1) if nth.group("unit").lower() == "day" else
                             dt.timedelta(weeks=n - 1))
        _remember(events, key, day)


_HELD = re.compile(r"\b(?:be|is|was|were|been)\s+(?:held|convened|staged)\b|\btake\s+place\b", re.IGNORECASE)
# ("The strike, called by the Kenya Medical Practitioners, Pharmacists and Dentists Union (KMPDU) on October 19")
_CALLED_BY = re.compile(r",\s+(?:called|declared|launched|begun|started|staged)\s+by\b", re.IGNORECASE)


def _matches_at(pattern: re.Pattern, text: str, first_words: frozenset[str]):
    """pattern.finditer(text) where a match can only start at a word of first_words: tried at those
    words only (a long alternation tried at every position costs ten times more)."""
    starts, words = word_index(text)
    end = 0
    for start, word in zip(starts, words):
        if start >= end and (word in first_words or word.split("'")[0].split("\u2019")[0] in first_words):
            m = pattern.match(text, start)
            if m is not None:
                end = m.end()
                yield m


def _remember(events: dict, key: str, day: dt.date) -> None:
    if key not in events or day < events[key]:
        events[key] = day


def event_anchors(text: str, refs: list[TimeRef], events: dict) -> None:
    """'since the strike began', 'within 72 hours of the strike call': counted from the day the
    article gave the event."""
    present = frozenset(word_index(text)[1])  # each pattern below needs one of its words
    for m in _SINCE_EVENT.finditer(text) if "since" in present else ():
        day = _day_of(_event_key(m.group("noun")), events)
        if day is None or any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        bisect.insort(refs, TimeRef(m.group(0), "since", day, None, m.start(), m.end()), key=lambda r: r.start)
    for m in _ON_EVENT_DAY.finditer(text) if not _DAY_WORDS.isdisjoint(present) else ():
        noun = m.group("noun") or m.group("noun2") or m.group("noun3")
        day = _day_of(_event_key({"polling": "election", "voting": "election"}.get(noun.lower(), noun)), events)
        if day is None:
            continue
        if m.group("dir"):
            day += dt.timedelta(days=-1 if m.group("dir").lower() == "before" else 1)  # "the day before the attack"
        refs[:] = [r for r in refs if not (r.start >= m.start() and r.end <= m.end())]  # not "the day before" alone
        if any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        bisect.insort(refs, TimeRef(m.group(0), "when", day, day, m.start(), m.end()), key=lambda r: r.start)
    if "after" in present or "before" in present or "since" in present:
        _after_event(text, refs, events)
    if "later" in present and ("after" in present or "following" in present):
        _later_than_event(text, refs, events)
    for m in _DURING_EVENT.finditer(text) if "during" in present else ():
        key = _event_key(m.group("noun"))
        span = events.get(SPAN_PREFIX + key)
        day = _day_of(key, events)
        if (span is None and day is None) or any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        first, last = span if span is not None else (day, day)
        bisect.insort(refs, TimeRef(m.group(0), "when", first, last, m.start(), m.end()), key=lambda r: r.start)
    for m in _BY_THEN.finditer(text) if "then" in events and "then" in present else ():
        # "If the miners have not been reached by then, ..." after "the Saturday deadline": that day
        if not any(r.start < m.end() and r.end > m.start() for r in refs):
            bisect.insort(refs, TimeRef(m.group(0), "deadline", None, events["then"], m.start(), m.end()),
                          key=lambda r: r.start)
    for m in _BEFORE_DEADLINE.finditer(text) if "deadline" in events and ("before" in present or "by" in present) else ():
        if not any(r.start < m.end() and r.end > m.start() for r in refs):  # "before the deadline expires"
            bisect.insort(refs, TimeRef(m.group(0), "deadline", None, events["deadline"], m.start(), m.end()),
                          key=lambda r: r.start)
    for m in _WITHIN_DEADLINE.finditer(text) if "deadline" in events and "within" in present else ():
        n = count_of(m.group("n"))
        if n is None:
            continue
        day = events["deadline"]
        _put(refs, m, "deadline", day, shift(day, n, m.group("unit")))
    for m in _WITHIN_EVENT.finditer(text) if "within" in present or "for" in present else ():
        day = _day_of(_event_key(m.group("noun")), events)
        n = count_of(m.group("n"))
        if day is None or n is None:
            continue
        _put(refs, m, "deadline", day, shift(day, n, m.group("unit")), over_others=True)


def _after_event(text: str, refs: list[TimeRef], events: dict) -> None:
    """'two days after the strike started', 'at least 72 hours before the strike began on Monday
    evening': counted from the event's day, written right after or remembered."""
    for m in _AFTER_EVENT.finditer(text):
        n = count_of(m.group("n"))
        if n is None:
            continue
        right = [r for r in refs if m.end() <= r.start <= m.end() + 4 and r.role == "when" and r.earliest is not None
                 and r.earliest == r.latest]
        key = _event_key(m.group("noun"))
        span = events.get(SPAN_PREFIX + key) if not right else None
        day = right[0].earliest if right else _day_of(key, events)
        if day is None:
            continue
        if span is not None:
            # "a week after the floods" (rain from 2 to 6 November): a week after each of its days
            step = -n if m.group("dir").lower() == "before" else n
            _put(refs, m, "when", shift(span[0], step, m.group("unit")), shift(span[1], step, m.group("unit")))
            continue
        at = shift(day, -n if m.group("dir").lower() == "before" else n, m.group("unit"))
        _put(refs, m, "when", at, at)
    for m in _SINCE_IT.finditer(text):
        named = [e for e in _matches_at(_EVENT_WORD, text, _NOUN_SET) if e.start() < m.start()]
        day = _day_of(_event_key(named[-1].group("noun")), events) if named else None
        if day is None or any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        bisect.insort(refs, TimeRef(m.group(0), "since", day, None, m.start(), m.end()), key=lambda r: r.start)


_AFTER_THE_EVENT = re.compile(r"\b(?:after|following)\s+" + _EVENT_DET + r"(?P<noun>" + _EVENT_NOUNS + r")\b", re.IGNORECASE)
_N_LATER = re.compile(r"(?P<n>" + NUMBER_WORDS + r")\s+(?P<unit>days?|weeks?)\s+later", re.IGNORECASE)


def _later_than_event(text: str, refs: list[TimeRef], events: dict) -> None:
    """'was closed to all traffic after the collision and reopened two days later': counted from the
    event's day when the sentence dates nothing else before it."""
    for index, ref in enumerate(refs):
        n_later = _N_LATER.fullmatch(ref.phrase)
        if n_later is None or any(r.earliest is not None and r.earliest == r.latest for r in refs[:index]):
            continue
        after = [m for m in _AFTER_THE_EVENT.finditer(text, 0, ref.start)]
        day = _day_of(_event_key(after[-1].group("noun")), events) if after else None
        n = count_of(n_later.group("n"))
        if day is not None and n is not None:
            ref.earliest = ref.latest = shift(day, n, n_later.group("unit"))


SAME_SPAN = "=span"  # events[SAME_SPAN]: the last span the article dated "between" two days
_SAME_PERIOD = re.compile(r"\b(?:over|in|during|for)\s+the\s+same\s+period\b(?!\s+(?:of|in|last|a\s+year)\b)", re.IGNORECASE)


def same_period(text: str, refs: list[TimeRef], events: dict) -> None:
    """'... cancelled 1,100 flights between October 29 and November 4' ... 'put the number at 1,384
    over the same period': the span named before."""
    for m in _SAME_PERIOD.finditer(text):
        first, last = events[SAME_SPAN]
        _put(refs, m, "when", first, last)


def _put(refs: list[TimeRef], m: re.Match, role: str, earliest: dt.date | None, latest: dt.date | None,
         over_others: bool = False) -> None:
    """The phrase m matched, read as one reference: it replaces the references inside it and yields
    to one that overlaps it (unless over_others)."""
    refs[:] = [r for r in refs if not (r.start >= m.start() and r.end <= m.end())]
    if over_others or not any(r.start < m.end() and r.end > m.start() for r in refs):
        bisect.insort(refs, TimeRef(m.group(0), role, earliest, latest, m.start(), m.end()), key=lambda r: r.start)


def event_words(keys: set[str]) -> frozenset[str]:
    """The words that name the events of these keys ("strike": strike, walkout, stoppage)."""
    return frozenset(form for key in keys for form in _FORMS_OF.get(key, ()))


def referenced_events(text: str) -> set[str]:
    """The events a sentence counts from ("since the strike began", "on election night", "within 72
    hours of the ceasefire"), by their keys."""
    keys = set()
    for pattern in (_SINCE_EVENT, _WITHIN_EVENT, _AFTER_EVENT):
        keys |= {_event_key(m.group("noun")) for m in pattern.finditer(text)}
    for m in _ON_EVENT_DAY.finditer(text):
        noun = m.group("noun") or m.group("noun2") or m.group("noun3")
        keys.add(_event_key({"polling": "election", "voting": "election"}.get(noun.lower(), noun)))
    return keys


def _forms_of() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for form in _EVENT_SET:
        forms.setdefault(_event_key(form), set()).add(form)
    forms.setdefault("election", set()).update({"polling", "voting"})
    for verb, key in _EVENT_VERBS.items():
        forms.setdefault(key, set()).add(verb.split()[0])  # "strike": ... "downed" ("downed tools")
    return {key: frozenset(words) for key, words in forms.items()}


_FORMS_OF = _forms_of()  # "strike": strike, walkout, stoppage
