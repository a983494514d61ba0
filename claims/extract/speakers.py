"""Who says a sentence: attribution patterns ('X said', 'said X', 'according to X', 'X, role,
said', 'quoting X', 'X quoted Y as saying'), and the window where the statement's date is written.
Back-references are resolved in coref.py; noun phrases are read in names.py."""
from __future__ import annotations

import re

from claims.extract.lexicon import (BASE_FORMS, CLAUSE_STOPS, DETERMINERS, DOC_NOUNS, GROUP_HEADS, INVERTIBLE, MONTH_WORDS,
                                    ORG_WORDS, SPEAKER_NOUNS,
                                    PRONOUNS, SKIP_BEFORE_VERB, SOURCE_MARKERS, SPEECH_VERBS, WEAK_SPEECH_VERBS,
                                    WEEKDAY_WORDS)
from claims.extract.names import (_DATA_NOUNS, Mention, Token, _backward_np, _forward_np, _has_role, _is_name_token, _strip_possessive,
                                  _is_role_word,
                                  _looks_like_name, _make_mention, _span_text, clean_role, known_people, tokenize)
from claims.extract.words import word_index

__all__ = ["Mention", "Token", "find_attribution", "known_people", "tokenize", "clean_role"]


_SOURCE_PARTICIPLES = frozenset("released published issued provided compiled given reported announced "
                                "confirmed gathered collected presented shared reviewed analysed analyzed".split())


# what a court does in its own voice: "The High Court on Tuesday directed the council to ..."
COURT_VERBS = frozenset("directed ordered held restrained stayed quashed upheld sentenced".split())
# "The Emergency Medicine Center raised the death toll to 23": whoever revises a count gives it
_TOLL_VERBS = frozenset("raised raises revised revises lowered lowers updated updates".split())
_TOLL_NOUNS = frozenset("toll tally figure count number estimate".split())
_OWNED_COUNT = re.compile(r"(?:The\s+)?(?P<owner>(?:[A-Z][\w&.-]*\s+){0,5}[A-Z][\w&.-]*)['\u2019]s\s+"
                          r"(?:(?:own|latest|official|updated|revised|running|new)\s+)*(?:death\s+)?"
                          r"(?:tally|count|toll|figure|estimate)s?\s+(?:now\s+)?(?:stands|stood)\s+at\b")
_COURT_NOUNS = frozenset("court bench judge justice tribunal magistrate".split())
# what an authority does as its own word: "The Ministry of Education has postponed national
# examinations until December 7", "The Marine Department has widened the exclusion zone"
ACT_VERBS = frozenset("""postponed widened extended imposed lifted suspended declared closed banned approved served
issued halted reopened shut ordered delayed deferred scrapped introduced set raised lowered given directed
instructed""".split())
_HINT_WORDS = SPEECH_VERBS | SOURCE_MARKERS | {"according", "declined"} | _SOURCE_PARTICIPLES | COURT_VERBS | _TOLL_VERBS | ACT_VERBS | {"showed", "concluded", "show", "shows"}


_PAST_VERB = re.compile(r"^[a-z]{3,}ed$")


_IRREGULAR_PAST = frozenset("""gave took made said told put kept held left saw met began brought sent spent won
lost found felt thought knew wrote spoke drew set led ran came went got had""".split())


def find_attribution(text: str, regions: list[tuple[int, int]]) -> Mention | None:
    """The speaker named in this sentence, if any."""
    starts, words = word_index(text)
    present = _HINT_WORDS.intersection(words)
    if "found" in present and "found that" not in text and not _TRAILING_FOUND.search(text):
        present = present - {"found"}  # only "X found that ..." reports a finding: skip the tokenizer otherwise
    if ("stands" in words or "stood" in words) and ("'s " in text or "\u2019s " in text) and \
            not _TOLL_NOUNS.isdisjoint(words):
        owned = _OWNED_COUNT.match(text)
        owner = owned.group("owner") if owned is not None else ""
        if owner and (owner.isupper() or any(w.lower() in ORG_WORDS for w in owner.split())):
            # "The NDRRMC's own tally stands at 11 confirmed deaths": the count is its keeper's word
            # (a body's: "Nepal's toll stands at 40" names no one)
            return Mention(text=owner, name=owner, role=None, kind="organisation", via="verb",
                           head=owner.split()[-1].lower(), span_end=owned.end("owner"))
    if not present:
        return None
    last = len(words) - 1
    while words[last] not in present:  # starts ascend: the last hint word is the furthest
        last -= 1
    last_hint = starts[last]
    # Nothing far after the last reporting word matters: stop tokenizing there.
    tokens = tokenize(text, regions, end=last_hint + 120)
    n = len(tokens)
    # 1. "quoting X" / "citing X": the original source wins over the relaying outlet.
    for i, tok in enumerate(tokens if not present.isdisjoint(SOURCE_MARKERS) else ()):
        if not tok.quoted and tok.low in SOURCE_MARKERS:
            mention = _forward_np(text, tokens, i + 1, loose=True)
            if mention:
                mention.via = "quoting"
                mention.window = _any_verb_window(tokens)
                return mention
    # "TASS quoted Peskov as saying", "Peskov was quoted as saying"
    for i, tok in enumerate(tokens if "quoted" in present else ()):
        if tok.quoted or tok.low != "quoted":
            continue
        if i >= 2 and tokens[i - 1].low in ("was", "were", "is") and i + 2 < len(tokens) and tokens[i + 1].low == "as":
            mention = _backward_np(text, tokens, i - 2)
        else:
            mention = _forward_np(text, tokens, i + 1, loose=False)
            if mention is None or not any(t.low == "as" and t.start >= mention.span_end for t in tokens[i + 1:i + 9]):
                mention = None
        if mention is not None and mention.kind != "pronoun":
            mention.window = (tok.start, _window_end(tokens, i))
            return mention
    # "According to her, Moscow has handed Kiev lists ...": a sentence that opens with
    # "according to X," is X's, whatever verbs its clause has.
    if n > 2 and tokens[0].low == "according" and tokens[1].low == "to" and "according" in present:
        opening = _according_to(text, tokens, 0)
        if opening is not None:
            return opening
    # "Under the plan announced Thursday by the Ministry of Economy and Finance, the tax cut will
    # shrink ...": the body whose plan the sentence reports
    if n > 5 and tokens[0].low == "under" and "by" in words and not _PLAN_PARTICIPLES.isdisjoint(words):
        opening = _plan_author(text, tokens)
        if opening is not None:
            return opening
    # "An investigation by the Industry Ministry found that ...": a finding's author speaks.
    if not _FINDING_VERBS.isdisjoint(words):
        mention = _finding_author(text, tokens)
        if mention is not None:
            return mention
    # 2. reporting verbs; a trailing ", the coast guard said" wins over an earlier subject
    first = None
    verbs = [i for i, tok in enumerate(tokens) if tok.low in SPEECH_VERBS and not tok.quoted] \
        if not present.isdisjoint(SPEECH_VERBS) else ()
    for i in verbs:
        tok = tokens[i]
        if first is not None and i and tokens[i - 1].low in ("who", "which"):
            continue  # "said Adam Ishaq, a teacher who spoke to The National": the same speaker described
        if tok.is_cap and i and i + 1 < n and tokens[i - 1].is_cap and tokens[i - 1].is_word and \
                tokens[i + 1].is_cap and tokens[i + 1].low in _NAME_HEADS:
            continue  # a word of a name: "the US State Department", "the Meteorological Forecasting Division"
        if tok.is_cap and i and tokens[i - 1].is_cap and tokens[i - 1].is_word and tokens[i - 1].low not in ("the", "a", "an") \
                and tok.low not in ("said", "says", "told", "added"):
            continue  # "Minister of Investments and European Projects Andrei Costache said": a title's word
        if tok.low in BASE_FORMS and (not _base_form_ok(text, tokens, i) or (tok.is_cap and i and tokens[i - 1].is_cap)):
            continue  # ("IOM's Missing Migrants Project said": a word of a name, not "Migrants project")
        if _not_speech_use(tokens, i):
            continue
        mention = _speaker_for_verb(text, tokens, i)
        if mention is None or _not_a_speaker(mention):
            continue
        mention = _authored(text, tokens, mention)
        if first is None:
            first = mention
            first_weak = tok.low in WEAK_SPEECH_VERBS
            first_verb = tok.low
            if text.find(",", tok.end) < 0:
                return mention  # no comma left: no trailing ", X said" can follow
        if _is_trailing(tokens, i, mention):
            if first is not mention and tok.low in ("reported", "reports") and not first_weak and \
                    first.kind != "pronoun":
                # "The ministry said on Tuesday that ..., state broadcaster Lao National Television
                # reported": the medium carries the source's words
                return first
            return mention
    if first is not None:
        if "according" in present and not first_weak and first_verb not in _PURE_SAYING and \
                ACCORDING_AT_END.search(text):
            # "Ten countries have notified full transposition, ..., according to figures published by X"
            for i in range(n - 1):
                if not tokens[i].quoted and tokens[i].low == "according" and tokens[i + 1].low == "to":
                    source = _according_to(text, tokens, i)
                    if source is not None and source.kind != "pronoun" and (source.head or "") not in _DOCUMENTS:
                        if _drop_the(source.name).lower() == _drop_the(first.name).lower():
                            return first  # ("The UN appealed ..., according to UN figures": one speaker)
                        return source  # (not "according to a statement": no source named)
        if first_weak and "according" in present:
            # "The clinic in South Bend gave 300 doses, according to Okafor": "gave" is an act
            # here, and the sentence names its source.
            for i in range(n - 1):
                if not tokens[i].quoted and tokens[i].low == "according" and tokens[i + 1].low == "to":
                    return _according_to(text, tokens, i) or first
        return first
    # "Ilse Marnef declined to comment on the contents of the letter": the one who would not say
    if "declined" in words and "to" in words:
        for i in range(1, n - 2):
            if tokens[i].low == "declined" and not tokens[i].quoted and tokens[i + 1].low == "to" and \
                    tokens[i + 2].low in _DECLINED_TO:
                mention = _speaker_for_verb(text, tokens, i)
                if mention is not None and mention.kind != "pronoun" and not _not_a_speaker(mention):
                    return mention
                break
    # "The Punjab and Haryana High Court on Wednesday directed the state to pay ...": a court's
    # order is its statement (any other subject of "ordered" is an act, not a voice)
    if not present.isdisjoint(COURT_VERBS):
        mention = _court_order(text, tokens)
        if mention is not None:
            return mention
    if not present.isdisjoint(_TOLL_VERBS) and not _TOLL_NOUNS.isdisjoint(words):
        mention = _toll_reviser(text, tokens)
        if mention is not None:
            return mention
    if not present.isdisjoint(ACT_VERBS):
        mention = _authority_act(text, tokens)
        if mention is not None:
            return mention
    # 3. "figures released by X", "data published by X"
    for i in range(len(tokens) - 1 if not present.isdisjoint(_SOURCE_PARTICIPLES) else 0):
        if not tokens[i].quoted and tokens[i].low in _SOURCE_PARTICIPLES and tokens[i + 1].low == "by":
            mention = _forward_np(text, tokens, i + 2, loose=False)
            if mention and mention.kind != "pronoun":
                mention.via = "according"
                return mention
    # 4. "according to X"
    for i in range(n - 1 if "according" in present else 0):
        if not tokens[i].quoted and tokens[i].low == "according" and tokens[i + 1].low == "to":
            mention = _according_to(text, tokens, i)
            if mention:
                return mention
    return None


