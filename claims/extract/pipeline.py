"""From raw article text to the extraction dict: sentences, speakers, dates, quantities."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from claims.errors import UserError
from claims.extract.article import DATELINE, MONTHS, is_boilerplate, parse_article, read_article_with_warnings
from claims.extract.coref import Speaker, SpeakerBook
from claims.extract.names import Mention
from claims.extract.events import event_words, names_event, note_events, referenced_events
from claims.extract.lexicon import ROLE_WORDS, SPEECH_VERBS, WEAK_SPEECH_VERBS
from claims.extract.quantities import INCREMENT, find_quantities
from claims.extract.sentences import quote_regions, split_sentences
from claims.extract.speakers import ACCORDING_AT_END, ACT_VERBS, COURT_VERBS, find_attribution
from claims.extract.timebase import TimeRef
from claims.extract.timerefs import FISCAL_OPENS, LAST_WEEK, find_timerefs, find_timerefs_between
from claims.extract.words import word_index
from claims.validate import check_url, parse_user_date

_LOWERCASE = re.compile(r"[^\W\d_A-Z\u00C0-\u00DE]")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
_QUOTE_STRIP = "\"'\u201c\u201d\u2018\u2019 "
_LEADING_DATE = re.compile(r"^(?:On|Late on|Early on|Earlier on|Late|Early|Last|This|Yesterday|Today|"
                           r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           r"Speaking|Writing|Addressing|Testifying|Appearing|Posting|"
                           # "In an interview with Reuters on Monday, the governor said"
                           r"(?:In|At|During)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+)?(?:interview|statement|"
                           r"press\s+conference|news\s+conference|briefing|speech|post|letter|video|message|meeting|notice|circular|"
                           r"session|hearing|rally|visit|address))\b")  # "Speaking to reporters on Tuesday, X said"
NO_DATE_WARNING = "no publication date found; pass --published"
_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")
AMBIGUOUS_DATE_WARNING = "reads as day/month or as month/day"  # claims.extract.article


@dataclass
class Unit:
    """One claim candidate: a sentence of the body."""
    paragraph: int
    start: int
    end: int
    text: str
    regions: list[tuple[int, int]]
    speaker: Speaker | None = None
    said_on: dt.date | None = None
    claim: dict = field(default_factory=dict)
    intro: str | None = None   # the "Figures released by the ministry:" line above a list item


def extract_path(path, *, url: str | None = None, published: dt.date | None = None) -> dict:
    """Read an article file and extract its claims."""
    text, warnings = read_article_with_warnings(path)
    return _extract(text, filename=str(path), url=url, published=published, warnings=warnings)


def extract_text(raw: str, *, filename: str | None = None, url: str | None = None,
                 published: dt.date | None = None) -> dict:
    """Extract source metadata, speakers and claims from an article's raw text."""
    if raw is None or not raw.strip():
        raise UserError("the article is empty: give an article with some text")
    return _extract(raw, filename=filename, url=url, published=published, warnings=[])


def _extract(raw: str, *, filename, url, published, warnings: list[str]) -> dict:
    sha256 = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    # Claims are stored NFC (db.writes); the body and spans must be in the same form, or a
    # decomposed (NFD) article's spans no longer match its stored text.
    raw = unicodedata.normalize("NFC", raw)
    art = parse_article(raw, filename=filename)
    warnings = list(warnings) + art.warnings
    if url is not None:
        art.url = check_url(url, what="--url")
    if art.published is None and published is not None:
        if isinstance(published, str):
            published = parse_user_date(published, what="--published")
        elif isinstance(published, dt.datetime):
            published = published.date()
        art.published = published
        warnings = [w for w in warnings if AMBIGUOUS_DATE_WARNING not in w]  # settled by --published
    if art.published is None and not any(AMBIGUOUS_DATE_WARNING in w for w in warnings):
        named = _FILE_DATE.match(os.path.basename(filename or ""))
        day = None
        if named:
            try:
                day = dt.date(int(named.group(1)), int(named.group(2)), int(named.group(3)))
            except ValueError:
                day = None
        if day is not None:
            # "2023-11-20-outlet-slug.txt": the date the file's name states, said out loud
            art.published = day
            warnings.append(f"no date line in the article: the publication date {day.isoformat()} is taken "
                            f"from the file name; pass --published YYYY-MM-DD to change it")
        else:
            warnings.append(NO_DATE_WARNING)
    pub = art.published
    opens = FISCAL_OPENS.set(fiscal_opens(art.url))
    try:
        return _claims_of(art, pub, raw, sha256, warnings)
    finally:
        FISCAL_OPENS.reset(opens)


# Countries whose financial year runs July to June, by their web domain: Australia, New Zealand,
# Pakistan, Egypt, Bangladesh, Kenya, Uganda, Tanzania
_JULY_DOMAINS = (".au", ".nz", ".pk", ".eg", ".bd", ".ke", ".ug", ".tz",
                 # outlets of those countries on generic domains
                 "thedailystar.net", "dhakatribune.com", "tbsnews.net", "newagebd.net", "dawn.com", "nation.africa")


def fiscal_opens(url: str | None) -> int:
    """The month the financial year opens in where the article was published."""
    host = urlsplit(url or "").hostname or ""
    return 7 if host.endswith(_JULY_DOMAINS) else 4


