"""How claims of one story relate: figure comparison, event agreement and deadline states.

Pure logic on plain records (no database): `claims.check` loads the records and stores what this
module finds as suggested links. The rules are general ones on values, dates and a small event
vocabulary, so stories never seen before are judged the same way.

Scaling: figures are grouped by (story, measure) and sorted by as-of date; each figure is compared
only with the few figures just before it (`WINDOW`) and related to the nearest one that bears on
it, so a story of n figures costs O(n * WINDOW) comparisons and about n links, never n squared.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import operator
import os
import re
from collections import defaultdict
from typing import Callable, Iterable, Iterator

from claims.errors import UserError

ENV_MARGIN = "CLAIMS_APPROX_MARGIN"
DEFAULT_MARGIN = 0.10
WINDOW = 12          # earlier figures a figure is compared with
EVENT_WINDOW = 12    # earlier event reports an event report is compared with
UNDATED_SPAN = dt.timedelta(days=7)
CROSS_DAYS = 7       # an independent count disputes the authorities' within this many days
MAX_GAP_DAYS = 365   # figures further apart than this are not held to "a count only grows"  # a report without its own date happened up to a week before it was said


def approx_margin(value: str | float | None = None) -> float:
    """The tolerance of an approximate figure ("around 2,000"): option, else env, else 10%.
    Accepts 0.1, "0.1" or "10%"."""
    raw = value if value is not None else os.environ.get(ENV_MARGIN)
    if raw is None or raw == "":
        return DEFAULT_MARGIN
    try:
        if isinstance(raw, str) and raw.strip().endswith("%"):
            margin = float(raw.strip()[:-1]) / 100
        else:
            margin = float(raw)
            margin = margin / 100 if margin >= 1 else margin
    except ValueError:
        raise UserError(f"approximate margin {raw!r} is not a number: use e.g. 0.1 or 10%") from None
    if not 0 <= margin < 1:
        raise UserError(f"approximate margin {raw!r} must be between 0 and 100%")
    return margin


# --- figures --------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class Figure:
    """One quantity of one claim, with what the comparison needs."""
    claim: int
    source: int
    measure: str
    low: float | None
    high: float | None
    approximate: bool = False
    bound: str | None = None
    as_of: dt.date | None = None
    speaker: int | None = None
    story: int | None = None
    period: str | None = None  # "long-run" for totals or past events dated long before as_of
    qualifier: str = ""        # who is counted beyond the measure ("civilians"); "" for everyone
    independent: bool = False  # said by an independent counter (a rights group, a union, residents)


@dataclasses.dataclass(frozen=True, slots=True)
class Found:
    """A relation found between claims a (the earlier) and b."""
    a: int
    b: int
    relation: str
    reason: str


_OPEN_ABOVE = {"more than", "over", "at least", "above", "upwards of", "in excess of", "no fewer than",
               "no less than", "exceeding", "over a", "minimum", "at minimum", "plus", "+", "dozens",
               "hundreds", "thousands", "tens of thousands", "several"}
_OPEN_BELOW = {"less than", "fewer than", "up to", "under", "below", "at most", "no more than", "maximum",
               "as many as", "as much as", "not more than", "a maximum of"}
_JUST_BELOW = {"nearly", "almost", "close to", "just under", "just below", "just short of", "short of", "approaching"}
_JUST_ABOVE = {"just over", "just above", "a little over", "slightly over"}


def interval(fig: Figure, margin: float = DEFAULT_MARGIN) -> tuple[float, float]:
    """The values a figure allows: bounds open a side, approximation widens by the margin, and a
    lower value with no upper one ("dozens" = 24) is open above."""
    bound = (fig.bound or "").strip().lower()
    low, high = fig.low, fig.high
    if low is None and high is None:
        return (-math.inf, math.inf)
    if bound in _OPEN_BELOW:
        value = high if high is not None else low
        lo, hi = 0.0, float(value)
    elif bound in _JUST_BELOW:
        value = high if high is not None else low
        lo, hi = float(value) * (1 - margin), float(value)
    elif bound in _JUST_ABOVE:
        value = low if low is not None else high
        lo, hi = float(value), float(value) * (1 + margin)
    elif bound in _OPEN_ABOVE or high is None:
        lo, hi = float(low if low is not None else high), math.inf
    elif low is None:
        lo, hi = 0.0, float(high)
    else:
        lo, hi = float(min(low, high)), float(max(low, high))
    if fig.approximate:
        lo, hi = lo * (1 - margin), hi * (1 + margin)
    return lo, hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    eps = 1e-9
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def describe(fig: Figure) -> str:
    """A figure as a reader would say it: 'around 2,000', '24-146', 'more than 10,000'."""
    fmt = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,g}"
    if fig.low is not None and fig.high is not None and fig.low != fig.high:
        text = f"{fmt(fig.low)}-{fmt(fig.high)}"
    elif fig.low is not None or fig.high is not None:
        text = fmt(fig.low if fig.low is not None else fig.high)
    else:
        text = "?"
    if fig.bound == "part":
        text = f"{text} (a part)"
    elif fig.bound:
        text = f"{fig.bound} {text}"
    elif fig.high is None and fig.low is not None:
        text = f"{text} or more"
    if fig.approximate and not fig.bound:
        text = f"around {text}"
    return text


def _when(fig: Figure) -> str:
    return f" ({fig.as_of.isoformat()})" if fig.as_of else ""


# Counts of a thing no measure names ("112 homes", "540 metres") are grouped by their unit, as
# "~homes": two sources giving the same such figure corroborate each other, but nothing more is
# known of them (a level or a total, a part or the whole), so they never conflict.
UNIT_MEASURE = "~"
_GENERIC_UNITS = frozenset("""people persons person others individuals times percent per cent pc years year months
month weeks week days day hours hour minutes minute""".split())


def unit_measure(unit: str | None) -> str | None:
    """The stand-in measure of a figure whose unit names no measure: '~home' for 'homes'."""
    if not unit:
        return None
    words = unit.lower().split()
    if not words or words[-1] in _GENERIC_UNITS or not words[-1].isalpha() or len(words[-1]) < 3:
        return None
    word = words[-1].replace("meter", "metre")  # US and UK spellings of one unit
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return UNIT_MEASURE + word


def _classify(a: Figure, b: Figure, ia: tuple[float, float], ib: tuple[float, float], cumulative: bool) -> str | None:
    """The relation name only (the hot path: no strings built)."""
    if a.claim == b.claim:
        return None
    if ia[0] <= ib[1] + 1e-9 and ib[0] <= ia[1] + 1e-9:
        if a.source == b.source:
            return None
        if b.measure[0] == UNIT_MEASURE and (ia[1] == math.inf or ib[1] == math.inf or ia[0] <= 0 or ib[0] <= 0):
            return None  # "more than 10 homes" and "200 homes": too loose for a thing no measure names
        if (cumulative and ia[1] == math.inf and ib[0] > ia[0] + 1e-9 and a.as_of is not None
                and b.as_of is not None and 0 < (b.as_of - a.as_of).days <= MAX_GAP_DAYS):
            return "revises"  # "at least 61" then 75: the count so far has gone up
        return "corroborates"
    if a.source == b.source and (a.speaker is None or b.speaker is None or a.speaker == b.speaker):
        return None
    if a.as_of is None or b.as_of is None or b.measure[0] == UNIT_MEASURE:
        return None
    if a.as_of == b.as_of:
        return "contradicts"
    if not cumulative or abs((b.as_of - a.as_of).days) > MAX_GAP_DAYS:
        return None
    return "revises" if ib[0] > ia[1] else "contradicts"


def _reason(a: Figure, b: Figure, relation: str) -> str:
    what = b.measure.lstrip(UNIT_MEASURE)
    if relation == "corroborates":
        return f"{describe(a)} {what}{_when(a)} agrees with {describe(b)}{_when(b)}"
    if relation == "revises":
        return (f"{describe(b)} {what}{_when(b)} is a later, higher figure than {describe(a)}{_when(a)} "
                f"for a count that only grows")
    if a.as_of == b.as_of:
        return f"{describe(a)} vs {describe(b)} {what} on the same day ({a.as_of.isoformat()})"
    return (f"{describe(b)} {what}{_when(b)} is lower than the earlier {describe(a)}{_when(a)}, "
            f"but {what} is a count that only grows")


def compare_figures(a: Figure, b: Figure, *, cumulative: bool, margin: float = DEFAULT_MARGIN) -> Found | None:
    """The relation between two figures of one measure, a not later than b, or None.

    - compatible values from different sources corroborate; from the same source nothing;
    - incompatible values for the same day contradict;
    - for a cumulative count, a later higher figure revises, a later lower one contradicts; a
      lower bound ("at least 61") is the count so far, so a later higher figure revises it too;
    - a level (troops present) may change over time: incompatible values on different days are
      not a conflict.
    Inside one source, differing figures count only between two different named speakers: an
    article's own figures usually count different things (a sub-group, an earlier event).
    """
    relation = _classify(a, b, interval(a, margin), interval(b, margin), cumulative)
    return Found(a.claim, b.claim, relation, _reason(a, b, relation)) if relation else None


def _figure_order(f: Figure):
    # A day's official figures before its independent ones (an independent count is held against
    # the official one of its day); one claim's figures in value order: its highest is the one
    # later figures meet first.
    return (f.as_of or dt.date.min, f.independent, f.claim, f.low if f.low is not None else f.high)


def detect_figures(figures: Iterable[Figure], *, cumulative: Callable[[str], bool],
                   margin: float = DEFAULT_MARGIN, window: int = WINDOW) -> Iterator[Found]:
    """Relations among figures, as a chain: each figure is related to the nearest earlier figure
    (within `window`) of its (story, measure) group that it corroborates, contradicts or revises;
    when that is a corroboration, a contradiction with a figure of the same day is reported too."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        key = figure_group(f)
        if key is not None:
            groups[key].append(f)
    for (_, measure, _, _), group in groups.items():
        group.sort(key=_figure_order)
        spans = [interval(f, margin) for f in group]
        is_cum = cumulative(measure)
        for i in range(len(group)):
            yield from scan_figure(group, spans, i, is_cum, window)


