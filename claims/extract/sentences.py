"""Sentence splitting that respects abbreviations, initials and quotations.

Works on one paragraph at a time and returns character offsets, so that every claim keeps an
exact span into the article body.
"""
from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cpt maj adm cmdr gov sen rep st sr jr rev hon pres
supt insp det cpl pvt brig amb atty mt ft ave blvd rd no nos vs approx est dept univ inc ltd corp co
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun rs
u.s u.k u.n e.u u.s.a a.m p.m e.g i.e etc al fig res ret retd ste comr adj eng engr coun cllr clr
""".split()) | frozenset(_US_STATES := """calif ariz colo conn fla ga ill kan ky md mass mich minn mo mont neb nev okla ore
pa tenn tex va vt wash wis wyo""".split())  # "TWAIN HARTE, Calif. (AP)", "Waverley West Coun. Janice Lukes"
# Abbreviations that can also end a sentence: split after them only before a capitalised
# word that is not a name-like continuation.
_SENTENCE_END_OK = frozenset({"etc", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "al"}) | \
    frozenset(_US_STATES)

OPEN_DOUBLE = "\u201c"
CLOSE_DOUBLE = "\u201d"
_CLOSERS = "\"'\u201d\u2019)]"
_TERMINAL = re.compile(r"[.!?]+")
_QUOTE_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d]")
_WORD_BEFORE = re.compile(r"([\w.\u2019']+)$")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages (including the quote marks). A quote left open
    runs to the end of the text, as in a quotation continued in the next paragraph."""
    regions: list[tuple[int, int]] = []
    double_start = None
    single_start = None
    n = len(text)
    skip = -1
    for qm in _QUOTE_MARK.finditer(text):
        i = qm.start()
        ch = qm.group()
        if i == skip:
            continue
        if ch == "'" and i + 1 < n and text[i + 1] == "'":
            # "''A strike is not the solution,'' he said": two apostrophes for a double quote (PTI style)
            ch, skip = '"', i + 1
            if double_start is not None:
                regions.append((double_start, i + 2))
                double_start = None
                continue
        if ch == OPEN_DOUBLE:
            if double_start is None:
                double_start = i
        elif ch == CLOSE_DOUBLE:
            if double_start is not None:
                regions.append((double_start, i + 1))
                double_start = None
        elif ch == '"':
            prev = text[i - 1] if i else " "
            if double_start is None and (prev.isspace() or prev in "([{\u2014\u2013-/" or i == 0):
                double_start = i
            elif double_start is not None:
                regions.append((double_start, i + 1))
                double_start = None
        elif ch in "'\u2018\u2019":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if single_start is None:
                if (ch != "\u2019") and (i == 0 or prev.isspace() or prev in "([\u201c\"\u2014") and nxt.isalpha():
                    single_start = i
            elif not nxt.isalpha() and (prev.isalpha() or prev in ".,!?;:"):
                if nxt.isspace() or nxt in ".,;:!?)\u2014-" or i + 1 == n:
                    regions.append((single_start, i + 1))
                    single_start = None
    if double_start is not None:
        # A quotation left open runs on into the next paragraph when it opens a sentence or
        # follows "said:"; anywhere else an unmatched mark is a typo and quotes nothing.
        if not text[:double_start].strip() or text[:double_start].rstrip().endswith((":", ",", ".", "!", "?")):
            regions.append((double_start, n))
    regions.sort()
    return regions


def in_regions(pos: int, regions: list[tuple[int, int]]) -> bool:
    for start, end in regions:
        if start <= pos < end:
            return True
        if start > pos:
            break
    return False


def split_sentences(text: str, regions: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Offsets (start, end) of the sentences of one paragraph, whitespace trimmed."""
    if regions is None:
        regions = quote_regions(text)
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _TERMINAL.finditer(text):
        end = m.end()
        while end < n and text[end] in _CLOSERS:
            end += 1
        if end >= n:
            break
        if not text[end].isspace():
            continue
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "\"'\u201c\u2018(["):
            continue
        if m.group() == "." and _is_abbreviation(text, m.start(), following, text[nxt:nxt + 12]):
            continue
        # Inside a quotation that goes on after this point: not a sentence end for the claim.
        if any(s <= m.start() < e and e > end for s, e in regions):
            continue
        spans.append(_trim(text, start, end))
        start = nxt
    if start < n:
        spans.append(_trim(text, start, n))
    return [s for s in spans if s[1] > s[0]]


_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_abbreviation(text: str, dot: int, following: str, ahead: str) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().lstrip(".'\u2019")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "E. coli", "John F. Kennedy"
    if word in ABBREVIATIONS:
        if word in _SENTENCE_END_OK:
            # "in the U.S. The next day" ends a sentence; "U.S. officials" does not.
            nxt_word = ahead.split(" ", 1)[0]
            return not (nxt_word[:1].isupper() and nxt_word.lower() in _SENTENCE_STARTERS)
        return True
    if _DOTTED_ACRONYM.fullmatch(word):
        return True  # dotted acronyms such as "U.S"
    return False


_SENTENCE_STARTERS = frozenset("the a an he she it they we i this that these those but and in on at his her their its there".split())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
