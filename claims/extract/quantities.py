"""Counted quantities in a sentence: '2,000 troops', 'more than 10,000 people', 'between dozens
and 146', 'about 40 or 45 homes', '20 percent'. Years, dates, times, ordinals, ages, phone and
article numbers, and durations are not quantities."""
from __future__ import annotations

import bisect
import re
from itertools import islice
from dataclasses import dataclass

from claims.extract.lexicon import WEEKDAY_WORDS
from claims.extract.measures import SYNONYM_RE, SYNONYMS, measure_for
from claims.extract.numbers import NUMBER, NUMBER_AT_DIGIT, VAGUE, parse_number, tidy
from claims.extract.words import word_index

LOWER_BOUNDS = frozenset({"more than", "over", "at least", "no fewer than", "no less than", "not less than",
                          "above", "well over", "well above", "upwards of", "in excess of", "greater than"})
UPPER_BOUNDS = frozenset({"as much as", "up to", "no more than", "not more than", "fewer than", "less than", "at most",
                          "as many as", "under", "below"})  # ("as little as 10 ml", "as few as three": that figure)
APPROX_BOUNDS = frozenset({"about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
                           "close to", "nearly", "almost", "just over", "just under", "just below", "just above"})
# ("just under 30 reports", "just over 1,100 drivers": close to the figure, as "nearly" is)
_BOUND = (r"(?P<bound>no more than|not more than|no fewer than|no less than|not less than|more than|greater than|fewer than|"
          r"less than|at least|at most|up to|as many as|as much as|as little as|as few as|just over|just under|just below|just above|well over|well above|"
          r"upwards of|in excess of|close to|an estimated|approximately|roughly|about|around|nearly|almost|"
          r"some|estimated|over|under|above|below|between|only|exactly)\s+")
_VAGUE = (r"(?:tens of thousands|hundreds of thousands|(?:tens|hundreds) of (?:millions|billions)|(?:several|a few) (?:dozen|hundred|thousand|million)|"
          r"dozens|scores|hundreds|thousands|millions|billions)")
# Currencies written before the digits by their code or a short prefix ("VND85 million", "KES 3.2
# million", "Rp 50 million", "RM10,000", "Tk2 lakh", "ZiG2 million", "GEL 5,000").
_CURRENCY_CODES = tuple("""USD EUR GBP JPY CNY PKR BDT LKR NPR IDR MYR PHP THB VND KRW HKD SGD TWD AUD NZD CAD CHF SEK
NOK DKK PLN CZK HUF RON BGN RSD MKD ALL BAM ISK TRY RUB UAH BYN MDL GEL AMD AZN KZT UZS KGS TJS MNT AFN KES UGX TZS RWF
BIF ETB SSP SDG NGN GHS XOF XAF ZAR ZMW MWK MZN BWP NAD ZWL ZWG EGP LYD TND DZD MAD AED SAR QAR KWD BHD OMR JOD LBP
SYP YER ILS IQD IRR BRL ARS MXN CLP COP PEN BOB PYG UYU VES GTQ HNL NIO CRC PAB DOP JMD TTD BBD BSD HTG FJD PGK MMK
KHR LAK SCR MUR MVR BTN SBD VUV WST TOP SOS DJF ERN MGA KMF LSL SZL CVE STN GMD GNF SLE LRD CDF AOA""".split())
_CURRENCY_PREFIXES = ("Rp", "RM", "Tk", "ZiG", "GH\u00a2", "GH\u20b5", "Dhs", "Dh", "LL", "JD",
                      # Gulf riyals, rials and dinars, vatu, Malawi kwacha, birr, East African shillings, Rwanda francs
                      "QR", "SR", "RO", "BD", "KD", "VT", "MK", "Br", "TSh", "Tsh", "USh", "Ush", "Rwf", "FCFA",
                      "Nu", "ZK", "Le",  # ngultrum: "Nu 300,000"; Zambian kwacha "ZK 12 million"; leones "Le 500,000"
                      "VN\u0110", "LE", "TL",  # dong "VN\u01105 billion"; Egyptian pounds "LE100,000"; lira "TL 25,000"
                      "Hr", "UAH",  # hryvnias: "Hr 5.8 billion" (the Kyiv Independent)
                      "NIS")  # shekels: "NIS 20 million"
_PREFIX_ALTERNATIVES = "|".join(_CURRENCY_PREFIXES + _CURRENCY_CODES)
_CUR = (r"(?P<cur>(?=[ABCDEFGHIJKLMNOPQRSTUVWXYZs$\u20ac\u00a3\u00a5\u20b9\u20a6\u20b1\u058f])(?:(?-i:US|S|A|C|CI|NZ|HK|R|N|J|FJ|TT|EC|NT|Z|BDS|Bds|BBD|BZ|SI|WS|TOP|T|F|G)\$\s?|[$\u20ac\u00a3\u00a5\u20b9\u20a6\u20b1\u058f]|(?-i:(?:" + _PREFIX_ALTERNATIVES + r")(?=\s?\d)\s?)|(?-i:Rs\.?\s?|INR\s?|Ksh\.?\s?|K?Shs?\.?\s?|sh(?=\d)|[NPKD](?=\d{1,3}(?:,\d{3})+(?!\d|\.\d)|\d+\.\d\d\b)|[NPRKED](?=\d[\d,.]*[\s-]?"
        r"(?:million|billion|trillion|bn|m)\b)|[PRE](?=\d{1,3}(?:[, \u00a0]\d{3})+(?!\d))"
        # "paying R120 for a return taxi trip": a paying word before a short amount
        r"|(?:(?<=cost )|(?<=costs )|(?<=paid )|(?<=paying )|(?<=pay )|(?<=pays )|(?<=worth )|(?<=spent )|(?<=charged )|"
        r"(?<=fee of )|(?<=fine of )|(?<=selling at )|(?<=sold at )|(?<=sells at )|(?<=priced at )|(?<=costing )|"
        r"(?<=sell for )|(?<=sold for )|(?<=sells for )|(?<=offered )|(?<=offered only )|(?<=offering )|(?<=earn )|"
        r"(?<=earns )|(?<=earned )|(?<=earning )|(?<=receive )|(?<=received )|(?<=demanded )|(?<=demanding )|"
        r"(?<=against )|(?<=compared with )|(?<=compared to )|(?<=versus ))"  # ("..., compared with P13 on traditional units")
        r"[PRK](?=\d+(?:\.\d\d)?(?![\d,.]\d))"
        # "a proposed P150 daily wage increase", "its offer of a P45 increase": an amount before what it pays
        r"|[PRK](?=\d+(?:\.\d\d)?\s+(?:(?:daily|monthly|weekly|annual|yearly|hourly|one-time|wage|pay|salary)\s+)?"
        r"(?:wages?|increase|increases|hike|rise|raise|bonus|fares?|fees?|fine|allowance|subsidy|payment|salary|salaries|"
        r"pension|discount|rebate|levy|toll|ticket|premium)\b"
        r"|\d+(?:\.\d\d)?\s+(?:per|a)\s+(?:liter|litre|kilo|kg|kilogram|sack|bag|head|day|month|hour|night|trip)\b"
        r"|\d+(?:\.\d\d)?\s+for\s+(?:the\s+)?(?:first|next|each|every)\b)"  # "start at P15 for the first 4 kilometres"
        # "take home about P600", "down from around P1,100", "as much as R1.10/l": a bound before an amount
        # of two digits or more, or with cents (not "units such as K9", "from R2 to R5" roads)
        r"|(?:(?<=about )|(?<=around )|(?<=nearly )|(?<=roughly )|(?<=only )|(?<=than )|(?<=least )|(?<=most )|"
        r"(?<=to )|(?<=from )|(?<=between )|(?<=much as )|(?<=little as )|(?<=high as ))[PRK]"
        r"(?=\d{3,}(?![\d,.]\d)|\d+\.\d\d(?![\d,.]\d)))))?")
_ROAD_LETTERS = frozenset("SR RO BD VT MK E".split())
_ROAD_AFTER = re.compile(r"\s*(?:bridge|highway|road|route|freeway|motorway|expressway|exit|interchange|corridor|north|"
                         r"south|east|west|northbound|southbound|eastbound|westbound)\b", re.IGNORECASE)
_PCT = r"(?P<pct>\s?%|\s?pc\b|\s(?:percent|per cent|percentage points?)\b)?"
# A unit written onto the number: "500kg", "40C", "150km/h" (case-sensitive inside the pattern).
_ATTACHED_UNITS = {"kg": "kg", "km": "km", "km/h": "km/h", "kph": "km/h", "kmh": "km/h", "kmph": "km/h", "mph": "mph", "mm": "mm", "cm": "cm",
                   "ha": "hectares", "nm": "nautical miles", "c/l": "cents per litre", "lb": "pounds (weight)", "lbs": "pounds (weight)", "ft": "feet", "t": "tonnes",
                   "MW": "MW", "GW": "GW", "kW": "kW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh",
                   "C": "degrees Celsius", "\u00b0C": "degrees Celsius", "F": "degrees Fahrenheit",
                   "\u00b0F": "degrees Fahrenheit", "\u00b0": "degrees",
                   # the ordinal sign some outlets type for the degree sign ("45.8\u00baC", El Pa\u00eds)
                   "\u00baC": "degrees Celsius", "\u00baF": "degrees Fahrenheit",
                   # air quality: "peaked at 112\u00b5g/m\u00b3"
                   "\u00b5g/m\u00b3": "\u00b5g/m\u00b3", "\u00b5g/m3": "\u00b5g/m\u00b3", "\u03bcg/m\u00b3": "\u00b5g/m\u00b3",
                   "\u03bcg/m3": "\u00b5g/m\u00b3"}