NOT_TOTALS = frozenset({"additional", "part"})  # bounds of counts that are not a total


def figure_group(f: Figure) -> tuple | None:
    """The (story, measure, period, qualifier) group a figure is compared within, or None."""
    # An increment ("23 more bodies") or a part ("nine of the dead") is not a total: comparing
    # it with totals is meaningless.
    if f.measure and (f.bound or "").lower() not in NOT_TOTALS:
        return (f.story, f.measure, f.period, f.qualifier)
    return None


# Who counts independently of the authorities, by the words of a speaker's name, role or aliases.
_INDEPENDENT = re.compile(
    r"\b(?:rights|unions?|activists?|residents?|villagers?|locals|relatives|famil(?:y|ies)|witness(?:es)?"
    r"|opposition|volunteers?|charit(?:y|ies)|ngos?|amnesty|watch|watchdog|monitors?|observatory|alliance"
    r"|associations?|coalition|federation|committee|workers|organi[sz]ers|survivors|protesters|rebels?"
    r"|insurgents?|militants?|militias?|movement|campaigners?|lawmakers?|mps?|legislators?|senators?"
    r"|councill?ors?|journalists?|media|group)\b", re.IGNORECASE)


def is_independent(words: str) -> bool:
    """Does a speaker described by these words (name, role, aliases) count independently of the
    authorities: a rights group, a union, residents, the opposition?"""
    return _INDEPENDENT.search(words) is not None


