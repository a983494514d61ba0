"""Noun phrases that name speakers: tokens of a sentence, names split from titles and roles
('Defense Minister Sergei Shoigu' -> name 'Sergei Shoigu', role 'Defense Minister'), and the
full names an article writes anywhere."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from claims.extract.lexicon import (CLAUSE_STOPS, DETERMINERS, DOC_NOUNS, GROUP_HEADS, HONORIFICS, MONTH_WORDS,
                                    ORG_WORDS, PRONOUNS, RANK_ABBREVIATIONS, ROLE_WORDS, SPEAKER_NOUNS, SPEECH_VERBS,
                                    WEEKDAY_WORDS)

_TITLE_ABBREVIATIONS = HONORIFICS | RANK_ABBREVIATIONS
_DOTTED_ACRONYM = re.compile(r"[A-Z](?:\.[A-Z])+")  # "U.N", "U.S" (the tokenizer leaves the last dot apart)


# "Taiwan Power Co. said": a company's abbreviation keeps its dot (the name goes on through it)
# ("AFC/M23": two acronyms joined by a slash are one name)
_TOKEN = re.compile(r"(?:Co|Corp|Inc|Ltd|Bros|Cos)\.(?=[\s,)])|[A-Z][A-Z\d]{1,5}/[A-Z][A-Z\d]{1,5}\b(?!/)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w[\w'\u2019.\-]*\w['\u2019]?|\w['\u2019]?|[^\w\s]")
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|van|von|de|da|di|du|le|la|ben|abu)-[A-Z]")


class Token(NamedTuple):
    """A word or punctuation mark of a sentence, with its offsets."""
    text: str
    start: int
    end: int
    quoted: bool
    low: str
    is_word: bool
    is_cap: bool


@dataclass
class Mention:
    """A speaker as written in one sentence."""
    text: str
    name: str
    role: str | None
    kind: str
    via: str
    window: tuple[int, int] = (0, 0)   # where a statement date may be written
    head: str = ""
    modifiers: list[str] = field(default_factory=list)
    paren: str | None = None
    span_end: int = 0
    aliases: list[str] = field(default_factory=list)   # "the shipping company" beside "Aurel Lines"


def tokenize(text: str, regions: list[tuple[int, int]], end: int | None = None) -> list[Token]:
    """Tokens of text[:end] (all of it by default); a long quotation becomes one token."""
    limit = len(text) if end is None else min(end, len(text))
    tokens: list[Token] = []
    new = tuple.__new__
    if regions and sum(b - a for a, b in regions) > 40:
        pos = 0
        for a, b in regions:
            if a >= limit:
                break
            tokens += _shifted(text, pos, a)
            tokens.append(new(Token, (text[a:b], a, b, True, text[a:b].lower(), False, False)))
            pos = b
        if pos < limit:
            tokens += _shifted(text, pos, limit)
        return tokens
    tokens = _shifted(text, 0, limit)
    if regions:
        # A short quotation ("the 'red line'") keeps its words: mark the tokens that start inside it.
        starts = [tok[1] for tok in tokens]
        for a, b in regions:
            for k in range(bisect_left(starts, a), bisect_left(starts, b)):
                tok = tokens[k]
                if not tok[3]:
                    tokens[k] = new(Token, (tok[0], tok[1], tok[2], True) + tok[4:])
    return tokens


def _shifted(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end] with offsets into the whole text."""
    new = tuple.__new__
    out = []
    append = out.append
    pos = start
    # One C call finds every token with the gap before it; offsets are running sums of lengths.
    get = _TOKEN_INFO.get
    for gap, word in _SPACED_TOKEN.findall(text, start, end):
        pos += len(gap)
        stop = pos + len(word)
        append(new(Token, (word, pos, stop) + (get(word) or _token_info(word))))
        pos = stop
    return out


# (quoted=False, low, is_word, is_cap) of a token's text: words repeat across sentences ("the",
# "said", names), so a lookup replaces lower() and the case tests for most tokens. Bounded:
# cleared when full.
_TOKEN_INFO: dict[str, tuple[bool, str, bool, bool]] = {}