_ATTACHED = r"(?=[kmcthlfnGMCFI\u00b0\u00ba\u00b5\u03bc])(?-i:" + "|".join(re.escape(u) for u in sorted(_ATTACHED_UNITS, key=len, reverse=True)) + r")(?![\w/])"
_QTY_TAIL = (r"(?:(?:(?P<pct1>\s?%|\s?pc\b|\s(?:percent|per cent))|(?P<att1>" + _ATTACHED + r"))?\s*(?P<sep>-|\u2013|to|or|and|,\s+(?:sometimes|occasionally|even|perhaps|maybe)(?=\s))\s*(?P<cur2>(?-i:(?:US|S|A|C|CI|NZ|HK|R|N|J|FJ|TT|EC|NT|TOP|Z|G)\$\s?)|[$\u20ac\u00a3\u058f\u20b9\u20a6\u20b1\u00a5]\s?|(?-i:(?:" + _PREFIX_ALTERNATIVES + r")(?=\s?\d)\s?)|(?-i:Rs\.?\s?|Ksh\.?\s?|K?Shs?\s?|sh(?=\d)|[NPRK](?=\d)))?"
             r"(?P<num2>" + NUMBER + r")(?:(?=" + _ATTACHED + r")|(?=pc\b)|(?![\w\-])))?"
             + _PCT + r"(?P<att>-?" + _ATTACHED + r")?(?P<strong>-strong\b)?(?P<odd>-odd\b)?(?P<plus>-plus\b|\+(?![\w+]))?"
             r"(?P<compound>-(?!strong\b|odd\b|plus\b)[a-z]{3,}\b(?![\w\-]))?(?![\w\-]|[.,:]\d)")
_QTY = re.compile(
    r"(?<![\w.,\-/:])(?:" + _BOUND + r")?" + _CUR + r"(?P<num>" + _VAGUE + r"|" + NUMBER + r")" + _QTY_TAIL,
    re.IGNORECASE)
# _QTY at a position holding an ASCII digit, where no bound, currency, vague or spelt-out number
# can start: the same groups (bound and cur never match) and the same matches, about a third faster.
_QTY_AT_DIGIT = re.compile(
    r"(?<![\w.,\-/:])(?P<bound>(?!))?(?P<cur>(?!))?(?P<num>" + NUMBER_AT_DIGIT + r")" + _QTY_TAIL,
    re.IGNORECASE)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,}")
_NOT_COUNT_WORDS = frozenset("""article articles section chapter paragraph clause resolution no nos number page pages
route highway flight room line platform gate terminal bus unit building block level category grade class size phase
stage round season episode volume vol item rule law decree act amendment protocol district ward zone sector magnitude
code tier version model type aged age ages covid km mile kilometre kilometer year""".split())


def _after_label(before: str) -> bool:
    """Is the number labelled ('Article 5', 'magnitude 7.1', 'aged 71', 'No. 3', '#2')?"""
    parts = before[-24:].rsplit(None, 1)
    if not parts:
        return False
    last = parts[-1]
    if last.endswith("#"):
        return True
    return last.rstrip(".#").lower() in _NOT_COUNT_WORDS


_TIME_AFTER = re.compile(r"^\s*(?:a\.?m\b|p\.?m\b|gmt|utc|o'clock|hours?\s+(?:gmt|local)|local time|h\b)", re.IGNORECASE)
_ONE_IN_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)\s+(?=[a-z]{3,})")
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?(\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                          r"a hundred)\s+(?!(?:days?|weeks?|months?|years?|hours?|raids?|attacks?|incidents?|"
                          r"cases?|places?|districts?|provinces?|cities|towns|villages)\b)(?=[a-z]{3,})",
                          re.IGNORECASE)
_RUPEES_BEFORE = re.compile(r"(?:\bRs\.?|\bINR|\u20b9)\s?$")
_NOT_COMPOUND_UNITS = frozenset("magnitude point points year old level fold times time thirds quarters fifths tenths off way "
                                "sided".split())
_JAIL_AFTER = re.compile(r"\s+(?:in\s+(?:jail|prison|custody|detention)|behind\s+bars|of\s+imprisonment|imprisonment)\b",
                         re.IGNORECASE)
_JAIL_BEFORE = re.compile(r"\b(?:jailed|imprisoned|sentenced)\s+(?:to|for)\s+(?:up\s+to\s+|at\s+least\s+)?$|"
                          r"\b(?:prison|jail)\s+(?:term|sentence)s?\s+of\s+(?:up\s+to\s+)?$", re.IGNORECASE)
_TIME_COUNT_BEFORE = re.compile(r"(?:\bon\s+|\ba\s+(?:combined|total\s+of)\s+)$", re.IGNORECASE)
_METRES_DIGITS = re.compile(r"(?:\d{1,4}|\d,\d{3})(?:\.\d+)?m")
_METRES_AFTER = re.compile(r"(?:-|\s)(?:long|high|deep|wide|tall|thick|into|below|above|underground|away|"
                           r"in\s+(?:length|height|depth|diameter))\b", re.IGNORECASE)
_METRES_BEFORE = re.compile(r"(?:\b(?:dropped|fell|fallen|rose|risen|sank|sunk|subsided|receded|swelled|climbed)\s+(?:by\s+)?|"
                            # "The Lachlan River peaked at 10.6m": a water level
                            r"\b(?:[Rr]iver|level|water|flood|tide|creek|lake)s?\s+(?:[\w-]+\s+){0,2}?(?:peaked|peaks|crested|crests)\s+at\s+|"
                            # "waves of up to 3m forecast near Penghu": a height of the sea
                            r"\b(?:waves?|swells?|surges?|seas)\s+(?:of\s+)?|"
                            # "Mera High Camp, at about 5,780m,", "at an altitude of 4,500m": a height
                            r",\s+at\s+|\b(?:altitude|elevation|height|depth)\s+of\s+)"
                            r"(?:(?:as\s+much\s+as|up\s+to|about|around|nearly|almost|more\s+than|over|some|roughly)\s+)?$",
                            re.IGNORECASE)
_OF_AGE = re.compile(r"\s+of\s+age\b", re.IGNORECASE)
_NOT_FALL_BEFORE = re.compile(r"\b(?:not|never|won['\u2019]t|wouldn['\u2019]t|didn['\u2019]t|don['\u2019]t|doesn['\u2019]t)\s+"
                              r"(?:\w+\s+)?(?:drop|drops|fall|falls|dip|dips|go|goes|sink|sinks|be|been)\s+$", re.IGNORECASE)
_COUNTED_PERIODS = re.compile(r"\s+(?!(?:consecutive|straight|full|whole|more|additional|further|successive|long|short|"
                              r"calendar|working|business|clear|extra|solid|hot|cold)\b)[a-z]+(?:\s+[a-z]+)?\s+")
# "between three and four hours of state power a day", "12 hours per day": a rate, not a span of time
_RATE_AFTER = re.compile(r"\s+(?:of\s+(?:[a-z-]+\s+){0,2}?)?(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:years?|yrs?)[- ]old\b", re.IGNORECASE)
_TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years "
                        "decade decades century centuries night nights".split())
_CURRENCY = {"$": "dollars", "US$": "dollars", "S$": "Singapore dollars", "A$": "Australian dollars",
             "C$": "Canadian dollars", "N$": "Namibian dollars", "J$": "Jamaican dollars", "FJ$": "Fijian dollars",
             "TT$": "Trinidad and Tobago dollars", "NT$": "New Taiwan dollars", "Z$": "Zimbabwe dollars", "NZ$": "New Zealand dollars", "HK$": "Hong Kong dollars", "R$": "reais",
             "Sh": "shillings", "KSh": "shillings", "Shs": "shillings", "N": "naira", "\u20a6": "naira", "P": "pesos", "\u20b1": "pesos", "R": "rand", "\u20ac": "euros", "\u00a3": "pounds", "\u00a5": "yen", "\u20b9": "rupees",
             "Rs": "rupees", "Rs.": "rupees", "INR": "rupees", "Rp": "rupiah", "RM": "ringgit", "Tk": "taka", "ZiG": "ZiG",
             "GH\u00a2": "cedis", "GH\u20b5": "cedis", "Dh": "dirhams", "Dhs": "dirhams", "sh": "shillings",
             "K": "kina or kwacha", "E": "emalangeni", "\u058f": "drams", "LL": "Lebanese pounds",
             "Ksh": "shillings", "Ksh.": "shillings", "KSh.": "shillings", "Sh.": "shillings",
             "JD": "Jordanian dinars", "QR": "Qatari riyals", "SR": "Saudi riyals", "RO": "Omani rials", "BD": "Bahraini dinars",
             "KD": "Kuwaiti dinars", "VT": "vatu", "MK": "Malawi kwacha", "Br": "birr", "TSh": "Tanzanian shillings",
             "Tsh": "Tanzanian shillings", "USh": "Ugandan shillings", "Ush": "Ugandan shillings", "Rwf": "Rwandan francs",
             "FCFA": "CFA francs", "BDS$": "Barbados dollars", "Bds$": "Barbados dollars", "BBD$": "Barbados dollars",
             "SI$": "Solomon Islands dollars", "CI$": "Cayman Islands dollars", "Nu": "ngultrum", "ZK": "Zambian kwacha", "Le": "leones", "VN\u0110": "dong", "LE": "Egyptian pounds", "TL": "Turkish lira", "Hr": "UAH", "NIS": "ILS", "BZ$": "Belize dollars", "G$": "Guyana dollars", "D": "dalasi", "WS$": "tala", "T$": "pa'anga", "TOP$": "pa'anga", "F$": "Fijian dollars"}