def _same_voice(a: Figure, b: Figure) -> bool:
    """Two figures of one voice: both the authorities' (or the outlet's), or one independent counter's."""
    return a.independent == b.independent and (not b.independent or a.speaker == b.speaker)


def _across(a: Figure, b: Figure, ia: tuple[float, float], ib: tuple[float, float]) -> str | None:
    """An independent count against the authorities' (a before b, either way round): it disputes
    them when it is above every value theirs allows (theirs taken as stated: "at least 17" is 17),
    within CROSS_DAYS. Lower independent figures are usually a part ("40 bodies were handed to
    families") and are not a conflict. Agreeing figures from different sources corroborate."""
    if a.claim == b.claim:
        return None
    if (a.as_of is not None and b.as_of is not None and (b.as_of - a.as_of).days <= CROSS_DAYS
            and b.measure[0] != UNIT_MEASURE):
        independent, (official, official_span) = (ia, (b, ib)) if a.independent else (ib, (a, ia))
        top = official_span[1]
        if top == math.inf:  # "at least 17" from the authorities is their count, 17
            top = official.low
        if top is not None and independent[0] > top + 1e-9:
            return "contradicts"
    if ia[0] <= ib[1] + 1e-9 and ib[0] <= ia[1] + 1e-9 and a.source != b.source:
        return "corroborates"
    return None


def _across_reason(a: Figure, b: Figure, relation: str) -> str:
    if relation == "corroborates":
        return _reason(a, b, relation)
    ind, off = (a, b) if a.independent else (b, a)
    return (f"the independent count of {describe(ind)} {b.measure.lstrip(UNIT_MEASURE)}{_when(ind)} is above the official "
            f"{describe(off)}{_when(off)}")


def scan_figure(group: list[Figure], spans: list[tuple[float, float]], i: int, is_cum: bool,
                window: int = WINDOW, new: set[int] | None = None) -> Iterator[Found]:
    """What figure group[i] relates to among the `window` figures before it (group sorted by
    `figure_order`).

    In its own voice (the authorities' and the outlet's figures form one chain; an independent
    counter such as a rights group or a union forms its own): the nearest figure it bears on, and
    same-day contradictions after a corroboration. Only the authorities revise a count: an
    independent counter's later, higher figure agrees with its earlier one or says nothing.
    Across voices: the nearest figure of the other voice (independent counters are not compared
    with each other), see _across.
    Depends on group[i - window:i + 1] only, so an import can re-scan just the figures near its own:
    with `new` (the claims it brings), only what bears on them is given (a pair with a new claim,
    or an earlier statement of a new figure that b revises)."""
    b, ib, first = group[i], spans[i], None
    own_done = across_done = False
    if new is not None:
        found = list(scan_figure(group, spans, i, is_cum, window))
        for f in found:
            if f.a in new or f.b in new:
                yield f
        if b.claim not in new:
            # b revises a new figure: the same figure stated earlier, by older claims, is revised too
            trigger = next((f for f in found if f.relation == "revises" and f.a in new), None)
            if trigger is not None:
                j = next(k for k in range(i - 1, -1, -1) if group[k].claim == trigger.a)
                for g in _also_revised(group, spans, i, j, is_cum, window):
                    if g.a not in new:
                        yield g
        return
    for j in range(i - 1, max(-1, i - window - 1), -1):
        a = group[j]
        if not _same_voice(a, b):
            if across_done or (a.independent and b.independent):
                continue
            across_done = True
            relation = _across(a, b, spans[j], ib)
            if relation is not None:
                yield Found(a.claim, b.claim, relation, _across_reason(a, b, relation))
            if own_done:
                break
            continue
        if own_done:
            continue
        if first is not None and a.as_of != b.as_of:
            own_done = True
            if across_done:
                break
            continue
        relation = _classify(a, b, spans[j], ib, is_cum)
        if relation == "revises" and b.independent:
            relation = "corroborates" if overlaps(spans[j], ib) and a.source != b.source else None
        if relation is None or (first is not None and relation != "contradicts"):
            continue
        yield Found(a.claim, b.claim, relation, _reason(a, b, relation))
        if relation == "revises" and overlaps(spans[j], ib):
            # "at least 61" then "at least 75": an update that also bears the earlier figure out
            yield Found(a.claim, b.claim, "corroborates", _reason(a, b, "corroborates"))
        if relation == "revises":
            yield from _also_revised(group, spans, i, j, is_cum, window)
        if first is not None or relation != "corroborates" or b.as_of is None:
            own_done = True
            if across_done:
                break
            continue
        first = relation