def _token_info(word: str) -> tuple[bool, str, bool, bool]:
    first = word[0]
    cap = first.isupper() or (first.islower() and "-" in word[:5] and _PARTICLE_NAME.match(word) is not None)
    if len(_TOKEN_INFO) >= 50_000:
        _TOKEN_INFO.clear()
    # "The WHO said", "the US embassy": an acronym spelt like a function word keeps its capitals,
    # so it is never read as "who" or "us"
    low = word if word in _ACRONYM_WORDS else word.lower()
    info = _TOKEN_INFO[word] = (False, low, first.isalnum(), cap)
    return info


_ACRONYM_WORDS = frozenset("WHO US".split())
# the last word of a company's name ("Nishiura Electronics", "Taiwan Power Co.")
_CORPORATE_WORDS = frozenset("""corp inc ltd co plc ag sa gmbh llc limited motors holdings industries airways airlines
pharmaceuticals technologies systems electric steel mining foods electronics polymers textiles logistics shipping
chemicals plastics manufacturing semiconductors cement petroleum utilities telecom telecommunications metals minerals
corporation company group lines""".split())
_MEDIA_NOUNS = frozenset("broadcaster broadcasters newspaper daily agency channel outlet network".split())
_ACRONYM_BODY_NOUNS = SPEAKER_NOUNS | ORG_WORDS | _MEDIA_NOUNS


def _is_role_word(low: str) -> bool:
    low = _strip_possessive(low)
    return low in ROLE_WORDS or ("-" in low and low.rsplit("-", 1)[-1] in ROLE_WORDS)


def _is_name_token(tok: Token) -> bool:
    return tok.is_word and tok.is_cap and tok.low not in DETERMINERS and tok.low not in CLAUSE_STOPS


_POSSESSIVE_ROLE = re.compile(r"^(.+?)['\u2019]s\s+(.+)$")  # "Kazakhstan's foreign minister"
_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _strip_possessive(word: str) -> str:
    if word.endswith(("'", "\u2019", "'s", "\u2019s")):
        return _POSSESSIVE.sub("", word)
    return word


_RELATIVE = re.compile(r"\s+(?:who|which|that|whose|where)\b.*$", re.IGNORECASE)


_LEAD_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def clean_role(role: str) -> str:
    """'the UN envoy who is chairing the talks' -> 'UN envoy'; 'reporting from Almaty' is no role."""
    role = _RELATIVE.sub("", role.strip())
    role = _LEAD_DET.sub("", role).strip(" ,")
    first = role.split(" ", 1)[0].lower()
    if first.endswith(("ing", "ed")) and not _is_role_word(first) and \
            not any(_is_role_word(w) for w in role.lower().split()[1:4]):
        return ""  # "reporting from Almaty" -- but "Managing director" is a role
    if role.endswith(("'s", "\u2019s")):
        role = role[:-2]  # "Al Jazeera's Robin Forestier-Walker": the affiliation
    return role


def _looks_like_name(toks: list[Token]) -> bool:
    words = [t for t in toks if t.text != "."]
    if not words or len(words) > 6:
        return False
    for t in words:
        if not (_is_name_token(t) or t.low == "of" or t.low in NAME_PARTICLES):
            return False
    last = words[-1].low
    if last in _TITLE_SURNAMES and len(words) >= 2 and words[-2].low not in ROLE_WORDS:
        return True  # "Uzma Sheikh": a title that is also a family name, after a given name
    return last not in ROLE_WORDS and last not in SPEAKER_NOUNS


def _has_role(toks: list[Token]) -> bool:
    return any(_is_role_word(t.low) for t in toks)