_TOKEN = re.compile(r"\([^)]{0,60}\)|[\w\u2019'-]+|[^\w\s]")
# The first four _TOKEN matches from a position (every character but a space starts one): the
# groups hold what finditer would give, in one call.
_FOUR_TOKENS = re.compile(r"\s*(" + _TOKEN.pattern + r")(?:\s*(" + _TOKEN.pattern + r"))?(?:\s*(" +
                          _TOKEN.pattern + r"))?(?:\s*(" + _TOKEN.pattern + r"))?")
_STOP = frozenset("""a an the of in on at to for from by with and or but who which that were was are is be been being
have has had will would could can may might said says say told more than as than while when where after before
into onto over under about around its their his her our them they it this these those each every per across among
including since during until also not no had do did does reported last next this earlier later previous late early
yesterday today overnight""".split())
_SINGULAR_UNITS = frozenset("people police personnel staff cattle livestock children aircraft".split())
_PERSONAL_ONE = frozenset("person man woman child boy girl soldier officer civilian journalist worker policeman "
                          "protester victim body member resident death fatality casualty".split())
# Where a number starts: a digit, or a currency sign and a digit, with no word character, dot or
# comma before it; i.e. (?<![\w.,])[$\u20ac\u00a3\u00a5]?\d, written to start with a character
# class so that the regex engine skips to candidate characters instead of testing every position.
_MATCH_START = re.Match.start
_NUMBER_START = re.compile(r"[$\u20ac\u00a3\u00a5\u058f\d](?:(?<=[$\u20ac\u00a3\u00a5\u058f])\d(?<![\w.,]..)|(?<=\d)(?<![\w.,].))")
_PUNCT_BREAK = re.compile(r"[,;:()\u2014\u2013]")
# An aside between a count and its verb: ", including six police officers," / "— among them ... —".
_ASIDE = re.compile(r"\s*(?:including|among them|among whom|many of them|most of them|mostly|some of them)\b"
                    r"[^,;:()\u2014\u2013]{0,60}[,\u2014\u2013]", re.IGNORECASE)
_BEFORE_BREAK_WORDS = frozenset("and while but whereas although".split())
_AFTER_BREAK_WORDS = frozenset("while but whereas although".split())
_SECOND_CLAUSE = frozenset("that said says added adding".split())  # "..., and that ...", "and said ..."
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'\u2019-]+,\s$")
_PHONE_HINT = re.compile(r"\d[\d\s().-]{6,}\d")
_SYNONYM_FIRST = frozenset(syn.split()[0] for syn in SYNONYMS)
_NOT_NAMES = frozenset("""rs inr usd eur gbp about around some over nearly almost only just at in on by since until from between the a an
and of to with for another than more fewer less no these those all its their his her our every each up
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens scores
hundred hundreds thousand thousands million millions billion billions tens""".split()) | frozenset(
    f"{tens}-{unit}" for tens in "twenty thirty forty fifty sixty seventy eighty ninety".split()
    for unit in "one two three four five six seven eight nine".split())  # the word index keeps "twenty-five" whole
_BOUND_WORDS = frozenset("""rs inr no not more greater fewer less at up as just well upwards in close an approximately roughly about
around nearly almost some estimated over under above below between only exactly than least most to many few of
excess a much little several few ksh sh shs""".split()) | frozenset(
    c.lower() for c in _CURRENCY_PREFIXES + _CURRENCY_CODES)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas\w*|decreas\w*|up|down|revis\w*|rais\w*|cut|cuts|"
    r"cutting|reduc\w*|lower\w*|gr[eo]w\w*|climb\w*|jump\w*|drop\w*|declin\w*|went|gone|goes|go|mov\w*|chang\w*|"
    r"doubl\w*|tripl\w*|soar\w*|surg\w*|plung\w*|slipp?\w*|shr[aiu]nk\w*|swell\w*|swollen|hik\w*|adjust\w*|"
    r"correct\w*|upgrad\w*|downgrad\w*|boost\w*|expand\w*|narrow\w*|widen\w*|slash\w*|trimm?\w*|edg\w*|tick\w*|"
    r"spik\w*|balloon\w*|mount\w*|brought|bring\w*|push\w*|pull\w*|lift\w*|extend\w*|shorten\w*|"
    r"amend\w*|updat\w*)\b[^.;]{0,90}\bfrom\s+$", re.IGNORECASE)
_RANGING_FROM = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+from\s+$", re.IGNORECASE)
_LETTER_DIGIT = re.compile(r"[A-Za-z$.](?=\d)")  # the last character of every prefix below, before a digit
_LETTER_CURRENCY = re.compile(r"(?<![\w.])(?:Rs\.?|Ksh\.?|K?Shs?\.?|sh|[NPRKED]|[SACRNJZTFG]\$|US\$|NZ\$|HK\$|FJ\$|TT\$|EC\$|NT\$|CI\$|TOP\$|"
                              r"BDS\$|Bds\$|BBD\$|BZ\$|SI\$|WS\$|INR|" + _PREFIX_ALTERNATIVES + r")(?=\d)")
_MINOR_UNITS = {"cents": "dollars", "cent": "dollars", "pence": "pounds", "kobo": "naira", "paise": "rupees"}
_SCALED = re.compile(r"(\d[\d.,]*)\s*-?\s*(?:million|billion|trillion|bn|mn|mil|m|thousand|crores?|lakhs?)", re.IGNORECASE)
_BARE_DIGITS = re.compile(r"\d[\d.,]*")
_NEXT_WORD = re.compile(r"\s+(\w+)")
# "Only one vent remained active", "we have had just one meeting": a count of one
_ONLY_BEFORE = re.compile(r"\b(?:only|just|a\s+single|had|held)\s+$", re.IGNORECASE)
_KILLED_BEFORE = re.compile(r"\b(?:killed|killing|kills|injured|wounded|hurt)\s+$", re.IGNORECASE)  # "and killed one"
_ONE_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.IGNORECASE)  # "one of them remained in hospital"
_EVENT_VERBS = (r"(?:killed|injured|wounded|hurt|died|dead|missing|arrested|detained|hospitali[sz]ed|drowned|abducted|"
                r"kidnapped|shot|stabbed)\b")
# "one constable had been injured", "including one who died": one person an event befell
_ONE_EVENT_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:who\s+)?(?:(?:was|is|has|had|have)\s+(?:been\s+)?|later\s+)?"
                             + _EVENT_VERBS)