def _also_revised(group: list[Figure], spans: list[tuple[float, float]], i: int, j: int, is_cum: bool,
                  window: int) -> Iterator[Found]:
    """group[i] revises group[j]: it revises the same figure stated earlier too ("rose to 16 on
    Friday", then "16" on Saturday, then 19)."""
    a, b, ib = group[j], group[i], spans[i]
    for k in range(j - 1, max(-1, i - window - 1), -1):
        c = group[k]
        if (spans[k] == spans[j] and _same_voice(c, b) and c.claim != a.claim
                and _classify(c, b, spans[k], ib, is_cum) == "revises"):
            yield Found(c.claim, b.claim, "revises", _reason(c, b, "revises"))


figure_order = _figure_order


# --- events ---------------------------------------------------------------------------------

# Kinds of event, each named by a pattern over the lowercased text. Two reports of one kind of
# event may describe the same event; the list is general news vocabulary, not any one story's.
EVENT_KINDS: dict[str, str] = {
    "withdrawal": r"\bwithdr[ae]w\w*|\bpull(?:s|ed|ing)?[- ]?out\b|\bpullouts?\b|\bretreat\w*|\bdepart\w*"
                  r"|\breturn(?:s|ed|ing)? home\b|\bcome home\b",
    "deployment": r"\bdeploy\w*|\barriv(?:e|ed|es|ing)\b|\bdispatch\w*|\bsen[dt] in\b|\bsent (?:troops|forces)\b",
    "ceasefire": r"\bcease-?fires?\b|\btruces?\b|\barmistice\b",
    "strike": r"\bstrikes?\b|\bstriking\b|\bwalk-?outs?\b|\bstoppages?\b|\bindustrial action\b",
    "evacuation": r"\bevacuat\w*",
    "release": r"\breleas(?:e|ed|es|ing)\b(?! (?:a |an |the |its |their )?(?:statement|report|figures|video|footage|data|"
               r"details|photos|images|list)\b)|\bfreed\b|\bset free\b",
    "publication": r"\bpublish\w*|\bpublication\b|\bmade public\b",
    "opening": r"\bset(?:ting)? up\b|\bestablish\w*|\bbuil[dt]\b|\b(?<!in the )open(?:s|ed|ing)?\b|\breopen\w*",
    "agreement": r"\bagree(?:s|d|ment|ments)?\b|\bdeal\b|\baccord\b|\bsign(?:s|ed|ing)\b",
    "talks": r"\btalks\b|\bnegotiat\w*",
    "election": r"\belection\w*|\bvot(?:e|es|ed|ing)\b|\bballot\w*|\breferendum\b",
    "lifting": r"\blift(?:s|ed|ing)?\b",
    "restoration": r"\brestor\w*|\breconnect\w*",
    "aid-delivery": r"\bconvoys?\b|\baid deliver\w*|\bdeliver(?:y|ies|ed) of aid\b",
    "discharge": r"\bdischarg\w*",
    "expiry": r"\bexpir\w*|\blapsed?\b",
    "extension": r"\bextend\w*|\bextension\b",
    "repair": r"\brepair\w*",
    "payment": r"\bpa(?:y|id|ying|yment|yments)\b|\bcompensat\w*",
    "attack": r"\bshell(?:s|ed|ing)\b|\battack\w*|\bbomb\w*|\bfired (?:first|on)\b|\bair ?strikes?\b",
    "contamination": r"\bcontaminat\w*|\bpollut\w*|\bpoison\w*",
    "rescue": r"\brescu\w*",
    "handover": r"\bsubmit(?:s|ted|ting)?\b|\bhand(?:s|ed|ing)? over\b|\btransferr?(?:s|ed|ing)?\b",
    "peak": r"\bpeak(?:s|ed|ing)\b|\bpeak (?:to )?reach\w*|\bpeak (?:has |had )?pass\w*|\bcrest(?:s|ed|ing)?\b",
    "resignation": r"\bresign\w*|\bstep(?:s|ped)? down\b",
    "arrest": r"\barrest\w*|\bdetain\w*",
    "landfall": r"\blandfall\b|\bmade land\b",
    "containment": r"\bunder control\b|\bextinguish\w*|\bput out\b|\bcontained\b|\bcontainment\b|\bdoused\b",
    "collapse": r"\bcollaps(?:e|ed|es|ing)\b|\bgave way\b|\bgives way\b|\bburst\b|\bcaved? in\b",
}
_KIND_RES = {kind: re.compile(p) for kind, p in EVENT_KINDS.items()}
# Kinds that name what a story is about rather than something done; they identify an event only
# when a claim names no action. "extension" acts on a deadline itself ("extended the deadline for
# a ceasefire until Monday"): the event awaited is the ceasefire.
TOPICS = frozenset({"ceasefire", "strike", "aid-delivery", "talks", "election", "contamination"})
META = frozenset({"extension"})