def _backward_np(text: str, tokens: list[Token], j: int) -> Mention | None:
    """The noun phrase that ends at token j, read right to left."""
    collected: list[Token] = []
    k = j
    paren: list[Token] = []
    if tokens[k].text == ")":
        m = k
        while m >= 0 and tokens[m].text != "(":
            m -= 1
        if m <= 0:
            return None
        paren = tokens[m + 1:k]
        k = m - 1
    while k >= 0 and len(collected) < 10:
        t = tokens[k]
        if t.quoted or not t.is_word:
            if t.text == "&" and collected and collected[0].is_cap and k > 0 and tokens[k - 1].is_cap and \
                    tokens[k - 1].is_word and not tokens[k - 1].quoted:
                collected.insert(0, t)  # "Johnson & Johnson said", "Procter & Gamble"
                k -= 1
                continue
            if t.text == "." and k > 0 and (tokens[k - 1].low in _TITLE_ABBREVIATIONS or
                                            _DOTTED_ACRONYM.fullmatch(tokens[k - 1].text) or (
                    len(tokens[k - 1].text) == 1 and tokens[k - 1].is_cap and collected and collected[0].is_cap)):
                collected.insert(0, t)  # "Dr." and initials: "John F. Kennedy"
                k -= 1
                continue
            break
        low = t.low
        if low in DETERMINERS:
            collected.insert(0, t)
            if k > 1 and low == "the" and tokens[k - 1].is_cap and tokens[k - 1].is_word and \
                    tokens[k - 2].low not in CLAUSE_STOPS and tokens[k - 1].low not in CLAUSE_STOPS:
                k -= 1
                continue  # "Unite the Drivers union"
            if k > 1 and low == "the" and tokens[k - 1].low in _CONNECTORS and _connects(tokens[k - 2]):
                k -= 1
                continue  # "a spokesman for the eastern interior ministry"
            break
        if low == "and" and collected and collected[0].is_cap and k > 0 and tokens[k - 1].is_cap and \
                tokens[k - 1].is_word and (k > 1 and any(x.low in ("of", "for") and not x.quoted
                                                         for x in tokens[max(0, k - 5):k - 1]) or (
                    collected[-1].low.rstrip(".") in ORG_WORDS and _opens_name(tokens, k - 1))):
            # "the Ministry of Disaster Management and Relief"; "The Punjab and Haryana High Court",
            # "Trinidad and Tobago Police Service": two places naming one body
            collected.insert(0, t)
            k -= 1
            continue
        if low in _CONNECTORS and collected:
            right = collected[0]
            left = tokens[k - 1] if k else None
            if left is not None and (right.is_cap or right.low == "the") and _connects(left):
                collected.insert(0, t)
                k -= 1
                continue
            break
        if low in PRONOUNS and not collected:
            return Mention(text=t.text, name=t.text, role=None, kind="pronoun", via="verb", head=low,
                           span_end=t.end)
        if t.is_cap:
            if low in CLAUSE_STOPS and k != 0:
                break
            if low in CLAUSE_STOPS or low in PRONOUNS:
                break
            collected.insert(0, t)
        elif low in SPEAKER_NOUNS or _strip_possessive(low) in SPEAKER_NOUNS or low.endswith(("'s", "s'", "\u2019s")):
            collected.insert(0, t)
        elif collected and low in NAME_PARTICLES and collected[-1].is_cap and k > 0 and (
                tokens[k - 1].is_cap or tokens[k - 1].low in NAME_PARTICLES):
            collected.insert(0, t)  # "Maria de la Cruz", "Pieter van der Berg"
        elif collected and _is_modifier(low):
            collected.insert(0, t)
        elif collected and all(c.is_cap for c in collected) and len(low) > 4 and \
                low.endswith(("er", "or", "ist", "ant", "ent", "ian", "ect")) and low not in CLAUSE_STOPS:
            collected.insert(0, t)  # a title before a name: "prefect Hélène Marchand"
        else:
            if collected and collected[0].low not in DETERMINERS:
                collected[0:0] = _noun_compound(tokens, k, collected)
            break
        k -= 1
    while collected and collected[-1].low in DETERMINERS:
        collected.pop()
    if not collected:
        return None
    mention = _make_mention(text, collected)
    if mention and paren:
        mention.paren = _span_text(text, paren)
    return mention


def _noun_compound(tokens: list[Token], k: int, collected: list[Token]) -> list[Token]:
    """'the UN refugee agency', 'the regional mining inspectorate': plain nouns between 'the' and a
    speaker noun belong to the phrase. Returns the tokens to put before collected, or none."""
    head = _strip_possessive(collected[-1].low)
    if head not in SPEAKER_NOUNS or (head in ROLE_WORDS and head not in _BODY_ROLE_HEADS):
        return []  # (but "the grid operator", "the state regulator": a body)
    for m in range(k, max(-1, k - 5), -1):
        t = tokens[m]
        if t.low == "the":
            return tokens[m:k + 1]
        if t.text == "." and m > 0 and _DOTTED_ACRONYM.fullmatch(tokens[m - 1].text):
            continue  # "the U.N. refugee agency"
        if t.quoted or not t.is_word or t.text[0].isdigit() or t.low in CLAUSE_STOPS or \
                t.low in PRONOUNS or t.low in SPEECH_VERBS or t.low in DETERMINERS or t.low.endswith(("ed", "ly")):
            return []
    return []


