"""Grouping the ways an article names one speaker ('Kassym-Jomart Tokayev', 'Tokayev', 'The
Kazakh president', 'he') under one canonical name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claims.extract.lexicon import DETERMINERS, DOC_NOUNS, HONORIFICS, ORG_WORDS, ROLE_WORDS
from claims.extract.names import _NAME_RUN, Mention, full_name, known_people
from claims.extract.words import word_index

_DOC_NOUNS = frozenset(DOC_NOUNS)


@dataclass
class Speaker:
    """One speaker of the article with every name it goes by."""
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    heads: set[str] = field(default_factory=set)
    last_seen: int = -1
    _names: tuple | None = field(default=None, repr=False, compare=False)
    _vocab: frozenset = field(default=frozenset(), repr=False, compare=False)
    _indexed: tuple | None = field(default=None, repr=False, compare=False)

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "kind": self.kind,
                "aliases": [a for a in self.aliases if a != self.name]}

    def add_alias(self, alias: str) -> None:
        if alias and alias not in self.aliases:
            self.aliases.append(alias)
            self._names = None

    def rename(self, name: str) -> None:
        self.name = name
        self._names = None

    def name_contents(self) -> tuple[tuple[str, ...], ...]:
        """The content words of the name and every alias (cached until they change)."""
        if self._names is None:
            self._names = tuple(_content(n) for n in [self.name] + self.aliases)
            self._vocab = frozenset(w for words in self._names for w in words)
        return self._names

    def vocab(self) -> frozenset[str]:
        self.name_contents()
        return self._vocab


_WORD = re.compile(r"[\w'\u2019-]+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_DOC_NOUN_RE = re.compile(r"\b(" + "|".join(sorted(DOC_NOUNS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_NAME_LINKS = frozenset("of and for the on in".split())
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _content_cached(text: str) -> tuple[str, ...]:
    words = (_POSSESSIVE.sub("", w).lower() for w in _WORD.findall(text))
    return tuple(w for w in words if w not in DETERMINERS and w not in HONORIFICS)


def _content(text: str | None) -> tuple[str, ...]:
    return _content_cached(text or "")


_GENERIC_ORG_HEADS = frozenset("company firm carrier airline operator manufacturer automaker group organisation "
                               "organization charity club utility retailer lender insurer".split())


# "..., the agency said": a bare head that refers back to an organisation, and the last words of the
# full names it can stand for ("the agency" is a board or a commission, never a company).
_PUBLIC_BODIES = frozenset("agency board administration commission service bureau authority office institute "
                           "council directorate inspectorate committee department ministry regulator watchdog".split())
_BUSINESSES = frozenset("company firm operator corporation corp inc ltd group holdings industries airlines airways "
                        "motors energy foods lines bank railways".split())
_REFERRING_ORG_HEADS = {head: _PUBLIC_BODIES for head in
                        "agency body authority regulator watchdog board office commission committee service "
                        "bureau organisation organization".split()}
_REFERRING_ORG_HEADS.update({head: _BUSINESSES for head in ("company", "firm", "operator")})
_REFERRING_ORG_HEADS.update({head: frozenset({head}) for head in ("department", "ministry", "force")})
# "The Cambodian Teachers' Movement Association (CTMA) announced ..., the union said"
_REFERRING_ORG_HEADS["union"] = frozenset("union association federation congress movement confederation syndicate".split())
# "Budget carrier SkyVista Airlines cancelled ..., the airline said"
_REFERRING_ORG_HEADS.update({head: frozenset("airlines airways air airline".split()) for head in ("airline", "carrier")})


_OFFICE_HEADS = frozenset("department ministry office bureau commission agency authority directorate".split())
_OF_NAME_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:(?:\s+(?:and|&)\s+|\s+)[A-Z][\w'\u2019-]*)*")


def _org_named_before(sentence: str, mention: Mention) -> str | None:
    """The last organisation named by its full name earlier in the same sentence ('Federal
    investigators from the National Transportation Safety Board were expected to arrive Saturday,
    the agency said'): in wire copy the bare 'the agency' right after it refers to it."""
    end = sentence.rfind(mention.text, 0, mention.span_end or len(sentence))
    if end <= 0:
        return None
    found = None
    fits = _REFERRING_ORG_HEADS[mention.head]
    for m in _NAME_RUN.finditer(sentence, 0, end):
        words = m.group().split()
        if len(words) >= 2 and words[-1].lower() in fits and m.start() > 0:
            tail = _OF_NAME_TAIL.match(sentence, m.end(), end) if words[-1].lower() in _OFFICE_HEADS else None
            # "Crews with the Alaska Department of Transportation and Public Facilities ..., the department said"
            found = m.group() + (tail.group() if tail else "")
        elif len(words) >= 3 and words[-1].lower() in fits and m.start() == 0 and words[0] == "The":
            found = m.group()[4:]  # "The Cambodian Teachers' Movement Association (CTMA) announced ..., the union said"
    return found


_NOT_BUSINESSES = _PUBLIC_BODIES | frozenset("court tribunal police army government parliament military prosecutor "
                                             "prosecutors union embassy mission council guard navy".split())

# "the company" is never the World Health Organization, a party or a fund
_COMPANY_HEADS = frozenset("company firm carrier airline operator manufacturer automaker utility retailer lender "
                           "insurer".split())
_NOT_COMPANIES = frozenset("organization organisation fund programme program nations federation alliance party "
                           "movement association coalition front network society union".split())


# "A nickel mining company in the southern Philippines ..." after "Sierra Verde Nickel Corp.": a company
# described with "a" after the one company the article named
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?)\s+(?:[\w-]+\s+){0,2}$")
_DESCRIBED_COMPANY_HEADS = _COMPANY_HEADS | frozenset("miner producer developer contractor".split())
_CORPORATE_END = re.compile(r"\b(?:Corp|Corporation|Inc|Ltd|Limited|Co|Company|Group|plc|PLC|LLC|Bhd|SA|AG|GmbH)\.?$")