def event_keys(kinds: frozenset[str]) -> frozenset[str]:
    """The kinds that identify a claim's event: its actions, else its topics."""
    actions = kinds - TOPICS - META
    return actions or (kinds & TOPICS)


def _top_alternatives(pattern: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            current += pattern[i:i + 2]
            i += 2
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return parts + [current]


def _cues() -> dict[str, set[str]]:
    """The literal opening letters (2-4) of every alternative: a word starting with one is worth a
    regex search for that kind of event. Saves running every pattern on every claim."""
    cues: dict[str, set[str]] = defaultdict(set)
    for kind, pattern in EVENT_KINDS.items():
        for alt in _top_alternatives(pattern):
            head = re.match(r"(?:\\b)?(?:\(\?<!.*?\))?([a-z]+)", alt).group(1)
            cues[head[:4]].add(kind)
    return cues


_CUES = _cues()
_CUE_LENGTHS = sorted({len(c) for c in _CUES})


@functools.lru_cache(maxsize=100_000)
def _word_kinds(word: str) -> frozenset[str]:
    return frozenset(k for n in _CUE_LENGTHS for k in _CUES.get(word[:n], ()))
# "a complete list of passengers" is no completion
_COMPLETE = re.compile(r"\bcomplet(?:ed|es|ing|ion)\b|(?<!\ba )\bcomplete\b(?!\s+(?:list|record|picture|set|account|"
                       r"inventory|register|breakdown|data|details|names)\b)|\bfinish\w*|\bended\b|\bends\b|\bconclud\w*|\bwrapped up\b"
                       r"|(?<!hand )(?<!handed )(?<!hands )(?<!handing )(?<!turn )(?<!turned )(?<!take )(?<!took )"
                       r"\bover\b(?! \d| the\b| a\b| an\b| its\b| their\b)|\bdone\b")  # not "hand over the list"
_BEGIN = re.compile(r"\bbeg[iau]n\w*|\bstart\w*|\bunder ?way\b|\blaunch\w*|\bcommenc\w*|\bkick(?:s|ed)? off\b")
_MODAL = re.compile(r"\bwill\b|\bwould\b|\bshall\b|\bmust\b|\bneeds? to\b|\bhave to\b|\bhas to\b|\bgoing to\b|\bexpect\w*|\bplan(?:s|ned|ning)? to\b"
                    r"|\bdue to\b|\bpromis\w*|\bpledg\w*|\bvow\w*|\bintend\w*|\baim(?:s|ed)? to\b|\bshould\b"
                    r"|\bcould\b|\bmay\b|\bmight\b|\bunless\b|\bthreaten\w*|\bdemand\w*|\burg(?:e|ed|es)\b"
                    r"|\bcall(?:s|ed)? (?:on|for)\b|\bwant\w*|\bhope\w*|\bready to\b|\bto (?:complete|finish|begin|start)\b"
                    r"|\brequir\w*|\boblig\w*|\border(?:s|ed)? to\b|\bask(?:s|ed)? to\b"
                    r"|\bha(?:s|ve) until\b|\bforecast\w*")
# Markers that the event did not happen (or will not): negations and cancellations.
_NEGATED = re.compile(r"\b(?:not|neither|nor|never|yet to|fail(?:s|ed)? to|no sign|call(?:s|ed)? off|cancel\w*"
                      r"|postpon\w*|suspend\w*|scrap(?:s|ped)|abandon\w*|turned back|refused|prevented|delayed"
                      r"|stalled)\b")
_DENIAL = re.compile(r"\bden(?:y|ied|ies|ying|ial|ials)\b|\brefut\w*|\brebut\w*|\breject(?:s|ed)? (?:reports|claims|allegations)\b"
                     r"|\buntrue\b|\bbaseless\b|\bfabricat\w*|\bnot true\b|\bfalse\b")
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once
only or other our out over own same she should so some such than that the their them then there these they
this those through to too under until up very was we were what when where which while who whom why will with
would you your said says say told tells according added announced statement officials official spokesman
spokeswoman news agency agencies reported report reports people one two three four five six seven eight nine
ten first last next week weeks day days month months year years monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow morning evening night midnight time since
still already later earlier around nearly least than many much new per cent percent""".split())


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A crude stem that makes plural and verb forms meet ('withdrawal' ~ 'withdraw', 'troops' ~ 'troop')."""
    w = word.strip("'-")
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "als", "al", "ies", "ied", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


@dataclasses.dataclass(frozen=True, slots=True)
class Signature:
    """What a claim's text says about an event."""
    kinds: frozenset[str]
    stems: frozenset[str]
    phase: str | None          # "begin", "complete" or None
    modal: bool                # a plan, promise or condition, not a report
    negated: bool
    denial: bool


# Signatures computed elsewhere (claims.importer's extraction workers), used once each.
_GIVEN: dict[str, Signature] = {}


def given_signatures(signatures: dict[str, Signature]) -> None:
    """The signatures of texts about to be compared (those of an earlier call are dropped)."""
    _GIVEN.clear()
    _GIVEN.update(signatures)


@functools.lru_cache(maxsize=200_000)
def signature(text: str) -> Signature:
    """Kinds of event, phase, plan/negation/denial markers and content stems of a claim's text."""
    given = _GIVEN.pop(text, None)
    if given is not None:
        return given
    t = (text or "").lower().replace("\u2019", "'")
    words = _WORD.findall(t)
    maybe = frozenset().union(*map(_word_kinds, words))
    kinds = frozenset(k for k in maybe if _KIND_RES[k].search(t))
    complete, begin = bool(_COMPLETE.search(t)), bool(_BEGIN.search(t))
    phase = "complete" if complete and not begin else "begin" if begin and not complete else None
    if complete and begin:  # "began ... and completed": the later phase is what is reported
        phase = "complete"
    stems = frozenset(stem(w) for w in words if len(w) > 3 and w not in _STOP)
    return Signature(kinds, stems, phase, bool(_MODAL.search(t)), "n't" in t or bool(_NEGATED.search(t)),
                     bool(_DENIAL.search(t)))


@dataclasses.dataclass(frozen=True, slots=True)
class Statement:
    """A claim as the event and deadline rules see it."""
    claim: int
    source: int
    text: str
    said_on: dt.date | None = None          # said_on, else the source's publication date
    when: tuple[dt.date, dt.date] | None = None  # the first 'when' date range
    deadlines: tuple[dt.date, ...] = ()      # latest date of each deadline
    speaker: int | None = None
    story: int | None = None


def event_span(s: Statement) -> tuple[dt.date, dt.date] | None:
    """When the reported event happened: its own date range, else up to a week before it was said."""
    if s.when:
        return s.when
    if s.said_on:
        return (s.said_on - UNDATED_SPAN, s.said_on)
    return None


def is_future(s: Statement) -> bool:
    """The claim dates its event after the day it was said: a plan or forecast, not a report."""
    return bool(s.when and s.said_on and s.when[0] > s.said_on)


def report_date(s: Statement) -> dt.date | None:
    """The date a report places the event at (the latest date it allows)."""
    if s.when:
        return s.when[1]
    return s.said_on


def _phases_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def detect_events(statements: Iterable[Statement], *, counted: frozenset[int] | set[int] = frozenset(),
                  window: int = EVENT_WINDOW) -> Iterator[Found]:
    """Reports from different sources of the same kind of event at overlapping dates corroborate;
    a denial of a reported event from another source contradicts it. Plans, promises and deadline
    claims are not reports. Claims in `counted` (their figures are compared as figures) only take
    part in denials. Compared per (story, kind of event) in date order, each report with the
    `window` reports before it."""
    groups: dict[tuple, list[tuple[Statement, Signature, tuple[dt.date, dt.date]]]] = defaultdict(list)
    for s in statements:
        for key, item in event_entries(s):
            groups[key].append(item)
    seen: set[tuple[int, int]] = set()
    for (_, kind), group in sorted(groups.items(), key=lambda kv: event_group_order(kv[0])):
        group.sort(key=event_order)
        for i in range(len(group)):
            yield from scan_event(group, i, kind, seen, counted, window)


def event_entries(s: Statement) -> list[tuple[tuple, tuple]]:
    """((story, kind), (statement, signature, span)) for each kind of event a report is about;
    none for plans, deadline claims and claims without a date."""
    if s.deadlines:
        return []
    sig = signature(s.text)
    span = event_span(s)
    keys = event_keys(sig.kinds)
    if not keys or span is None or sig.modal or is_future(s):
        return []
    return [((s.story, kind), (s, sig, span)) for kind in keys]


def event_group_order(key: tuple) -> tuple:
    return (str(key[0]), key[1])


def event_order(item: tuple) -> tuple:
    return (item[2][0], item[0].claim)


_DENY_STEMS = frozenset(stem(w) for w in ("deny", "denied", "denies"))


def scan_event(group: list, i: int, kind: str, seen: set, counted, window: int = EVENT_WINDOW, *,
               only: set[int] | None = None) -> Iterator[Found]:
    """What report group[i] agrees with or denies among the `window` reports before it (group
    sorted by `event_order`). Depends on group[i - window:i + 1] and `seen` only. `only`: just
    the pairs with a claim in it (the others are neither judged nor added to `seen`)."""
    b, sb, span_b = group[i]
    before = group[max(0, i - window):i]
    if only is not None and b.claim not in only:
        before = [item for item in before if item[0].claim in only]
    for a, sa, span_a in reversed(before):
        pair = (min(a.claim, b.claim), max(a.claim, b.claim))
        if a.source == b.source or pair in seen or a.claim == b.claim:
            continue
        if sa.denial != sb.denial:
            shared = (sa.stems & sb.stems) - _DENY_STEMS
            if len(shared) >= 2:
                denier, other = (a, b) if sa.denial else (b, a)
                seen.add(pair)
                yield Found(a.claim, b.claim, "contradicts",
                            f"claim {denier.claim} denies the {kind} that claim {other.claim} reports")
            continue
        if a.claim in counted or b.claim in counted:
            continue
        if sa.negated != sb.negated or not _phases_agree(sa.phase, sb.phase):
            continue
        if span_a[0] <= span_b[1] and span_b[0] <= span_a[1]:
            seen.add(pair)
            phase = {"begin": "start of the ", "complete": "end of the "}.get(sa.phase or sb.phase, "")
            yield Found(a.claim, b.claim, "corroborates",
                        f"both report the {phase}{kind} at overlapping dates "
                        f"({_span(span_a)} / {_span(span_b)})")


def detect_disputes(disputes: Iterable[tuple[Statement, int, str]], statements: Iterable[Statement]) -> Iterator[Found]:
    """A source attached to a claim as disputing (or retracting) it contradicts that source's own
    claims about the same thing: the same kind of event, or two shared distinctive words."""
    by_source: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        by_source[(s.story, s.source)].append(s)
    for disputed, source_id, stance in disputes:
        sd = signature(disputed.text)
        keys = event_keys(sd.kinds)
        for other in by_source.get((disputed.story, source_id), []):
            if other.claim == disputed.claim:
                continue
            so = signature(other.text)
            if (keys & so.kinds) or len((sd.stems & so.stems) - _PHASE_STEMS) >= 2:
                verb = "retracts" if stance == "retracts" else "disputes"
                yield Found(disputed.claim, other.claim, "contradicts",
                            f"the source of claim {other.claim} {verb} claim {disputed.claim}")


def _span(span: tuple[dt.date, dt.date]) -> str:
    return span[0].isoformat() if span[0] == span[1] else f"{span[0].isoformat()}..{span[1].isoformat()}"


# --- deadlines ------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class Report:
    """A later claim that reports (or denies) the event a deadline is about."""
    claim: int
    on: dt.date
    negated: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class DeadlineState:
    state: str          # pending | met | missed
    overdue: bool
    deadline: dt.date
    evidence: tuple[int, ...]


def own_report(d: Statement) -> Report | None:
    """A deadline claim that is a statement of fact about a day already past ('29 patients had been
    discharged by Wednesday evening', said on Thursday) reports its own event."""
    deadline, sig = deadline_of(d), signature(d.text)
    if deadline is None or d.said_on is None or sig.modal or d.said_on < deadline:
        return None
    if sig.negated or sig.denial:
        return Report(d.claim, d.said_on, negated=True)
    return Report(d.claim, deadline)


def deadline_of(s: Statement) -> dt.date | None:
    """The date a deadline claim is judged against: its earliest stated deadline (the strictest)."""
    return min(s.deadlines) if s.deadlines else None


REPORT_ORDER = operator.attrgetter("on", "claim")  # the order deadline_state weighs reports in


def deadline_state(deadline: dt.date, reports: Iterable[Report], *, today: dt.date) -> DeadlineState:
    """pending until a report; met when the event is reported on or before the deadline, missed
    when it is reported after it (or a report after the deadline says it has not happened);
    overdue when still pending after the deadline."""
    reports = sorted(reports, key=REPORT_ORDER)
    positive = [r for r in reports if not r.negated]
    if positive:
        first = positive[0]
        state = "met" if first.on <= deadline else "missed"
        evidence = [r.claim for r in positive if (r.on <= deadline) == (state == "met")]
        return DeadlineState(state, False, deadline, tuple(evidence))
    late_denials = [r.claim for r in reports if r.negated and r.on > deadline]
    if late_denials:
        return DeadlineState("missed", False, deadline, tuple(late_denials))
    return DeadlineState("pending", today > deadline, deadline, ())


_PHASE_STEMS = frozenset(stem(w) for w in (
    "complete", "completed", "completion", "finish", "finished", "ended", "ends", "begin", "began", "begun",
    "start", "started", "starting", "take", "taken", "took", "carried", "made", "days", "deadline"))


def _frequent_stems(signatures: Iterable[Signature]) -> set[str]:
    """Words in so many of a story's claims that sharing them says nothing (the country's name)."""
    sigs = list(signatures)
    df: dict[str, int] = defaultdict(int)
    for sig in sigs:
        for s in sig.stems:
            df[s] += 1
    limit = max(3, len(sigs) // 5)
    return {s for s, n in df.items() if n > limit}


class ReportIndex:
    """The look-up tables `match_reports` uses (signatures, reports by kind of event and by
    stem, stem frequencies per story), kept up to date as statements are added, so that an
    import can judge a few deadline claims without rebuilding them over the whole story."""

    def __init__(self, statements: Iterable[Statement] = ()):
        self.sigs: dict[int, Signature] = {}
        self.size: dict = defaultdict(int)
        self.df: dict = defaultdict(lambda: defaultdict(int))
        self.by_kind: dict[tuple, list[Statement]] = defaultdict(list)
        self.by_stem: dict[tuple, list[Statement]] = defaultdict(list)
        self.add(statements)

    def add(self, statements: Iterable[Statement]) -> None:
        for s in statements:
            sig = self.sigs[s.claim] = signature(s.text)
            self.size[s.story] += 1
            df = self.df[s.story]
            for st in sig.stems:
                df[st] += 1
            if s.deadlines or sig.modal or report_date(s) is None or is_future(s):
                continue
            for k in sig.kinds:
                self.by_kind[(s.story, k)].append(s)
            for st in sig.stems:
                self.by_stem[(s.story, st)].append(s)

    def frequent(self, story) -> set[str]:
        """_frequent_stems of the story's statements."""
        limit = max(3, self.size[story] // 5)
        return {s for s, n in self.df[story].items() if n > limit}

    def match(self, deadlines: Iterable[Statement], frequent: dict | None = None) -> dict[int, list[Report]]:
        """`frequent`: the stories' frequent stems (self.frequent) when the caller has them."""
        sigs, by_kind, by_stem = self.sigs, self.by_kind, self.by_stem
        frequent = dict(frequent or {})
        out: dict[int, list[Report]] = {}
        for d in deadlines:
            if d.story not in frequent:
                frequent[d.story] = self.frequent(d.story) if self.size[d.story] else set()
            sd = sigs.get(d.claim) or signature(d.text)
            cands = {c.claim: c for k in event_keys(sd.kinds) for c in by_kind.get((d.story, k), [])}
            counts: dict[int, int] = defaultdict(int)
            pool: dict[int, Statement] = {}
            for st in sd.stems - frequent[d.story] - _PHASE_STEMS:
                for c in by_stem.get((d.story, st), []):
                    counts[c.claim] += 1
                    pool[c.claim] = c
            cands.update({cid: pool[cid] for cid, n in counts.items() if n >= 2})
            out[d.claim] = as_reports(d, sd, cands.values(), sigs)
        return out


def as_report(d: Statement, sd: Signature, c: Statement, sc: Signature) -> Report | None:
    """Candidate c as a report of deadline claim d, or None when it cannot be one."""
    found = as_reports(d, sd, (c,), {c.claim: sc})
    return found[0] if found else None


def as_reports(d: Statement, sd: Signature, candidates: Iterable[Statement], sigs) -> list[Report]:
    """The candidates (in their order) that can be reports of deadline claim d, as Reports;
    `sigs` gives each candidate's Signature by claim id. One loop for the many candidates of a
    deadline claim (d's side of the rules is read once)."""
    out = []
    d_claim, d_source, d_said, d_phase = d.claim, d.source, d.said_on, sd.phase
    for c in candidates:
        on = c.when[1] if c.when else c.said_on  # report_date(c)
        if c.claim == d_claim or c.source == d_source or on is None:
            continue
        if d_said and on < d_said:
            continue
        sc = sigs[c.claim]
        if d_phase == "complete" and sc.phase != "complete":
            continue  # 'completed by' needs a completion
        if d_phase != "begin" and sc.phase == "begin":
            continue  # a start is not the event itself
        if d_phase == "begin" and sc.phase == "complete":
            continue  # the end of an earlier strike is not the start of the next
        out.append(Report(c.claim, on, negated=sc.negated or sc.denial))
    return out


def match_reports(deadlines: Iterable[Statement], statements: Iterable[Statement]) -> dict[int, list[Report]]:
    """For each deadline claim, the claims that report its event: same story, another source, said
    no earlier than the deadline claim, not itself a plan or promise, the same kind of event
    (or, for events outside the vocabulary, two shared distinctive words) and a phase that fits
    ('complete by' needs a completion, not a start)."""
    return ReportIndex(statements).match(deadlines)