_COMPANY_ABBREVIATIONS = frozenset("co corp inc ltd bhd plc".split())
_TITLE_SURNAMES = frozenset("sheikh shaikh".split())
_BODY_ROLE_HEADS = frozenset("operator regulator provider carrier insurer lender".split())
NAME_PARTICLES = frozenset("al el bin ibn van von der den de da das dos du la le ter ten di del della".split())
_DATA_NOUNS = frozenset("data figures estimates estimate statistics tally count records numbers".split())
_CONNECTORS = frozenset({"of", "for", "at", "in", "from", "on"})


def _opens_name(tokens: list[Token], k: int) -> bool:
    """Do the capitalised words ending at token k start the sentence or follow 'the' ('The Guyana
    Power and Light Inc.': 'Guyana Power' opens the name; 'The National Disaster Risk Reduction and
    Management Council')?"""
    for j in range(k, max(-1, k - 5), -1):
        if not (tokens[j].is_cap and tokens[j].is_word) or tokens[j].quoted:
            return False
        if j == 0 or tokens[j - 1].low == "the":
            return True
    return False


def _connects(left: Token) -> bool:
    """May a noun phrase go on leftwards past 'of/for/at/in' to this word? ('Officials in Tripoli')"""
    if not left.is_word or left.quoted:
        return False
    low = _strip_possessive(left.low)
    if low in ROLE_WORDS or low in SPEAKER_NOUNS:
        return True
    return left.is_cap and low not in CLAUSE_STOPS and low not in DETERMINERS


_MODIFIER_SUFFIXES = ("al", "ic", "ian", "ish", "ese", "ary", "ive", "ous", "ern", "ior", "ing")


_MODIFIERS = frozenset("""
defence defense foreign interior health justice finance emergency emergencies prosecutor general chief
medical senior top local regional federal national state civil protection humanitarian military news
security police government union company agency city county provincial municipal opposition ruling
human rights criminal public press deputy acting interim former current vice prime first
communications information transport education energy environment labour labor trade economy economic
disaster relief rescue fire water power electricity weather meteorological seismological geological
election electoral border coast guard navy army air ground peacekeeping monitoring field country
residents association council district village town office prison hospital school
""".split())


def _is_modifier(low: str) -> bool:
    return low in _MODIFIERS or low in ROLE_WORDS or (len(low) > 4 and low.endswith(_MODIFIER_SUFFIXES))


def _org_run_follows(tokens: list[Token], k: int) -> bool:
    """'... Mediation and Conciliation Service': the capitalised words after 'and' end an organisation's name."""
    for t in tokens[k:k + 3]:
        if not (t.is_cap and t.is_word):
            return False
        if t.low in ORG_WORDS:
            return True
    return False


_POST_MODIFIERS = frozenset("familiar close knowledgeable aware present responsible".split())