def _claims_of(art, pub: dt.date | None, raw: str, sha256: str, warnings: list[str]) -> dict:
    units = _split_speakers(_units(art.body, art.paragraphs, art.list_items))
    book = SpeakerBook(art.body)
    previous: Unit | None = None
    story: tuple = (None, None)  # the last single day the article's story named; the last time's start
    events: dict = {}  # the days of the events the article named ("strike": 2026-01-19)
    searched: set = set()  # the events looked for in the sentences ahead
    story_set = -10  # the unit whose day the story named last
    for index, unit in enumerate(units):
        _events_ahead(units, index, pub, events, searched)
        _attribute(unit, previous, book, pub)
        # a bare clock time ("sent at 12:38pm") is on the story's day only while that day is fresh:
        # named in this sentence's paragraph or the two sentences before
        fresh = index - story_set <= 2 or (previous is not None and previous.paragraph == unit.paragraph)
        day_before = story[0]
        story = _annotate(unit, pub, story, events, fresh)
        if story[0] != day_before:
            story_set = index
        previous = unit
    _further_of_another_measure(units)
    claims = []
    for unit in units:
        claim = unit.claim
        claim["speaker"] = unit.speaker.name if unit.speaker else None
        claim["speaker_role"] = unit.speaker.role if unit.speaker else None
        claims.append(claim)
    if art.body and not claims:
        warnings.append("no claims found in the article text")
    used = {id(u.speaker) for u in units if u.speaker}
    return {
        "source": {"url": art.url, "title": art.title, "published": pub.isoformat() if pub else None,
                   "outlet": art.outlet, "language": art.language, "body": art.body, "sha256": sha256},
        "speakers": [s.as_dict() for s in book.speakers if id(s) in used],
        "warnings": warnings,
        "claims": claims,
    }


_APPEAL_HEAD = re.compile(r"(?:A\s+(?:message|note|letter)\s+from\s+(?:the\s+)?[\w .&'\u2019-]{2,40}|Dear\s+readers?|"
                          r"Our\s+(?:readers|supporters))\s*[:,]\s*$", re.IGNORECASE)


def _units(body: str, paragraphs: list[tuple[int, int]], list_items: set[int] = frozenset()) -> list[Unit]:
    units: list[Unit] = []
    intro = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        text = body[p_start:p_end]
        if index in list_items:
            if intro is None and index > 0 and body[paragraphs[index - 1][0]:paragraphs[index - 1][1]].endswith(":"):
                intro = body[paragraphs[index - 1][0]:paragraphs[index - 1][1]]
        else:
            intro = None
        skip_to = 0
        if index <= 3:
            # (a dateline may follow a caption or a standfirst: "TWAIN HARTE, Calif. (AP) — A wildfire ...")
            m = DATELINE.match(text)
            if m and (m.group("outlet0") or (index > 0 and m.group("outlet")) or
                      (index == 0 and sum(c.isupper() for c in m.group("place")) >= 2) or
                      (m.group("place") and m.group("place").split(",")[0].isupper() and len(m.group("place")) >= 4)):
                skip_to = m.end()
            elif not units and (m := _PLACE_DOT.match(text)) is not None:
                skip_to = m.end()  # "Dar es Salaam. The government has launched ...": The Citizen's dateline
        if text[:2] in ("A ", "Ou", "De") and _APPEAL_HEAD.match(text):
            break  # "A Message from The Moscow Times:", "Dear readers,": the outlet's appeal runs to the end
        if index not in list_items and (_looks_like_subheading(text) or _unended_line(text)):
            continue
        if ("|" in text and (_PIPE_CREDIT_END.search(text) or (len(text) < 300 and text.rstrip().endswith("|")))) or (
                len(text) < 350 and " via " in text and _VIA_CREDIT_END.search(text)):
            # a caption with its credit: "Ships docked at the port. ... PHOTO | FILE | NMG", "(X via RFA)", "... |"
            continue
        if len(text) < 400 and ("Photo" in text or "PHOTO" in text or "FOTO" in text or "File |" in text or
                                "Picture" in text) and \
                (credit := _CAPTION_CREDIT_END.search(text)) is not None:
            # a caption closed by its credit is one piece: "Passengers at Norwich station. The operator said it
            # would run a reduced timetable on strike days. Photograph: Martin Pell/PA", "... File | Nation
            # Media Group", "... | Photo Credit: M. Sathyamoorthy", "... —PHOTO COURTESY OF SANTA FE MDRRMO"
            caption = text[skip_to:credit.start()].rstrip(" |")
            if caption and _is_claim_text(caption, list_item=False):
                units.append(Unit(index, p_start + skip_to, p_start + skip_to + len(caption), caption,
                                  quote_regions(caption), intro=intro))
            continue
        regions = quote_regions(text)
        for s, e in split_sentences(text, regions):
            if e <= skip_to:
                continue
            s = max(s, skip_to)
            sentence = text[s:e]
            if "hoto" in sentence or "mage" in sentence or "icture" in sentence or "\u00a9" in sentence or " pic" in sentence or "(Pic" in sentence or "Credit:" in sentence or "(Su" in sentence or \
                    ".com" in sentence or "HOTO" in sentence or ("/" in sentence and ("]" in sentence or " | " in sentence)) or \
                    ". \u2014 " in sentence or ". \u2013 " in sentence or ". - " in sentence or " / " in sentence:
                if _FILE_IMAGE_END.search(sentence):
                    continue  # a caption: "... from Swords to Charlemont (File image)", "..., Rohan Persaud (DPI photo)"
                tail = _CREDIT_TAIL.search(sentence)
                if tail is not None and tail.start() == 0 and sentence.lstrip().startswith("("):
                    continue  # a credit split off its caption: "(Submitted by BC Wildfire Service)"
                if tail is not None and tail.start() > 0:
                    e = s + tail.start()
                    sentence = text[s:e]
            if not _is_claim_text(sentence, list_item=index in list_items):
                continue
            if len(sentence) < 70 and " by " in sentence and _DESK_CREDIT.fullmatch(sentence.strip()):
                continue
            local = [(max(a, s) - s, min(b, e) - s) for a, b in regions if a < e and b > s]
            units.append(Unit(index, p_start + s, p_start + e, sentence, local, intro=intro))
    return units