def _abbreviates(acronym: str, role: str) -> bool:
    """'SP' of 'Superintendent of Police', 'DRM' of 'Divisional Railway Manager (DRM), Samastipur'."""
    if f"({acronym})" in role:
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", role.split(",")[0]) if w[0].isupper()]
    # ("the CS said" after "Transport Cabinet Secretary Peter Omondi": the office after its field)
    return len(words) >= 2 and "".join(w[0] for w in words).endswith(acronym) and len(acronym) >= 2


class SpeakerBook:
    """The speakers met so far, in reading order, with the rules that merge their names."""

    def __init__(self, body: str = "") -> None:
        self._body = body
        self._full_names: dict[str, tuple[str, str | None] | None] | None = None
        self._asked = 0
        self.speakers: list[Speaker] = []
        self.doc_speakers: dict[str, Speaker] = {}
        self._clock = 0
        # word -> speakers whose names, aliases or role contain it: lookups stay linear in the
        # number of claims even for articles that quote thousands of people
        self._index: dict[str, dict[int, Speaker]] = {}
        self._last_by_kind: dict[str, Speaker] = {}

    def resolve(self, mention: Mention, sentence: str) -> Speaker | None:
        self._clock += 1
        if mention.kind == "organisation" and mention.head in _REFERRING_ORG_HEADS and \
                mention.text.lower() == "the " + mention.head:
            local = _org_named_before(sentence, mention)
            if local is not None:
                mention = Mention(text=local, name=local, role=None, kind="organisation", via=mention.via,
                                  window=mention.window, head=local.split()[-1].lower(), span_end=mention.span_end,
                                  aliases=[mention.text])
        speaker = self._find(mention)
        start = mention.span_end - len(mention.text)
        if speaker is None and mention.kind in ("organisation", "unnamed") and (mention.head or "").lower() in _DESCRIBED_COMPANY_HEADS \
                and (mention.text[:2].lower() in ("a ", "an") or _INDEFINITE_BEFORE.search(sentence, max(0, start - 30), start)):
            # "A nickel mining company in the southern Philippines has rejected ..." after "Sierra Verde Nickel
            # Corp. says ...": the one company the article named
            named = [sp for sp in self.speakers if sp.kind == "organisation" and _CORPORATE_END.search(sp.name)]
            if len(named) == 1:
                speaker = named[0]
        if speaker is None:
            if mention.kind == "pronoun":
                return None
            speaker = Speaker(name=mention.name, kind=mention.kind, role=mention.role)
            if mention.kind == "person" and len(_content(mention.name)) == 1:
                full = self.full_name(mention.name)
                if full:
                    speaker.rename(full[0])
                    speaker.role = speaker.role or full[1]
                    speaker.add_alias(full[0])
            self.speakers.append(speaker)
        elif mention.kind == "person" and speaker.kind == "person" and len(_content(mention.name)) > len(_content(speaker.name)):
            speaker.rename(mention.name)
        if mention.kind != "pronoun":
            speaker.add_alias(mention.text)
            if mention.name != mention.text:
                speaker.add_alias(mention.name)
            if mention.paren:
                speaker.add_alias(mention.paren)
            for alias in mention.aliases:
                speaker.add_alias(alias)
        if mention.role and not speaker.role:
            speaker.role = _LEADING_DET.sub("", mention.role)
        if mention.head:
            speaker.heads.add(mention.head)
        speaker.last_seen = self._clock
        self._last_by_kind[speaker.kind] = speaker
        key = (speaker.name, len(speaker.aliases), speaker.role)
        if speaker._indexed != key:  # index the words again only when the names changed
            speaker._indexed = key
            words = set(speaker.vocab())
            if speaker.role:
                words.update(_content(speaker.role))
            for word in words:
                self._index.setdefault(word, {})[id(speaker)] = speaker
        for found in _DOC_NOUNS.intersection(word_index(sentence)[1]):
            self.doc_speakers[found] = speaker
        return speaker

    def full_name(self, surname: str) -> tuple[str, str | None] | None:
        """The fullest form of a surname written anywhere in the article: looked up one surname at
        a time, or in one pass over the article once many surnames have been asked for."""
        if not self._body:
            return None
        if self._full_names is None:
            self._full_names = {}
            self._asked = 0
        key = surname.lower()
        if key not in self._full_names:
            self._asked += 1
            if self._asked == 8:
                self._full_names.update(known_people(self._body))
                self._full_names.setdefault(key, None)
            elif self._asked < 8:
                self._full_names[key] = full_name(self._body, surname)
            else:
                self._full_names.setdefault(key, None)
        return self._full_names.get(key)

    def _recent(self, kinds: tuple[str, ...]) -> Speaker | None:
        candidates = [self._last_by_kind[k] for k in kinds if k in self._last_by_kind]
        return max(candidates, key=lambda s: s.last_seen) if candidates else None

    def _candidates(self, words) -> list[Speaker]:
        found: dict[int, Speaker] = {}
        for word in words:
            found.update(self._index.get(word, {}))
        return list(found.values())

    def _find(self, mention: Mention) -> Speaker | None:
        if mention.kind == "pronoun":
            head = mention.head
            if head in ("he", "she", "him", "her", "i"):
                return self._recent(("person", "unnamed"))  # "One woman ... said." "... she told RFE/RL."
            if head == "it":
                return self._recent(("organisation",))
            return self._recent(("group", "organisation"))
        if mention.head in DOC_NOUNS and mention.text.split()[0].lower() in ("the", "this", "that"):
            return self.doc_speakers.get(mention.head)
        acronym = _LEADING_DET.sub("", mention.name)
        if len(acronym) >= 2 and acronym.isupper() and acronym.isalpha():
            # "The ASP urged ..." after "the Syracuse provincial health authority (ASP) said"
            for sp in self._candidates({acronym.lower()}):
                if sp.kind != "person" and any(a == acronym or _LEADING_DET.sub("", a) == acronym
                                               for a in [sp.name] + sp.aliases):
                    return sp
            # "..., the SP said" after "Superintendent of Police Rajendra Bishnoi", "the DRM said" after
            # "Alok Kumar Jha, Divisional Railway Manager (DRM)": the person whose office it abbreviates
            if len(acronym) <= 5 and mention.text[:4].lower() == "the ":
                holder = max((sp for sp in self.speakers if sp.kind == "person" and sp.role and
                              _abbreviates(acronym, sp.role)), key=lambda sp: sp.last_seen, default=None)
                if holder is not None:
                    return holder
        if mention.kind == "person":
            return self._find_person(mention)
        return self._find_description(mention)

    def _find_person(self, mention: Mention) -> Speaker | None:
        words = _content(mention.name)
        if not words:
            return None
        best = given = None
        for sp in self._candidates(words):
            if sp.kind != "person":
                continue
            other = _content(sp.name)
            if not other:
                continue
            same = words == other
            short_in_long = len(words) == 1 and words[0] in other[1:] or len(words) == 1 and words[0] == other[-1]
            long_has_short = len(other) == 1 and (other[0] in words[1:] or other[0] == words[-1])
            # ("Ms Ní Shé" after "Phil Ní Shé": a surname of two words)
            tail = 1 < len(words) < len(other) and tuple(other[-len(words):]) == tuple(words)
            if same or short_in_long or long_has_short or tail or (words[-1] == other[-1] and words[0][:1] == other[0][:1]):
                if best is None or sp.last_seen > best.last_seen:
                    best = sp
            elif len(words) == 1 and len(other) > 1 and words[0] == other[0] and (
                    given is None or sp.last_seen > given.last_seen):
                given = sp  # "Mr Chayaphon" after "Chayaphon Srisuk": named by the given name (Thai usage)
        return best or given

    def _find_description(self, mention: Mention) -> Speaker | None:
        words = _content(mention.text)
        if not words:
            return None
        head = mention.head
        adjectives = [w for w in words[:-1] if len(w) > 3]
        definite = mention.text.split()[0].lower() in ("the", "this", "that")
        best, best_score = None, 0
        # "the Department of Public Works and Highways" is a name of its own: it never refers back to
        # "the Department of Agriculture" (a name holds all of its own words)
        proper = sum(1 for w in mention.text.split() if w[:1].isupper()) >= 2
        own = {w for w in words if w not in ORG_WORDS and w not in _NAME_LINKS} if proper else set()
        pool_of = self._candidates(set(words) | {head})
        recent_org = self._last_by_kind.get("organisation")
        if recent_org is not None and all(recent_org is not sp for sp in pool_of):
            pool_of.append(recent_org)
        for sp in pool_of:
            if own and not all(any(v.startswith(w[:5]) or w.startswith(v[:5]) for v in sp.vocab()) for w in own):
                continue  # ("the Ministry of Public Education" is not "the Public Works and Transport Ministry")
            contents = sp.name_contents()
            score = 0
            if words in contents:
                # (a bare role met before, "Minister says ..." in a standfirst, is no better a match for
                # "the minister" than the named minister met since)
                score = 3 if len(words) == 1 and words[0] in ROLE_WORDS and sp.kind == "unnamed" else 10
            elif len(words) >= 2 and any(c[-2:] == words[-2:] for c in contents):
                score = 6
            else:
                if head in ROLE_WORDS:
                    # "the Kazakh president": a person whose role names the same office
                    pool = set(_content(sp.role)) if sp.role else set()
                    if sp.kind == "unnamed":
                        pool |= sp.vocab()
                else:
                    pool = set() if sp.kind == "person" else sp.vocab()
                if head in pool and definite:
                    score = 3
                    vocab = pool | sp.vocab()
                    if adjectives:
                        # "the health ministry" is not "the interior ministry"; "the Kazakh president" is
                        # "Kazakhstan's President Tokayev"
                        agree = any(v.startswith(a[:5]) or a.startswith(v[:5])
                                    for a in adjectives for v in vocab if len(v) > 3)
                        score = 5 if agree else 0
            if not score and definite and head in _GENERIC_ORG_HEADS and sp.kind == "organisation" and \
                    not any(w[:1].isupper() for w in mention.text.split()[1:]) and \
                    not any(w.endswith(("'s", "\u2019s")) for w in mention.text.split()) and \
                    (_content(sp.name) or ("",))[-1] not in _NOT_BUSINESSES and \
                    not (head in _COMPANY_HEADS and (_content(sp.name) or ("",))[-1] in _NOT_COMPANIES):
                score = 2  # "the company" after "Hartwell Motors said" (a court or a ministry is none)
            if score > best_score or (score == best_score and score and best and sp.last_seen > best.last_seen):
                best, best_score = sp, score
        return best