def _forward_np(text: str, tokens: list[Token], i: int, *, loose: bool) -> Mention | None:
    collected: list[Token] = []
    k = i
    n = len(tokens)
    while k < n and len(collected) < 12:
        t = tokens[k]
        if t.quoted:
            break
        if not t.is_word:
            if t.text == "." and collected and (collected[-1].low in _TITLE_ABBREVIATIONS or
                                                _DOTTED_ACRONYM.fullmatch(collected[-1].text)):
                collected.append(t)
                k += 1
                continue
            if t.text == "." and collected and collected[-1].low in _COMPANY_ABBREVIATIONS and collected[-1].is_cap:
                collected.append(t)  # "according to West Japan Railway Co.": the company's own dot (and the stop)
                k += 1
                break
            if t.text == "&" and collected and collected[-1].is_cap and k + 1 < n and tokens[k + 1].is_cap and \
                    tokens[k + 1].is_word:
                collected.append(t)  # "the Armed Conflict Location & Event Data Project"
                k += 1
                continue
            if t.text == "(":
                m = k
                while m < n and tokens[m].text != ")":
                    m += 1
                k = m + 1
                continue
            break
        low = t.low
        if low in ("of", "for", "at") and collected:
            nxt = tokens[k + 1] if k + 1 < n else None
            if nxt is not None and (nxt.is_cap or nxt.low == "the") and nxt.is_word:
                collected.append(t)
                k += 1
                continue
            if low in ("of", "for") and not collected[-1].is_cap and _is_role_word(collected[-1].low):
                # "said director of schools Jane Smith", "head of operations Kofi Mensah": the office's field
                m = k + 1
                while m < n and m <= k + 3 and tokens[m].is_word and not tokens[m].is_cap and not tokens[m].quoted \
                        and tokens[m].low not in CLAUSE_STOPS and tokens[m].low not in DETERMINERS:
                    m += 1
                if k + 1 < m < n and m + 1 < n and tokens[m + 1].is_cap and tokens[m + 1].is_word and (
                        (tokens[m].is_cap and tokens[m].is_word) or tokens[m].text == ","):
                    collected.extend(tokens[k:m])  # (", Ms Tan Hwee Ling" after the office: its holder)
                    k = m
                    continue
            break
        if low == "and" and collected and collected[-1].is_cap and k + 1 < n and tokens[k + 1].is_cap and \
                tokens[k + 1].is_word and (any(c.low in ("of", "for") for c in collected) or _org_run_follows(tokens, k + 1)):
            collected.append(t)  # "the Centers for Disease Control and Prevention"
            k += 1
            continue
        if low in CLAUSE_STOPS or low in WEEKDAY_WORDS or low in ("said", "says", "who", "which"):
            break
        if low in PRONOUNS and not collected:
            return Mention(text=t.text, name=t.text, role=None, kind="pronoun", via="verb", head=low,
                           span_end=t.end)
        if loose and collected and not t.is_cap and (low in _POST_MODIFIERS or low.endswith(("ed", "ing"))) and \
                low not in SPEAKER_NOUNS and collected[-1].low in SPEAKER_NOUNS and not collected[-1].is_cap:
            break  # "according to a diplomat familiar with the talks", "officials briefed on ..."
        if t.is_cap or low in DETERMINERS or low in SPEAKER_NOUNS or _is_modifier(low) or \
                low.endswith(("'s", "s'", "\u2019s")) or (loose and low.isalpha() and low not in SPEECH_VERBS):
            collected.append(t)
            k += 1
            continue
        break
    while collected and (collected[-1].low in DETERMINERS or collected[-1].low in ("of", "for", "at")):
        collected.pop()
    if not collected:
        return None
    role = None
    if k < n and tokens[k].text == "," and not loose:
        m = k + 1
        while m < n and tokens[m].text not in ",.;" and not tokens[m].quoted:
            m += 1
        seg = tokens[k + 1:m]
        if seg and (_has_role(seg) or not seg[0].is_cap) and \
                seg[0].low not in ("who", "which", "that", "where", "whose", "when", "while", "as", "and", "but"):
            role = _span_text(text, seg)
    last = collected[-1].low
    if (last in DOC_NOUNS or last in _DATA_NOUNS) and k + 1 < n and tokens[k].low in ("from", "by", "of"):
        source = _forward_np(text, tokens, k + 1, loose=loose)  # "a statement from the press service"
        if source is not None and source.kind != "pronoun" and source.head not in DOC_NOUNS:
            return source
    return _make_mention(text, collected, role_override=role)


def _span_text(text: str, toks: list[Token]) -> str:
    return text[toks[0].start:toks[-1].end]