# ", but the union put the number at ...", "; organisers said ...", ", while the army said ...":
# where a second clause has a speaker of its own.
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:but|while|whereas)|;)\s+(?=\S)")


# verbs that only report words: a clause after one of them keeps its speaker through ", while ..."
_SAYING_VERBS = frozenset("""said says say told tells tell added adds stated states claimed claims insisted insists argued
argue argues estimated estimates reported reports put puts according noted notes maintained maintains confirmed confirms
denied denies deny warned warns announced announces alleged alleges contended contends countered counters""".split())


def _verb_of(text: str, mention) -> str | None:
    """The last word of the verb (or 'according') that made a mention a speaker."""
    if mention.via == "according":
        return "according"
    if mention.via != "verb" or mention.window is None:
        return None
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[mention.window[0]:mention.window[1]])]
    return next((w for w in words if w in _SAYING_VERBS), words[-1] if words else None)


def _same_name(a: str, b: str) -> bool:
    """'The UN' and 'UN' are one speaker."""
    fold = lambda name: re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower()
    return fold(a) == fold(b)


_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", "'", "\u2019", ")")


def _split_speakers(units: list[Unit]) -> list[Unit]:
    """One claim per speaker: 'Police said 14 were arrested, but organisers said more than 60
    were detained' is two claims, each with its own speaker."""
    out: list[Unit] = []
    for unit in units:
        text = unit.text
        if ";" not in text and ", but " not in text and ", while " not in text and ", whereas " not in text or \
                not text.rstrip().endswith(_SENTENCE_ENDS):
            # (a standfirst has no closing stop: "Minister says only 312 ...; MTUC says the real figure is
            # over 1,100" stays one line, as the reader sees it)
            out.append(unit)
            continue
        parts = None
        for m in _CLAUSE_JOIN.finditer(text):
            cut, rest = m.start(), m.end()
            if any(a <= cut < b for a, b in unit.regions) or not _is_claim_text(text[rest:]):
                continue
            first_regions = [(a, min(b, cut)) for a, b in unit.regions if a < cut]
            second_regions = [(a - rest, b - rest) for a, b in unit.regions if a >= rest]
            second = find_attribution(text[rest:], second_regions)
            if second is None or second.kind == "pronoun" or second.via == "quoting":
                continue
            first = find_attribution(text[:cut], first_regions)
            if first is None or _same_name(first.name, second.name):
                continue
            if _verb_of(text[:cut], first) in _SAYING_VERBS and _verb_of(text[rest:], second) not in _SAYING_VERBS:
                continue  # "X said its members had given Rs. 850 million, while 60 firms had pledged rations": still X's word
            if second.via == "according" and _verb_of(text[:cut], first) not in _SAYING_VERBS and \
                    ACCORDING_AT_END.search(text, rest):
                # "Ten countries have notified full transposition, while the remaining three have adopted only
                # part, according to figures published by the Commission": the source of the whole sentence
                continue
            # the second claim keeps its conjunction ("while the union said more than 1,000 took part"),
            # as a reader quotes it; a semicolon stays with the first
            rest2 = rest if text[cut] == ";" else m.start() + m.group().index(m.group().split()[-1])  # (at "while")
            parts = [Unit(unit.paragraph, unit.start, unit.start + cut, text[:cut], first_regions, intro=unit.intro),
                     Unit(unit.paragraph, unit.start + rest2, unit.end, text[rest2:],
                          [(a + rest - rest2, b + rest - rest2) for a, b in second_regions], intro=unit.intro)]
            break
        out.extend(parts or [unit])
    return out


def _unended_line(paragraph: str) -> bool:
    """A short line with no closing mark inside the body: a related headline ("Chad's leader
    sworn in after disputed vote"), a prompt ("Receive essential news every morning") or a
    credit ("Photo from the Navy"). Statements end with a full stop, a question or a quote."""
    return paragraph.rstrip()[-1:] not in _ENDINGS and len(paragraph.split(None, 16)) <= 16 and \
        _SENTENCE_STOP.search(paragraph) is None


_SENTENCE_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+\S")
_ENDINGS = frozenset(".!?\"'\u201d\u2019)]:;\u2026*_")


def _looks_like_subheading(paragraph: str) -> bool:
    """'What happened next?' or 'Troops Arrive in Almaty': a heading inside the body, not a claim."""
    words = paragraph.split(None, 13)  # a long paragraph need not be split whole: 14 parts say "more than 12"
    if len(words) > 12 or any(q in paragraph for q in "\"\u201c\u201d"):
        return False
    if paragraph.endswith("?"):
        return True
    if paragraph[-1:] in ".!:\u201d\"')" or len(words) > 8:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= max(2, len(words) - 2)


