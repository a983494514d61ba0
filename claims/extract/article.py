"""Reading article files and splitting them into metadata and body paragraphs.

Three input shapes: the corpus plain-text layout (headline, date line, paragraphs, photo
caption with a bold credit, an ``Original url:`` block), Markdown (optional front matter,
``# Title``) and saved HTML pages (main text and metadata through trafilatura).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claims.errors import UserError
from claims.validate import check_url, clean_text

MAX_BYTES = 20 * 1024 * 1024

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_WEEKDAY_PREFIX = r"(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\.?,?\s+)?"
# A clock time with its optional am/pm and zone, as date lines print it before or after the date:
# "5:47 p.m. ET", "4:12 PM EST", "14:32", "09.15 GMT".
_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?(?![\w.])|Z(?!\w)|[+-]\d{2}:?\d{2})?"
_DATE_LINE = re.compile(
    r"^\s*(?:(?:(?:first\s+)?published|updated|posted|issued|modified|date|dated|last\s+(?:updated|modified))"
    r"(?:\s+on)?\s*:?\s*)?"
    r"(?:" + _CLOCK + r"\s*[,|\u00b7\u2022\u2013\u2014-]?\s*(?:on\s+)?)?" + _WEEKDAY_PREFIX +
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + MONTH_RE + r")\.?,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>" + MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    r"|(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4})"
    r"|(?P<a5>\d{1,2})/(?P<b5>\d{1,2})/(?P<y5>\d{4}))"
    r"(?:\s*(?:,|\||-|\u2013|\u2014|T|at|\s)\s*" + _CLOCK + r")?"
    r"(?:\s*[,\u00b7|\u2022\u2013\u2014-]?\s*by\s+(?-i:[A-Z\u00C0-\u024F])[^\n]{0,70})?\s*$",  # "Posted 3 April 2026 by X"
    re.IGNORECASE)

# A time stamp line in the article's head: "KYODO NEWS - Jul 9, 2024 - 19:24 | Japan, All",
# "Posted Thu 12 Feb 2026 at 4:37pm, updated Thu 12 Feb 2026 at 6:05pm".
_STAMP_HINT = re.compile(r"\||\d{1,2}[:.]\d{2}|\d{1,2}\s?[ap]\.?m\b|^(?:first\s+)?(?:published|updated|posted|"
                         r"last\s+updated)\b", re.IGNORECASE)
_DATE_INSIDE = re.compile(r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + MONTH_RE + r")\.?,?\s+(?P<y1>\d{4})"
                          r"|(?P<m2>" + MONTH_RE + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})",
                          re.IGNORECASE)


_SLASHED_STAMP = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_DOTTED_STAMP = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


# A sentence inside (a plain word of five letters or more, then a full stop): a caption, not a stamp
_INNER_STOP = re.compile(r"\b(?!(?:published|updated|posted|modified|issued)\b)[a-z]{5,}\b[^.!?]*[.!?]\s")


def _stamp_date(text: str) -> dt.date | None:
    """The date of a short time-stamp line (no sentence: no final full stop, at most 20 words)."""
    if len(text) > 160 or text.endswith(".") or len(text.split()) > 20 or not _STAMP_HINT.search(text) or \
            _INNER_STOP.search(text):
        return None
    m = _DATE_INSIDE.search(text)
    if m is None and (dotted := _DOTTED_STAMP.search(text)) is not None:
        day, month, year = (int(x) for x in dotted.groups())  # "7.3.2024 14:05": day.month.year
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if m is None:
        slashed = _SLASHED_STAMP.search(text)
        if slashed is None:
            return None
        a, b, year = (int(x) for x in slashed.groups())
        if a <= 12 and b <= 12:
            return dt.date.min  # a stamp line, but its date reads both ways: skip it, date nothing
        try:
            return dt.date(year, b, a) if a > 12 else dt.date(year, a, b)
        except ValueError:
            return None
    try:
        if m.group("y1"):
            return dt.date(int(m.group("y1")), MONTHS[m.group("m1").lower()], int(m.group("d1")))
        return dt.date(int(m.group("y2")), MONTHS[m.group("m2").lower()], int(m.group("d2")))
    except (ValueError, KeyError):
        return None


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]*)`")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Only these and a double space make _SPACES.sub change a text (single plain spaces are replaced
# by themselves); the double space is tested apart, since a plain class scans faster.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINKS_HEADING = re.compile(r"^(?:read more|more reading|related(?: stories| articles| coverage| news| content| reading| links| posts)?|also read|read also|see also|"
                            r"more on this(?: story)?|more stories|you may also like|recommended)\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*+\u2022\u2013]|\d{1,2}[.)])\s+")
_BOLD_TAIL = re.compile(r"\*\*([^*\n]{2,120})\*\*\s*$")

_URL_LABEL = re.compile(r"^(?:original\s+url|source\s+url|canonical\s+url|url|source|link|read\s+more\s+at)\s*:\s*(\S*|[A-Z][\w .&'-]{1,40})\s*$",
                        re.IGNORECASE)
_URL_ONLY = re.compile(r"^<?(\S+://\S+?)>?$")
_BYLINE = re.compile(
    r"^(?:[-\u2013\u2014]\s*)?\(?\s*(?:by\s+[A-Z\u00C0-\u024F]|(?:additional\s+)?(?:reporting|writing|editing|compiled|reported|written)\s+by\b"
    r"|additional\s+reporting\s*:"
    r"|report\s+by\b|photos?\s*(?:by|:)|photograph(?:s|er)?\s*(?:by|:)|image\s*(?:by|:)|credit\s*:|source\s*:|(?:copyright|\u00a9))",
    re.IGNORECASE)
_BOILERPLATE_HEAD = (
    r"^(?:(?:embed|advertisement|read more|related|related stories|share this( article)?|"
    r"watch|listen|video|photo|gallery|image caption|media caption|comments?|most read|recommended)\s*:?\s*$"
    r"|(?:read more|related|see also|also read|read also|more|watch|listen|video|photo|image|gallery|"
    r"subscribe|sign up|follow us|click here|share|advertisement|image caption|media caption)\s*:.*$"
    r"|-*\s*with assistance from\b.*$|to contact the (?:reporters?|editors?|writers?)\b.*$"
    r"|[a-z]{2,4}(?:/[a-z]{2,4})+(?:\s*\([^)]{0,60}\))?\s*$"  # a sign-off: "tj/sms (AFP, dpa, Reuters)"
    r"|.{0,80}\bcontributed (?:reporting )?to this (?:report|story|article)\.?\s*$"
    r"|this (?:report|story|article) (?:is|was|has been) auto-generated\b.*$"
    r"|\(?\s*this (?:report|story|article) has not been edited\b.*$"  # a syndicated feed's note
    r"|feedback\s*:\s*use this form\b.*$|if you want to post a public comment\b.*$"  # Mongabay's form notes
    r"|support\b.{0,60}\bjournalism\b.*$|\(?end\)?\s*$"
    r"|join\b.{0,40}\b(?:channel|newsletter|community|whatsapp|telegram)\b.*$|read(?: more| also)?\s*[:|].*$"
    r"|(?:please\s+)?(?:log|sign)\s*in\b.{0,40}\bcomment\b.*$|read more from\b.{0,40}:.*$|related articles\b.*$"
    r"|(?:published|updated)\b.{0,40}\|\s*(?:published|updated)\b.*$"
    r"|follow\b.{0,60}\bon\s(?:bbc sounds|facebook|x|twitter|instagram|tiktok|youtube|whatsapp|telegram|threads|google news)\b.*$"
    r"|for more (?:updates|news|stories|coverage)\b.{0,20}\bfollow\b.*$"
    r"|we cannot do (?:what we do|this|it) without your support\b.*$"
    r"|(?:[-\u2022*]\s*)?spokes(?:people|persons?|men|women) (?:are|is) available\b.*$|media (?:contacts?|enquiries|inquiries)\b.*$"
    r"|follow the latest\b.{0,80}\b(?:coverage|updates|news)\b.*$|support\b.{0,40}\bor become (?:our|a) (?:patron|member|supporter)\b.*$"
    r"|this is a developing story\b.*$|check back (?:later |soon )?for (?:updates|more)\b.*$|this (?:story|article) may be updated\b.*$"
    r"|this (?:news )?(?:story|article) has been written and (?:carefully )?fact-checked\b.*$"
    r"|would you like to comment\b.*$|register\b.{0,30}\bor sign in\b.*$"
    r"|please enter your (?:comment|name|email)\b.*$|sharing is caring\b.*$"  # comment forms, share bars
    # comment policies: "Comments will be moderated.", "Final decision will be at the discretion of ..."
    r"|comments will be moderated\b.*$|keep comments relevant\b.*$|final decision will be at the discretion of\b.*$"
    r"|remarks containing abusive\b.*$"
    r"|reader comments\s*:.*$|metars?\s*:.*$|aircraft registration data\b.*$"  # an aviation site's appendices
    # a reporter's note to members, print-edition notes, "Stay tuned"
    r"|hi,\s+(?:this\s+is|i['\u2019]m)\b.*$|i wrote this (?:story|article|piece)\b.*$"
    r"|if you value\b.{0,80}\b(?:support|member|donat|subscri)\w*\b.*$"
    r"|a version of this (?:article|story) (?:appeared|was published)\b.*$|stay tuned\b.*$"
    r"|\([^()]{0,60}\bvia\s+[^()]{1,40}\)\s*$"  # "(Citizen journalist via RFA)"
    # a wire's update note and a reader's photo credit: "(Adds bond prices in 12th paragraph.)", "(Submitted by X)"
    r"|\((?:adds|updates|recasts|corrects|changes|rewrites|fixes|removes|refiles|restores)\b[^()]{0,80}\)\s*$"
    r"|\((?:submitted|supplied|provided|contributed)(?:\s+(?:by|photo))?\b[^()]{0,60}\)\s*$"
    # an agency's subscription notice: "Anadolu Agency website contains only a portion of the news stories ..."
    r"|.{0,60}\bwebsite contains only a portion of\b.*$|please contact us for subscription\b.*$"
    # The Conversation's disclosure: "X has received research funding from Y. He is a member of Z."
    r"|(?:[A-Z][\w'\u2019.-]*\s){1,4}(?:has received|receives|received|has been awarded)\s(?:research\s)?funding\sfrom\b.*$"
    r"|(?:[A-Z][\w'\u2019.-]*\s){1,5}provides funding as a (?:founding\s)?(?:member|partner) of The Conversation\b.*$"
    # "(Taiwan News, Chen Wei-han photo)", "(Japanese original by Kenji Ota, Nagano Bureau)"
    r"|\([^()]{0,80}\b(?:photo|photos|image|file photo)\)\s*$|\(\s*(?:[A-Z][a-z]+\s+)?original\s+by\b.*$"
    # a donation drive: "Thank you for donating to DutchNews.nl.", "... would like to thank all the
    # generous readers who have made donations", "Your financial support has helped us ..."
    r"|thank you for (?:donating|your donation|supporting)\b.*$|.{0,60}\bwould like to thank\b.{0,80}\bdonations?\b.*$"
    r"|your (?:financial )?support (?:has )?help(?:s|ed)? us\b.*$"
    r"|get (?:the latest|our)\b.{0,80}\b(?:inbox|whatsapp|telegram|mobile phone)\b.*$"
    r"|stay (?:updated|informed|connected|up to date)\b.{0,80}\b(?:whatsapp|telegram|channel|newsletters?|app)\b.*$"
    r"|(?:some )?(?:information|material) for this (?:report|story|article) (?:came|comes|was provided) from\b.*$"
    r"|interested in\b[^.?]{0,40}\?.*$|get (?:automatic |email )?alerts for\b.*$"  # Insurance Journal's topic prompts
    r"|[\u2013\u2014-]?\s*[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|za|ng|ke|in|ph|pk|lk|gh)\s*$"  # a sign-off: "\u2013 SAnews.gov.za"
    r"|[\w ]{1,30}\|\s*(?:published|updated)\b.{0,30}$"  # "Press release | Published 26. Sep 2025"
    # "This report by The Canadian Press was first published Nov. 17, 2025.", a donor disclosure
    r"|this (?:report|story|article) by\b.{1,60}\bwas (?:first )?published\b.*$|disclosure\s*:.*$"
    r"|financial supporters play no role\b.*$|find a (?:complete |full )?list of (?:them|our [\w ]{1,30}) here\b.*$"
    r"|(?:correction|clarification|update|editor['\u2019]?s note)\s*:.{0,60}\b(?:an earlier|a previous|this) (?:version|story|article)\b.*$"
    r"|\d{1,2}\s*min(?:ute)?s?\s+read(?:ing time)?\s*$|report an (?:editorial )?error\s*$"
    r"|(?:time to read|reading time)\s*:?\s*\d{1,2}\s*min(?:ute)?s?\.?\s*$|like what you['\u2019]ve (?:just )?read\s*\??\s*$"
    r"|(?:this (?:story|article) (?:first )?(?:was )?)?(?:published|appeared) in (?:the )?(?-i:[A-Z])[\w&' -]{1,40},?\s"
    r"(?:on\s)?(?-i:[A-Z])[a-z]+\.?\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}\.?\s*$"
    r"|(?:subscribe|sign up|follow us|click here|join our|our standards|all quotes delayed|this (?:story|article) "
    r"(?:has been|was)|tags|topics|keywords|categories|file photo|copyright|\(c\)|\u00a9)\b.*$")
_BOILERPLATE = re.compile(_BOILERPLATE_HEAD + r"|.*\ball rights reserved\b.*$)", re.IGNORECASE)
# The ".*all rights reserved" branch tries every position of every paragraph; the other branches
# are anchored and cheap. Only E/e, R/r and V/v match "erve" case-insensitively, so a paragraph
# whose lower() lacks "erve" cannot match that branch.
_BOILERPLATE_ANCHORED = re.compile(_BOILERPLATE_HEAD + ")", re.IGNORECASE)


_BY_TIME = re.compile(r"by\s+(?:the\s+(?:time|end|close|start|beginning|middle)|then|now|late|early|mid|noon|midnight|dawn|nightfall|"
                      r"yesterday|today|tonight|midday|lunchtime|this|last|(?:the\s+)?(?:morning|afternoon|evening)|"
                      r"christmas|easter|new\s+year|(?:" +
                      "|".join(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]) +
                      r")\b|" + MONTH_RE + r"\b)", re.IGNORECASE)


def _is_byline(text: str) -> bool:
    """'By Alejandra Ruiz, Staff writer', not 'By Wednesday afternoon, firefighters were still ...'."""
    return _BYLINE.match(text) is not None and _BY_TIME.match(text) is None


_PAYWALL_PROMPT = re.compile(
    # a prompt to subscribe, not "will raise subscription fees by up to 20 percent this month"
    r"\bsubscribe\s+(?:now|today|here)\b|\bsubscribe\s*[!.]?\s*$|\bsubscribe\s+to\s+(?:our|the)\s+(?:[\w-]+\s+)?(?:newsletter|"
    r"e-?paper|edition|channel|podcast)|\bsubscri(?:be|ption|bers?)\b.{0,60}\b(?:unlimited|digital access|only \$|free trial|"
    r"journalism|exclusive|premium)\b|\byour source for\b.{0,40}\bjournalism\b|\baward-winning\b.{0,40}\bjournalism\b"
    r"|\binvest in journalism\b|\btry\b.{0,40}\bfree for\b.{0,20}\bmonth\b|\bfor only\b.{0,20}\ba month\b"
    r"|^get (?:current|latest|the latest) (?:updates|news)\b", re.IGNORECASE)
_SITE_PROMPT = re.compile(r"\bcan leave comments\b|\bguidelines on commenting\b|\bvia this link\b|\blisten to the episode\b"
                          r"|\blink to\b.{0,60}\bis (?:required|obligatory|mandatory)\b"
                          r"|\bpodcast asked (?:listeners|readers)\b", re.IGNORECASE)
_SERVICE_NOTE = re.compile(r"^(?:[-\u2013\u2014]\s*)?\(?with\s+(?:inputs|a\s+report|reports|reporting|additional\s+reporting)\s+"
                           r"from\b[^()]{0,60}\)?$"
                           # "Updated - October 09, 2026 at 09:12 PM."
                           r"|^updated\s*[-\u2013:]\s*" + MONTH_RE + r"\s+\d{1,2},\s+\d{4}\b"
                           # "In a time of both misinformation and too much information, quality journalism is more
                           # crucial than ever.", "By subscribing, you can help us get the story right."
                           r"|\bquality\s+journalism\s+is\s+more\s+crucial\b|^by\s+subscribing,\s+you\s+can\s+help\b"
                           r"|^in\s+(?:an|case\s+of\s+an?)\s+emergency,\s+(?:call|dial|phone)\b"
                           r"|^check\s+(?:the\s+)?[\w .]{2,40}\b(?:website|app)\b.{0,60}\bfor\s+the\s+latest\b", re.IGNORECASE)
_OUTLET_NOTE = re.compile(r"^advertise\s+(?:with|on)\b|\bdigital\s+marketing\s+packages?\b"
                          r"|\bwill\s+(?:update|be\s+updating)\s+this\s+(?:story|article|report)\b"
                          r"|^this\s+(?:story|article|report)\s+(?:will\s+be|has\s+been|is\s+being)\s+updated\b"
                          # "(Latest Update November 5, 2026)"
                          r"|^\(\s*(?:latest\s+)?updated?\b[^()]{0,40}\)$"
                          # "A version of this story appears in the print on October 16, 2026 of The Kathmandu Post."
                          r"|^a\s+version\s+of\s+this\s+(?:story|article)\s+(?:appears|appeared)\b"
                          # "Civil Beat's coverage of Hawai\u02bbi island is supported in part by a grant from ..."
                          r"|\b(?:coverage|reporting|journalism)\b.{0,60}\bis\s+supported\s+(?:in\s+part\s+)?by\s+(?:a\s+)?"
                          r"(?:grants?|funding|donations?)\b", re.IGNORECASE)
_NEWSLETTER_PROMPT = re.compile(r"\bsign(?:ing)?\s+up\s+for\s+(?:our|the)\b.{0,60}\bnewsletters?\b"
                                r"|\bsubscribe\s+to\s+(?:our|the)\s+(?:[\w-]+\s+)?newsletters?\b"
                                r"|\bnewsletters?\s+(?:in|to|straight\s+to)\s+your\s+inbox\b"
                                r"|\bdownload\s+(?:our|the)\s+(?:free\s+)?(?:[\w-]+\s+){0,2}app\b"
                                r"|\bnewsletters?\b.{0,40}\bclick here\b|\b(?:sign up|subscri\w+)\b.{0,60}\bclick here\b"
                                # "For more news about Typhoon Rosal, click here."
                                r"|^for\s+more\s+(?:news|stories|updates|coverage|information)\b.{0,80}\bclick\s+here\b"
                                # "Click here to join the IOL News WhatsApp channel.", "Get your news on the go."
                                r"|^click\s+here\s+to\s+(?:join|follow|subscribe|download|read|listen|watch|get)\b"
                                r"|^get\s+(?:your|the\s+latest)\s+news\s+on\s+the\s+go\b"
                                r"|\bfollow us on\b.{0,40}\b(?:facebook|instagram|whatsapp|x|twitter|telegram|tiktok|youtube)\b"
                                # "For the latest news, follow The Phnom Penh Post on Facebook and Telegram."
                                r"|\bfollow\s+(?:the\s+)?[A-Z][\w.&' -]{1,40}\s+on\s+(?:facebook|instagram|whatsapp|x|twitter|"
                                r"telegram|tiktok|youtube)\b",
                                re.IGNORECASE)
_MACHINE_TRANSLATION = re.compile(r"\bautomatic(?:ally)?\s+translat|\btranslation\s+tools?\b", re.IGNORECASE)
# "About UNICEF": what follows is the organisation's own boilerplate (notes to editors are kept: they
# hold statements, "The full assessment will be published on 6 October")
_ABOUT_HEADING = re.compile(r"^about\s+(?:the\s+)?(?-i:[A-Z])[\w&.'\u2019-]*(?:\s+[\w&.'\u2019-]+){0,5}\s*:?\s*$", re.IGNORECASE)
_CONTRIBUTED = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s){2,5}contributed(?:\s+(?:reporting|to this report))?"
                          r"(?:\s+(?:from|in)\s+[A-Z][\w'\u2019.-]*(?:,?\s[A-Z][\w'\u2019.-]*){0,3})?\.?\s*$")
_FUNDED_BY_READERS = re.compile(r"\bfunded (?:through|by) (?:donations|contributions) from (?:our )?readers\b",
                                re.IGNORECASE)


# "November 21, 2026 (Mainichi Japan)": the outlet's own date line inside the body
_DATE_OUTLET_LINE = re.compile(r"^" + MONTH_RE + r"\.?\s+\d{1,2},\s+\d{4}\s*\([^()]{1,40}\)\s*$")


def is_boilerplate(text: str) -> bool:
    """Whether _BOILERPLATE matches, trying the unanchored branch only when it can match."""
    if _BOILERPLATE_ANCHORED.match(text) is not None:
        return True
    if text.endswith(")") and _DATE_OUTLET_LINE.match(text) is not None:
        return True
    if " / " in text and len(text) <= 130 and text.count(" / ") >= 2 and "." not in text:
        return True  # a tag trail: "Assam / health / epidemic and outbreak"
    if "|" in text and text.count("|") >= 3 and len(text) <= 240 and not text.endswith((".", "\u201d", '"')):
        return True  # a menu: "Support HKFP | Policies & Ethics | Error/typo? | Contact Us"
    if "contributed" in text and _CONTRIBUTED.match(text):
        return True  # "Chicago Tribune's Sam Reyes contributed."
    if ("journalism" in text or "month" in text or "Updates" in text) and _PAYWALL_PROMPT.search(text):
        return True  # "Invest in journalism – Subscribe Now!", "Try The Telegraph free for 1 month"
    if ("comment" in text or "link" in text or "Link" in text or "listen" in text or "podcast" in text) and _SITE_PROMPT.search(text):
        return True  # "Users with an Yle ID can leave comments", "You can create your ID via this link"
    if ("newsletter" in text or "app" in text or "lick here" in text or "ollow " in text or "on the go" in text) and \
            _NEWSLETTER_PROMPT.search(text):
        # "Get more Colorado news by signing up for our daily ... email newsletter.", "For the latest
        # from SBS News, download our app and subscribe to our newsletter."
        return True
    if "ranslat" in text and _MACHINE_TRANSLATION.search(text):
        return True  # "... use automatic translation tools such as DeepL to translate it into English"
    if "ePaper" in text or "e-paper" in text:
        return True  # "Now you can read the Jamaica Observer ePaper anytime, anywhere."
    if ("dvertis" in text or "marketing" in text or "pdate" in text or "supported" in text or "version of this" in text) and \
            _OUTLET_NOTE.search(text):
        # "Advertise with the most visited newspaper in ...", "AKIpress will update this story."
        return True
    if ("With" in text or "emergency" in text or "latest" in text or "Updated" in text or "journalism" in text or
            "subscribing" in text) and _SERVICE_NOTE.search(text):
        # "(With inputs from Villupuram)", "With a report from Ronald O. Reyes", "In an emergency, call
        # triple zero (000).", "Check the NSW RFS website or the Hazards Near Me app for the latest fire information."
        return True
    if ("affected" in text or "experience" in text) and "?" in text and _READER_CALL.match(text):
        return True  # "Are you affected by the flooding in Värmland?": a call for readers' stories
    if text[:1] == "(" and text.endswith(")") and " with " in text and _OUTLET_WITH_AGENCY.fullmatch(text):
        return True  # "(FRANCE 24 with AFP)", "(The Star with Reuters and AP)"
    if len(text) < 160 and text[:1] in "PIFp" and _SUPPLIED_OR_VISIT.match(text):
        return True  # "Picture supplied by NSW RFS", "For the latest road information, visit livetraffic.com."
    if text.startswith("Photo shows ") and len(text) < 300:
        return True  # "Photo shows An SES volunteer guides a resident ...": the ABC's caption
    if "read" in text and len(text) < 100 and _READING_TIME.search(text):
        return True  # "Mon., Nov. 9, 2026 timer 4 min. read": the page's reading time
    if "funded" in text and _FUNDED_BY_READERS.search(text):
        return True  # "... is funded through donations from our readers"
    if "journalism" in text or "responsibility" in text:
        low = text.lower()
        if "journalism costs" in low or "journalism needs" in low or "no responsibility for its content" in low:
            return True  # "Good journalism costs a lot of money", "ThePrint holds no responsibility for its content"
    return "erve" in text.lower() and _BOILERPLATE.match(text) is not None


_AGENCY = r"(?:AFP|AP|Reuters|dpa|DPA|EFE|ANSA|Kyodo|Xinhua|Bernama|agencies|wires)"
_OUTLET_WITH_AGENCY = re.compile(r"\((?:(?:The\s+)?[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){0,3}\s+)?with\s+" + _AGENCY +
                                 r"(?:(?:,\s*|\s+and\s+)" + _AGENCY + r")*\)")
_SUPPLIED_OR_VISIT = re.compile(r"(?:Pictures?|Photos?|Images?)\s+(?:supplied|provided)\s+by\s+[^.]{1,60}\.?$|"
                                r"For\s+(?:the\s+)?(?:latest|more|further|up-to-date)\b[^.]{0,80},\s+(?:visit|go\s+to|see|call)\s+"
                                r"[^\s]{3,60}\.?$")
_READER_CALL = re.compile(r"(?:(?:Are\s+you|Have\s+you\s+been)\s+affected\s+by|Do\s+you\s+have\s+(?:an?\s+)?(?:experience|story))"
                          r"\b[^.!?]{0,80}\?(?:\s+(?:Get\s+in\s+touch|Contact|Email|Write\s+to|Tell)\b[^\n]{0,100})?$")
_READING_TIME = re.compile(r"\b\d{1,2}\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# "ALMATY, Jan 13 (Reuters) -": a place (and outlet) opening the body; public, the pipeline reads it too
DATELINE = re.compile(
    # (the state or country after the place holds no " -- ": "TARUMIZU, Kagoshima -- Rescuers pulled an 81-year-old")
    r"^(?:\((?P<outlet0>[A-Z][^)\n]{1,30})\)\s*[-\u2013\u2014]+\s*|(?P<place>[A-Z][A-Z\u00C0-\u024F .'\-]{1,40}(?:,\s*[A-Z](?:(?!\s[-\u2013\u2014])[\w\u00C0-\u024F .'\-]){1,40})?)\s*"
    r"(?:\((?P<outlet>[^)\n]{2,40})\)\s*)?[-\u2013\u2014]+\s*)")
# A dateline with the place in title case: "Goma (AFP) -", "Kyiv, March 3 (Reuters) -".
_TITLED_DATELINE = re.compile(r"^[A-Z][\w\u00C0-\u024F'.-]+(?: [A-Z][\w\u00C0-\u024F'.-]+){0,2}"
                              r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?\s*\((?P<outlet>[A-Z][A-Za-z&. ]{1,24})\)\s*[-\u2013\u2014]+\s")
_WORD = re.compile(r"[A-Za-z']+")
_EN_STOPWORDS = frozenset("the of and to in a is that for on was with said by as it at from has have were are".split())


@dataclass
class Article:
    """An article split into metadata and the body that claim spans index into."""
    title: str = ""
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    body: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    list_items: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def read_article(path) -> str:
    """Read an article file as text; refuse empty, binary and oversized files."""
    text, _warnings = read_article_with_warnings(path)
    return text


def read_article_with_warnings(path) -> tuple[str, list[str]]:
    """Read an article file, returning its text and any warnings about its encoding."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UserError(f"{p} does not exist: give the path of an article file") from None
    except OSError as exc:
        raise UserError(f"{p} cannot be read ({exc.strerror}): check the path and permissions") from None
    if p.is_dir():
        raise UserError(f"{p} is a folder: give the path of an article file")
    if size > MAX_BYTES:
        raise UserError(f"{p} is {size / (1024 * 1024):.1f} MB; the limit is 20 MB")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UserError(f"{p} cannot be read ({exc.strerror}): check the path and permissions") from None
    return decode_article(data, name=str(p))