def _make_mention(text: str, toks: list[Token], role_override: str | None = None) -> Mention | None:
    """Split a noun phrase into a name and a role, and say what kind of speaker it is."""
    if role_override:
        role_override = clean_role(role_override) or None
    written = _span_text(text, toks)
    words = [t for t in toks if t.text != "."]
    if not words:
        return None
    head = _strip_possessive(words[-1].low)
    if head in WEEKDAY_WORDS or head in MONTH_WORDS or head in CLAUSE_STOPS:
        return None
    if not (words[-1].is_cap or head in SPEAKER_NOUNS):
        of = next((i for i in range(len(words) - 1, 0, -1) if words[i].low in ("of", "for")), None)
        if of is None or not _is_role_word(words[of - 1].low) or any(w.is_cap for w in words[of + 1:]):
            return None
        # "the director of operations", "MOE's director of schools": the office, its field after "of"
        return Mention(text=written, name=written, role=role_override, kind="unnamed", via="verb",
                       head=words[of - 1].low, span_end=toks[-1].end)
    last = words[-1].text
    if len(words) >= 2 and len(last) >= 2 and last.isupper() and last.isalpha() and not words[-2].is_cap and \
            _strip_possessive(words[-2].low) in _ACRONYM_BODY_NOUNS:
        # "The UN refugee agency UNHCR", "State news agency WAM": a body named by its acronym after
        # what it is
        rw = [w for w in words[:-1] if w.low not in DETERMINERS]
        role = text[rw[0].start:rw[-1].end] if rw else None
        return Mention(text=written, name=last, role=role_override or role, kind="organisation", via="verb",
                       head=words[-1].low, span_end=words[-1].end)
    # "Economist Nhem Sovann of the Phnom Penh-based Institute for Public Finance": a person, and the
    # body they belong to after "of the"
    for i in range(2, len(words) - 2):
        if words[i].low == "of" and words[i + 1].low == "the" and _is_name_token(words[i - 1]) and \
                _is_name_token(words[i - 2]) and not _is_role_word(_strip_possessive(words[i - 1].low)) and \
                _strip_possessive(words[i - 1].low) not in ORG_WORDS and \
                _strip_possessive(words[i - 2].low) not in ORG_WORDS and words[i - 2].low not in ("of", "for"):
            words = words[:i]
            head = _strip_possessive(words[-1].low)  # (the person's, not the body's: "... of the Christian Social Union")
            break
    # trailing proper name after a role: "Defense Minister Sergei Shoigu"
    name_start = len(words)
    for idx in range(len(words) - 1, -1, -1):
        w = words[idx]
        low = _strip_possessive(w.low)
        if _is_name_token(w) and not _is_role_word(low) and low not in ORG_WORDS and not w.low.endswith(("'s", "\u2019s")):
            name_start = idx
        elif (w.low in ("of", "for") or w.low in NAME_PARTICLES or (w.text == "&" and words[idx - 1].is_cap)) and \
                idx > 0 and name_start == idx + 1:
            name_start = idx
        else:
            break
    # "Secretary of State Antony Blinken": the word after "of" still belongs to the title
    for idx in range(name_start, len(words) - 2):
        if words[idx].low in ("of", "for") and idx > 0 and _is_role_word(words[idx - 1].low):
            name_start = idx + 2
            break
    if 0 < name_start < len(words) - 1 and words[name_start - 1].low == "and" and (
            any(w.low in ("of", "for") and i > 0 and _is_role_word(words[i - 1].low)
                for i, w in enumerate(words[:name_start - 1])) or
            # (the phrase was cut at a comma of the title: "Minister of Food, Agriculture and ...")
            (len(words) - name_start >= 3 and text[max(0, words[0].start - 2):words[0].start] == ", ")):
        # "Minister of Trade and Industry Jane Moyo", "... Agriculture and Light Industry Ts.Davaadorj":
        # the ministry's second field belongs to the title; the name is the last two words (one
        # when written "Ts.Davaadorj", or when only two follow "and")
        keep = 1 if "." in words[-1].text[1:-1] or len(words) - name_start == 2 else 2
        name_start = len(words) - keep
    name_words = words[name_start:]
    while name_words and name_words[0].low in ("of", "for"):
        name_words = name_words[1:]
    role_words = words[:name_start]
    content_roles = [w for w in role_words if w.low not in DETERMINERS and w.low not in _CONNECTORS]
    if name_words and content_roles and _strip_possessive(content_roles[-1].low) in ORG_WORDS and not (
            # "Superintendent of Police Ananya Rao", "Commissioner of Police Jane Moyo": an office named
            # by a role of a body, then a person's two names
            len(name_words) >= 2 and len(role_words) >= 3 and role_words[-2].low in ("of", "for") and
            _is_role_word(role_words[-3].low)):
        name_words = []  # "the Ministry of Health", "Office of the Prosecutor General"
    connector_at = [i for i, w in enumerate(words) if w.low in _CONNECTORS]
    if name_words and connector_at and connector_at[0] > 0 and not (
            # "Federation of Public School Teachers chairperson Ligaya Dizon": the body's officer, by name
            # ("Board of Supervisors President Randy Coker": the title capitalised)
            len(name_words) >= 2 and name_start >= 2 and
            _is_role_word(words[name_start - 1].low) and connector_at[0] < name_start - 1):
        before = _strip_possessive(words[connector_at[0] - 1].low)
        if before in SPEAKER_NOUNS and before not in ROLE_WORDS or before in ORG_WORDS:
            name_words = []  # "Officials in Tripoli", "Analysts at Brookfield Research"
        elif before in ROLE_WORDS and not words[0].is_cap and not (
                # ("director of schools Jane Smith": a field of the office, then the person)
                len(name_words) >= 2 and connector_at[0] + 1 < name_start and
                all(w.is_word and not w.is_cap and w.low not in DETERMINERS for w in words[connector_at[0] + 1:name_start])):
            name_words = []  # "a spokesman for the Eastern Liberation Front"
    kind = "person"
    if name_words and head not in SPEAKER_NOUNS:
        # "Andrei Serdyukov of Russia": the nationality is not part of the name
        cut = [i for i, w in enumerate(name_words) if w.low == "of"]
        if cut and cut[0] >= 2:
            name_words = name_words[:cut[0]]
        dropped = ""
        while name_words and (name_words[0].low in HONORIFICS or (
                name_words[0].low in ("seri", "sri") and dropped in ("datuk", "dato", "dato'", "tan"))):
            dropped = name_words[0].low
            name_words = name_words[1:]  # ("Datuk Seri Dr Azman Yusof"; not "Seri Jati Furniture")
        if not name_words:
            return None
        if any(_strip_possessive(w.low).rstrip(".") in ORG_WORDS for w in name_words):  # ("Sierra Verde Nickel Corp.")
            kind = "organisation"
            # the name without the words describing it ("state-run utility Taiwan Power Co.")
            name = text[name_words[0].start:name_words[-1].end] if role_words and not role_words[0].is_cap else written
        else:
            name = text[name_words[0].start:name_words[-1].end]
        role = role_override
        if role is None and role_words:
            rw = [w for w in role_words if w.low not in DETERMINERS]
            while len(rw) > 1 and rw[-1].low in RANK_ABBREVIATIONS:
                rw.pop()  # "Coast guard spokesman Lt. Daniel Ferreira": the office is the role
            if rw:
                role = text[rw[0].start:rw[-1].end]
                poss = _POSSESSIVE_ROLE.match(role)
                if poss and poss.group(1)[0].isupper() and _has_role(rw):
                    role = f"{poss.group(2)} of {poss.group(1)}"
        if kind == "person" and len(name_words) == 1 and name_words[0].low in GROUP_HEADS:
            kind, name = "group", written
        return Mention(text=written, name=name, role=role, kind=kind, via="verb", head=head,
                       modifiers=[w.text for w in role_words], span_end=toks[-1].end)
    # a description: "the Defense Ministry", "Western officials", "a Coastline Buses spokesperson"
    run = len(words)
    while run > 0 and words[run - 1].is_cap and words[run - 1].is_word and words[run - 1].low not in DETERMINERS:
        run -= 1
    if 0 < run <= len(words) - 2 and not words[run - 1].is_cap and words[run - 1].is_word and \
            words[run - 1].low not in _CONNECTORS and words[run - 1].low not in DETERMINERS and \
            words[run - 1].low not in ("and", "&", "of", "for", "de", "du", "des", "la", "van", "von") and \
            _strip_possessive(words[-1].low).rstrip(".") in _CORPORATE_WORDS and \
            not any(_is_role_word(w.low) or w.low in SPEAKER_NOUNS for w in words[run:]):
        # "Japanese electronics parts maker Nishiura Electronics", "carmaker Hartwell Motors": a company's
        # name after the words that describe it
        rw = [w for w in words[:run] if w.low not in DETERMINERS]
        return Mention(text=written, name=text[words[run].start:words[-1].end], role=role_override or (
            text[rw[0].start:rw[-1].end] if rw else None), kind="organisation", via="verb", head=words[-1].low,
                       modifiers=[w.text for w in words[:run]], span_end=toks[-1].end)
    of_at = [i for i, w in enumerate(words) if w.low in _CONNECTORS]
    if of_at and of_at[0] > 0 and (_strip_possessive(words[of_at[0] - 1].low) in SPEAKER_NOUNS or
                                   _is_role_word(words[of_at[0] - 1].low)):
        head = _strip_possessive(words[of_at[0] - 1].low)  # "the head of the military bloc's mission"
        if head not in ROLE_WORDS and _is_role_word(head):
            head = head.rsplit("-", 1)[-1]  # "director-general of meteorological services": a director's office
    if head in GROUP_HEADS:
        kind = "group"
    elif head in ROLE_WORDS:
        kind = "unnamed"
    else:
        kind = "organisation"
    return Mention(text=written, name=written, role=role_override, kind=kind, via="verb", head=head,
                   modifiers=[w.text for w in words[:-1] if w.low not in DETERMINERS], span_end=toks[-1].end)