_VIA_CREDIT_END = re.compile(r"\([^()]{0,60}\bvia\s+[^()]{1,40}\)\s*$")
# "Translated by Ounkham Phimmasone. Edited by Matt Reed.": the desk's credits, sentence by sentence
_DESK_CREDIT = re.compile(r"(?:translated|edited|produced|compiled)(?:\s+from\s+\w+)?\s+by\s+"
                          r"(?-i:[A-Z][\w'.-]*)(?:\s+(?-i:[A-Z])[\w'.-]*){0,3}\.?\s*", re.IGNORECASE)
_PIPE_CREDIT_END = re.compile(r"\b(?:PHOTOS?|FOTO|IMAGE|PICTURE|FILE)\s*\|\s*[A-Z][A-Za-z .&|-]{0,60}$"
                              r"|\|\s*(?:Credits?|Photo|Image|Picture|Source)\s*:\s*[^|.]{1,60}$"  # "... | Credit: Noticias Argentinas"
                              r"|(?<=[.!?])\s*\|\s*(?-i:[A-Z]{2,12}|Kyodo|Reuters|Xinhua|Bernama|Yonhap|Antara)\s*$")  # "... | KYODO"
_PLACE_DOT = re.compile(r"(?-i:[A-Z][a-z\u00C0-\u024F'-]+(?:\s+(?:es|de|del|da|al|el|la|le|upon|[A-Z][a-z\u00C0-\u024F'-]+)){0,3})"
                        r"\.\s+(?=[A-Z][a-z]*\s)")
_CAPTION_CREDIT_END = re.compile(r"(?<=[.!?])\s+(?:Photograph:\s*[^.!?]{1,60}|(?-i:File|Photo)\s*\|\s*[A-Z][A-Za-z .&-]{0,40}|"
                                 r"\|\s*(?:Photo|Image|Picture)\s+Credits?\s*:\s*[^|]{1,60})$|"
                                 r"(?<=[.!?])\s*[\u2014\u2013]\s?PHOTO\b[^.!?]{0,60}$|"
                                 r"(?<=[.!?])\s+(?-i:ANTARA\s+FOTO|FOTO|PHOTO)/[^/\n]{1,40}(?:/[^/\n]{1,20})*$|"
                                 r"(?<=[.!?])\s+(?:Pictures?|Photos?)\s+(?:supplied|provided)\s+by\s+[^.!?\n]{1,60}$")  # "... (Nov 27, 2026). ANTARA FOTO/Name/rwa."
# "(Photo: Utah Highway Patrol)", "(ABC North Coast: Hannah Ross)", "(Kyodo)", "(ANTARA FOTO/Name/nym)"
# closing a caption,
# and a sign-off address "hwkim@yna.co.kr": no statements.
_CREDIT_SENTENCE = re.compile(
    r"(?:\((?:[^():]{1,60}:[^()]{1,60}|(?:[^\W\d_][\w.'-]*\s*){1,3}|[^()/]{1,60}(?:/[^()/]{1,40}){1,3}"
    r"|(?:[A-Z][\w.&-]*\s+){0,2}(?:[Pp]hoto|[Pp]icture|[Ii]mage)s?\s+(?:courtesy|by|from)\b[^()]{1,60}"  # "(PNA photo by X)"
    r"|[Cc]ourtesy\s+(?:of\s+)?[^()]{1,60})\)"
    # "Photo: X", "Post Photo: X", "File photo: X/HKFP."
    r"|\[[^\[\]]{1,80}\]"  # "[ DIRK SHADD | Times ]"
    r"|(?:\([^()]{1,40}\)\s*){2,3}"  # "(NAN)(www.nannews.ng)"
    r"|\((?:[Ww]ith\s+)?(?:files|reporting|additional reporting|a\s+report|reports)\s+(?:from|by)\s[^()]{1,60}\)"  # "(With files from Reuters)"
    r"|(?:[A-Z][\w'.-]*\s){0,3}(?:[Pp]hotograph|[Pp]hoto|[Pp]icture|[Ii]mage|Illustration|Credit|Source)s?\s*(?:by\b|from\b|courtesy\b|:|/)"
    r"\s*[^.!?]{1,80}"
    # "Name Name/Outlet", "Marcus Tran/Staff photographer"
    r"|(?:[A-Z][\w'\u2019.-]*\s){1,3}[A-Z][\w'\u2019.-]*\s?/\s?(?:The\s)?[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3}"
    r"(?:\s(?:photographer|contributor|correspondent))?"
    # "Nadia Puspitasari (The Jakarta Post)", "Nurul Fitriyani and Yohanes Kurnia (The Jakarta Post)": a byline
    r"|(?:[A-Z][\w'\u2019.-]*\s){1,3}(?:and\s(?:[A-Z][\w'\u2019.-]*\s){1,3})?\((?:The\s)?[A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,3}\)"
    # "Courtesy of Northwest Incident Management Team 10", "Keystone / Ti-Press / Marco Lurati"
    r"|[Cc]ourtesy\s+of\s+[^.!?]{1,80}"
    r"|(?:[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*)?\s/\s){1,3}[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*){0,2}"
    # "TEMPO/Ashar Wahid": the outlet in capitals, then the photographer
    r"|[A-Z]{2,}[A-Z.&-]*\s?/\s?[A-Z][\w'\u2019.-]*(?:\s[A-Z][\w'\u2019.-]*){0,3})\.?")