def _court_order(text: str, tokens: list[Token]) -> Mention | None:
    """The court, bench or judge whose order the sentence reports, when it is the verb's subject."""
    for i, tok in enumerate(tokens):
        if tok.quoted or tok.low not in COURT_VERBS or i == 0 or tokens[i - 1].low in ("be", "been", "was", "were",
                                                                                       "is", "are", "had", "has"):
            continue
        mention = _speaker_for_verb(text, tokens, i)
        if mention is None or mention.kind == "pronoun" or \
                _COURT_NOUNS.isdisjoint(re.findall(r"[a-z]+", (mention.text + " " + (mention.role or "")).lower())):
            continue
        return mention
    return None


_DATELINE_OPENING = re.compile(r"(?-i:[A-Z][A-Z .,'-]{1,40})(?::|\s[\u2014\u2013-])\s+")


def _opening_dateline(text: str) -> int:
    """The length of a dateline opening the sentence ("BEIRUT: ", "NAIROBI, Kenya — "), else 0."""
    m = _DATELINE_OPENING.match(text)
    return m.end() if m else 0


_SET_TARGETS = frozenset("target targets goal goals ceiling cap limit quota".split())


_ACTING_BODY_HEADS = frozenset("agency ministry department authority commission council regulator board bureau "
                               "directorate inspectorate union federation".split())


def _authority_act(text: str, tokens: list[Token]) -> Mention | None:
    """'The Ministry of Education has postponed the examinations until December 7': an organisation
    that opens the sentence and acts in it is the source of what it did (a person's acts stay the
    outlet's report)."""
    for i, tok in enumerate(tokens[:16]):  # ("PETALING JAYA: The National Union of Plantation Workers (NUPW) has given")
        if tok.quoted or tok.low not in ACT_VERBS or i == 0 or tokens[i - 1].low in ("be", "been", "was", "were",
                                                                                   "is", "are", "being"):
            continue
        if tok.low == "set" and not any(t.low in _SET_TARGETS for t in tokens[i + 1:i + 4]):
            continue  # "has set a target of 32 million" is its word; "has set a hearing for October 27" an act
        mention = _speaker_for_verb(text, tokens, i)
        words = mention.text.split() if mention is not None else []
        # a body named by its proper name ("The Marine Department"), not a description ("the county")
        acronym = mention is not None and mention.text[:4] == "The " and mention.name.isupper() and len(mention.name) >= 2
        if mention is not None and (mention.kind == "organisation" or acronym) and not _not_a_speaker(mention) and \
                text.find(mention.text) <= 4 + _opening_dateline(text) and len(words) >= 2 and (
                    all(w[:1].isupper() for w in words if w.lower() not in ("of", "and", "for", "the")) or
                    # "The agency lifted the last of the advisories": the body named before, by its kind
                    (len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _ACTING_BODY_HEADS) or
                    # "The health department on Friday directed ...", "The CGT's ports and docks federation has
                    # given ...": a body by its kind, its field or owner before it
                    (len(words) <= 6 and words[0].lower() == "the" and words[-1].lower() in _ACTING_BODY_HEADS)):
            return mention
    return None


def _toll_reviser(text: str, tokens: list[Token]) -> Mention | None:
    """'The Emergency Medicine Center raised the death toll to 23', 'Police revised the figure to
    12': the subject of a revised count is its source."""
    for i, tok in enumerate(tokens):
        if tok.quoted or tok.low not in _TOLL_VERBS or i == 0 or tokens[i - 1].low in ("be", "been", "was", "were",
                                                                                     "is", "are"):
            continue
        if not any(t.low in _TOLL_NOUNS for t in tokens[i + 1:i + 5]):
            continue
        mention = _speaker_for_verb(text, tokens, i)
        if mention is not None and mention.kind != "pronoun" and not _not_a_speaker(mention):
            return mention
    return None


# The last word of an organisation's name, before which a capitalised verb is a word of the name.
_NAME_HEADS = ORG_WORDS | frozenset("""division bureau directorate unit section branch secretariat inspectorate
team squad university college laboratory station""".split())
_FINDINGS = frozenset("investigation inquiry probe study survey audit review analysis assessment report "
                      "inspection".split())
_FINDING_VERBS = frozenset("found concluded showed show shows".split())


# "Data from the ministry showed that ...": figures that show something are their compiler's
_DATA_FINDINGS = frozenset("data figures statistics records numbers".split())


def _finding_author(text: str, tokens: list[Token]) -> Mention | None:
    """'An investigation by X found', 'a study from X concluded': X, when the finding is the subject."""
    for i, tok in enumerate(tokens):
        if not tok.quoted and tok.low in _DATA_FINDINGS and i > 1 and i + 1 < len(tokens) and \
                tokens[i + 1].low in ("show", "shows", "showed") and (
                    tokens[i - 1].low.endswith(("'s", "\u2019s")) or (tokens[i - 1].is_cap and tokens[i - 1].is_word)) and \
                any(t.text == "," for t in tokens[max(0, i - 6):i - 1]):
            # (", Sri Lanka Tea Board data show.": a name right before the data)
            # "..., the agency's figures show.": the body whose figures they are
            owner = _backward_np(text, tokens, i - 1)
            if owner is not None and owner.kind != "pronoun":
                owner.text = owner.name = re.sub(r"['\u2019]s$", "", owner.text)
                owner.head = _strip_possessive(owner.head or "")
                owner.via, owner.window = "verb", (tokens[i + 1].start, tokens[i + 1].end)
                return owner
    for i, tok in enumerate(tokens[:12]):
        if not tok.quoted and (tok.low in _FINDINGS or tok.low in _DATA_FINDINGS) and 0 < i and i + 1 < len(tokens) and \
                tokens[i + 1].low in _FINDING_VERBS and tokens[i - 1].is_word and \
                ((tokens[i - 1].is_cap and (i > 1 or tokens[0].text.isupper())) or  # (not "Satellite data showed")
                 (i > 1 and tokens[i - 1].low in _BODY_HEADS)):  # "Health ministry data shows"
            # "Central Bank data showed ...": the body named right before its data
            owner = _backward_np(text, tokens, i - 1)
            if owner is not None and ("'s " in owner.text or "\u2019s " in owner.text):
                # "The union's Trolley Watch figures show": the owner of the named count
                k = next((k for k in range(i) if tokens[k].start >= owner.span_end - len(owner.text)), None)
                owner = _document_author(text, tokens, k) if k is not None else owner
            if owner is not None and owner.kind != "pronoun":
                owner.via, owner.window = "verb", (tokens[i + 1].start, tokens[i + 1].end)
                return owner
        if tok.quoted or (tok.low not in _FINDINGS and tok.low not in _DATA_FINDINGS) or i + 2 >= len(tokens) or \
                tokens[i + 1].low not in ("by", "from"):
            continue
        mention = _forward_np(text, tokens, i + 2, loose=False)
        if mention is None or mention.kind == "pronoun":
            return None
        k = next((k for k in range(i + 2, len(tokens)) if tokens[k].start >= mention.span_end), len(tokens))
        if k + 2 < len(tokens) and tokens[k].text == "(":
            # "Data from the Social Security Organisation (Perkeso) showed": its acronym between
            close = next((m for m in range(k + 1, min(len(tokens), k + 6)) if tokens[m].text == ")"), None)
            if close is not None:
                mention.paren = text[tokens[k + 1].start:tokens[close - 1].end]
                k = close + 1
        if k < len(tokens) and tokens[k].low in _FINDING_VERBS:
            mention.via = "verb"
            mention.window = (tokens[k].start, tokens[k].end)
            return mention
        return None
    return None


_DOCUMENTS = DOC_NOUNS | _DATA_NOUNS | frozenset("survey study report update review audit census accounts testimony "
                                                  "testimonies estimate estimates calculation calculations website "
                                                  "filing filings forecast forecasts projection projections outlook "
                                                  "assessment assessments analysis analyses images imagery".split())


_MEDIA_NAME = re.compile(r"\b(?:Times|Post|News|Herald|Journal|Gazette|Tribune|Daily|Observer|Guardian|Telegraph|"
                         r"Independent|Mail|Star|Express|Standard|Nation|Review|Magazine|Chronicle|Courier|Monitor|"
                         r"newspaper|daily|weekly|magazine|broadcaster|television|radio|journal)\b")


_MADE_DOCUMENT = frozenset("made filed submitted issued released published sent lodged posted".split())