# A run of capitalised words on one line. A dot may follow only an initial or a short title
# ("John F. Kennedy", "Col. Andrei Voss"): after a longer word it ends a sentence, and "... the
# United Nations. Kinshasa accuses ..." is no name.
_RUN_GAP = r"(?:(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.|(?<=\b[A-Z][a-z]{3})\.)?[^\S\n]+"
_NAME_RUN = re.compile(r"\b[A-Z][\w'\u2019\-]*(?:" + _RUN_GAP + r"(?:(?:al|bin|van|von|der|de|da|la|el|ibn)[^\S\n]+)*"
                       r"[A-Z][\w'\u2019\-]*){1,4}")


_RUN_WORD = r"[A-Z][\w'\u2019\-]*" + _RUN_GAP + r"(?:(?:al|bin|van|von|der|de|da|la|el|ibn)[^\S\n]+)*"
_RUN_BEFORE = re.compile(r"(?:" + _RUN_WORD + r"){1,4}\Z")  # searched with endpos = where a surname starts


_GIVEN_AFTER = re.compile(r"\b(?-i:[A-Z][a-z]{1,4})\s+(?-i:[A-Z][a-z]+-[a-z]+)\b")


@lru_cache(maxsize=8)
def _has_given_after(body: str) -> bool:
    """Does the article write a family name before a hyphenated given name anywhere ("Lee Chien-hung")?
    (Once per article: full_name runs for every speaker quoted by surname.)"""
    return _GIVEN_AFTER.search(body) is not None