# A contributor's note closing an article: "Lunga Mzangwa is the Mail & Guardian's Eastern Cape
# correspondent.", "Refilwe Nkadimeng is a Limpopo-based freelance journalist. DM"
_BIO = re.compile(r"(?:[A-Z][\w'\u2019-]+\s){1,3}is\s(?:a|an|the)\s[^.!?]{0,80}\b(?:correspondent|journalist|"
                  r"reporter|writer|editor|photographer|contributor|columnist|photojournalist)\b[^.!?]{0,120}\.(?:\s[A-Z]{2,3})?")
# A photographer's credit closing a caption sentence: "... on Tuesday. — Photo by Imran Ali/White Star"
_CREDIT_TAIL = re.compile(
    r"\s*(?:[\u2014\u2013|-]\s*(?:Photograph|Photo|Picture|Image)s?(?:\s+credit)?\s*(?:by\b|from\b|:)\s*[^.!?]{1,80}"
    r"|\s*\u00a9\s*[\w .&'/-]{1,40}"  # "... in a file photo. \u00a9 AFP"
    r"|\s*\[[^\[\]/]{1,60}/[^\[\]]{1,60}\]"  # "... at Sanaa airport [Mohammed Huwais/AFP via Getty]"
    r"|\s+\|\s+[^|/]{1,60}/[^|]{1,60}"  # "... on Sunday evening. | Nikolay Doychinov/AFP via Getty Images"
    r"|\s+[\u2014\u2013-]\s*(?:[A-Z][\w&.'-]*\s){0,2}[A-Z][\w&.'-]*\s+(?:file\s+)?(?:pic|photo|picture)\.?\s*"  # "— AFP pic"
    r"|\s*\((?:pic|photo|picture|image)s?\b[^()]{0,60}\)\s*"  # "(Pic Prefectura Naval Argentina)"
    r"|\s*\((?:submitted|supplied|provided|contributed)(?:\s+(?:by|photo))?\b[^()]{0,60}\)\s*"  # "(Submitted by X)"
    r"|\s*\((?:[A-Z][\w.&-]*\s+){1,2}(?:pic|photo|picture|image)s?\)\s*"  # "... Rohan Persaud (DPI photo)"
    r"|\s+(?-i:Photo|Picture|Photograph|Image|Credit):\s*[^.!?]{1,60}"  # "... 2023 Photo: Dhaka Tribune", "... Credit: X/PA"
    r"|\s+[\u2014\u2013-]\s*[A-Z][\w-]*\.(?:com|org|net|co\.\w\w|ph|in|ng|ke|pk)\s*"  # "– Rappler.com"
    r"|(?<=[.!?])\s+[\u2014\u2013]\s*(?-i:[A-Z][\w&.'-]*)(?:\s(?-i:[A-Z][\w&.'-]*)){0,2}\s*"  # "... on Tuesday. \u2014 Online"
    r"|(?<=[.!?])\s+-\s+(?-i:[A-Z]{2,6})\s*"  # "... in Lahore. - INP"
    r"|(?<=[.!?])\s+-\s+(?-i:[A-Z][\w'.-]*)(?:\s(?-i:[A-Z][\w'.-]*)){0,2}/(?:Photographer|Staff|File|Contributor)\s*"
    # "... for a third day. - Kavion Blake/Photographer"
    r"|\s*\[(?:PHOTO|PICTURE|IMAGE)\s+CREDIT:[^\[\]]{1,60}\]\s*"  # "... a child [PHOTO CREDIT: UNICEF Nigeria]"
    r"|\s+/\s+(?-i:[A-Z][\w.]*)(?:\s(?-i:[A-Z][\w.]*)){0,2}/(?-i:[A-Z]{2,6})\s*)$", re.IGNORECASE)  # "... in Klaipėda / M. Ambrazas/BNS"


_FILE_IMAGE_END = re.compile(r"\(\s*(?:file|(?-i:[A-Z][\w.&-]*)(?:[ ,][^()]{0,50}?)?)\s+(?:pic|photo|picture|image)s?\s*\)\s*$",
                             re.IGNORECASE)  # ("(Taiwan News, Chen Wei-han photo)")