def _document_author(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'according to the mission's monthly update', 'according to HSE figures': the author of the
    document, written as a possessive or a name right before the document noun."""
    # (a capitalised document word inside a name is no document: "Statistics South Africa's latest survey",
    # "Census Bureau data")
    end = next((m for m in range(k, min(len(tokens), k + 8)) if tokens[m].low in _DOCUMENTS and not tokens[m].quoted
                and not (tokens[m].is_cap and m + 1 < len(tokens) and tokens[m + 1].is_cap and tokens[m + 1].is_word)),
               None)
    if end is None:
        return None
    owner = _OWNER_PRONOUNS.get(tokens[k].low) if end > k and not tokens[k].quoted else None
    if owner is not None and all(t.is_word and not t.is_cap for t in tokens[k + 1:end]):
        # "according to its latest annual report", "by its own estimate": the body named before
        return Mention(text=owner, name=owner, role=None, kind="pronoun", via="according", head=owner,
                       span_end=tokens[k].start + len(owner))
    if end + 3 < len(tokens) and tokens[end + 1].low == "the" and tokens[end + 2].low in _MAKER_HEADS \
            and tokens[end + 3].low in _MADE_DOCUMENT:
        # "according to a filing the company made with the regulator": the one who made it
        made = _forward_np(text, tokens, end + 1, loose=False)
        if made is not None:
            return made
    after = end + 1
    if after + 1 < len(tokens) and tokens[after].text == "," and tokens[after + 1].low in _SOURCE_PARTICIPLES:
        after += 1  # "The report, published by the Economic Daily News on Monday, cited ..."
    by = after + 1 if after < len(tokens) and tokens[after].low in _SOURCE_PARTICIPLES else after
    if by + 1 < len(tokens) and tokens[by].low in ("by", "from", "in") and not tokens[by].quoted:
        # "according to a tally by the Belga news agency", "Records published by Invías show"
        author = _forward_np(text, tokens, by + 1, loose=False)
        if author is None and tokens[by].low == "in":
            # "in the state-run Vientiane Times": the name after its describing words
            cap = next((m for m in range(by + 1, min(len(tokens), by + 5)) if tokens[m].is_cap), None)
            author = _forward_np(text, tokens, cap, loose=True) if cap is not None else None
        if author is not None and author.kind != "pronoun" and (author.head or "") not in _DOCUMENTS and (
                tokens[by].low != "in" or _MEDIA_NAME.search(author.text)):
            return author  # ("a 2012 report in the state-run Vientiane Times": a newspaper's, not "a report in March")
    if end == k:
        return None
    for m in range(k, end):
        if tokens[m].low.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            owner = _backward_np(text, tokens, m)  # "the mission's"
            if owner is not None:
                cut = 1 if owner.text.endswith(("s'", "s\u2019")) else 2  # "survivors' accounts": survivors
                owner.text, owner.name = owner.text[:-cut], owner.name[:-cut] if owner.name.endswith(
                    ("'s", "\u2019s", "s'", "s\u2019")) else owner.name
                if owner.name[4:5].isupper():
                    owner.name = _drop_the(owner.name)  # "The IOM's survey": IOM
                owner.head = _strip_possessive(owner.head or "")
                owner.span_end -= cut
            return owner
    names = [t for t in tokens[k:end] if t.is_cap and t.is_word and t.low not in DETERMINERS]
    if names and names[-1] is tokens[end - 1]:
        return _backward_np(text, tokens, end - 1)  # "HSE figures", "UN data"
    first = k + (tokens[k].low in DETERMINERS)
    run = first
    while run < end and tokens[run].is_cap and tokens[run].is_word and not tokens[run].quoted:
        run += 1
    if run - first == 1 and tokens[first].text.isupper() and len(tokens[first].text) >= 2 and tokens[first].is_word and \
            1 <= end - run <= 2 and all(t.is_word and not t.is_cap for t in tokens[run:end]):
        return _backward_np(text, tokens, first)  # "according to BMRCL ridership data": the body by its acronym
    if run - first >= 2 and all(t.is_word and not t.is_cap and not t.quoted for t in tokens[run:end]) and end - run <= 3:
        # "according to a World Bank rapid damage assessment": the body named before the document's description
        author = _backward_np(text, tokens, run - 1)
        if author is not None and author.name[:2].lower() in ("a ", "an"):
            author.name = author.name.split(" ", 1)[1]  # (the article belongs to the document)
        return author
    return None


def _body_document(tokens: list[Token], first: int) -> Mention | None:
    """'ministry data', 'a ministry statement': the body the article named, by its kind (the token at
    first is the body's noun, the one after it the document)."""
    if first + 1 < len(tokens) and not tokens[first].is_cap and tokens[first].low in _BODY_HEADS | {"police", "government",
                                                                                                   "company"} \
            and tokens[first + 1].low in _DOCUMENTS:
        body = "the " + tokens[first].low
        return Mention(text=body, name=body, role=None, kind="organisation", via="according",
                       head=tokens[first].low, span_end=tokens[first].end)
    return None


def _document_itself(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'according to jail records': a document with no author named is the source itself."""
    for m in range(k, min(len(tokens), k + 4)):
        t = tokens[m]
        if t.quoted or not t.is_word or t.low in CLAUSE_STOPS or t.low in PRONOUNS:
            return None
        if t.low in _DOCUMENTS:
            first = k + 1 if tokens[k].low in DETERMINERS else k
            if first > m:
                return None
            if m == first + 1:
                body = _body_document(tokens, first)
                if body is not None:
                    return body
            written = _span_text(text, tokens[first:m + 1])
            return Mention(text=written, name=written, role=None, kind="organisation", via="according",
                           head=t.low, span_end=t.end)
    return None


_OWNER_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}


def _authored(text: str, tokens: list[Token], mention: Mention) -> Mention:
    """'The IOM's most recent survey put the figure at ...', 'The UN report said': a document
    that speaks is its author's voice, when the author is written before it."""
    if (mention.head or "") not in _DOCUMENTS:
        return mention
    words = [w for w in mention.text.split() if w.lower() not in ("the", "a", "an")]
    if len(words) >= 3 and all(w[:1].isupper() for w in words[-3:]) and mention.kind != "pronoun":
        return mention  # "The U.S. Geological Survey raised ...": a body's name that ends in a document's word
    owner = _OWNER_PRONOUNS.get(mention.text.split(" ", 1)[0].lower())
    if owner is not None:  # "Its statement said": the body named before, through coreference
        start = mention.span_end - len(mention.text)
        return Mention(text=owner, name=owner, role=None, kind="pronoun", via=mention.via, window=mention.window,
                       head=owner, span_end=start + len(owner))
    start = mention.span_end - len(mention.text)
    k = next((m for m, t in enumerate(tokens) if t.start >= start), None)
    author = _document_author(text, tokens, k) if k is not None else None
    if author is None or author.kind == "pronoun" or (author.head or "") in _DOCUMENTS:
        return mention
    author.via, author.window = mention.via, mention.window
    if author.name[4:5].isupper():
        author.name = _drop_the(author.name)
    return author


_PLAN_PARTICIPLES = frozenset("announced unveiled released published proposed approved issued adopted outlined".split())
_PLAN_NOUNS = frozenset("plan plans proposal proposals scheme rules measures deal agreement terms changes budget "
                        "guidelines regulations order decree package roadmap policy".split())


def _plan_author(text: str, tokens: list[Token]) -> Mention | None:
    """The X of an opening 'Under the plan announced (on Thursday) by X,'."""
    for i in range(1, min(len(tokens) - 2, 12)):
        t = tokens[i]
        if t.quoted or t.text == ",":
            return None
        if t.low in _PLAN_PARTICIPLES and tokens[i - 1].low in _PLAN_NOUNS:
            for j in range(i + 1, min(len(tokens) - 1, i + 5)):
                if tokens[j].text == ",":
                    return None
                if tokens[j].low == "by":
                    mention = _forward_np(text, tokens, j + 1, loose=False)
                    if mention is None or mention.kind == "pronoun":
                        return None
                    comma = next((m for m in range(j + 1, len(tokens)) if tokens[m].text == ","), None)
                    if comma is None or tokens[comma - 1].end != mention.span_end:
                        return None  # ("by" must close the opening phrase)
                    mention.via = "according"
                    mention.window = (tokens[0].start, tokens[comma].start)
                    return mention
            return None
    return None


def _according_to(text: str, tokens: list[Token], i: int) -> Mention | None:
    """The X of 'according to X' at token i."""
    mention = _forward_np(text, tokens, i + 2, loose=True)
    mention = _appositive_name(text, tokens, i + 2, mention) or mention
    if mention is None:
        mention = _named_body(text, tokens, i + 2)
    if mention is None:
        mention = _plain_group(text, tokens, i + 2)
    if mention is None or (mention.head or "") in _DOCUMENTS or (
            mention.text.rsplit(" ", 1)[-1].lower() in _DOCUMENTS and
            # (not "the Kenya National Bureau of Statistics": a body named for what it counts)
            not (mention.kind == "organisation" and (mention.head or "") in ORG_WORDS and
                 mention.text.lower().rsplit(" ", 2)[-2:-1] == ["of"])):
        # ("according to the Ministry of Health's latest situation report": the ministry)
        first = i + 3 if i + 3 < len(tokens) and tokens[i + 2].low in DETERMINERS else i + 2
        # ("according to a ministry statement released yesterday": the ministry the article named)
        mention = _document_author(text, tokens, i + 2) or _body_document(tokens, first) or mention or \
            _document_itself(text, tokens, i + 2)
    if mention:
        mention.via = "according"
        mention.window = (tokens[i].start, _window_end(tokens, i + 1))
        if not mention.paren and mention.span_end is not None and "(" in text[mention.span_end:mention.span_end + 3]:
            # "according to the India Meteorological Department (IMD)": the acronym names it later
            k = next((k for k in range(i + 2, len(tokens)) if tokens[k].start >= mention.span_end), len(tokens))
            if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" and \
                    tokens[k + 1].text.isupper() and tokens[k + 1].text.isalpha() and len(tokens[k + 1].text) >= 2:
                mention.paren = tokens[k + 1].text
    return mention


_NOT_IN_ROLES = frozenset("with and but as while in at on to from by that which who".split())


_BODY_HEADS = frozenset("cell unit office department agency board committee council commission authority administration "
                        "bureau directorate ministry service team wing division centre center network association union "
                        "secretariat inspectorate regulator municipality corporation".split())
_MAKER_HEADS = _BODY_HEADS | {"company", "firm"}  # "a filing the company made"


def _plain_group(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'according to shipping agents.': a plural common noun phrase closing the clause."""
    n = len(tokens)
    first = k + 1 if k < n and tokens[k].low == "the" else k  # "according to the petitioners"
    end = first
    while end < n and end - first < 5 and tokens[end].is_word and not tokens[end].is_cap and not tokens[end].quoted \
            and tokens[end].low not in CLAUSE_STOPS and tokens[end].low not in DETERMINERS:
        end += 1
    if end == first or (end < n and tokens[end].text not in ".,;") or tokens[end - 1].low in _DOCUMENTS:
        return None
    head = tokens[end - 1].low
    plural = head.endswith("s") and not head.endswith("ss") and end - first <= 3
    if not plural and head not in _BODY_HEADS:
        return None  # ("according to the plan": no one; "the district disaster management cell": a body)
    written = _span_text(text, tokens[k:end])
    return Mention(text=written, name=written, role=None, kind="group", via="according", head=tokens[end - 1].low,
                   span_end=tokens[end - 1].end)


def _named_body(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'according to the Nan provincial hall.': a body named by its place and a common noun, at
    the end of the clause."""
    n = len(tokens)
    start = k + 1 if k < n and tokens[k].low == "the" else k
    m = start
    while m < n and tokens[m].is_cap and tokens[m].is_word and not tokens[m].quoted and m - start < 4:
        m += 1
    caps = m - start
    while m < n and tokens[m].is_word and not tokens[m].is_cap and not tokens[m].quoted and m - start < 7 \
            and tokens[m].low not in CLAUSE_STOPS and tokens[m].low not in SPEECH_VERBS:
        m += 1
    if not caps or m == start + caps or (m < n and tokens[m].text not in ".,;"):
        return None
    name = text[tokens[start].start:tokens[m - 1].end]
    return Mention(text=name, name=name, role=None, kind="organisation", via="according",
                   head=tokens[m - 1].low, span_end=tokens[m - 1].end)


# What a count is, never who speaks: "The number of people confirmed dead ... rose to 61, the
# coast guard said", "the death toll", "the figure".
_COUNT_SUBJECTS = frozenset("""number numbers toll tolls figure figures total totals count tally rate share
proportion percentage amount sum level levels""".split())

# A reporting verb followed by one of these is not reporting: "confirmed dead", "reported
# missing", "calls itself", "gave way".
_NOT_SPEECH_AFTER = frozenset("""dead killed missing injured wounded hurt infected alive safe drowned itself himself
herself themselves myself ourselves way""".split())


_NEGATIONS = frozenset("not never n't declined refused declines refuses decline refuse".split())
_NOUN_BEFORE = frozenset("the a an its their his her our this these those".split())
_PLURAL_NOUN_FORMS = frozenset("estimates reports claims statements counts tallies updates projections forecasts "
                               "calculations briefings".split())
_OBLIGATION_MODALS = frozenset("must should shall".split())
_TRAILING_FOUND = re.compile(r",\s+(?:the\s+)?[\w' -]{1,60}\s+found\.\s*$")
_PASSIVE_REPORTING = frozenset("believed thought feared reported said understood estimated known expected alleged "
                               "rumoured rumored presumed".split())
_VERB_AFTER_SUBJECT = frozenset("had have has said say put showed show suggested suggest indicated indicate were are "
                                "claimed estimated stated".split())
# "a media briefing", "a press statement", "the daily update": a noun after a word of the press
_PRESS_BEFORE = frozenset("media press news daily weekly regular emergency joint".split())


def _not_speech_use(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if i and not tokens[i - 1].quoted and (tokens[i - 1].low in _NOUN_BEFORE or
                                           tokens[i - 1].low.endswith(("'s", "\u2019s"))):
        return True  # "the agency's forecast division", "its report": a noun, no reporting verb
    if nxt is not None and tokens[i].low in _PLURAL_NOUN_FORMS and nxt.low in ("by", "from", "of", "for"):
        return True  # "Preliminary estimates by the department put ...": a noun, no reporting verb
    if tokens[i].low in _PLURAL_NOUN_FORMS:
        for t in tokens[i + 1:i + 5]:
            if t.quoted or t.low in ("that", ",", ";", ":") or t.low in DETERMINERS or t.low[:1].isdigit():
                break  # ("The agency reports the toll has risen", "reports 40 deaths had ...": a verb)
            if t.low in _VERB_AFTER_SUBJECT:
                return True  # "Initial reports on Sunday had put the toll at five": the subject, no verb
    if i > 1 and tokens[i - 1].low in _PRESS_BEFORE and tokens[i - 2].low in _NOUN_BEFORE and \
            tokens[i].low.endswith(("ing", "ment", "ase")):
        return True  # "Addressing a media briefing, the minister said": the briefing is no verb
    if tokens[i].low == "states" and i and (tokens[i - 1].low in _STATES_NOUN_BEFORE or tokens[i - 1].text[:1].isdigit()
                                            or tokens[i - 1].is_cap):
        return True  # "14 member states", "the Gulf states", "other states": the noun
    if nxt is not None and tokens[i].low in ("report", "reports", "reported", "reporting") and \
            nxt.low in ("back", "for", "sick", "late") and not nxt.quoted:
        return True  # "strikers who fail to report back by 6 p.m.", "reported for duty": turning up, no statement
    if nxt is not None and tokens[i].low in ("ask", "asks", "asked", "asking") and nxt.low in ("to", "not"):
        return True  # "who asked to be identified only by his first name": a request, no statement
    if i and tokens[i - 1].low in _NEGATIONS or (i > 1 and tokens[i - 2].low in _NEGATIONS | {"yet"} and
                                                 tokens[i - 1].low in ("to", "yet", "immediately", "publicly")):
        return True  # "did not respond", "has yet to comment", "declined to comment": no statement
    if nxt is not None and nxt.low == "to" and i + 2 < len(tokens) and tokens[i + 2].low in ("be", "have") and \
            tokens[i].low in _PASSIVE_REPORTING:
        return True  # "six workers still believed to be trapped": a passive, no one speaking
    if i and tokens[i - 1].low in _OBLIGATION_MODALS and not tokens[i - 1].quoted:
        return True  # "The company must respond within seven days": a duty, no statement
    if tokens[i].low == "found" and (nxt is None or nxt.low != "that") and not (
            (nxt is None or nxt.text in ".!") and any(t.text == "," for t in tokens[max(0, i - 6):i])):
        # ("More than half of them were over 65, the authority found." closes with its finder)
        return True  # "rescuers found 14 bodies" is an act; "the commission found that ..." a finding
    if tokens[i].low in ("agree", "agrees", "agreed", "agreeing"):
        # "agreed on Sunday to a ceasefire", "agreed to release 19 hostages": an act; "agreed that ..." speaks
        for t in tokens[i + 1:i + 5]:
            if t.low in ("to", "not"):
                return True
            if t.low == "that" or t.quoted or t.text in ",.;:":
                break
    return nxt is not None and not nxt.quoted and nxt.low in _NOT_SPEECH_AFTER


def _not_a_speaker(mention: Mention) -> bool:
    """A subject that counts something ('the number of miners', 'the death toll') is no speaker."""
    words = [w for w in mention.text.lower().split() if w not in DETERMINERS]
    if not words:
        return False
    if len(mention.name.strip()) <= 1:
        return True  # "highs of up to 39°C forecast for Monday": a unit's letter, no one
    if words[0] in _COUNT_SUBJECTS and (len(words) == 1 or words[1] == "of"):
        return True
    if words[-1] in _NUMBER_HEADS or (words[-1][:1].isdigit() and not (len(words) > 1 and words[-2] in _NUMBERED_BODIES)):
        return True  # "The first two posts, ...": a count is no speaker (but "School District 58" names one)
    return mention.kind != "person" and words[-1] in _COUNT_SUBJECTS


_NUMBER_HEADS = frozenset("one two three four five six seven eight nine ten eleven twelve dozen dozens hundred "
                          "hundreds thousand thousands first second third last".split())


_TRAILING_AFTER = frozenset(".,;:!?)\u201d\"'\u2019")


_TOLD_AUDIENCES = frozenset("reporters journalists media lawmakers legislators parliament delegates residents".split())


def _is_trailing(tokens: list[Token], i: int, mention: Mention) -> bool:
    """', the coast guard said.' or ', said the coast guard': an attribution closing a clause."""
    verb = tokens[i]
    if mention.span_end <= verb.start:   # speaker before the verb
        start = mention.span_end - len(mention.text)
        k = i - 1
        while k >= 0 and tokens[k].start >= start:
            k -= 1
        if mention.kind == "person":
            # ", acting chief inspector of mines Thandeka Mokoena said.": a role before the name
            role_at = k
            while role_at >= 0 and k - role_at < 6 and tokens[role_at].is_word and not tokens[role_at].quoted \
                    and not tokens[role_at].is_cap and tokens[role_at].low not in SPEECH_VERBS \
                    and tokens[role_at].low not in DETERMINERS and tokens[role_at].low not in _NOT_IN_ROLES:
                role_at -= 1
            if role_at >= 0 and role_at < k and tokens[role_at].text == ",":
                k = role_at
        if k < 0 or tokens[k].text != ",":
            return False
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return nxt is None or nxt.text in _TRAILING_AFTER or nxt.low in _PREPOSITIONS or nxt.low in WEEKDAY_WORDS or \
            (verb.low == "told" and nxt.low in _TOLD_AUDIENCES)  # ", department director Marcus Oyelaran told reporters"
    return i > 0 and tokens[i - 1].text == ","


_TITLE_DOTS = frozenset("dr mr mrs ms prof gen col lt capt maj sgt rev hon sen rep gov insp supt".split())


def _appositive_name(text: str, tokens: list[Token], first: int, mention: Mention | None) -> Mention | None:
    """'according to the shipping company, Aurel Lines.': the proper name is the speaker and the
    description an alias."""
    if mention is not None and (mention.kind in ("person", "pronoun") or mention.text[:1].isupper()):
        return None
    n = len(tokens)
    k = first
    while k < n and k < first + 7 and tokens[k].is_word and not tokens[k].quoted:
        k += 1
    if k == first or k >= n or tokens[k].text != "," or tokens[first].is_cap:
        return None
    description = text[tokens[first].start:tokens[k - 1].end]
    m = k + 1
    if m < n and tokens[m].low == "the":
        m += 1
    run: list[Token] = []
    while m < n and not tokens[m].quoted and ((tokens[m].is_word and (
            tokens[m].is_cap or (run and tokens[m].low in ("of", "and", "for", "de", "la", "du")))) or (
            tokens[m].text == "." and run and run[-1].low in _TITLE_DOTS and m + 1 < n and tokens[m + 1].is_cap)):
        if tokens[m].text != ".":
            run.append(tokens[m])  # ("the hospital's medical director, Dr. Samir Abdallah.": the title's dot)
        m += 1
    while run and not run[-1].is_cap:
        run.pop()
    if not run or len(run) > 6 or (m < n and tokens[m].text not in ".)!,"):
        return None
    person = _make_mention(text, run)
    if m < n and tokens[m].text == "," and (person is None or person.kind != "person" or len(run) < 2 or (
            m + 1 < n and (tokens[m + 1].is_cap or tokens[m + 1].low in ("and", "or")))):
        return None  # "according to the police spokesperson, Inspector Paul Kila, 14 people ...": a person only
    if person is not None and person.kind == "person" and (not person.role or (m < n and tokens[m].text == ",")):
        appos = person
    else:
        name = _span_text(text, run)
        appos = Mention(text=name, name=name, role=None, kind="organisation", via="according",
                        head=run[-1].low, span_end=run[-1].end)
    appos.aliases = [description]
    return appos


_MODALS = frozenset("will would could should may might must did does do to not never also".split())


_CLAUSE_OPENERS = frozenset("that the a an it its there this these those he she they we some no".split())


# Base forms that are seldom nouns after a name ("The Taliban deny", but "The UN report said").
_PLURAL_NAME_VERBS = frozenset("say deny insist argue maintain accuse reject dismiss admit warn acknowledge "
                               "allege contend concede".split())


def _base_form_ok(text: str, tokens: list[Token], i: int) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.low in _MODALS or prev.low in ("they", "we", "i", "you"):
        return True
    if prev.is_word and prev.low.endswith("s") and not prev.low.endswith(("'s", "\u2019s", "ss")):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev.text == "," and (subject := _appositive_subject(text, tokens, i - 1)) is not None and \
            (subject.kind == "group" or subject.text.split(" ", 1)[0].lower() in GROUP_HEADS):
        return True  # "Residents of Tungar Kwana, a farming settlement in ..., say"
    if tokens[i].low in _PLURAL_NAME_VERBS and i >= 2 and tokens[i - 2].low == "the" and prev.is_cap and \
            prev.is_word and (nxt is None or nxt.low not in SPEECH_VERBS):
        return True  # "The Taliban deny ...": a collective name takes the plural verb
    return (nxt is not None and nxt.low in _CLAUSE_OPENERS and prev.low not in DETERMINERS
            and not prev.low.endswith(("'s", "\u2019s")))


def _any_verb_window(tokens: list[Token]) -> tuple[int, int]:
    for i, tok in enumerate(tokens):
        if not tok.quoted and tok.low in SPEECH_VERBS and tok.low not in BASE_FORMS:
            return tok.start, _window_end(tokens, i)
    return 0, 0


def _puts_a_figure(tokens: list[Token], i: int) -> bool:
    """'put the number at', 'puts the death toll at': a figure is being stated."""
    if tokens[i].low not in ("put", "puts") or i + 3 >= len(tokens):
        return False
    window = [t.low for t in tokens[i + 1:i + 10]]  # ("put the number of people on board at around 85")
    return "at" in window and not _COUNT_SUBJECTS.isdisjoint(window[:window.index("at")])


_ASIDE_WORDS = frozenset("however though meanwhile too also instead nevertheless nonetheless".split())


def _speaker_for_verb(text: str, tokens: list[Token], i: int) -> Mention | None:
    if i >= 4 and tokens[i - 1].text == "," and tokens[i - 2].low in _ASIDE_WORDS and tokens[i - 3].text == "," and \
            tokens[i - 4].is_word:
        # "Residents of the street, however, told Ahram Online that ...": the aside set apart
        return _speaker_for_verb(text, tokens[:i - 3] + tokens[i:], i - 3)
    verb = tokens[i]
    prev = tokens[i - 1] if i else None
    weak = verb.low in WEAK_SPEECH_VERBS and not (
        i + 1 < len(tokens) and tokens[i + 1].low == "out" and verb.low.startswith("point")) and \
        not _puts_a_figure(tokens, i)  # "pointed out", "has put the number at 8,740"
    # Inversion: '..., said X' / '"...," said X'
    if prev is not None and verb.low in INVERTIBLE and (prev.text in ",\"\u201d'\u2019" or prev.quoted):
        if prev.text == "," and not weak:
            # "Mohammad Kamrul Hasan, a senior ministry official, said volunteers ...": a name with
            # its role in commas is the subject; what follows "said" is the reported clause.
            subject = _appositive_subject(text, tokens, i - 1)
            if subject is not None and (subject.kind == "person" or (
                    subject.kind == "unnamed" and subject.span_end - len(subject.text) == tokens[0].start)):
                subject.via = "verb"
                subject.window = (prev.end, _window_end(tokens, i))
                return subject
        mention = _forward_np(text, tokens, i + 1, loose=False)
        named = _surnamed(tokens, i + 1, i + 6)
        if named is not None and not weak:
            # '"...," said a fisher surnamed Chen (陳) who took part': the surname names the speaker
            named.window = (verb.start, _window_end(tokens, i))
            return named
        if (mention is None or mention.kind == "pronoun") and not weak:
            mention = _inverted_description(text, tokens, i + 1) or mention
        if mention is not None and mention.kind == "unnamed" and not weak:
            mention = _named_after_description(text, tokens, mention) or mention
        if mention and not weak and mention.kind != "pronoun" and _np_ends_clause(tokens, mention):
            mention.via = "verb"
            mention.window = (verb.start, _window_end(tokens, i))
            return mention
    if prev is None:
        return None
    # "Ukraine's Foreign Ministry renewed its appeal ..., saying that ...": the participle of
    # saying after a comma is the main clause's subject's statement.
    if prev.text == "," and verb.low.endswith("ing") and verb.low in SPEECH_VERBS and not weak:
        subject = _forward_np(text, tokens, _after_leading_phrase(tokens), loose=False)
        if subject is not None and subject.kind != "pronoun" and subject.span_end < prev.start and \
                not _not_a_speaker(subject) and (subject.kind == "person" or
                                                 _strip_possessive(subject.head or "") in SPEAKER_NOUNS):
            subject.via = "verb"
            subject.window = (verb.start, _window_end(tokens, i))
            return subject
        return None
    # Relative clause: '..., the Unite the Drivers union, which says ...'
    if prev.low in ("which", "who") and i >= 3 and tokens[i - 2].text == ",":
        mention = _backward_np(text, tokens, i - 3)
        if mention is not None and prev.low == "who" and mention.kind != "person" and mention.text[:2].lower() in ("a ", "an"):
            # "challenged by Mohamed Selim, an energy analyst at Cairo University, who said": the person
            # the description follows
            start = mention.span_end - len(mention.text)
            c = next((m for m in range(i - 3, -1, -1) if tokens[m].start < start), None)
            if c is not None and c > 0 and tokens[c].text == ",":
                named = _backward_np(text, tokens, c - 1)
                if named is not None and named.kind == "person":
                    named.role = named.role or clean_role(mention.text) or None
                    mention = named
        if mention:
            mention.via = "verb"
            mention.window = (verb.start, _window_end(tokens, i))
        return mention
    # Coordinated verb: '... the authorities blamed X and said ...'
    if prev.low == "and" or (prev.low == "but" and i >= 2 and tokens[i - 2].text != ","):
        # ("Police have opened an investigation but said there was no indication of sabotage")
        return _coordinated_subject(text, tokens, i - 1, verb)
    if prev.low in ("be", "been", "being") and not verb.low.endswith("ing"):
        return None  # passive: "the matter will be mentioned on February 17", "has been told"
    j = i - 1
    skipped = 0
    numbered = None
    if j >= 1 and tokens[j].text.isdigit() and len(tokens[j].text) <= 4 and tokens[j - 1].low in _NUMBERED_BODIES and \
            tokens[j - 1].is_cap:
        numbered = tokens[j]  # "School District 58 said": the number is part of the name
        j -= 1
    while j >= 0 and not tokens[j].quoted and skipped < 5 and tokens[j].text == ")":
        # "Pinmart (品瑪購物) on Wednesday (Nov. 4) denied": a bracket between subject and verb
        opening = next((m for m in range(j - 1, max(-1, j - 8), -1) if tokens[m].text == "("), None)
        inside = text[tokens[opening].end:tokens[j].start] if opening is not None else ""
        if opening is None or not (any(c.isdigit() for c in inside) or any(ord(c) > 0x2000 for c in inside)):
            break  # (an acronym in brackets is the subject's other name: "the health authority (ASP) said")
        j = opening - 1
        skipped += 1
        while j >= 0 and not tokens[j].quoted and skipped < 5 and (
                tokens[j].low in SKIP_BEFORE_VERB or tokens[j].low in MONTH_WORDS or tokens[j].text.isdigit()):
            j -= 1
            skipped += 1
    while j >= 0 and not tokens[j].quoted and skipped < 5 and (
            tokens[j].low in SKIP_BEFORE_VERB or tokens[j].low in MONTH_WORDS or tokens[j].text.isdigit()
            or (len(tokens[j].low) > 4 and tokens[j].low.endswith("ly") and not tokens[j].is_cap
                and tokens[j].low not in SPEAKER_NOUNS)
            or (tokens[j].text == "." and j > 0 and tokens[j - 1].low in MONTH_WORDS)):
        if tokens[j].low in ("is", "are", "was", "were") and not verb.low.endswith("ing"):
            return None  # passive: "were reported"
        j -= 1
        skipped += 1
    if j < 0:
        return None
    if tokens[j].text == ",":
        if weak and verb.low in ("called", "calls", "call") and i + 1 < len(tokens) and tokens[i + 1].low in ("for", "on"):
            weak = False  # "The Caraga Watershed Network, a coalition of ..., has called for a moratorium": a demand
        mention = _appositive_subject(text, tokens, j)
        if mention is None and not weak:
            # "Traders at Mpondwe market, which handles goods worth Shs2 billion a week, said": the
            # subject before a relative clause set in commas
            opening = next((m for m in range(j - 1, max(0, j - 30), -1) if tokens[m].text == "," and not tokens[m].quoted), None)
            if opening is not None and opening >= 1 and opening + 1 < j and tokens[opening + 1].low in ("which", "who", "whose"):
                mention = _group_with_place(text, tokens, opening - 1) or _backward_np(text, tokens, opening - 1)
                if mention is not None and (mention.kind == "pronoun" or _not_a_speaker(mention)):
                    mention = None
        if mention and not weak:
            mention.window = (tokens[j].end, _window_end(tokens, i))
            mention.via = "verb"
        return mention if not weak else None
    by_at = next((m for m in range(j - 1, max(-1, j - 6), -1) if tokens[m].low == "by" and not tokens[m].quoted), None) \
        if j >= 3 and tokens[j].is_cap else None
    if by_at is not None and by_at >= 2 and tokens[by_at - 1].low in _ASKED_BY and \
            all(t.is_cap or t.low == "the" for t in tokens[by_at + 1:j + 1]):
        j = by_at - 2  # "survivors and relatives interviewed by The Point said": those interviewed speak
    mention = (_subject_before_postmodifier(text, tokens, j) or _group_with_place(text, tokens, j)
               or _subject_before_who(text, tokens, j) if not weak else None) or _backward_np(text, tokens, j)
    if mention is not None and mention.kind != "pronoun":
        mention = _subject_before_place(text, tokens, mention) or mention
    if mention is not None and mention.name.lower() in _PLATFORMS:
        # "Shwe Yadanar Gems Company, which in a statement posted on Facebook on Tuesday night denied":
        # the platform carries the words of the body before "which"
        first = next((m for m in range(j, -1, -1) if tokens[m].start <= mention.span_end - len(mention.text)), None)
        if first is not None and first >= 1 and tokens[first - 1].low in ("on", "via", "to"):
            rel = next((m for m in range(first - 1, max(0, first - 14), -1)
                        if tokens[m].low in ("which", "who") and tokens[m - 1].text == ","), None)
            owner = _backward_np(text, tokens, rel - 2) if rel is not None and rel >= 2 else None
            if owner is None or owner.kind == "pronoun":
                return None
            mention = owner
    if mention is not None and mention.kind != "pronoun" and not mention.text[:1].isupper():
        first = next((m for m in range(j, -1, -1) if tokens[m].start <= mention.span_end - len(mention.text)), None)
        if first is not None and first >= 2 and tokens[first - 1].low == "by" and \
                tokens[first - 2].low.endswith(("ed", "en")) and not tokens[first - 2].quoted:
            return None  # "a plant ... that was gutted by fire on Saturday night has promised": a passive's agent
    if mention is not None and mention.kind == "unnamed" and mention.head in _PAREN_ROLE_HEADS:
        mention = _role_after_acronym(text, tokens, mention) or mention
    if mention is None and not weak:
        mention = _generic_description(text, tokens, j)
    if mention is not None and mention.role:
        mention.role = clean_role(mention.role) or None
    if mention is None:
        return None
    if weak and (mention.kind == "unnamed" or mention.head in DOC_NOUNS):
        return None  # "in a statement released on Sunday": the document is not the one releasing
    if numbered is not None and mention.span_end == tokens[j].end and mention.kind != "pronoun":
        mention.text = text[mention.span_end - len(mention.text):numbered.end]
        mention.name = mention.name + " " + numbered.text
        mention.kind = "organisation"  # ("SEIU Local 1199": no person)
        mention.span_end = numbered.end
        j += 1
    mention.window = (tokens[j].end, _window_end(tokens, i))
    mention.via = "verb"
    return mention


_PURE_SAYING = frozenset("said says told tells added adds stated claimed insisted argued warned announced confirmed "
                         "denied noted explained rejected dismissed disputed countered accused blamed".split())
ACCORDING_AT_END = re.compile(r",\s+according\s+to\s+[^,;]{2,120}[.!?]?[\"'\u201d\u2019]?\s*$", re.IGNORECASE)
_STATES_NOUN_BEFORE = frozenset("member other several many some all both those these neighbouring neighboring island "
                                "coastal affected southern northern eastern western frontline federal two three four "
                                "five six seven eight nine ten twelve fifteen twenty".split())
_DECLINED_TO = frozenset("comment confirm say give disclose discuss elaborate answer deny name specify provide "
                         "reveal identify".split())
_PLATFORMS = frozenset("facebook x twitter telegram instagram whatsapp tiktok youtube linkedin weibo wechat threads".split())


def _surnamed(tokens: list[Token], start: int, stop: int) -> Mention | None:
    """'surnamed Chen': a person known by a surname alone (Taiwanese and Chinese reporting), when the
    word 'surnamed' stands between start and stop."""
    for m in range(start, min(stop, len(tokens) - 1)):
        if tokens[m].low == "surnamed" and not tokens[m].quoted and tokens[m + 1].is_cap and tokens[m + 1].is_word:
            name = tokens[m + 1].text
            return Mention(text=name, name=name, role=None, kind="person", via="verb", head=name.lower(),
                           span_end=tokens[m + 1].end)
    return None


_DESCRIBED_BODY_HEADS = frozenset("regulator operator agency company firm authority body union council utility watchdog "
                                   "carrier developer insurer lender bank group organisation organization association".split())
_NUMBERED_BODIES = frozenset("district local unit station precinct division battalion brigade ward zone branch chapter "
                              "company squadron".split())
_ASKED_BY = frozenset("interviewed contacted quoted cited reached approached surveyed polled questioned asked".split())
_AFTER_INVERTED_NP = frozenset("in on at from during after before while who which when as to".split())


_LEADING_WORDS = frozenset("on in at late early earlier later after before during last this yesterday today "
                           "monday tuesday wednesday thursday friday saturday sunday".split())


def _after_leading_phrase(tokens: list[Token]) -> int:
    """Where the subject starts after an opening 'On Wednesday,' / 'Late on Monday,' (else 0)."""
    if not tokens or tokens[0].low not in _LEADING_WORDS:
        return 0
    for k in range(1, min(len(tokens), 8)):
        if tokens[k].text == ",":
            return k + 1
        if tokens[k].quoted:
            break
    return 0


def _named_after_description(text: str, tokens: list[Token], mention: Mention) -> Mention | None:
    """'..., said the group's director, Gulnara Asanova.': the name after the description."""
    k = next((k for k, t in enumerate(tokens) if t.start >= mention.span_end), None)
    if k is not None and tokens[k].low in ("in", "at", "for"):
        # "said the union's regional secretary in the Eastern Cape, Xolani Mbotshane."
        place = k + 1
        while place < len(tokens) and place - k <= 6 and tokens[place].is_word and not tokens[place].quoted:
            place += 1
        if place < len(tokens) and tokens[place].text == "," and place > k + 1:
            k = place
    if k is None or tokens[k].text != "," or k + 1 >= len(tokens):
        return None
    end = k + 1
    while end < len(tokens) and tokens[end].is_word and not tokens[end].quoted:
        end += 1
    if end < len(tokens) and tokens[end].text not in ".,;":
        return None
    seg = tokens[k + 1:end]
    if not seg or not _looks_like_name(seg):
        return None
    named = _make_mention(text, seg, role_override=mention.text)
    if named is not None:
        named.aliases = [mention.name]
    return named


def _inverted_description(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'..., said his older brother Karma Lama, who ...': the name after a kinship or role; '...,
    said a woman from Chiwaridzo who declined to be named': an unnamed person described."""
    n = len(tokens)
    if k >= n or tokens[k].quoted:
        return None
    if tokens[k].low in ("his", "her", "their"):
        cap = next((m for m in range(k + 1, min(n, k + 5)) if tokens[m].is_cap and tokens[m].is_word), None)
        if cap is None or any(not t.is_word or t.quoted for t in tokens[k + 1:cap]):
            return None
        end = cap
        while end < n and tokens[end].is_cap and tokens[end].is_word and not tokens[end].quoted:
            end += 1
        if end - cap < 2 or (end < n and tokens[end].text not in ".,;"):
            return None
        name = _span_text(text, tokens[cap:end])
        role = _span_text(text, tokens[k + 1:cap]) if cap > k + 1 else None
        return Mention(text=name, name=name, role=role, kind="person", via="verb", head=tokens[end - 1].low,
                       span_end=tokens[end - 1].end)
    if tokens[k].low in ("a", "an", "one"):
        end = k + 1
        while end < n and end - k < 8 and tokens[end].is_word and not tokens[end].quoted and \
                tokens[end].low not in ("who", "whose", "that", "which"):
            end += 1
        if end >= n or end - k < 2 or (tokens[end].low not in ("who", "whose") and tokens[end].text not in ".,;"):
            return None
        if not any(t.low in _PERSON_NOUNS for t in tokens[k + 1:end]):
            return None
        written = _span_text(text, tokens[k:end])
        return Mention(text=written, name=written, role=None, kind="unnamed", via="verb",
                       head=tokens[end - 1].low, span_end=tokens[end - 1].end)
    return None


def _np_ends_clause(tokens: list[Token], mention: Mention) -> bool:
    """'said X.' / 'said X, who ...' / 'said X on Monday' — not 'said it would ...'."""
    for k, t in enumerate(tokens):
        if t.end >= mention.span_end and t.start >= mention.span_end:
            return not t.is_word or t.low in _AFTER_INVERTED_NP
    return True


_PERSON_NOUNS = frozenset("""man woman person boy girl mother father parent resident witness survivor official
source spokesman spokeswoman spokesperson officer soldier doctor nurse teacher worker driver passenger farmer
student neighbour neighbor relative diplomat employee rescuer firefighter paramedic medic villager fisherman fisher
trader vendor commuter shopkeeper miner guard""".split())


_NOT_SPEAKER_HEADS = frozenset("""toll figure figures number numbers data total count rate price prices water
level levels situation crisis decision move deal plan fighting violence storm quake earthquake flood floods fire
news result results outcome vote strike walkout war attack attacks incident""".split())


def _generic_description(text: str, tokens: list[Token], j: int) -> Mention | None:
    """', the prefecture said' — a short definite description ending a sentence's attribution."""
    k = j
    words: list[Token] = []
    while k >= 0 and len(words) < 7 and tokens[k].is_word and not tokens[k].quoted and \
            (not tokens[k].is_cap or tokens[k].low in ("the", "a", "an", "one") or tokens[k].low.endswith(("'s", "\u2019s"))) \
            and tokens[k].low not in CLAUSE_STOPS and tokens[k].low not in PRONOUNS:
        words.insert(0, tokens[k])
        if tokens[k].low in ("the", "a", "an", "one"):
            break
        k -= 1
    if not words or len(words) < 2:
        return None
    if words[0].low != "the" and not (words[0].low in ("a", "an", "one") and words[-1].low in _PERSON_NOUNS):
        return None
    before = tokens[k - 1] if k > 0 else None
    if before is not None and before.text not in ",;:\u201d\"'\u2014" and not before.quoted:
        return None
    if words[-1].low in _NOT_SPEAKER_HEADS or words[-1].low.endswith(("ing", "ly")):
        return None
    written = _span_text(text, words)
    kind = "unnamed" if words[-1].low in _PERSON_NOUNS else "organisation"  # "One woman" can be "she"
    return Mention(text=written, name=written, role=None, kind=kind, via="verb",
                   head=words[-1].low, span_end=words[-1].end)


_PREPOSITIONS = frozenset("on at in during after before outside inside near from to with by late early".split())


_GROUP_PLACE_PREPOSITIONS = frozenset("in at from near of across".split())
_CONNECTORS_OF = frozenset("of in from at near".split())
# "officials familiar with the matter", "a source close to the talks", "diplomats briefed on the plan"
_GROUP_QUALIFIERS = frozenset("familiar close briefed knowledgeable involved aware privy".split())
_QUALIFIER_WORDS = _GROUP_PLACE_PREPOSITIONS | _GROUP_QUALIFIERS | frozenset("with to on about".split())
_PEOPLE = frozenset("people person persons source sources".split())


def _drop_the(words: str) -> str:
    return words[4:] if words[:4].lower() == "the " else words


def _described_person(text: str, tokens: list[Token], k: int) -> Mention | None:
    """'A Chinese businessman whose brother is held told the Post': an indefinite description that
    opens the sentence (or a clause after 'But') right before 'who/whose'."""
    first = 1 if tokens[0].low in ("but", "and") else 0
    words = tokens[first:k]
    # ("A 45-year-old woman from Saitama Prefecture who broke her arm": a place of origin after the noun)
    place = next((n for n, w in enumerate(words) if n > 1 and w.low in ("from", "in", "of")), None)
    if place is not None and place + 1 < len(words) and len(words) - place <= 4 and \
            all(w.is_cap and w.is_word and not w.quoted for w in words[place + 1:]):
        core = words[:place]
    else:
        core = words
    if not words or len(core) > 5 or words[0].low not in ("a", "an", "one") or \
            any(not w.is_word or w.quoted or w.low in CLAUSE_STOPS for w in core[1:]):
        return None
    written = _span_text(text, words)
    return Mention(text=written, name=written, role=None, kind="unnamed", via="verb", head=words[-1].low,
                   span_end=words[-1].end)


def _subject_before_who(text: str, tokens: list[Token], j: int) -> Mention | None:
    """'Residents who spoke to Reuters by phone said': the noun phrase before a relative clause
    with no commas is the subject."""
    if " who" not in text:
        return None
    for k in range(j, max(-1, j - 14), -1):
        t = tokens[k]
        if t.quoted or t.text in ",;:":
            return None
        if t.low not in ("who", "whose"):
            continue
        if k == 0:
            return None
        mention = (_described_person(text, tokens, k) if k > 3 and tokens[0].low in ("a", "an") else None) or \
            _backward_np(text, tokens, k - 1) or _described_person(text, tokens, k)
        if mention is None or mention.kind == "pronoun" or _not_a_speaker(mention):
            return None
        start = mention.span_end - len(mention.text)
        m = next((m for m in range(k) if tokens[m].start >= start), k)
        if m > 0 and tokens[m - 1].text not in ",;:" and tokens[m - 1].low not in ("but", "and", "yet"):
            return None  # the noun phrase must open its clause
        return mention
    return None


def _group_with_place(text: str, tokens: list[Token], j: int) -> Mention | None:
    """'Aid workers in Kisoro district said', 'Officials in the capital said': a group of speakers
    opening the clause, then a short place phrase ending right before the verb. The place is part
    of the group's name (it tells one set of aid workers from another); the bare group is an alias."""
    c = j
    while c >= 0 and tokens[c].text not in ",;:" and not tokens[c].quoted and j - c < 16:
        c -= 1
    if c >= 0 and tokens[c].text not in ",;:":
        return None
    for p in range(c + 2, j):
        if tokens[p].low not in _GROUP_PLACE_PREPOSITIONS and tokens[p].low not in _GROUP_QUALIFIERS:
            continue
        head = _strip_possessive(tokens[p - 1].low)
        if head not in SPEAKER_NOUNS and head not in _PEOPLE:
            return None  # the group's noun stands right before its place or qualifier
        place = _drop_parenthesis(tokens[p + 1:j + 1])  # "Doctors at the ... Hospital (AMCH) in Dibrugarh"
        place = [t for n, t in enumerate(place) if not (t.low == "and" and 0 < n < len(place) - 1 and
                                                       place[n - 1].is_cap and place[n + 1].is_cap)]
        if not place or any(not t.is_word or t.quoted or t.text[0].isdigit() or t.low in SPEECH_VERBS or
                            (t.low in CLAUSE_STOPS and t.low not in _QUALIFIER_WORDS) or
                            t.low in PRONOUNS or t.low.endswith("ly") for t in place):
            return None
        if tokens[p - 1].low in _PEOPLE and tokens[p].low in _GROUP_QUALIFIERS:
            # "Two people familiar with the talks", "A person briefed on the plan"
            group = Mention(text=_span_text(text, tokens[c + 1:p]), name=_span_text(text, tokens[c + 1:p]), role=None,
                            kind="group", via="verb", head=tokens[p - 1].low, span_end=tokens[p - 1].end)
        else:
            group = _backward_np(text, tokens, p - 1)
        if group is None or group.kind not in ("group", "unnamed") or group.span_end != tokens[p - 1].end or \
                _drop_the(text[tokens[c + 1].start:tokens[p - 1].end]) != _drop_the(group.text) or \
                (group.kind == "unnamed" and tokens[p].low == "of"):  # "the head of the agency": a role
            return None
        written = text[tokens[c + 1].start:tokens[j].end]
        name = _drop_the(written)
        return Mention(text=written, name=name, role=None, kind=group.kind, via="verb", head=group.head,
                       modifiers=group.modifiers, span_end=tokens[j].end, aliases=[group.name])
    return None


_OBJECT_VERBS = frozenset("told tells tell informed briefed assured reassured reminded".split())


_WINDOW_STOPS = frozenset("that would will had has have was were is are could should may might must can "
                          "if whether because as".split())


def _window_end(tokens: list[Token], verb_index: int) -> int:
    """Statement dates follow the verb through prepositional phrases: 'said on Saturday', 'told
    reporters in Doboj on Tuesday', 'said at a rally outside the plant Wednesday morning' — but
    not into the reported clause ('said the strike would start on Monday')."""
    end = tokens[verb_index].end
    n = len(tokens)
    k = verb_index + 1
    if tokens[verb_index].low in _OBJECT_VERBS:
        while k < n and k <= verb_index + 4 and tokens[k].is_word and not tokens[k].quoted and \
                tokens[k].low not in _PREPOSITIONS and tokens[k].low not in _WINDOW_STOPS and \
                tokens[k].low not in WEEKDAY_WORDS:
            end = tokens[k].end
            k += 1
    first = True
    while k < n and k <= verb_index + 12:
        t = tokens[k]
        if t.text == "." and k > verb_index + 1 and tokens[k - 1].low in MONTH_WORDS:
            end = t.end  # "on Jan. 9"
            k += 1
            continue
        if t.quoted or not t.is_word or t.low in _WINDOW_STOPS:
            break
        if t.low in WEEKDAY_WORDS and k + 1 < n and tokens[k + 1].low in ("a", "an", "as"):
            break  # "declared Friday a day of mourning": the day is the object, not when it was said
        if first and t.low not in _PREPOSITIONS and t.low not in WEEKDAY_WORDS and \
                t.low not in ("yesterday", "today", "tonight", "earlier", "later", "last", "this"):
            break
        first = False
        end = t.end
        k += 1
    return end


def _coordinated_subject(text: str, tokens: list[Token], and_index: int, verb: Token) -> Mention | None:
    for k in range(and_index - 1, max(-1, and_index - 16), -1):
        t = tokens[k]
        if t.quoted or not t.is_word:
            continue
        if t.low in SPEECH_VERBS or _PAST_VERB.match(t.low) or t.low in _IRREGULAR_PAST:
            if k == 0:
                return None
            s = k - 1
            while s > 0 and tokens[s].low in ("have", "has", "had", "also", "already") and not tokens[s].quoted and \
                    verb.low in ("said", "says", "told", "added", "warned", "insisted", "stressed", "noted"):
                s -= 1  # "Police have opened an investigation ... but said": the subject before the auxiliary
            if tokens[s].text == ",":
                # "Their lawyer, Tigran Yeghoyan, called the charges absurd and said ..."
                mention = _appositive_subject(text, tokens, s)
            else:
                mention = _backward_np(text, tokens, s)
            if mention:
                mention.via = "verb"
                mention.window = (verb.start, _window_end(tokens, tokens.index(verb)))
                return mention
    return None


_PLACE_PREPOSITIONS = frozenset("in at from near during on".split())


def _drop_parenthesis(seg: list[Token]) -> list[Token]:
    if not any(t.text == "(" for t in seg):
        return seg
    out, depth = [], 0
    for t in seg:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out
_POSTMODIFIER_PARTICIPLES = frozenset("based stationed deployed posted working operating serving leading "
                                      "responsible involved".split())
_POSTMODIFIER_PREPOSITIONS = frozenset("in at on from near to for by across along around inside outside "
                                       "over with".split())


_PAREN_ROLE_HEADS = frozenset("spokesperson spokesman spokeswoman official source representative".split())


def _role_after_acronym(text: str, tokens: list[Token], mention: Mention) -> Mention | None:
    """'A Hamad Medical Corporation (HMC) spokesperson told': the body's spokesperson, the acronym
    between them."""
    start = mention.span_end - len(mention.text)
    k = next((m for m, t in enumerate(tokens) if t.start >= start), None)
    if k is None or k < 4 or tokens[k - 1].text != ")" or tokens[k - 3].text != "(":
        return None
    body = _backward_np(text, tokens, k - 4)
    if body is None or body.kind == "pronoun":
        return None
    first = body.span_end - len(body.text)
    lead = text[max(0, first - 3):first].strip().lower()
    written = text[first - 2 if lead == "a" else first:mention.span_end]
    return Mention(text=written, name=written, role=None, kind="unnamed", via=mention.via, window=mention.window,
                   head=mention.head, span_end=mention.span_end, paren=tokens[k - 2].text)


_SUBJECT_PLACE_PREPOSITIONS = frozenset("in at near".split())  # (the place after a subject: "in Kathmandu said")


def _subject_before_place(text: str, tokens: list[Token], mention: Mention) -> Mention | None:
    """'Glaciologist Mira Acharya at the International Centre ... (ICIMOD) in Kathmandu said', 'The
    National Weather Service in Tiyan, Guam said', 'The Central Election Commission (CEC) of Georgia
    said': the subject before the phrases of place, not the place named last."""
    words = [w for w in mention.text.split() if w.lower() != "the"]
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return None  # only a proper name can be a place
    start = mention.span_end - len(mention.text)
    if not text[max(0, start - 6):start].rstrip().endswith((" in", " at", " near", " of", ",")):
        return None  # (cheap: most subjects follow no preposition or comma)
    k = next((m for m, t in enumerate(tokens) if t.start >= start), None)
    found = None
    comma = False
    for _ in range(4):
        if k is None or k < 2:
            break
        if tokens[k - 1].text == "," and k >= 4 and tokens[k - 2].is_cap and tokens[k - 2].is_word and \
                not mention.text.lower().startswith("the ") and found is None:
            comma = True
            # "in Tiyan, Guam": a place and its region
            c = k - 2
            while c > 1 and tokens[c - 1].is_cap and tokens[c - 1].is_word and k - c < 4:
                c -= 1
            if tokens[c - 1].low not in _SUBJECT_PLACE_PREPOSITIONS:
                break
            k = c
        paren_of = tokens[k - 1].low == "of" and tokens[k - 2].text == ")"  # "(CEC) of Georgia"
        if (tokens[k - 1].low not in _SUBJECT_PLACE_PREPOSITIONS and not paren_of) or tokens[k - 1].quoted:
            break
        end = k - 2
        if paren_of:
            end = next((m for m in range(k - 3, max(-1, k - 8), -1) if tokens[m].text == "("), 0) - 1
            if end < 0:
                break
        before = _backward_np(text, tokens, end)
        if before is None and end >= 2 and tokens[end].is_word and not tokens[end].is_cap:
            # "Vegetable wholesalers at the Kalimati market in Kathmandu said": a place named by a common
            # noun ("the Kalimati market") between the subject and the town
            p = next((m for m in range(end - 1, max(0, end - 5), -1)
                      if tokens[m].low in _SUBJECT_PLACE_PREPOSITIONS and not tokens[m].quoted), None)
            if p is not None and all(t.is_word and not t.quoted for t in tokens[p + 1:end + 1]):
                k = p + 1
                continue
        if before is None or before.kind == "pronoun" or _not_a_speaker(before) or not (
                (before.kind == "person" and len(before.name.split()) > 1) or
                _strip_possessive(before.head or "") in SPEAKER_NOUNS or
                (before.kind == "organisation" and before.text[-1:].isupper() is False and
                 any(w[:1].isupper() for w in before.text.split()[1:]))):
            break
        found = before
        start = before.span_end - len(before.text)
        k = next((m for m, t in enumerate(tokens) if t.start >= start), None)
    if comma and found is not None and (k is None or k > 1):
        return None  # ("..., near Kutkai in January, Lin said": a trailing speaker, not a region)
    return found


def _subject_before_postmodifier(text: str, tokens: list[Token], j: int) -> Mention | None:
    """', the regional force deployed in the area said': the subject is the noun phrase before a
    participle that starts a place or task phrase, not the last noun before the verb."""
    c = j
    while c >= 0 and j - c < 10 and tokens[c].text != "," and not tokens[c].quoted:
        if tokens[c].low in SPEECH_VERBS:
            return None
        c -= 1
    if c >= 0 and tokens[c].text != ",":
        return None
    for p in range(c + 2, j):
        t = tokens[p]
        if t.is_cap or not t.is_word:
            continue
        if (t.low in _POSTMODIFIER_PARTICIPLES or (t.low.endswith("ed") and len(t.low) > 4)) and \
                tokens[p + 1].low in _POSTMODIFIER_PREPOSITIONS:
            mention = _backward_np(text, tokens, p - 1)
            if mention is not None and not _not_a_speaker(mention) and (
                    mention.kind == "person" or _strip_possessive(mention.head or "") in SPEAKER_NOUNS):
                return mention
            return None
    return None


_NAMING_WORDS = frozenset("identified named known introduced called".split())


def _named_as(text: str, seg: list[Token]) -> Mention | None:
    """'who asked to be identified only as Yusuf', 'who gave her name as Amina': the name the
    relative clause gives its unnamed subject."""
    for a in range(len(seg) - 2, 0, -1):
        if seg[a].low != "as":
            continue
        name = seg[a + 1:]
        if not any(t.low in _NAMING_WORDS or t.low == "name" for t in seg[:a]) or not _looks_like_name(name):
            return None
        return _make_mention(text, name)
    return None


_DISCOURSE_OPENERS = frozenset("however meanwhile still yet separately instead also earlier later now but and "
                               "moreover furthermore nevertheless nonetheless elsewhere".split())


def _appositive_subject(text: str, tokens: list[Token], comma: int) -> Mention | None:
    """'Serik Shalabayev, head of criminal prosecution, said' and 'the ministry's chief medical
    officer, Dr. Jonas Berg, said'."""
    seg_a_end = comma
    k = comma - 1
    while k >= 0 and tokens[k].text not in ",\u201d\"" and not tokens[k].quoted:
        k -= 1
    seg_a = tokens[k + 1:seg_a_end]
    if not seg_a or k < 0 or tokens[k].text != ",":
        return None
    named = _surnamed(tokens, k + 1, k + 2)
    if named is not None:
        return named  # "Its manager, surnamed Hung (洪), told reporters"
    if [t.low.rstrip(".") for t in seg_a if t.text != "."] in (["ltd"], ["inc"], ["llc"], ["limited"], ["plc"]) and k > 1:
        # "The mine operator, Guizhou Hengtai Mining Co., Ltd., denied": the suffix ends the company's name
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        words = [t for t in tokens[m + 1:k] if t.text != "."]
        if words and all(t.is_cap and t.is_word for t in words) and m >= 0 and tokens[m].text == ",":
            name = text[tokens[m + 1].start:seg_a[-1].end]
            return Mention(text=name, name=name, role=None, kind="organisation", via="verb",
                           head=words[-1].low, span_end=seg_a[-1].end)
    if seg_a[0].low.endswith("ing") and not seg_a[0].is_cap and len(seg_a[0].low) > 5:
        # "A UN diplomat in Kinshasa, speaking on condition of anonymity, said": a participle
        # phrase is no appositive; the subject is the noun phrase the segment before starts with.
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        end = k - 1  # the noun phrase ends before a place or time: "A UN diplomat in Kinshasa"
        for n in range(m + 2, k):
            if tokens[n].low in _PLACE_PREPOSITIONS and not tokens[n].quoted:
                end = n - 1
                break
        mention = _backward_np(text, tokens, end) if end > m else None
        return mention if mention is not None and mention.kind != "pronoun" else None
    if seg_a[0].low == "which" and k > 0:
        # "However, the Mie General Union, which represents about 300 workers, said": the relative
        # clause describes the noun phrase before it, which speaks (when that phrase opens the
        # sentence; "Jennifer Marsh, a spokeswoman for the association, which ..., said" is Marsh's)
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        if m < 0 or (tokens[m].text == "," and m == 1 and tokens[0].low in _DISCOURSE_OPENERS):
            mention = _backward_np(text, tokens, k - 1)
            return mention if mention is not None and mention.kind != "pronoun" else None
    if len(seg_a) <= 3 and _PARTY_TAG.match(_span_text(text, seg_a)):
        seg_a_is_tag = True
    else:
        seg_a_is_tag = False
    lead = 0
    while lead < len(seg_a) and not seg_a[lead].is_cap and seg_a[lead].is_word and _is_role_word(seg_a[lead].low):
        lead += 1
    if 0 < lead <= 2 and len(seg_a) - lead >= 2 and _looks_like_name(seg_a[lead:]):
        # "Counsel for the petitioner, advocate Shreya Rao, told the court": the name after its title
        return _make_mention(text, seg_a[lead:], role_override=_span_text(text, seg_a[:lead]))
    if seg_a[-1].text == ")" and seg_a[0].is_cap and k > 0:
        # "Johor's water regulator, Badan Kawal Selia Air Johor (Bakaj), said": a body named, with its
        # acronym, after what it is
        bare = _drop_parenthesis(seg_a)
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        described = [t for t in tokens[m + 1:k] if t.is_word]
        if bare and bare is not seg_a and _looks_like_name(bare) and described and \
                _strip_possessive(described[-1].low) in _DESCRIBED_BODY_HEADS:
            name = _span_text(text, bare)
            opening = next(i for i, t in enumerate(seg_a) if t.text == "(")
            return Mention(text=_span_text(text, seg_a), name=name, role=None, kind="organisation", via="verb",
                           head=bare[-1].low, paren=_span_text(text, seg_a[opening + 1:-1]) or None,
                           span_end=seg_a[-1].end, aliases=[_span_text(text, tokens[m + 1:k])])
    if _looks_like_name(seg_a) and not seg_a_is_tag:
        role_tokens = []
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        role_tokens = tokens[m + 1:k]
        role = _span_text(text, role_tokens) if role_tokens and _has_role(role_tokens) else None
        return _make_mention(text, seg_a, role_override=role)
    if seg_a[-1].is_cap and k > 0 and not _has_role(seg_a):
        # "..., a spokesperson for the operator, Leipzig-based freight company Mitteldeutsche Güterbahn,
        # told": the body the spokesperson speaks for, named after its description
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        before = tokens[m + 1:k]
        if len(before) >= 3 and before[0].low in ("a", "an", "the") and _has_role(before[:3]) and \
                any(t.low in ("for", "of") for t in before[1:4]):
            body = _make_mention(text, seg_a)
            if body is not None and body.kind == "organisation":
                body.role = None
                return body
    if _has_role(seg_a) or not seg_a[0].is_cap or seg_a_is_tag:
        m = k - 1
        while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
            m -= 1
        seg_b = raw_b = _drop_parenthesis(tokens[m + 1:k])  # "Lt. Col. (res.) Eitan Shalev"
        if len(raw_b) == 1 and raw_b[0].text.isdigit() and m > 0 and tokens[m].text == ",":
            # "Miner Serkan Aydin, 34, one of those brought out alive, told": the age stands between
            k = m
            m -= 1
            while m >= 0 and tokens[m].text not in ",\u201d\"" and not tokens[m].quoted:
                m -= 1
            seg_b = raw_b = _drop_parenthesis(tokens[m + 1:k])
        while seg_b and not _is_name_token(seg_b[0]):
            seg_b = seg_b[1:]
        relative = seg_a[0].low in ("who", "which", "whose", "where")
        role = None if relative or _span_text(text, seg_a).isdigit() else _span_text(text, seg_a)
        if relative and raw_b and raw_b[0].low in ("a", "an", "one") and seg_b and seg_b[0] is not raw_b[0] and \
                (m < 0 or tokens[m].text != ",") and _named_as(text, seg_a) is None:
            # "A resident of nearby Decker Lake, who asked not to be named, said": the unnamed
            # person, not the place named in the description
            written = _span_text(text, raw_b)
            head = next((raw_b[h - 1].low for h in range(1, len(raw_b)) if raw_b[h].low in _CONNECTORS_OF), raw_b[-1].low)
            return Mention(text=written, name=written, role=None, kind="unnamed", via="verb",
                           head=head, span_end=raw_b[-1].end)
        if relative:
            named = _named_as(text, seg_a)
            if named is not None:
                described = _drop_the(_span_text(text, raw_b)) if raw_b else ""
                if described:
                    named.aliases = [described]
                return named
        if not relative and raw_b and raw_b[0].low in ("a", "an") and seg_b is not raw_b and _has_role(raw_b) and \
                m > 0 and tokens[m].text == ",":
            # "Sher Ali Baig, an elected councillor from Bargo, the village closest to the lake, disputed":
            # the place's description follows the person's; the name stands before both
            c = m - 1
            while c >= 0 and tokens[c].text not in ",\u201d\"" and not tokens[c].quoted:
                c -= 1
            seg_c = tokens[c + 1:m]
            while seg_c and seg_c[0].low in _DISCOURSE_OPENERS | {"but", "and"}:
                seg_c = seg_c[1:]
            if seg_c and _looks_like_name(seg_c):
                return _make_mention(text, seg_c, role_override=_span_text(text, raw_b))
        if seg_b and _looks_like_name(seg_b):
            return _make_mention(text, seg_b, role_override=role)
        if relative and raw_b and _has_role(raw_b) and m > 0 and tokens[m].text == ",":
            # "Jennifer Marsh, a spokeswoman for the association, which bargains ..., said"
            c = m - 1
            while c >= 0 and tokens[c].text not in ",\u201d\"" and not tokens[c].quoted:
                c -= 1
            seg_c = tokens[c + 1:m]
            if seg_c and _looks_like_name(seg_c):
                return _make_mention(text, seg_c, role_override=_span_text(text, raw_b))
        mention = _backward_np(text, tokens, k - 1) or _generic_description(text, tokens, k - 1)
        if mention is not None and (m + 1 >= k - 8):
            if role and not mention.role:
                mention.role = role
            return mention
    return None


_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][a-z]*\.?$")