def decode_article(data: bytes, *, name: str = "the article") -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; invalid UTF-8 is
    replaced and reported in the warnings."""
    warnings: list[str] = []
    if not data.strip():
        raise UserError(f"{name} is empty: give a file with the article's text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        head = data[:8192]
        if b"\x00" in head or _mostly_binary(head):
            raise UserError(f"{name} looks like a binary file: give a text, Markdown or HTML article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = data.decode("utf-8-sig", errors="replace")
            bad = text.count("\ufffd")
            warnings.append(f"{name} is not valid UTF-8 (first bad byte at offset {exc.start}); "
                            f"{bad} undecodable byte(s) were replaced with \ufffd")
    if not text.strip():
        raise UserError(f"{name} is empty: give a file with the article's text")
    return text, warnings


def _mostly_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 20)


def detect_format(raw: str, filename: str | None) -> str:
    """'html', 'markdown' or 'text', by extension first and content second."""
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown", ".mdown"):
        return "markdown"
    start = raw.lstrip()[:512].lower()
    if start.startswith(("<!doctype html", "<html")) or ("<body" in start and "</" in raw[:4096]):
        return "html"
    if suffix in ("", ".txt", ".text") and (_FRONT_MATTER.match(raw) or re.match(r"\s*# \S", raw)):
        return "markdown"
    return "text"


def parse_article(raw: str, *, filename: str | None = None) -> Article:
    """Split raw article text into metadata and cleaned body paragraphs."""
    raw = clean_text(raw)
    fmt = detect_format(raw, filename)
    art = Article()
    meta: dict[str, str] = {}
    if fmt == "html":
        paragraphs = _html_paragraphs(raw, meta, art.warnings)
    else:
        text = raw
        if fmt == "markdown":
            m = _FRONT_MATTER.match(text)
            if m:
                for line in m.group(1).splitlines():
                    fm = _FM_LINE.match(line)
                    if fm:
                        meta[fm.group(1).lower()] = fm.group(2).strip().strip("\"'")
                text = text[m.end():]
        paragraphs = _split_paragraphs(text)
    _assemble(art, paragraphs, meta, is_markdown=fmt == "markdown")
    return art


def _split_paragraphs(text: str) -> list[str]:
    blocks = _BLANK_LINE.split(text)
    if len(blocks) <= 2 and text.count("\n") > 3:
        blocks = text.split("\n")  # one paragraph per line
    paragraphs: list[str] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n")]
        lines = [_MD_QUOTE.sub("", line) if line.startswith(">") else line for line in lines if line]
        lines = [line for line in lines if line]  # "> a blockquote" reads as its text
        if not lines:
            continue
        if len(lines) > 1 and sum(1 for line in lines if _BULLET.match(line)) >= len(lines) - 1:
            paragraphs.extend(lines)  # a list: one paragraph per item
        else:
            paragraphs.append(" ".join(lines))
    return paragraphs


def _html_paragraphs(raw: str, meta: dict[str, str], warnings: list[str]) -> list[str]:
    try:
        import trafilatura  # imported here: it is slow to import and only HTML needs it
    except ImportError as exc:  # trafilatura 2.x needs the separate lxml_html_clean package
        raise UserError(f"reading HTML pages needs trafilatura, which failed to load ({exc}); "
                        "install it with: pip install trafilatura lxml_html_clean") from None

    text = trafilatura.extract(raw, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False) or ""
    # Dates only from the page's markup: the extensive search guesses from text such as
    # "(c) 2024" and would invent 2024-01-01.
    md = trafilatura.extract_metadata(raw, date_config={"extensive_search": False, "original_date": True})
    if md is not None:
        for key in ("title", "date", "url", "sitename", "language"):
            value = getattr(md, key, None)
            if value:
                meta[key] = str(value)
    if not text.strip():
        warnings.append("no article text found in the HTML page")
    return [line.strip() for line in text.split("\n") if line.strip()]


def clean_inline(text: str) -> str:
    """Reduce Markdown inline syntax to its text and collapse spaces."""
    if "[" in text or "*" in text or "_" in text or "`" in text or "<" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_BOLD.sub(r"\2", text)
        text = _MD_ITALIC.sub(r"\2", text)
        text = _MD_CODE.sub(r"\1", text)
        text = _AUTOLINK.sub(r"\1", text)
    if text.isascii():  # the invisible characters and odd spaces are all outside ASCII
        if "  " not in text and "\t" not in text:
            return text.strip()
        return _SPACES.sub(" ", text).strip()
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if "  " not in text and _ODD_SPACE.search(text) is None:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


def parse_date_line(line: str) -> dt.date | None:
    """The date of a date line such as 'January 13, 2022' or 'Friday, 8 November 2024', else None."""
    if len(line) > 120:
        return None
    m = _DATE_LINE.match(line)
    if not m:
        return None
    try:
        if m.group("y3"):
            return dt.date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        if m.group("y4"):  # "13.01.2022": dotted dates are day.month.year
            return dt.date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
        if m.group("y5"):  # "20/01/2023" is day/month, "01/20/2023" month/day; "03/04/2023" is either
            a, b, year = int(m.group("a5")), int(m.group("b5")), int(m.group("y5"))
            if a > 12 >= b:
                return dt.date(year, b, a)
            if b > 12 >= a:
                return dt.date(year, a, b)
            return None  # ambiguous: never guess a publication date (the caller asks for --published)
        if m.group("y1"):
            return dt.date(int(m.group("y1")), MONTHS[m.group("m1").lower()], int(m.group("d1")))
        return dt.date(int(m.group("y2")), MONTHS[m.group("m2").lower()], int(m.group("d2")))
    except (ValueError, KeyError):
        return None


def _meta_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return parse_date_line(value)


# a credit on a line of its own, under the caption it closes: "Photo: Stock image", "Picture: Collins"
_PHOTO_CREDIT_LINE = re.compile(r"(?:Photo|Photograph|Picture|Image|Pic)s?(?:\s+credit)?\s*:\s*\S.{0,60}", re.IGNORECASE)


def _assemble(art: Article, paragraphs: list[str], meta: dict[str, str], *, is_markdown: bool) -> None:
    art.title = clean_inline(meta.get("title", ""))
    art.published = _meta_date(meta.get("date") or meta.get("published") or meta.get("pubdate"))
    url_candidate = meta.get("url") or meta.get("canonical") or meta.get("link")
    art.outlet = meta.get("outlet") or meta.get("sitename") or meta.get("publication") or meta.get("site")
    art.language = meta.get("language") or meta.get("lang")
    kept: list[str] = []
    kept_at = -1  # the index of the paragraph kept last
    expect_url = False
    seen_body = False
    links = False  # inside a "READ MORE:" list of links to other stories
    about = False  # after an "About UNICEF" heading
    for index, para in enumerate(paragraphs):
        stripped = para.strip()
        if is_markdown and stripped.startswith("#"):
            heading = clean_inline(stripped.lstrip("#").strip())
            if stripped.startswith("# ") and not art.title:
                art.title = heading
            continue
        if is_markdown:
            if _MD_RULE.match(stripped):
                continue  # a horizontal rule
        text = clean_inline(stripped)
        if not text:
            continue
        if len(text) <= 80 and text[:1] in "PIp" and _PHOTO_CREDIT_LINE.fullmatch(text):
            if kept and kept_at == index - 1 and len(kept[-1]) < 300 and len(kept) - 1 not in art.list_items and \
                    kept[-1][-1:] in ".!?":
                kept.pop()  # "Turkeys on a farm in Co Monaghan. ..." above "Photo: Stock image": a caption
            continue
        if links and _BULLET.match(text):
            continue  # "* Wellington rates: Council confirms double-digit rise": another story's headline
        links = _LINKS_HEADING.match(text) is not None
        if seen_body and len(text) < 60 and _ABOUT_HEADING.match(text):
            about = True
            continue
        if about and not _URL_LABEL.match(text) and not _URL_ONLY.match(text) and not expect_url:
            continue
        if expect_url:
            expect_url = False
            if not any(ch.isspace() for ch in stripped):
                url_candidate = url_candidate or stripped.strip("<>")
                continue
        label = _URL_LABEL.match(text)
        if label:
            value = label.group(1).strip("<>")
            if not value:
                expect_url = True
            elif "://" in value or value.lower().startswith("www."):
                url_candidate = url_candidate or value
            elif text.lower().startswith("source") and not art.outlet:
                art.outlet = value  # "Source: Reuters"
            continue
        m = _URL_ONLY.match(text)
        if m:
            if not seen_body or index >= len(paragraphs) - 2:
                url_candidate = url_candidate or m.group(1)
            continue
        if not seen_body:
            date = parse_date_line(text)
            if date:
                art.published = art.published or date
                continue
            if len(text) <= 120 and "/" in text and (slashed := _DATE_LINE.match(text)) and slashed.group("y5"):
                art.warnings.append(f"the date line {text!r} reads as day/month or as month/day: "
                                    "pass --published YYYY-MM-DD")  # pipeline.AMBIGUOUS_DATE_WARNING
                continue
            if _is_byline(text):
                if (stamp := _stamp_date(text)) is not None and stamp != dt.date.min:
                    art.published = art.published or stamp  # "By Esther Nyambura | Feb. 3, 2026"
                continue
            if is_boilerplate(text):
                continue
            if art.title and (stamp := _stamp_date(text)) is not None:
                art.published = art.published or (stamp if stamp != dt.date.min else None)
                continue
            if not art.title and not kept and _looks_like_headline(text):
                art.title = text
                continue
            if text == art.title:
                continue
        if seen_body and art.published is None and len(kept) <= 3 and len(text) <= 80:
            date = parse_date_line(text)  # a date line after a standfirst
            if date:
                art.published = date
                continue
        if seen_body and len(kept) <= 3 and (stamp := _stamp_date(text)) is not None:
            art.published = art.published or (stamp if stamp != dt.date.min else None)
            continue
        if _is_byline(text) or is_boilerplate(text):
            continue
        if _is_caption(stripped):
            continue
        if not seen_body and not art.outlet:
            dl = DATELINE.match(text)
            agency = dl and (dl.group("outlet") or dl.group("outlet0") or "").strip()
            if agency:
                art.outlet = _AGENCY_NAMES.get(agency, agency)
            elif (titled := _TITLED_DATELINE.match(text)) is not None:
                art.outlet = _AGENCY_NAMES.get(titled.group("outlet"), titled.group("outlet"))  # "Goma (AFP) -"
        seen_body = True
        bullet = _BULLET.match(text)
        if bullet:
            text = text[bullet.end():].strip()
            if not text:
                continue
            art.list_items.add(len(kept))
        kept.append(text)
        kept_at = index
    if url_candidate:
        url_candidate = url_candidate.strip().strip("<>")
        try:
            art.url = check_url(url_candidate, what="the article's URL")
        except UserError as exc:
            art.warnings.append(f"ignored the article's URL: {exc}")
    if not art.outlet and art.url:
        host = re.sub(r"^(www|m|amp)\.", "", art.url.split("/")[2].split(":")[0].lower())
        art.outlet = outlet_for_host(host) or host or None
    body_parts, spans, pos = [], [], 0
    for text in kept:
        if body_parts:
            pos += 2
        spans.append((pos, pos + len(text)))
        body_parts.append(text)
        pos += len(text)
    art.body = "\n\n".join(body_parts)
    art.paragraphs = spans
    if not art.language:
        words = _WORD.findall(art.body[:3000].lower())
        if words and sum(map(_EN_STOPWORDS.__contains__, words)) / len(words) > 0.12:
            art.language = "en"


# A dateline's agency as its name is usually written ("CARVERTON, Pa. (AP) —" is the Associated Press).
_AGENCY_NAMES = {"AP": "Associated Press", "AP Photo": "Associated Press", "UPI": "United Press International"}


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    path = Path(__file__).resolve().parents[1] / "data" / "outlets.json"
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def outlet_for_host(host: str) -> str | None:
    """The outlet's name for a web host (claims/data/outlets.json), trying parent domains:
    'edition.cnn.com' is CNN. None for a host not in the table."""
    names = _outlet_names()
    parts = host.lower().split(".")
    for i in range(len(parts) - 1):
        name = names.get(".".join(parts[i:]))
        if name:
            return name
    return None


def _looks_like_headline(text: str) -> bool:
    """A first line short enough to be a headline and not a dateline-led paragraph."""
    if len(text) > 200 or DATELINE.match(text):
        return False
    return not text.endswith(".")


def _is_caption(para: str) -> bool:
    """A photo caption: text ending in a bold credit ('... **Name / Agency**')."""
    m = _BOLD_TAIL.search(para)
    if not m:
        return False
    credit = m.group(1)
    if "/" in credit:
        return True
    if credit.rstrip().endswith((".", "!", "?", '"', "\u201d")):
        return False  # a bold sentence closing a paragraph is text, not a credit
    if len(credit.split()) <= 6:
        return True
    if _CREDIT_WORDS.search(credit):
        return True
    # A longer bold tail that is no sentence, after a caption sentence: "Russian servicemen during
    # drills. **Operational Group of Russian Forces press service**"
    before = para[:m.start()].rstrip()
    return len(credit.split()) <= 10 and before.endswith((".", "!", "?"))


_CREDIT_WORDS = re.compile(r"photo|getty|reuters|\bap\b|afp|press service|handout|courtesy|\bpool\b|archive|"
                           r"screenshot|video grab|social media", re.IGNORECASE)