_NAME_COMMA_OUTLET = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s){1,3}[A-Z][\w'\u2019.-]*,\s(?:The\s)?[A-Z][\w&'\u2019.-]*(?:\s[A-Z][\w&'\u2019.-]*){0,3}")
_FILE_PHOTO = re.compile(r"(?:[A-Z][\w&.'\u2019-]*\s){1,3}(?i:(?:file\s+)?(?:photo|pic|picture|image)s?)\.?")
_PHONE_NUMBER = re.compile(r"\+\d{1,3}[\s(]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _is_claim_text(sentence: str, list_item: bool = False) -> bool:
    words = list(islice(_ALPHA_WORD.finditer(sentence), 3))  # only "fewer than 3?" matters
    if sentence.rstrip().endswith(":"):
        return False
    if sentence[:1] in "([" or "@" in sentence or "/" in sentence or ":" in sentence or \
            sentence.startswith(("Photo", "Picture", "Image", "Credit", "Illustration", "Courtesy")) or sentence.endswith(")") or \
            " photo by " in sentence:
        if _CREDIT_SENTENCE.fullmatch(sentence.strip()):
            return False
        if "@" in sentence and _EMAIL.search(sentence) and (len(sentence.split()) <= 12 or (
                len(sentence.split()) <= 45 and _PHONE_NUMBER.search(sentence))):
            return False  # a contact line: "— Marisa Kendrick; mkendrick@oregonian.com"; press contacts with phones
    if len(words) < 3 and not (list_item and words and any(c.isdigit() for c in sentence)):
        return False
    if sentence.startswith(("Support ", "Follow ")) and is_boilerplate(sentence.strip()):
        return False  # a prompt closing a paragraph of its own: "... Support Ukrainska Pravda or become our patron!"
    if len(sentence) < 40 and _FILE_PHOTO.fullmatch(sentence.strip()):
        return False  # "Tribune file photo"
    if len(sentence) < 60 and "," in sentence and sentence.rstrip()[-1:] not in ".!?\"\u201d" and \
            _NAME_COMMA_OUTLET.fullmatch(sentence.strip()):
        return False  # a photographer's credit under a picture: "Daniel Mears, The Detroit News"
    if " is " in sentence and _BIO.fullmatch(sentence.strip()):
        return False
    return _LOWERCASE.search(sentence) is not None


def _quoted_words(unit: Unit) -> int:
    return sum(len(unit.text[a:b].split()) for a, b in unit.regions)


# 'was described by colleagues as "a gentle giant"', 'dubbed "the iron lady"': a quoted label, not
# words that continue the previous speaker's statement.
_QUOTED_AS_NAME = re.compile(r"\b(?:as|dubbed|called|nicknamed|branded|labell?ed|termed)\s+[\"\u201c\u2018']$",
                             re.IGNORECASE)


_PART_OF_GROUP = frozenset("some many others several most few".split())
# "company president Takeshi Morimoto bowed deeply": a person's full name acting in the past tense
_PERSON_ACTING = re.compile(r"(?<![\w.])(?P<name>(?-i:[A-Z][a-z'\u2019-]+)(?:\s(?-i:[A-Z][a-z'\u2019-]+)){1,2})\s+"
                            r"(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?(?!said\b|says\b|told\b)[a-z]{2,}(?:ed|ew|ook|ave|ent|ose|oke|ood|ame)\b")
_NOT_PERSON_WORDS = frozenset("""Co Company Corporation Ministry Department Police Council Authority Agency Office Service
Group Association Union Commission Committee Court Bank Board Party Army Force Forces Government Province State City
District County Prefecture Region University Hospital Institute Centre Center Network Fund Organisation Organization
Inc Ltd Limited Airlines Airways Railways Times News Post""".split())


def _attribute(unit: Unit, previous: Unit | None, book: SpeakerBook, pub: dt.date | None) -> None:
    mention = find_attribution(unit.text, unit.regions)
    if mention is None and unit.intro:
        mention = find_attribution(unit.intro, quote_regions(unit.intro))
        if mention is not None:
            mention.window = (0, 0)
    if mention is not None and mention.text.lower() in _PART_OF_GROUP:
        # "Taxi drivers said ... Some said they had already raised fares": some of the group named before
        mention = Mention(text="they", name="they", role=None, kind="pronoun", via=mention.via, window=mention.window,
                          head="they", span_end=mention.span_end)
    if mention is not None:
        if mention.kind == "pronoun" and mention.head in ("he", "she") and previous is not None and \
                0 <= unit.paragraph - previous.paragraph <= 1 and previous.speaker is None:
            # 'company president Takeshi Morimoto bowed deeply. "We offer our apologies," he said.':
            # the person the paragraph just named acting
            named = _PERSON_ACTING.search(previous.text)
            if named is not None and named.group("name").split()[-1] not in _NOT_PERSON_WORDS:
                name = named.group("name")
                if name.count(" ") == 2 and name.split()[0].lower() in ROLE_WORDS:
                    name = name.split(" ", 1)[1]  # "District Commissioner Lazaro Mwakalinga has banned ...": the person
                mention = Mention(text=name, name=name, role=None, kind="person", via=mention.via,
                                  window=mention.window, head=name.split()[-1].lower(), span_end=mention.span_end)
        unit.speaker = book.resolve(mention, unit.text)
        if unit.speaker is not None:
            unit.said_on = _said_on(unit, mention.window, pub, subject=mention.text)
        return
    # A quotation with no attribution continues the previous speaker's words.
    if previous is not None and previous.speaker is not None and unit.paragraph - previous.paragraph <= 1:
        if _quoted_words(unit) >= 3 and not _QUOTED_AS_NAME.search(unit.text, 0, unit.regions[0][0] + 1):
            unit.speaker = previous.speaker


def _said_on(unit: Unit, window: tuple[int, int], pub: dt.date | None, subject: str = "") -> dt.date | None:
    """The statement date written next to the attribution ('said on Saturday', 'On Wednesday, X
    praised'), read as the latest such day on or before the article date. A leading date is the
    statement's only when the speaker's clause follows it: in 'On the night of June 3, a drone
    struck ..., the emergency service said' it dates the strike."""
    if pub is None:
        return None
    text = unit.text
    pieces = []
    if window[1] > window[0]:
        pieces.append(window[0])
    if _LEADING_DATE.match(text):
        pieces.append(0)
    for offset in pieces:
        end = window[1] + 1 if offset == window[0] else min(len(text), 90)
        for ref in find_timerefs_between(text, offset, end, pub, tense="past"):
            leading = offset == 0 and text[ref.end:ref.end + 1] == ","
            if offset == 0 and not leading:
                continue
            if ref.phrase.lower().startswith(("by ", "until ", "till ", "before ", "since ")):
                continue  # "power had been restored ... by Monday night, the office said": a time reached, no statement's day
            if leading and not _speaker_clause_follows(text, ref.end + 1, window[0], subject):
                continue
            if offset == window[0] and _INTENT_TO.search(text, window[0], offset + ref.start):
                continue  # "has threatened to walk out on Monday": the day of the walkout, not of the threat
            if ref.earliest and ref.earliest == ref.latest and ref.role != "deadline" and ref.earliest <= pub:
                # (a day after the article's is no day anything was said: "threatened ... from March 5")
                unit.claim["_said_span"] = (offset + ref.start, offset + ref.end)
                if _act_not_speech(text, window) or ref.phrase.lower().startswith(("after ", "following ")):
                    # ("told reporters after Tuesday's hearing": the hearing's day is a date of its own)
                    unit.claim["_said_kept"] = True
                return ref.earliest
    aside = _SPEAKING_ASIDE.search(text, 0, min(len(text), window[1] + 90)) if "speaking" in text or "writing" in text \
        or "addressing" in text or ", in " in text else None
    if aside is not None:
        # "The governor, speaking on Sunday, said ...": the day of the words
        for ref in find_timerefs_between(text, aside.start(), aside.end(), pub, tense="past"):
            if ref.earliest and ref.earliest == ref.latest and ref.role != "deadline" and ref.earliest <= pub:
                unit.claim["_said_span"] = (aside.start() + ref.start, aside.start() + ref.end)
                return ref.earliest
    return None


# a verb of intent and its infinitive: a day after them is the day of the act intended
_INTENT_TO = re.compile(r"\b(?:threaten|vow|plan|promise|pledge|warn|decide|agree|refuse|offer|propose|intend|vote|"
                        r"resolve|undertake)[a-z]*\s+to\s+(?!(?:the|a|an|his|her|their|its|reporters|journalists|"
                        r"parliament|lawmakers|members|staff|workers)\b)[a-z]+", re.IGNORECASE)
_SPEAKING_ASIDE = re.compile(r",\s+(?:speaking|writing|addressing|testifying|appearing|in\s+(?:a|an|his|her|its|their)\s+"
                             r"(?:[\w-]+\s+)?(?:statement|interview|post|letter|video|speech|briefing|message|tweet|"
                             r"press\s+release)|in\s+(?:(?:his|her|its|their|brief|televised|separate)\s+)?"
                             r"(?:remarks|comments))\b[^,;.]{0,80},")  # ("The mayor, in remarks on Tuesday evening, said")
_WORD = re.compile(r"[^\W\d_]+")
_COURT_ASKS = frozenset("asked asks told tells requested urged instructed".split())
_COURT_BEFORE = re.compile(r"\b(?:court|bench|judge|justice|tribunal|magistrate)\b[^,;]*$", re.IGNORECASE)
_STRANDED_AFTER = re.compile(r"\s+(?:to|with)\s+(?:on|late on|early on|last|this|yesterday|today)\b", re.IGNORECASE)


def _act_not_speech(text: str, window: tuple[int, int]) -> bool:
    """Does the verb of the attribution window report an act rather than words? 'On Thursday, the
    board appointed ... and gave it until 31 October', 'The department on Tuesday also gave Kwena
    seven days' (a weak speech verb used for an act), 'the households the paper spoke to on
    Thursday' (the one spoken to stands before the verb): the day then dates an event too."""
    for word in _WORD.finditer(text, window[0], window[1] + 1):
        low = word.group().lower()
        if low in COURT_VERBS or low in ACT_VERBS:
            return True  # "A federal judge on Thursday ordered ...": the order is an event too
        if low in _COURT_ASKS and _COURT_BEFORE.search(text, max(0, word.start() - 50), word.start()):
            return True  # "On Tuesday, the High Court had asked the state to file an affidavit": an order
        if low in SPEECH_VERBS:
            return low in WEAK_SPEECH_VERBS or _STRANDED_AFTER.match(text, word.end()) is not None or \
                (low in _RULING_VERBS and _LEGAL_OBJECT.match(text, word.end()) is not None)
    return False


# 'the judge rejected the union's request for an injunction': a ruling on a motion is an act
_RULING_VERBS = frozenset("rejected rejects dismissed dismisses".split())
_LEGAL_OBJECT = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,3}?(?:request|application|petition|appeal|bid|motion|"
                           r"injunction|case|plea|lawsuit|suit|challenge)s?\b", re.IGNORECASE)


def _speaker_clause_follows(text: str, after_comma: int, verb: int, subject: str) -> bool:
    if subject and text[after_comma:].lstrip().lower().startswith(subject.lower()):
        return True
    return verb > after_comma and text.find(",", after_comma, verb) < 0


# Between a count and the day it is dated: nothing, or its counted noun ("655 cases on Monday").
_COUNT_DAY_GAP = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}")


_COORDINATED_COUNTS = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}and\s+(?:[^\W\d_]+\s+){0,2}")