def full_name(body: str, surname: str) -> tuple[str, str | None] | None:
    """The fullest name (and title) written for one surname: cheaper than known_people() when an
    article quotes only a few people by surname alone."""
    best: tuple[str, str | None] | None = None
    if len(surname) <= 5 and surname[:1].isupper() and _has_given_after(body):
        # "Lee Chien-hung", "Kim Jong-un": a family name first, then a hyphenated given name
        m = re.search(re.escape(surname) + r"\s+((?-i:[A-Z][a-z]+-[a-z]+))\b", body)
        if m is not None:
            run = _RUN_BEFORE.search(body, max(0, m.start() - 90), m.start())
            written = body[run.start():m.end()] if run else m.group()
            mention = _make_mention(written, tokenize(written, []))
            role = mention.role if mention is not None and mention.kind == "person" else None
            return f"{surname} {m.group(1)}", role
    pos = body.find(surname)
    while pos >= 0:
        after = pos + len(surname)
        nxt = body.find(surname, after)
        if after < len(body) and body[after].isalnum():
            pos = nxt
            continue
        # Only the words just before each mention: a run of one to four that ends right where the
        # surname starts (one pattern for every surname; a pattern per surname was compiled per article).
        m = _RUN_BEFORE.search(body, max(0, pos - 90), pos)
        pos = nxt
        if m is None:
            continue
        written = body[m.start():after]
        mention = _make_mention(written, tokenize(written, []))
        if mention is None or mention.kind != "person" or len(mention.name.split()) < 2:
            continue
        if not mention.name.endswith(surname):
            continue
        if best is None or (mention.role and not best[1]) or len(mention.name) > len(best[0]):
            best = (mention.name, mention.role or (best[1] if best else None))
    return best


def known_people(body: str) -> dict[str, tuple[str, str | None]]:
    """Full names (and titles) of people written anywhere in the article, by lower-cased surname,
    so that a speaker quoted as 'Putin' is named 'Vladimir Putin' from 'President Vladimir Putin'."""
    found: dict[str, tuple[str, str | None]] = {}
    for m in _NAME_RUN.finditer(body):
        mention = _make_mention(m.group(), tokenize(m.group(), []))
        if mention is None or mention.kind != "person":
            continue
        parts = mention.name.split()
        if len(parts) < 2:
            continue
        surname = parts[-1].lower()
        known = found.get(surname)
        if known is None or (mention.role and not known[1]) or len(mention.name) > len(known[0]):
            found[surname] = (mention.name, mention.role or (known[1] if known else None))
    return found