_MAGNITUDE_HYPHEN = re.compile(r"\bmagnitude-(\d{1,2}(?:\.\d)?)(?![\d.]\d)", re.IGNORECASE)
_BOUND_MAGNITUDE = re.compile(r"\b(above|over|more than|greater than|at least|below|under|up to|less than)\s+magnitude[-\s]+$",
                              re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[-\s]+$", re.IGNORECASE)
_STORM_CATEGORY = re.compile(r"\b[Cc]ategory\s+$")
_LEVEL_BEFORE = re.compile(r"\b[Ll]evel\s+$")
_WARNING_WORDS = re.compile(r"\b(?:alert|warning|signal|status|threat|danger)s?\b", re.IGNORECASE)
_STORM_WORDS = re.compile(r"\b(?:storm|hurricane|cyclone|typhoon)s?\b", re.IGNORECASE)
_TO_NUMBER_AFTER = re.compile(r"\s+to\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)", re.IGNORECASE)  # "from one to two"
_NO_ONE = re.compile(r"\b(?:no|not|any|every|each|anyone|someone|no-)\s*$", re.IGNORECASE)
_NEXT_LOWER = re.compile(r"\s+([a-z][a-z'-]+)")
_EVENT_MEASURES = frozenset({"deaths", "injured", "detentions", "evacuated", "missing", "homeless", "displaced",
                             "hospitalised", "rescued", "affected", "infections"})


@dataclass
class Quantity:
    """A counted quantity with its bounds, as stated."""
    low: float | None
    high: float | None
    approximate: bool
    bound: str | None
    unit: str | None
    measure: str | None
    start: int
    end: int

    def as_dict(self, as_of: str | None = None) -> dict:
        return {"low": None if self.low is None else tidy(self.low),
                "high": None if self.high is None else tidy(self.high),
                "approximate": self.approximate, "bound": self.bound, "unit": self.unit,
                "measure": self.measure, "as_of": as_of}


def find_quantities(text: str, skip_spans: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in one sentence; skip_spans are ranges already read as dates or times."""
    found: list[Quantity] = []
    done = 0
    starts, words = word_index(text)
    number_words = _NUMBER_WORDS.intersection(words)
    if "-" in text:  # "a five-member board", "a two-thousand-strong force"
        number_words = number_words.union(w for w in words if "-" in w and w.split("-", 1)[0] in _NUMBER_WORDS)
    digits = list(map(_MATCH_START, _NUMBER_START.finditer(text)))
    if _LETTER_DIGIT.search(text) is not None:
        # a currency written onto the digits: "Rs25,000", "Sh1.2 billion", "N25 million", "S$50,000"
        digits += map(_MATCH_START, _LETTER_CURRENCY.finditer(text))
    if not digits and not number_words:
        if "no" in words:
            found = _none_reported(text, found, list(skip_spans))
        if "both" in words:
            found = _both(text, found, list(skip_spans))
        if "twice" in words or "thrice" in words:
            found = _twice(text, found, list(skip_spans))
        if not _FRACTION_WORDS.isdisjoint(words):
            found = _fractions(text, found, list(skip_spans))
        return found if _A_UNIT_WORDS.isdisjoint(words) else _a_unit(text, found, list(skip_spans))
    masked = list(skip_spans)
    if _PHONE_HINT.search(text):
        for m in _PHONE.finditer(text):
            masked.append((m.start(), m.end()))
    candidates = {bisect.bisect_right(starts, pos) - 1 for pos in digits}
    if number_words:
        candidates.update(i for i, w in enumerate(words) if w in number_words)
    for index in sorted(candidates):
        if index < 0:
            continue
        t = starts[index]
        if t < done:
            continue
        m = None
        # A bound is at most three words long ("no more than", "in excess of"); a currency written in
        # two words stands between ("at least R$ 40 million").
        reach = 5 if index >= 2 and words[index - 1] == "$" else 3
        for k in range(max(0, index - reach), index + 1):
            pos = starts[k]
            if pos < done or (k < index and words[k] not in _BOUND_WORDS):
                continue
            candidate = (_QTY_AT_DIGIT if "0" <= text[pos] <= "9" else _QTY).match(text, pos)
            if candidate and candidate.start("num") <= t + 5 and candidate.end("num") > t:
                m = candidate
                break
        if m is None:
            continue
        if masked and any(s <= m.start("num") < e for s, e in masked):
            done = m.end("num")  # a day of a date; what follows may still be a count
            continue
        done = m.end()
        q = _build(m, text)
        if q == "rescan":
            done = m.end("num")
            q = _build(m, text, single=True)
        if q is None or q == "rescan":
            continue
        done = max(done, q.end)  # "one in five": the five is read with the one
        if text[q.start:q.start + 2] in ("a ", "an", "A ", "An") and q.low == q.high and q.low is not None:
            q = _fraction_of_scale(text, q)  # "half a million", "nearly a quarter of a billion dollars"
        found.append(q)
    if not _FRACTION_WORDS.isdisjoint(words):
        found = _fractions(text, found, masked)
    if "agnitude-" in text:
        for m in _MAGNITUDE_HYPHEN.finditer(text):  # "the magnitude-2.9 tremor": one word holds the reading
            if not any(q.start <= m.start(1) < q.end for q in found):
                value = float(m.group(1))
                bisect.insort(found, Quantity(value, value, False, None, "magnitude", None, m.start(1), m.end(1)),
                              key=lambda q: q.start)
    if not _A_UNIT_WORDS.isdisjoint(words):
        found = _a_unit(text, found, masked)
    if "-" in text or "\u2212" in text or "\u2013" in text:
        found = _below_zero(text, found, masked)
    if "minus" in words:
        found = _minus(text, found)
    if "-" in text and not _VOTE_WORDS.isdisjoint(words):
        found = _vote_tally(text, found, masked)
    if "both" in words:
        found = _both(text, found, masked)
    if "twice" in words or "thrice" in words:
        found = _twice(text, found, masked)
    if "no" in words:
        found = _none_reported(text, found, masked)
    if "between" in words and len(found) > 1:
        found = _between_units(text, found)
    if found and not _BORROW_WORDS.isdisjoint(words):
        _borrow_measures(text, found)
    return found


_UNIT_AND = re.compile(r"\s*(?:[^\s\d]{1,12}\s+)?and\s+")


def _between_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """'between 42 km and 55 km': each end carries its unit, the two are one range."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.bound == "between" and prev.low == prev.high and q.bound is None and \
                q.low == q.high and q.low is not None and prev.low is not None and q.low > prev.low and \
                prev.unit is not None and q.unit == prev.unit and _UNIT_AND.fullmatch(text, prev.end, q.start):
            out[-1] = Quantity(prev.low, q.high, False, "between", prev.unit, prev.measure or q.measure, prev.start, q.end)
            continue
        out.append(q)
    return out


_FRACTION_OF_SCALE = re.compile(
    r"(?:(?<![\w-])(?P<bound>more than|just over|just under|over|nearly|almost|about|around|roughly|some|less than|under|"
    r"at least|up to)\s+)?(?<![\w-])(?P<frac>half|a\s+quarter|one[- ]quarter|a\s+third|one[- ]third|two[- ]thirds|"
    r"three[- ]quarters)(?:\s+of)?\s+$", re.IGNORECASE)


def _fraction_of_scale(text: str, q: Quantity) -> Quantity:
    """'half a million people' is 500,000; 'a quarter of a billion dollars' 250 million."""
    m = _FRACTION_OF_SCALE.search(text, max(0, q.start - 40), q.start)
    if m is None:
        return q
    value = q.low * _FRACTION_VALUES[re.split(r"[- \s]+", m.group("frac").lower())[-1]] / 100
    value = round(value) if q.low >= 1000 else value
    bound = (m.group("bound") or "").lower() or q.bound
    low = None if bound in UPPER_BOUNDS else value
    high = None if bound in LOWER_BOUNDS else value
    return Quantity(low, high, q.approximate or bound in APPROX_BOUNDS, bound, q.unit, q.measure, m.start(), q.end)


_NONE_REPORTED = re.compile(r"\bno\s+(?:(?:new|further|other)\s+)?(deaths|fatalities|casualties|injuries)\b"
                            r"(?=\s+(?:had|have|has|were|was)\s+(?:yet\s+)?(?:been\s+)?(?:reported|recorded|confirmed))",
                            re.IGNORECASE)
def _none_reported(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'No deaths had been reported': a count of none."""
    for m in _NONE_REPORTED.finditer(text):
        if not any(a <= m.start() < b for a, b in masked):
            found = sorted(found + [Quantity(0, 0, False, None, m.group(1).lower(), None, m.start(), m.end(1))],
                           key=lambda q: q.start)
    return found


_FRACTION_WORDS = frozenset("half third thirds quarter quarters two-thirds three-quarters one-third one-quarter fifth "
                            "fifths one-fifth two-fifths three-fifths four-fifths tenth one-tenth".split())
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<bound>more than|just over|just under|over|nearly|almost|about|around|roughly|some|less than|"
    r"under|at least|at most|up to)\s+)?(?P<frac>half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|a fifth|one[- ]fifth|(?:two|three|four)[- ]fifths|a tenth|one[- ]tenth|"
    r"three[- ]quarters)(?:\s+of\b|(?<=half)(?=\s+the\s+(?!time\b|price\b|cost\b|amount\b|size\b)[a-z]+s\b))",
    re.IGNORECASE)  # ("Half the parents I speak to")
_FRACTION_VALUES = {"half": 50.0, "third": 33.3, "thirds": 66.7, "quarter": 25.0, "quarters": 75.0, "fifth": 20.0,
                    "tenth": 10.0, "fifths": 40.0}
_FIFTHS = {"two": 40.0, "three": 60.0, "four": 80.0}


def _fraction_value(frac: str) -> float:
    """'a third' 33.3, 'two-thirds' 66.7, 'three-fifths' 60 (percent)."""
    parts = re.split(r"[- ]", frac.lower())
    if parts[-1] == "fifths":
        return _FIFTHS.get(parts[0], 40.0)
    return _FRACTION_VALUES[parts[-1]]
_SCALE_AFTER = re.compile(r"\s+an?\s+(?:dozen|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
# "production dropped by a third", "cut by half": a share of change, as a percentage
_BY_FRACTION = re.compile(r"\bby\s+(?:(?P<bound>nearly|almost|about|around|roughly|more than|over|at least|up to|less than|"
                          r"as much as|as little as)\s+)?"
                          r"(?P<frac>half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|a fifth|one[- ]fifth|(?:two|three|four)[- ]fifths|a tenth|one[- ]tenth|three[- ]quarters)\b"
                          r"(?!\s+(?:of|an?)\b|[- ](?:hour|day|week|month|year|mile|kilomet))", re.IGNORECASE)
_BOUNDED_FRACTION = re.compile(
    r"(?<![\w-])(?P<bound>more than|just over|just under|nearly|almost|about|around|roughly|less than|at least|at most|"
    r"up to|close to)\s+(?P<frac>half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|a fifth|one[- ]fifth|(?:two|three|four)[- ]fifths|a tenth|one[- ]tenth|three[- ]quarters)\b"
    r"(?!\s+(?:of|an?)\b|[- ](?:hour|day|week|month|year|mile|kilomet|century))", re.IGNORECASE)
_PERIOD_HALF = re.compile(r"\b(?:first|second|latter|former|other)\s+$", re.IGNORECASE)


def _bounded(m: re.Match, value: float) -> tuple[str | None, float | None, float | None]:
    """The bound a match wrote before its value, and the value as (bound, low, high)."""
    bound = (m.group("bound") or "").lower() or None
    return bound, (None if bound in UPPER_BOUNDS else value), (None if bound in LOWER_BOUNDS else value)


def _fractions(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'more than half of them', 'nearly two-thirds of the homes': a share, as a percentage (not
    'the first half of 2024', a period)."""
    extra = []
    for m in _FRACTION.finditer(text):
        if _PERIOD_HALF.search(text, max(0, m.start() - 12), m.start()) or _SCALE_AFTER.match(text, m.end()) or \
                any(q.start <= m.start("frac") < q.end for q in found) or any(a <= m.start() < b for a, b in masked):
            continue
        bound, low, high = _bounded(m, _fraction_value(m.group("frac")))
        measure = _measure_near(text, m.start(), m.end())
        extra.append(Quantity(low, high, bound in APPROX_BOUNDS, bound, "percent", measure, m.start(),
                              m.end() - 3 if text[m.end() - 2:m.end()].lower() == "of" else m.end()))
    for m in _BOUNDED_FRACTION.finditer(text):
        # "less than half the usual rate", "a decline of nearly one-third in ridership"
        if any(q.start <= m.start("frac") < q.end for q in found + extra) or any(a <= m.start() < b for a, b in masked) \
                or _PERIOD_HALF.search(text, max(0, m.start() - 12), m.start()):
            continue
        bound, low, high = _bounded(m, _fraction_value(m.group("frac")))
        extra.append(Quantity(low, high, bound in APPROX_BOUNDS, bound, "percent", None, m.start(), m.end()))
    if "by" in text:
        for m in _BY_FRACTION.finditer(text):
            if any(q.start <= m.start("frac") < q.end for q in found + extra) or any(a <= m.start() < b for a, b in masked):
                continue
            bound, low, high = _bounded(m, _fraction_value(m.group("frac")))
            extra.append(Quantity(low, high, bound in APPROX_BOUNDS, bound, "percent", None, m.start("frac"), m.end()))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_A_UNIT_WORDS = frozenset("kilometre kilometres kilometer km mile miles metre meter tonne ton hectare acre litre liter foot "
                          "half-mile half-kilometre half-kilometer".split())
_A_UNIT = re.compile(r"\b(?:(?P<bound>more than|less than|over|under|nearly|almost|about|around|roughly|up to|at least|"
                     r"at most|no more than|as much as|as little as)\s+(?:(?:a|an|one)\s+|(?P<half2>half\s+an?\s+))|"
                     # "a half-mile zone", "rise by half a metre"
                     r"(?P<half>(?:a|an|one)\s+half[- ]|half\s+an?\s+))"
                     r"(?P<unit>kilomet(?:re|er)|km|mile|met(?:re|er)|tonne|ton|hectare|acre|lit(?:re|er)|foot)\b", re.IGNORECASE)


def _a_unit(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'queues stretched for more than a kilometre', 'beyond a half-mile zone': a measure of one
    (or half a) unit written with 'a'."""
    extra = []
    for m in _A_UNIT.finditer(text):
        if any(q.start < m.end() and q.end > m.start() for q in found) or any(a <= m.start() < b for a, b in masked):
            continue
        bound, low, high = _bounded(m, 0.5 if m.group("half") or m.group("half2") else 1.0)
        unit = m.group("unit").lower().replace("meter", "metre").replace("liter", "litre")
        unit = {"km": "kilometres", "foot": "feet"}.get(unit, unit + "s")
        extra.append(Quantity(low, high, bound in APPROX_BOUNDS, bound, unit, None, m.start(), m.end()))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_BOTH = re.compile(r"\b[Bb]oth\s+(?:of\s+the\s+)?(?P<noun>[a-z][\w-]*)(?=\s+(?:who\s+)?(?:(?:were|are|have|had)\s+"
                   r"(?:been\s+)?|later\s+)?" + _EVENT_VERBS + ")")


_TWICE = re.compile(r"\b(?:(?P<bound>at least|more than|nearly|almost|about|no fewer than|at most)\s+)?(?P<word>twice|thrice)\b"
                    r"(?!\s+(?:as|the|that|than|a|an|its|their|his|her|what|over|more|less)\b)", re.IGNORECASE)


def _twice(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'raised concerns in writing at least twice': a count of times (not 'twice as many')."""
    extra = []
    for m in _TWICE.finditer(text):
        if any(q.start < m.end() and q.end > m.start() for q in found) or any(a <= m.start() < b for a, b in masked):
            continue
        bound, low, high = _bounded(m, 2.0 if m.group("word").lower() == "twice" else 3.0)
        extra.append(Quantity(low, high, bound in APPROX_BOUNDS, bound, "times", None, m.start(), m.end()))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


def _both(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'both workers who died were employees': two people an event befell."""
    extra = []
    for m in _BOTH.finditer(text):
        if any(q.start < m.end() and q.end > m.start() for q in found) or any(a <= m.start() < b for a, b in masked):
            continue
        extra.append(Quantity(2, 2, False, None, m.group("noun"), _measure_near(text, m.start(), m.end() + 30),
                              m.start(), m.end()))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_BELOW_ZERO = re.compile(r"(?<![\w.,\-])[-\u2212\u2013](?P<num>\d+(?:\.\d+)?)\s?(?P<unit>\u00b0\s?C|\u00b0\s?F|(?-i:C|F)\b|"
                         r"degrees?\s+(?:Celsius|Fahrenheit|C|F)\b|degrees?\b)", re.IGNORECASE)


def _below_zero(text: str, found: list[Quantity], masked: list) -> list[Quantity]:
    """'an overnight low of -24 C', '\u221215\u00b0C': a temperature below zero."""
    extra = []
    for m in _BELOW_ZERO.finditer(text):
        value = -float(m.group("num"))
        read = [q for q in found if q.start <= m.start("num") < q.end]
        if read and read[0].low == -value and read[0].high == -value and read[0].start == m.start("num"):
            read[0].low = read[0].high = value  # "\u221215\u00b0C": read without its sign
            read[0].start = m.start()
            continue
        if read or any(a <= m.start() < b for a, b in masked):
            continue
        unit = m.group("unit").lower()
        unit = "degrees Fahrenheit" if unit.endswith(("f", "fahrenheit")) else \
            "degrees" if unit.startswith("degree") and unit.split()[-1] in ("degree", "degrees") else "degrees Celsius"
        extra.append(Quantity(value, value, False, None, unit, None, m.start(), m.end()))
    if "chill" in text:
        for m in _WIND_CHILL.finditer(text):
            # "wind chill values near \u201335": a chill below zero, written with no unit
            value = -float(m.group("num"))
            read = [q for q in found if q.start <= m.start("num") < q.end]
            if read and read[0].low == -value and read[0].high == -value:
                read[0].low = read[0].high = value
                read[0].start = m.start("num") - 1
                read[0].unit = read[0].unit or "wind chill"
                read[0].approximate = read[0].approximate or bool(m.group("near"))
            elif not read and not any(q.start <= m.start("num") - 1 < q.end for q in extra):
                extra.append(Quantity(value, value, bool(m.group("near")), None, "wind chill", None, m.start("num") - 1,
                                      m.end("num")))
    return sorted(found + extra, key=lambda q: q.start) if extra else found


_WIND_CHILL = re.compile(r"\bwind\s+chills?\b(?:\s+(?:values?|readings?|of|at|as\s+low\s+as|to))*\s+"
                         r"(?P<near>(?:near|around|about|of\s+about)\s+)?[-\u2212\u2013](?P<num>\d{1,2})\b", re.IGNORECASE)


_MINUS_RANGE = re.compile(r"\b(?P<bound>between|from)\s+minus\s+(?P<a>\d+(?:\.\d+)?)\s+(?:and|to)\s+minus\s+"
                          r"(?P<b>\d+(?:\.\d+)?)(?P<unit>\s?\u00b0\s?[CF]\b|\s+degrees?(?:\s+(?:Celsius|Fahrenheit))?)?", re.IGNORECASE)
_MINUS = re.compile(r"\bminus\s+(?=\d)", re.IGNORECASE)


def _minus(text: str, found: list[Quantity]) -> list[Quantity]:
    """'minus 38 degrees' is -38; 'between minus 38 and minus 45 degrees' the range from -45 to -38."""
    for m in _MINUS_RANGE.finditer(text):
        a, b = -float(m.group("a")), -float(m.group("b"))
        unit = "degrees Fahrenheit" if (m.group("unit") or "").strip().lower().endswith(("f", "fahrenheit")) else \
            "degrees Celsius" if m.group("unit") else None
        found = [q for q in found if not m.start() <= q.start < m.end()]
        bisect.insort(found, Quantity(min(a, b), max(a, b), False, "between", unit, None, m.start(), m.end()),
                      key=lambda q: q.start)
    for m in _MINUS.finditer(text):
        for q in found:
            if q.start == m.end() and q.low is not None and q.low == q.high and q.low > 0:
                q.low = q.high = -q.low
                q.start = m.start()
    return found


_THRESHOLD_BEFORE = re.compile(r"\b(?:once|if|when|whenever|until|unless|after)\s+(?:[\w'\u2019-]+\s+){1,4}?"
                               r"(?:pass(?:es|ed)?|exceed(?:s|ed)?|top(?:s|ped)?|surpass(?:es|ed)?|cross(?:es|ed)?)\s+(?:the\s+)?$",
                               re.IGNORECASE)
# "swept over two groups of ski tourers": "over" after a verb of motion is a place, no bound
_MOTION_OVER = re.compile(r"\b(?:swept|sweeping|flew|flying|rolled|poured|spilled|washed|hovered|crashed|ran|jumped|climbed|"
                          r"fell|drove|stepped|leaned|hung|towered|looked|watched|presided|handed|took)\s+over\s+$", re.IGNORECASE)
_PASSED_BEFORE = re.compile(r"\b(?:passed|passes|topped|tops|exceeded|exceeds|surpassed|surpasses|crossed|"
                            r"(?:could|would|will|may|might|can|to)\s+(?:top|pass|exceed|surpass|cross)|"
                            r"crosses|"
                            # "the tally climbed past 12,000": a verb of rising then "past"
                            r"(?:climbed|climbs|climbing|rose|rises|rising|risen|jumped|soared|surged|edged|pushed|went|"
                            r"gone|moved|crept|shot)\s+past)\s+(?:the\s+)?$", re.IGNORECASE)
# An increment, not a total: "23 more bodies", "another 40 people", "an additional 12 cases".
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|extra|further)\b(?!\s+than)", re.IGNORECASE)
# \b(?:another|an additional|a further|additional)\s+$ (ignoring case), starting with a character
# class so that the engine skips to the a's: only "a" and "A" match "a" ignoring case.
_INCREMENT_BEFORE = re.compile(r"[aA](?<!\w.)(?i:nother|n additional| further|dditional)\s+$")
INCREMENT = "additional"
# A part of a count, not a total: "nine of the dead", "23 of the 412", "40 of whom", "including six
# police officers", "among them 12 children".
_PART_AFTER = re.compile(r"\s+of\s+(?:the|them|whom|those|these|its|their|which)\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.IGNORECASE)
PART = "part"
# "the other four were found": a part of a count already given, not a total
_OTHER_BEFORE = re.compile(r"\b(?:the|an?)\s+other\s+$", re.IGNORECASE)
# Things counted, never people: a death toll named near "dozens of homes" does not count the homes.
_THING_UNITS = frozenset("""homes houses buildings dwellings structures shops vehicles cars trucks lorries buses
schools villages towns hectares acres km miles tonnes tons metres meters kg containers shelters roads bridges boats
ships vessels aircraft planes drones rockets missiles shells trees animals cattle livestock sheep goats farms
hospitals clinics stations sites posts outposts positions tents camps flights trains wagons cars carriages
counties districts provinces regions states countries municipalities cities towns communes islands
dollars euros pounds rupees shillings naira yuan yen""".split())
# pass|top|exceed|surpass|cross ignoring case, from a class of the first letters (the long s
# "\u017f" matches "s" ignoring case).
_PASSED_HINT = re.compile("[pPtTeEcCsS\u017f](?i:(?<=p)ass|(?<=p)ast|(?<=t)op|(?<=e)xceed|(?<=s)urpass|(?<=c)ross)")
_BORROW_WORDS = frozenset("from compared number toll tally total count figure".split())
_VOTE_WORDS = frozenset("voted vote votes passed approved rejected defeated ruled decision ruling majority margin "
                        "verdict split".split())
_VOTE_TALLY = re.compile(r"(?<![\w.,\-/:])(\d{1,3})-(\d{1,3})(?![\w\-]|[.,:]\d)")


def _vote_tally(text: str, found: list[Quantity], masked) -> list[Quantity]:
    """'Council voted 9-7 to cancel the project', 'by a 52-48 vote': the two sides' counts (a tally
    read as a descending range is dropped as a score)."""
    for m in _VOTE_TALLY.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b or any(q.start < m.end() and q.end > m.start() for q in found) or \
                (masked and any(s <= m.start() < e for s, e in masked)):
            continue
        if not (_VOTE_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _VOTE_AFTER.match(text, m.end())):
            continue
        for value, start, end in ((a, m.start(1), m.end(1)), (b, m.start(2), m.end(2))):
            bisect.insort(found, Quantity(value, value, False, None, "votes", None, start, end), key=lambda q: q.start)
    return found


_VOTE_BEFORE = re.compile(r"\b(?:voted|votes?\s+of|passed|approved|rejected|defeated|ruled|split)\s+(?:\w+\s+){0,2}?$",
                          re.IGNORECASE)
_VOTE_AFTER = re.compile(r"\s+(?:vote|votes|decision|ruling|majority|margin|verdict|split)\b", re.IGNORECASE)
_COMPARE_BEFORE = re.compile(
    r"(?:\b(?:up|down|higher|lower|increase|decrease|rise|fall|jump|drop)\s+from|\bcompared\s+(?:with|to))\s+"
    r"(?:(?:the|an?|earlier|previous|initial|figure|total|toll|count|tally|of)\s+){0,4}$", re.IGNORECASE)
_RISE_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|jumps|increased|increases|grew|grown|reached|reaches|"
    r"hit|hits|stood|stands|soared|surged|fell|fallen|dropped|was|is|were|now)(?:\s+(?:to|at))?\s+$", re.IGNORECASE)
_PUT_NUMBER = re.compile(r"\b(?:put|puts|putting|placed|places|placing|estimated|estimates|estimating)\s+the\s+"
                         r"(?:number|toll|tally|total|count|figure)\s+of\s+((?:[\w'\u2019-]+\s+){1,3}?)at\s+$",
                         re.IGNORECASE)
_COUNT_SUBJECT = re.compile(r"\b(?:number|toll|tally|total|count|figure)\b", re.IGNORECASE)
_SUBJECT_EDGE = re.compile(r"[;:\u2014]")


def _borrow_measures(text: str, found: list[Quantity]) -> None:
    """A bare count takes its measure from the sentence: 'The number of people confirmed dead ...
    rose to 61' counts deaths, and so does the '38' of '..., up from 38 a day earlier'."""
    starts = word_index(text)[0]
    for index, q in enumerate(found):
        if q.measure is not None or (q.unit and q.unit != "percent" and q.unit[0].islower()):
            continue
        offset = max(0, q.start - 50)
        before = text[offset:q.start]
        # Both patterns end the text before the count with whitespace and at most six words (a word
        # that runs into the count leaves no whitespace there), and each word lies inside one word
        # of the word index: searching from the sixth (second) indexed word back finds the same match.
        near = bisect.bisect_left(starts, q.start)
        if index and found[index - 1].measure and \
                _COMPARE_BEFORE.search(before, max(0, starts[near - 6] - offset) if near >= 6 else 0):
            q.measure = found[index - 1].measure
            continue
        put = _PUT_NUMBER.search(before) if "the" in before else None
        if put is not None:
            # "put the number of strikers at 1 850", "putting the number of destroyed homes at 112"
            nouns = put.group(1).split()
            measure = next((m for m in map(measure_for, nouns) if m), None)
            if measure:
                q.measure = measure
            elif q.unit is None and nouns and nouns[-1].isalpha() and nouns[-1].lower() not in ("people", "persons"):
                q.unit = nouns[-1].lower()  # a thing no measure names, counted all the same
            continue
        rise = _RISE_BEFORE.search(before, max(0, starts[near - 2] - offset) if near >= 2 else 0)
        if rise is None:
            continue
        verb_at = offset + rise.start()
        lo = 0
        for edge in _SUBJECT_EDGE.finditer(text, 0, verb_at):
            lo = edge.end()
        subject = text[lo:verb_at]
        if not _COUNT_SUBJECT.search(subject):
            continue
        for syn in SYNONYM_RE.finditer(subject):
            measure = measure_for(syn.group(1))
            if measure in _EVENT_MEASURES:
                q.measure = measure
                break


def _build(m: re.Match, text: str, single: bool = False):
    # One call for the groups: each m.group(name) is a name lookup and a call of its own.
    g_bound, num_text, g_sep, num2, g_pct, g_pct1, cur, att, odd, compound = m.group(
        "bound", "num", "sep", "num2", "pct", "pct1", "cur", "att", "odd", "compound")
    if att and att[0] == "-":
        att = att[1:]  # "a 12-km section"
    att1 = m.group("att1")
    if att1 and not single and att1 != att:
        return "rescan"  # "41C and 12 hours": a unit on the first number only
    m_start = m.start()
    bound = (g_bound or "").lower() or None
    if bound == "over" and _MOTION_OVER.search(text, max(0, m_start - 20), m.start("num")):
        bound = None  # ("swept over two groups": over the groups, not more than two)
    num_start = m.start("num")
    sep = (g_sep or "").lower()
    if sep[:1] == ",":
        sep = "or"  # "eight, sometimes ten people in one room": the two ends
    if num2 and not single:
        if (sep == "and" and bound != "between") or (sep in ("to", "-", "\u2013") and
                                                       _FROM_BEFORE.search(text[max(0, m_start - 6):m_start])
                                                       and not _RANGING_FROM.search(text[max(0, m_start - 20):m_start])
                                                       and _CHANGE_BEFORE.search(text, max(0, m_start - 110), m_start)):
            # "rose from 38 to 61": a change, two figures; "from 60 to 70 firefighters": a range
            return "rescan"
        if not cur and m.group("cur2"):
            return "rescan"  # "fell 20 percent to $1.6 billion": a share, then an amount, no range
    has_range = bool(num2) and not single
    end = m.end() if not single else m.end("num")
    pct = g_pct if (not single or not num2) else g_pct1
    if g_pct1 and not single:
        pct = pct or g_pct1  # "between 10% and 15%"
    if single and g_pct and not num2:
        end = m.end()
    value = parse_number(num_text)
    if value is None:
        return None
    if not cur and not has_range and num_text[-1:] == "m" and _METRES_DIGITS.fullmatch(num_text) and (
            _METRES_AFTER.match(text, m.end("num")) or
            # "the riverbed had dropped by as much as 3m since ...": a level that moved, not a count
            (_METRES_BEFORE.search(text, max(0, m.start("num") - 45), m.start("num")) and
             not _next_is_plural(text[m.end("num"):m.end("num") + 40])) or
            # "Himlung Himal (7,126m), near the border": a height in brackets after a name
            (text[m_start - 1:m_start] == "(" and text[m.end("num"):m.end("num") + 1] == ")")):
        # "the 186m-long bridge", "dropped roughly 14m into the river": metres, not millions
        digits = num_text[:-1].replace(",", "")
        value = float(digits) if "." in digits else int(digits)
        approximate = bool(bound) and bound in APPROX_BOUNDS
        low, high = (None, value) if bound in UPPER_BOUNDS else (value, None) if bound in LOWER_BOUNDS else (value, value)
        return Quantity(low, high, approximate, bound, "m", None, m_start, m.end("num"))
    lowered = num_text.lower()
    vague = lowered in VAGUE
    before = text[max(0, m_start - 30):m_start]
    after = text[end:end + 40]
    plain_digits = num_text.isdigit()
    if not bound and not cur and not pct:
        if _after_label(before) and not (vague or _next_is_plural(after)):
            if _STORM_CATEGORY.search(before) and _STORM_WORDS.search(text) and not has_range:
                # "Kyle was a Category 3 storm": a storm's strength on its scale, a reading people revise
                return Quantity(value, value, False, None, "category", None, m_start, end)
            if _LEVEL_BEFORE.search(before) and _WARNING_WORDS.search(text) and not has_range:
                # "raised Kanlaon's status to Alert Level 3", "a Level 5 yellow warning": a step on a scale
                return Quantity(value, value, False, None, "level", None, m_start, end)
            if _MAGNITUDE_BEFORE.search(before):
                if not has_range and (over := _BOUND_MAGNITUDE.search(before)) is not None:
                    # "41 aftershocks above magnitude 4": a bound on the scale
                    word = over.group(1).lower()
                    upper = word in ("below", "under", "up to", "less than")
                    return Quantity(None if upper else value, value if upper else None, False, word, "magnitude", None,
                                    m_start, end)
                if has_range and (value2 := parse_number(num2)) is not None and value2 > value and sep in ("to", "-", "\u2013"):
                    # "aftershocks of magnitude 5 to 5.5"
                    return Quantity(value, value2, False, "between", "magnitude", None, m_start, end)
                if not has_range:
                    return Quantity(value, value, False, None, "magnitude", None, m_start, end)  # "the magnitude 7.7 earthquake"
            return None
        if plain_digits and len(num_text) == 4 and 1800 <= value <= 2100 and not _next_is_plural(after):
            return None  # a year
    if not bound and not cur and not vague and not pct and text[m_start:m_start + 1].isdigit() and _after_name(text, m_start):
        return None  # "Local 882", "Route 66", "Flight 17": a name, not a count
    if _TIME_AFTER.match(after) or _AGE_AFTER.match(after):
        return None
    if not bound and not cur and not (g_pct or g_pct1) and text[m_start - 1:m_start] == "(" and after.startswith(")"):
        return None  # "(71)": an age after a name; "($48)" is money
    if not bound and after.startswith(",") and _NAME_COMMA_BEFORE.search(before):
        return None  # "Nazarbayev, 81, said": an age in apposition
    ratio = _RATIO_AFTER.match(after) if not has_range and not pct and not cur else None
    if ratio is None and value == 1 and not has_range and not pct and not cur:
        ratio = _ONE_IN_AFTER.match(after)  # "roughly one in five cases": a share whatever the noun
    if ratio is not None:
        # "nearly one in five homes", "9 in 10 voters": a share, stated as a percentage
        den = parse_number(ratio.group(1))
        ratio = ratio if den and value < den <= 100 and value <= 20 else None
    if ratio is not None:
        low = high = round(value / den * 100, 1)
        approximate = bound in APPROX_BOUNDS
        if bound in LOWER_BOUNDS:
            high = None
        elif bound in UPPER_BOUNDS:
            low = None
        q_end = end + len(ratio.group(0).rstrip())
        measure = _measure_near(text, m_start, q_end)
        return Quantity(low, high, approximate, bound, "percent", measure, m_start if bound else num_start, q_end)
    if lowered == "one" and not pct and not has_range:  # ("between one and two metres": a range)
        nxt = _NEXT_WORD.match(after)
        if not ((nxt and nxt.group(1).lower() in _PERSONAL_ONE) or _ONE_OF_THEM.match(after)
                or (_FROM_BEFORE.search(before) and _TO_NUMBER_AFTER.match(after))
                or _KILLED_BEFORE.search(before) or (_ONE_EVENT_AFTER.match(after) and not _NO_ONE.search(before))
                or (((bound or "").lower() in ("only", "just", "at least") or
                     _ONLY_BEFORE.search(before, max(0, len(before) - 12)))  # ("at least one tank wagon began to leak")
                    and _NEXT_LOWER.match(after)
                    and _NEXT_LOWER.match(after).group(1) not in ("of", "way", "thing", "another", "day", "time", "or", "and"))):
            return None
    if not bound and not has_range and _PASSED_HINT.search(before, len(before) - 14) and _PASSED_BEFORE.search(before) \
            and (cur or value >= 100 or not _things_passed(after)):
        bound = "more than"  # "cases have passed 800", "topped 1,000"; not "the water passed two rounds of tests"
        if _THRESHOLD_BEFORE.search(text, max(0, m_start - 60), m_start):
            bound = None  # "once the dam passes 100%", "once winds exceeded 45 mph": the threshold itself
    unit, unit_measure, unit_end = (None, None, end)
    or_more = None if bound or has_range else _OR_MORE.match(text, end)
    if or_more is not None:
        bound = "at least"  # "companies with 100 or more employees", "24°C or above"
    if pct:
        unit = "percent"
    elif att and not single:
        unit = _ATTACHED_UNITS[att]
    elif compound and not single:
        if compound[1:].lower() == "magnitude":
            return Quantity(value, value, False, None, "magnitude", None, m_start, end)  # "a 7.1-magnitude quake"
        if compound[1:] in _NOT_COMPOUND_UNITS:
            return None  # "the 5-point plan"
        unit = compound[1:]  # "the 96-car train", "a 12-member team"
    else:
        unit, unit_measure, unit_end = _unit_after(text, or_more.end() if or_more is not None else end, vague)
        if unit and or_more is None and not bound and not has_range and \
                (more := _OR_MORE.match(text, unit_end)) is not None and not _NUMBER_NEXT.match(text, more.end()):
            bound = "at least"  # "winds of 39 mph or more"; not "40 boats and over 600 personnel"
    of_no_event = False  # a term or a count of periods names no event measure
    if unit and unit.lower() in _TIME_UNITS and not cur:  # ("$14 million within two years" is money)
        if _OF_AGE.match(text, unit_end):
            unit += " of age"  # "between 12 and 15 months of age": an age, stated as a figure
        elif _RATE_AFTER.match(text, unit_end) or _COUNTED_PERIODS.fullmatch(text, end, unit_end - len(unit)):
            # a rate, or periods of a kind counted ("held 14 national strike days", "41 rainy days")
            unit_measure, of_no_event = None, True
        elif not (_JAIL_AFTER.match(text, unit_end) or _JAIL_BEFORE.search(before) or _TIME_COUNT_BEFORE.search(before)):
            return None  # a duration: time references cover it
        else:
            # a term ("up to two years in jail", "jailed for up to two years") or a count of periods
            # ("sewage on 41 days", "a combined 9,860 hours"): a figure, of no event measure
            unit_measure, of_no_event = None, True
    if cur:
        if cur.strip() in _ROAD_LETTERS and _ROAD_AFTER.match(after):
            return None  # "the SR 520 bridge", "VT 100 north": a road, not riyals or vatu
        unit = _CURRENCY.get(cur.strip(), cur.strip() if cur.strip().isupper() and len(cur.strip()) == 3 else unit)
    elif _RUPEES_BEFORE.search(before):
        unit = "rupees"  # "\u20b94.5 crore": the digit-led match cannot start at the sign (Rs/INR go through _CUR)
    low = high = value
    approximate = bool(odd)  # "8,100-odd buses"
    if has_range:
        value2 = parse_number(num2)
        if value2 is None:
            return None
        if g_pct1 and not g_pct:
            return "rescan"  # "rose 5% to 7 million": a share, then a count
        if sep == "or" and _WHETHER_BEFORE.search(text, max(0, m_start - 30), m_start):
            return "rescan"  # "Whether it is 447 or 612, nurses are ...": two figures set against each other
        if sep == "to" and _BY_BEFORE.search(text, max(0, m_start - 4), m_start) and (
                value2 > 5 * value or (not pct and not g_pct1 and value >= 5 and value2 > 2 * value)):
            # "cut by Rs1.40 to Rs155.60", "the toll climbed by 14 to 57": the change, then the new
            # level ("by 5 to 10%" is a range)
            return "rescan"
        shared = _SCALED.fullmatch(num2.strip())
        if shared and _BARE_DIGITS.fullmatch(num_text.strip()) and not pct:
            base2 = parse_number(shared.group(1))
            if base2 and value <= base2:
                value = value * (value2 / base2)  # "between $5 and $7 million": both are millions
        if value2 < value:
            # "up to £17.5m or 4% of turnover": two figures; "3-1": a score, not a range
            return "rescan" if sep in ("or", "to") else None
        low, high = value, value2
        if bound in APPROX_BOUNDS:
            approximate = True
        if vague:
            approximate = True
        if bound != "between":
            bound = bound or ("or" if sep == "or" else None)
    elif vague:
        low, high, approximate = value, None, True
    elif m.group("plus") and (not bound or bound in APPROX_BOUNDS):
        high, bound = None, "more than"  # "40-plus patients", "50+ homes", "Some 12,000-plus people"
    elif bound in LOWER_BOUNDS:
        high = None
    elif bound in ("below", "under") and _NOT_FALL_BEFORE.search(before):
        high, bound = None, "not " + bound  # "minimums that won't drop below 30 degrees": at least 30
    elif bound in UPPER_BOUNDS:
        low = None
    elif bound in APPROX_BOUNDS:
        approximate = True
    if not bound and not has_range and (_INCREMENT_AFTER.match(after) or _INCREMENT_BEFORE.search(before) or
                                        ("other" in before and _OTHER_BEFORE.search(before))):
        bound = INCREMENT  # a count added to an earlier one: never compared as a total
    measure = None if of_no_event else unit_measure or measure_for(unit) or (
        _measure_near(text, m_start, unit_end) if not cur and (not unit or unit.lower() not in _THING_UNITS)
        else None)  # money counts no people: "Tk50,000 to each injured worker"
    if not cur and unit in _MINOR_UNITS and low == high and low is not None and not has_range:
        # "50 cents for a bucket of water": money in its currency's unit (0.5)
        low = high = round(low / 100, 4)
        unit = _MINOR_UNITS[unit]
    start = m_start if bound else (m.start("cur") if cur else num_start)
    if (not bound and not has_range and not cur and not vague and unit != "percent"
            and (_PART_AFTER.match(after) or _PART_BEFORE.search(before))):
        bound = PART  # never compared as a total either
    return Quantity(low, high, approximate, bound, unit, measure, start, end)


_PLURAL_NEXT = re.compile(r"\s+(?:[a-z-]+\s+)?([a-z][a-z'-]+s)\b")


def _things_passed(after: str) -> bool:
    """'passed two rounds of testing', 'passes two consecutive inspections': a plural noun no
    measure names follows the number."""
    nxt = _PLURAL_NEXT.match(after)
    return bool(nxt and measure_for(nxt.group(1)) is None and nxt.group(1) not in _PASSED_MEASURES)


# units a figure passes ("temperatures exceeded 49 degrees Celsius", "winds topped 90 kilometres an hour")
_PASSED_MEASURES = frozenset("""people persons degrees kilometres kilometers km metres meters millimetres millimeters mm
centimetres centimeters cm miles feet inches tonnes tons hectares acres litres liters""".split())


def _after_name(text: str, start: int) -> bool:
    """Does a capitalised word stand right before the number ('Flight 17', 'Local 882')?"""
    if start < 3 or text[start - 1] != " ":
        return False
    i = j = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    word = text[i:j]
    if len(word) < 2 or not word[0].isupper() or word.lower() in _NOT_NAMES:
        return False
    return True


def _next_is_plural(after: str) -> bool:
    mm = _NEXT_LOWER.match(after)
    return bool(mm and (mm.group(1).endswith("s") or mm.group(1) in _SINGULAR_UNITS))


def _unit_after(text: str, pos: int, vague: bool) -> tuple[str | None, str | None, int]:
    """The counted noun after a number, skipping names, parentheses and one or two modifiers."""
    # Most counts name their noun within three tokens: read four (one match), and nine only when needed.
    limit = min(len(text), pos + 90)
    m = _FOUR_TOKENS.match(text, pos, limit)
    if m is None:
        return _unit_scan([], pos, vague, partial=False)
    tokens = [(m.group(i), m.end(i)) for i in (1, 2, 3, 4) if m.start(i) >= 0]
    if len(tokens) == 4:
        found = _unit_scan(tokens, pos, vague, partial=True)
        if found is not None:
            return found
        tokens += [(t.group(), t.end()) for t in islice(_TOKEN.finditer(text, m.end(), limit), 5)]
    return _unit_scan(tokens, pos, vague, partial=False)


_WHETHER_BEFORE = re.compile(r"\bwhether\s+(?:(?:it|that|they|the\s+\w+)\s+(?:is|was|are|were|be)\s+)?$", re.IGNORECASE)
_NUMBER_NEXT = re.compile(r"\s*(?:[$\u20ac\u00a3]\s?)?\d")
_OR_MORE = re.compile(r"\s*(?:or|and)\s+(?:more|above|over|higher|greater)\b(?!\s+than)", re.IGNORECASE)
# verbs after a singular noun ("at least one tank wagon began to leak"): the noun ends there
_IRREGULAR_PAST = frozenset("began begins fell falls came comes went goes broke breaks caught ran runs took takes hit hits "
                            "left remains remain stood stands sank sinks burst bursts blew caught struck".split())


def _unit_scan(tokens: list[tuple[str, int]], pos: int, vague: bool,
               partial: bool) -> tuple[str | None, str | None, int] | None:
    """_unit_after over the tokens read so far; None when a partial list ran out."""
    i = 0
    if vague and tokens and tokens[0][0].lower() == "of":
        i = 1
        if i < len(tokens) and tokens[i][0].lower() in ("the", "these", "those", "their"):
            i += 1
    skipped_mod = 0
    while i < len(tokens):
        if partial and i >= len(tokens) - 1:
            return None
        tok, tok_end = tokens[i]
        low = tok.lower()
        if tok.startswith("(") or tok in ("\"", "\u201c", "\u201d", "'", "\u2018", "\u2019"):
            i += 1
            continue
        if low in WEEKDAY_WORDS:
            return None, None, pos  # "put the toll at 19 Saturday night": a day after the count, no noun
        if tok[0].isupper() and low not in _STOP:
            i += 1
            continue
        if not tok[0].isalpha():
            return None, None, pos
        syn = measure_for(low)
        if syn in _EVENT_MEASURES and low not in ("evacuees", "detainees", "refugees", "fatalities", "casualties"):
            return None, syn, tok_end
        if low in _STOP:
            return None, None, pos
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        is_plural = low.endswith("s") or low in _SINGULAR_UNITS
        if (not is_plural and nxt[:1].islower() and nxt.isalpha() and nxt.lower() not in _STOP
                and not nxt.endswith("ed") and nxt.lower() not in _IRREGULAR_PAST and syn is None and skipped_mod < 2):
            skipped_mod += 1
            i += 1
            continue
        return tok, None, tok_end
    return None, None, pos


def _measure_near(text: str, start: int, end: int) -> str | None:
    """An event measure named near the number within the same clause ('detained more than 10,000')."""
    starts, words = word_index(text)
    if _SYNONYM_FIRST.isdisjoint(words):
        return None  # no measure word anywhere in the sentence, so none in the clause
    lo, hi = max(0, start - 60), min(len(text), end + 70)
    for b in _PUNCT_BREAK.finditer(text, lo, start):
        lo = b.end()
    b = _PUNCT_BREAK.search(text, end, hi)
    if b:
        aside = _ASIDE.match(text, b.end()) if text[b.start()] in ",\u2014\u2013" else None
        if aside:
            # "At least 17 people, among them four reservists, have been killed": the clause
            # goes on after the aside, whose own words name nothing about the count
            blank = text[:b.start()] + " " * (aside.end() - b.start()) + text[aside.end():]
            return _measure_near(blank, start, end)
        hi = b.start()
    first = bisect.bisect_left(starts, lo)
    last = bisect.bisect_left(starts, hi)
    if _SYNONYM_FIRST.isdisjoint(words[first:last]):
        return None  # the clause below lies within these words
    # The clause around the number: words before it stop at a conjunction ("12 were missing and
    # about 40 homes"), words after it stop at a contrastive one ("..., while 146 died").
    number_at = bisect.bisect_left(starts, start)
    if not _BEFORE_BREAK_WORDS.isdisjoint(words[first:number_at]):
        for k in range(number_at - 1, first - 1, -1):
            if words[k] in _BEFORE_BREAK_WORDS:
                first = k + 1
                break
    after_at = bisect.bisect_left(starts, end)
    if not _AFTER_BREAK_WORDS.isdisjoint(words[after_at:last]):
        for k in range(after_at, last):
            if words[k] in _AFTER_BREAK_WORDS:
                last = k
                break
    if "and" in words[after_at:last]:
        # "22 workers had been on shift and that the three missing men ...": a second reported
        # clause names nothing about the count before it
        for k in range(after_at, last - 1):
            if words[k] == "and" and words[k + 1] in _SECOND_CLAUSE:
                last = k
                break
    if _SYNONYM_FIRST.isdisjoint(words[first:last]):
        return None
    if first < number_at and words[number_at - 1] in _SYNONYM_FIRST:
        name = SYNONYMS.get(words[number_at - 1])
        if name in _EVENT_MEASURES:
            return name  # "killed 12 people and wounded 30": the verb right before the count
    best, best_dist = None, 10 ** 6
    for k in [k for k in range(first, last) if words[k] in _SYNONYM_FIRST]:
        word = words[k]
        name = None
        for size in (3, 2, 1):
            if k + size <= last:
                name = SYNONYMS.get(" ".join(words[k:k + size]) if size > 1 else word)
                if name:
                    break
        if name not in _EVENT_MEASURES:
            continue
        s_pos = starts[k]
        dist = s_pos - end if s_pos >= end else 2 * (start - s_pos) + 1
        if dist < best_dist:
            best, best_dist = name, dist
    return best