def _quantity_as_of(text: str, q, refs, as_of: str | None) -> str | None:
    """A count dated by the phrase right after it ('rose to 61 on Thursday', 'up from 38 a day
    earlier', 'up from 655 on Monday') is as of that day; others are as of the statement."""
    for ref in refs:
        if ref.start < q.end or ref.start - q.end > 30:
            continue
        if ref.role == "when" and ref.earliest is not None and ref.earliest == ref.latest and \
                _COUNT_DAY_GAP.fullmatch(text, q.end, ref.start):
            return ref.latest.isoformat()
        break
    return as_of


_MONTH_WORDS = frozenset(MONTHS)
_EVENT_REF_CUES = frozenset("since within night day eve before after".split())


def _events_ahead(units: list[Unit], index: int, pub: dt.date | None, events: dict, searched: set) -> None:
    """An event this unit counts from that no sentence before it dated ("declined to concede on
    election night", the article dating "the Nov. 4 election" paragraphs later): its day from the
    first later sentence that names it beside a written date."""
    text = units[index].text
    if pub is None:
        return
    words = word_index(text)[1]
    if _EVENT_REF_CUES.isdisjoint(words) or not names_event(words, text):
        return  # every reference to an event holds one of these words ("since the strike", "on polling day")
    missing = referenced_events(text) - events.keys() - searched
    searched |= missing  # each event is looked for ahead once
    wanted = event_words(missing)
    for later in units[index + 1:] if missing else ():
        other = later.text
        other_words = word_index(other)[1]
        if not any(c.isdigit() for c in other) or wanted.isdisjoint(other_words) or _MONTH_WORDS.isdisjoint(other_words):
            continue  # (a written date names its month: "the Nov. 4 election", "on 19 January")
        refs = [r for r in find_timerefs(other, pub) if r.role == "when" and r.earliest is not None and
                r.earliest == r.latest and any(c.isdigit() for c in r.phrase)]  # (not "the first strike since 2014")
        found: dict = {}
        note_events(other, refs, found)
        for key in missing & found.keys():
            events[key] = found[key]
        missing -= found.keys()
        if not missing:
            return


def _further_of_another_measure(units: list[Unit]) -> None:
    """'Two workers were killed and three are missing ... A further 17 people were injured': a
    'further' count whose measure the article has not counted before, after counts of other
    measures, adds to those, not to its own: it is a total."""
    seen: set[str] = set()
    for unit in units:
        for q in unit.claim.get("quantities", ()):
            measure = q.get("measure")
            if q.get("bound") == INCREMENT and measure and measure not in seen and seen:
                q["bound"] = None
            if measure:
                seen.add(measure)


def _annotate(unit: Unit, pub: dt.date | None, story: tuple = (None, None), events: dict | None = None,
              fresh: bool = True) -> tuple:
    """Fill the unit's claim: its dates and quantities read against the article day, the day of the
    statement and (for 'the same night', 'since then') the day the story named last; returns
    (day, start): the single day and the start of the time the story names last after this unit."""
    story_day, story_start = story
    said_span = unit.claim.pop("_said_span", None)
    anchor = unit.said_on or pub
    read_from = anchor
    if unit.claim.pop("_said_kept", False):
        said_span = None  # the day of an act, not only of words: it stays among the dates
        # ... and is read from the article's day, as written ("Kalinga yesterday gave them 24
        # hours": yesterday is the day before the article, not before yesterday)
        read_from = pub
    refs = [r for r in find_timerefs(unit.text, pub, anchor=read_from, context=story_day, since=story_start,
                                     events=events, said=said_span, clock_context=fresh)
            if not (said_span and r.start < said_span[1] and r.end > said_span[0])]
    if events is not None and (refs or said_span):
        noted = refs
        if said_span and unit.said_on is not None:
            # "The board announced on January 5 that ...": the day of the words dates the announcement
            noted = sorted(refs + [TimeRef(unit.text[said_span[0]:said_span[1]], "when", unit.said_on, unit.said_on,
                                           said_span[0], said_span[1])], key=lambda r: r.start)
        note_events(unit.text, noted, events)
    for ref in refs:
        if events is not None and ref.role == "when" and ref.earliest is not None and ref.latest is not None and \
                (ref.latest - ref.earliest).days == 6:
            events[LAST_WEEK] = (ref.earliest, ref.latest)  # the week a later "the previous week" counts back from
        if ref.role == "when" and ref.earliest is not None and ref.earliest == ref.latest:
            story_day = ref.earliest
        if ref.role in ("when", "since") and ref.earliest is not None:
            story_start = ref.earliest
    skip = [(r.start, r.end) for r in refs]
    if said_span:
        skip.append(said_span)
    as_of = anchor.isoformat() if anchor else None
    for ref in refs:
        if ref.phrase.lower().startswith("as of") and ref.latest:
            as_of = ref.latest.isoformat()  # "the toll stood at 225 as of Saturday"
    found = find_quantities(unit.text, skip)
    own = [_quantity_as_of(unit.text, q, refs, None) for q in found]  # the day written after each count
    for k in range(len(found) - 2, -1, -1):
        # "had reported 29 deaths and around 50 missing on Wednesday": the day dates both counts
        if own[k] is None and own[k + 1] is not None and \
                _COORDINATED_COUNTS.fullmatch(unit.text, found[k].end, found[k + 1].start):
            own[k] = own[k + 1]
    quantities = [q.as_dict(d or as_of) for q, d in zip(found, own)]
    dates = [r.as_dict() for r in refs]
    if any(r.role == "deadline" for r in refs):
        kind = "deadline"
    elif quantities:
        kind = "quantity"
    elif unit.speaker is None and refs:
        kind = "event"
    else:
        kind = "statement"
    quotes = [unit.text[a:b].strip(_QUOTE_STRIP) for a, b in unit.regions]
    quotes = [q for q in quotes if len(q.split()) >= 2]
    unit.claim.update({
        "text": unit.text,
        "quote": " \u2026 ".join(quotes) if quotes else None,
        "speaker": None,
        "speaker_role": None,
        "said_on": unit.said_on.isoformat() if unit.said_on else None,
        "said_on_precision": "day" if unit.said_on else None,
        "kind": kind,
        "span": [unit.start, unit.end],
        "quantities": quantities,
        "dates": dates,
    })
    return story_day, story_start
