"""Time references in a sentence, resolved against the article date with dateutil.

Every reference keeps the phrase as written, a role (``deadline`` for by/within/until/no more
than/"... deadline", ``since``, else ``when``) and the earliest/latest day it allows. Nothing is
resolved without a reference date: with no article date, relative phrases stay null.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from contextvars import ContextVar
from functools import lru_cache

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from claims.extract.article import MONTH_RE, MONTHS
from claims.extract.events import EVENT_CUES, SAME_SPAN, event_anchors, names_event, note_events, same_period
from claims.extract.numbers import UNITS, TENS
from claims.extract.timebase import NUMBER_WORDS as _NUMW, TimeRef, count_of as _count, shift as _shift
from claims.extract.words import word_index

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|years?)"
_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_PREP = (r"(?:(?P<prep>(?:dating|dates|date|going|stretching)\s+back\s+to|no later than|not later than|no earlier than|not earlier than|by|until|till|through|before|since|as of|from|after|on|in|at|"
         r"during|late on|early on|late|early)\s+(?:at\s+(?:the\s+)?(?:least|earliest|latest)\s+)?"
         # "missing since late Saturday night", "until early Monday": the part of the day after the preposition
         r"(?:(?:(?<=since )|(?<=until )|(?<=till )|(?<=from ))(?:late|early)\s+(?:on\s+)?(?=" + _WD + r"))?"
         # "through 4 p.m. Friday", "by 6pm on Wednesday": the hour of a day, the day keeps the preposition
         r"(?:(?:\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]m\b|[ap]\.\s?m\.?)(?:\s+(?-i:[A-Z]{2,4})\b|\s+local\s+time)?|"
         r"noon|midnight|midday|sunset|sunrise|dark|nightfall|dusk|(?<=since )(?:first\s+light|dawn|daybreak)|(?:the\s+)?close\s+of\s+business|"
         # "since the early hours of Sunday", "until the morning of January 3": a part of the day named
         r"(?:(?<=since )|(?<=until )|(?<=till )|(?<=from ))the\s+(?:early\s+|small\s+|wee\s+)?(?:hours|morning|afternoon|evening|night)\s+of)"
         r"\s+(?:on\s+)?(?=" + _WD + r"|" + MONTH_RE + r"\b|[0-3]?\d\s+" + MONTH_RE + r"\b))?)?")

# The month a financial year opens in, for the article being read: April (India, the UK, Japan,
# Canada) unless the outlet's country opens it in July (pipeline.fiscal_opens).
FISCAL_OPENS: ContextVar[int] = ContextVar("fiscal_opens", default=4)

_PATTERNS = [
    ("duration", r"(?P<dprep>for an? (?:initial |further |additional |extended )?period of|"
                 # "the operation would last another 10 days", "the count would take up to 10 days"
                 # "to be phased in over 18 months", "paid out over two years": spread over a span from now
                 r"(?:(?<=phased in )|(?<=paid out )|(?<=spread )|(?<=rolled out )|(?<=repaid )|(?<=paid back ))over|"
                 r"(?:(?:(?<=will )|(?<=would )|(?<=could )|(?<=may )|(?<=might )|(?<=to )|(?<=can ))(?:last|take)|"
                 # "would cost 120 million rupees and take up to three weeks": the modal before the "and"
                 r"(?<= and )take(?=\s+(?:up\s+to|about|around|at\s+least)\s))"
                 r"(?: another| a further| up to| about| around| at least(?: another| a further)?|(?P<dbetween> between))?|"
                 r"for (?:almost|nearly|about|around|roughly|another|a further|at least another|at least|the next)|for up to|no more than|not more than|no longer than|within the next|within the|within|in the next|"
                 # "in the 48 hours after the protests began on 6 April": counted from that day (_anchor_durations)
                 r"in the(?: first)?(?=\s+\S+\s+(?:hours?|days?|weeks?)\s+(?:after|following)\s)|"
                 r"over the next|in the coming|during the next|inside|the next|in about|in around|in roughly|in|for)\s+"
                 r"(?P<dnum>" + _NUMW + r"|(?=fortnight)|(?<=within the next )(?=(?:week|month)\b))"
                 r"(?:\s+(?:to|or|(?(dbetween)and|(?!)))\s+(?P<dnum2>" + _NUMW + r")(?=\s))?"  # "for two to three weeks": to the later end
                 r"\s*(?:(?:calendar|working|business|clear)\s+)?(?P<dunit>" + _UNIT + r")"
                 r"(?!\s+(?:a|per|each|every)\s+(?:day|week|month|year)\b)"),  # "in 12 hours a day" is a rate
    # "a 72-hour ultimatum", "the 30-day deadline": counted from the day the sentence names
    ("hyphen_span", r"(?P<hnum>" + _NUMW + r")-(?P<hunit>hour|day|week|month)\s+(?:(?:strike|eviction|exit|notice)\s+)?"
                    r"(?:deadline|ultimatum|window|notice|remand(?:\s+order)?|ban|suspension|curfew|closure|lockdown|"
                    r"moratorium|state\s+of\s+emergency|grace\s+period|target|(?:temporary\s+)?restraining\s+order|"
                    r"injunction|truce|ceasefire)"),
    ("ago", r"(?P<anum>" + _NUMW + r")\s+(?P<aunit>" + _UNIT + r")\s+(?P<adir>ago|from\s+(?:now|today))\b"),
    # "had 48 hours to deposit", "has 28 days from Thursday's hearing to lodge an appeal": a span
    # someone is given to act in (checked in _resolve: a has/had/given... stands before it)
    ("given_span", r"(?P<gnum>" + _NUMW + r")\s+(?:(?:calendar|working|business|clear)\s+)?(?P<gunit>" + _UNIT + r")(?:\s+from\s+(?:the\s+)?(?:(?P<gwd>" + _WD +
                   r")['\u2019]s\s+[a-z]+(?:\s+of\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?[a-z]+)?|date\s+of\s+[a-z]+"
                   # "48 hours from its issuance to leave", "24 hours from the issuance of its order on Tuesday evening"
                   r"|(?:its\s+|their\s+)?(?P<gissue>issuance|issue)(?:\s+of\s+(?:the|its|their|his|her|this|that)\s+[a-z]+)?"
                   r"(?:\s+on\s+(?P<gwd3>" + _WD + r")(?:\s+(?:morning|afternoon|evening|night))?)?"
                   r"|(?P<gevent>vote|ruling|hearing|decision|order|verdict|signing|"
                   r"agreement|deal|announcement|meeting|sentence|judgment|judgement)"
                   # "72 hours from the vessel's arrival in Puerto Madryn on Thursday to post a bond"
                   r"|(?:[\w'\u2019-]+\s+){0,2}?(?:arrival|departure|landing|docking|release|return|signing|handover)"
                   r"(?:\s+(?:in|at)\s+(?:[A-Z][\w'\u2019-]*\s+){0,2}[A-Z][\w'\u2019-]*)?\s+on\s+(?P<gwd2>" + _WD + r")))?"
                   r"(?=\s+(?:in\s+which\s+)?to\s+(?-i:[a-z]))"),
    ("past_span", r"(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+(?:(?P<pnum>" + _NUMW + r")\s+)?(?P<punit>" + _UNIT + r")"
                  # (not "in the last week of December": a week of a month)
                  r"(?!\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                  r"(?:this|next|last)\s+month)\b)"),
    # "since the start of the year", "since the beginning of May", "from the start of last month"
    ("start_of", r"(?P<sprep>since|from|after|at|in)\s+the\s+(?:start|beginning)\s+of\s+(?:(?P<srel>the|this|last|next)\s+"
                 r"(?P<sunit>week|month|year)|(?P<smonth>" + MONTH_RE + r")(?:\s+(?P<syear>" + _YEAR + r"))?)"),
    # "in the first nine months of this year", "the first half of 2024"
    ("first_part", r"(?:(?:in|during|over)\s+)?the\s+(?P<ford>first|second|third|fourth|last|final)\s+(?:(?P<fnum>"
                   + _NUMW + r")\s+months|(?P<fhalf>half|quarter))"
                   r"(?:\s+of\s+(?:(?P<frel>this|last|next|the)\s+year|(?P<fyear>" + _YEAR + r")|"
                   # "in the second half of November": its first or last fifteen days
                   r"(?P<fmonth>January|February|March|April|May|June|July|August|September|October|November|December))"
                   # "Arrivals were down 35% in the first nine months": of this year, the months gone by
                   r"|(?P<fbare>(?<=months)(?=[.,;]|\s+(?:and|but|compared|from|to|of\s+(?:operation|the\s+(?:strike|war|outbreak)))\b)))"),
    # "in the year to December", "the three months to September 30", "the six months ended 30 June"
    ("period_to", r"(?:(?:in|over|during|for)\s+)?the\s+(?:(?P<ptn>" + _NUMW + r")\s+(?P<ptu>months|weeks|years)|"
                  r"(?P<pt1>year|quarter|month|fortnight))\s+(?:to|ending|ended|through)\s+(?:(?P<ptd>[0-3]?\d)\s+)?"
                  r"(?P<ptm>January|February|March|April|May|June|July|August|September|October|November|December)"
                  r"(?:\s+(?P<ptd2>[0-3]?\d)(?!\d))?(?:,?\s+(?P<pty>" + _YEAR + r"))?\b"),
    # "in the first week of February", "by the last week of this month": a week of a month by its days
    ("week_of", _PREP + r"the\s+(?P<wkord>first|second|third|fourth|final|last)\s+week\s+of\s+(?:(?P<wkrel>next|this|last)\s+month|"
                r"(?P<wkm>January|February|March|April|May|June|July|August|September|October|November|December)"
                r"(?:,?\s+(?P<wky>" + _YEAR + r"))?)\b"),
    # "Voting will take place on the 27th": a day of this month or the one next to it
    ("day_ord", r"(?P<prep>on|by|until|till|before|from|since)\s+the\s+(?P<dordn>[12]?\d|3[01])(?:st|nd|rd|th)"
                r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|at|when|to|until|with|in|if|as|after|before|but|instead|"
                # "Every application that is complete by the 30th will be processed"
                r"will|would|shall|must|can|could|is|are|was|were|has|have|had|deadline|cut-?off)\b)"),
    # "by the 15th of next month", "on the 3rd of March"
    ("ord_of_month", _PREP + r"the\s+(?P<odn>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:(?P<odrel>next|this|last)\s+month|"
                     r"(?P<odm>January|February|March|April|May|June|July|August|September|October|November|December)"
                     r"(?:,?\s+(?P<ody>" + _YEAR + r"))?)\b"),
    # "in the first nine days of January", "the last two weeks of this month"
    ("first_days", r"(?:(?:in|during|over)\s+)?the\s+(?P<fdord>first|last)\s+(?P<fdnum>" + _NUMW + r")\s+(?P<fdunit>days|weeks)\s+of\s+"
                   r"(?:(?P<fdm>January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"(?:,?\s+(?P<fdy>" + _YEAR + r"))?|(?P<fdrel>this|last|the)\s+(?P<fdper>month|year))\b"),
    # "285 in all of 2024", "throughout 2023"
    ("whole_year", r"(?:(?:in|for|during)\s+)?(?:all\s+of|the\s+whole\s+of|throughout)\s+(?P<wyear>" + _YEAR + r")(?!\d|,\d|-\d)"),
    ("period_end", _PREP + r"(?:the\s+)?(?P<peunit>year|month|week)-end\b"),
    # "till January-end", "by end-March", "by the end-June deadline": the month's last day
    ("month_end", _PREP + r"(?:the\s+)?(?:end-(?P<mem1>" + MONTH_RE + r")|(?P<mem2>" + MONTH_RE + r")[- ]end)\b"),
    # "on the last day of this month", "the last day of February"
    ("last_day_of", _PREP + r"the\s+(?P<ldord>last|final|first)\s+day\s+of\s+(?:(?P<ldrel>this|next|last|the)\s+(?P<ldunit>month|year)|"
                    r"(?P<ldm>January|February|March|April|May|June|July|August|September|October|November|December))\b"),
    ("end_of", _PREP + r"the\s+end\s+of\s+(?:the\s+(?P<eq>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<eqy>" + _YEAR + r"))?|(?P<erel>the|this|next|last)\s+(?P<eunit>week|month|year)|(?P<eyearonly>" + _YEAR + r")\b|(?P<emonth>" + MONTH_RE + r")(?:\s+(?P<eyear>" + _YEAR + r")|\s+(?P<enext>next|last|this)\s+year)?)"),
    # "from Monday to Wednesday", "between Friday and Sunday"
    ("wd_range", r"(?:from|between)\s+(?P<rg1>" + _WD + r")(?:\s+(?:night|morning|evening|afternoon))?\s+(?:to|until|till|through|and)\s+"
                 # "between Wednesday night and dawn on Friday"
                 r"(?:(?:dawn|daybreak|noon|midday|midnight|\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\.?)\s+(?:on\s+)?)?(?P<rg2>" + _WD + r")"
                 r"(?:,?\s+(?P<rgrel>last|next|this)\s+week)?"),
    # "between now and Sunday": from the day it is said
    ("now_to_wd", r"(?:from|between)\s+now\s+(?:to|until|till|through|and)\s+(?P<nwd>" + _WD + r")"),
    ("wd_week", _PREP + r"(?P<wwd>" + _WD + r")" + _PART + r"(?:,?\s+(?P<wrel>next|last|this)\s+week|(?P<wweek>\s+week)(?!['\u2019]s|\s+of))"),
    ("rel_wd", _PREP + r"(?P<rrel>next|last|this|this coming|coming)\s+(?P<rwd>" + _WD + r")" + _PART),
    # "23 died in 2025, up from 17 the year before": the year before the one named (else last year)
    ("year_before", r"(?:the\s+year\s+before|the\s+prior\s+year|a\s+year\s+earlier)"),
    # "for the rest of the week", "through the remainder of the year": from the article's day
    ("rest_of", r"(?:for|during|through|over|throughout)\s+the\s+(?:rest|remainder)\s+of\s+(?:the|this)\s+(?P<rounit>week|month|year)\b"),
    # "earlier in the month", "later in the week": as "earlier this month", "later this week"
    ("earlier_in", r"(?P<eiw>earlier|later)\s+in\s+the\s+(?P<eiu>week|month|year)\b"),
    ("rel_period", _PREP + r"(?P<qrel>last|this|next|later this|earlier this|early next|late last|early this|late this|the past|the previous|the coming|the following(?=\s+(?:week|month|year)))\s+(?P<qunit>week|month|year|weekend)"),
    ("holiday", _PREP + r"(?P<hname>new year's day|new year's eve|christmas day|christmas eve|boxing day|new year's|christmas(?!\s+(?:holidays?|season|period|break|market|tree|lights|shopping|bonus))|"
                r"easter(?:\s+(?:sunday|monday))?|good\s+friday)"),
    ("iso", _PREP + r"(?P<iy>" + _YEAR + r")-(?P<im>[01]\d)-(?P<id>[0-3]\d)"),
    # "dated 20/01/2022", "on 3.11.2025": day first unless the first number cannot be a day's month
    ("numdate", _PREP + r"(?P<nd1>[0-3]?\d)(?P<ndsep>[/.])(?P<nd2>[0-3]?\d)(?P=ndsep)(?P<ny>" + _YEAR + r")\b"),
    ("mdy_range", r"(?P<rprep>between|from)\s+(?P<rm1>" + MONTH_RE + r")\.?\s+(?P<rd1>" + _DAYNUM + r")(?!\d)"
                  r"(?:,?\s+(?P<ry1>" + _YEAR + r"))?\s*(?:and|to|through|until|-|\u2013)\s*(?:(?P<rm2>" + MONTH_RE +
                  r")\.?\s+)?(?P<rd2>" + _DAYNUM + r")(?!\d)(?:,?\s+(?P<ry2>" + _YEAR + r"))?"),
    ("mdy", _PREP + r"(?P<m1>" + MONTH_RE + r")\.?\s+(?P<d1>" + _DAYNUM + r")(?!\d)(?:[-\u2013](?P<d1b>" + _DAYNUM +
            r")(?!\d)|\s+(?:and|to|through|until|till)\s+(?P<d1c>" + _DAYNUM + r")(?!\d|[,.]\d)(?![^\S\n]*(?!(?:before|after|when|and|or|to|at|in|on|for|but|as|"
            r"with|from|until|the|a|an)\b)[^\W\d_]))?(?:,?\s+(?P<y1>" + _YEAR + r")|\s+(?P<yr1>last|next|this)\s+year)?(?P<incl1>\s+inclusive)?"),
    ("dmy", _PREP + r"(?:(?P<d2a>[0-3]?\d)\s?[-\u2013]\s?|(?:(?<=between )|(?<=from )|(?<=weekend of ))(?P<d2b>[0-3]?\d)\s+(?:and|to|until|till)\s+)?(?P<d2>" + _DAYNUM + r")\s+(?P<m2>" + MONTH_RE + r")\b\.?(?:,?\s+(?P<y2>" + _YEAR + r")|\s+(?P<yr2>last|next|this)\s+year)?(?P<incl2>\s+inclusive)?"),
    # "in September and October last year", "in April or May next year": two months of one year
    ("month_pair", r"(?P<prep>in|during|by|until|before|for)\s+(?P<mp1>" + MONTH_RE + r")\s+(?:and|or)\s+(?P<mp2>" + MONTH_RE +
                   r")(?:,?\s+(?P<mpy>" + _YEAR + r")(?!\d)|\s+(?P<mprel>last|next|this)\s+year\b)"),
    ("my", _PREP + r"(?:(?:early|mid|late)[- ])?(?P<m3>" + MONTH_RE + r"),?\s+(?P<y3>" + _YEAR + r")(?!\d)"),  # ("November, 2021")
    ("month", r"(?P<mprep>(?:until|till|by|before|since|from)\s+(?:at\s+least\s+)?(?:early|mid|late)|"
              r"(?:until|till|by)\s+at\s+least|(?:for\s+)?the\s+whole\s+of|all\s+of|no\s+earlier\s+than|not\s+earlier\s+than|throughout|as recently as|as late as|as early as|as far back as|backdated to|by|until|till|before|since|from|in|during|after|for|early|late|mid|through|last|next|this|"
              # "could delay the planting ... into November", "well into October"
              r"(?:well\s+)?into)[- ]"
              r"(?P<m4>January|February|March|April|(?-i:May)|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(?!\.?\s+\d)(?!\s+(?:to|until|through)\s+" + MONTH_RE + r"\b)"
              r"(?:\s+(?:of\s+)?(?P<yr4>last|next|this)\s+year)?"),
    # "the November ceasefire", "the May elections": a month naming an event
    # "the November ceasefire", "the May elections", "said November rainfall was": a month naming a
    # period or an event (without "the", written with its capital and never "May")
    ("the_month", r"(?:the\s+(?P<m6>January|February|March|April|(?-i:May)|June|July|August|September|October|November|"
                  r"December)|(?<![\d,]\s)(?P<m7>(?-i:January|February|March|April|June|July|August|September|October|"
                  r"November|December)))(?:['\u2019]s(?=\s+[A-Za-z])|\b(?=\s+(?!(?:of|and|or|to|in|on|at|is|was|were|will|has|had|that|which|through|"
                  r"until|till|said|says|told|added|asked|noted|wrote)\b)(?(m6)(?-i:[A-Z]?[a-z]{3,})|(?-i:[a-z]{3,}))))"),
    ("weekend", r"(?P<wkprep>over|at|during|on|through|throughout|until|till|since|for|by)\s+the\s+weekend"
                r"(?!\s+of\s+(?:\d|" + MONTH_RE + r"))"),
    # "on the last Sunday of March", "the first Monday in February"
    ("nth_wd", _PREP + r"the\s+(?P<nthn>first|second|third|fourth|last|final)\s+(?P<nthd>" + _WD + r")\s+(?:of|in)\s+"
               r"(?P<nthm>January|February|March|April|May|June|July|August|September|October|November|December)"
               r"(?:,?\s+(?P<nthy>" + _YEAR + r"))?\b"),
    ("wd", _PREP + r"(?P<wdname>" + _WD + r")(?:['\u2019]s)?" + _PART),
    ("overnight", r"(?P<onprep>overnight)"),
    # "two days later", "three days earlier": counted from the day named before
    ("n_days_rel", r"(?P<ndnum>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a(?=\s+(?:week|day\s+(?:after|before)\s+\w))|one(?=\s+(?:week|day))"
                   r")\s+(?P<ndunit>days?|weeks?|hours(?=\s+(?:later|earlier)\b))\s+"
                   r"(?P<nddir>later|earlier|before|after)\b(?!\s+than\b)"),  # ("a week later than planned")
    # "a budget of Rs 312.5 crore for 2024-25", "in the current financial year": a financial year,
    # read as April to March (India, the UK, Japan, Canada, Hong Kong, New Zealand)
    ("fiscal", r"(?:(?P<fyprep>for|in|during|of)\s+)?(?:(?:FY|fiscal|financial\s+year)\s?)?(?P<fy1>20\d\d)[-\u2013/](?P<fy2>\d\d)\b(?![-\u2013/]\d)"
               r"|(?:(?:in|during|for|of)\s+)?(?P<fyrel>the\s+current|this|last|the\s+previous|next|the\s+next)\s+"
               r"(?:financial|fiscal)\s+year"
               # "in fiscal 2026" (Japan's April-March year), "FY2025"
               r"|(?:(?:in|during|for|of|by)\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<fysingle>20\d\d)\b(?![-\u2013/]\d)"),
    # "between June and August", "from March to May 2024"
    ("month_range", r"(?P<mrprep>between|from)\s+(?P<mr1>" + MONTH_RE + r")\s+(?:and|to|until|through)\s+(?P<mr2>" + MONTH_RE +
                    r")\b(?!\.?\s+\d{1,2}\b)(?:,?\s+(?P<mry>" + _YEAR + r")|\s+(?P<mrrel>last|this|next)\s+year)?"),
    # "second-quarter output": a quarter of the article's year (the last such quarter begun)
    ("bare_quarter", r"(?:(?:in|during|for|over)\s+the\s+)?(?P<bqord>first|second|third|fourth)[- ]quarter\b(?!\s+of\b)"),
    # "would cost the government some €11 million over three years": a sum spread over a span from now
    ("cost_over", r"over\s+(?:the\s+next\s+)?(?P<conum>" + _NUMW + r")\s+(?P<counit>years|months)\b"),
    # "reached the scene within 90 minutes of the distress call": the day of the act counted from
    ("within_minutes", r"within\s+(?P<wmn>" + _NUMW + r")\s+minutes\s+of\s+(?:the|a|an|its|their|his|her)\b"),
    # "By the end of Wednesday, crews had restored power": the end of that day
    ("end_of_wd", _PREP + r"the\s+end\s+of\s+(?P<eowd>" + _WD + r")\b"),
    # "the January-September period", "the April-June quarter": the months between
    ("month_dash", r"(?:(?:in|during|for|over)\s+)?the\s+(?P<md1>" + MONTH_RE + r")\s?[-\u2013]\s?(?P<md2>" + MONTH_RE +
                   r")(?:\s+(?P<mdyr>" + _YEAR + r"))?\s+(?:period|quarter|season|months|window)\b"),
    # "the 2023 season", "the 2019 elections": a year naming an event
    ("the_year", r"(?:the|a|an|its|their|his|her|this|next|last)\s+(?:(?:draft|revised|new|proposed|approved|annual|"
                 r"supplementary|provisional|preliminary|final)\s+)?(?P<tyval>" + _YEAR + r")(?=\s+(?!(?:and|or|to|in|of)\b)[a-z]{3,})"),
    # "waiting since 6 am", "since dawn": earlier the same day
    ("since_clock", r"since\s+(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\b\.?|dawn|daybreak|midnight|early morning|"
                    # "grounded since mid-morning", "opened across the capital since the morning"
                    r"(?:the\s+)?(?:mid-|early\s+|late\s+)?(?:morning|afternoon)\b(?!\s+of\b))"),
    # "shortly after midnight", "at dawn" with no day beside it: the day of a past statement
    ("clock_word", r"(?:(?:shortly|just|soon|right|sometime)\s+(?:after|before)\s+|at\s+(?:about\s+|around\s+)?)"
                   r"(?P<cword>midnight|noon|dawn|daybreak)(?![^\S\n]+(?:on|of|the|last|this|tonight|today)\b|[^\S\n]+"
                   + _WD + r"|[^\S\n]*,?[^\S\n]*(?:local\b|(?-i:[A-Z]{2,4})\b))"),
    ("relday", _PREP + r"(?P<rdword>the day after tomorrow|the day before yesterday|today|yesterday|tomorrow|tonight|last night|last evening|this morning|this afternoon|"
               r"this evening|the previous day|the day before|a day earlier|a day later|since then|"
               r"the previous (?:night|morning|evening|afternoon)|the night before|the day after(?!\s+(?:the|a|an|his|her|its|their)\b)|"
               r"by the (?:evening|afternoon|morning|end of the day)|by (?:evening|nightfall|midday|dawn|daybreak)|"
               r"by (?:late|early|mid-) ?(?:afternoon|morning|evening)|"  # "had arrived by late afternoon"
               r"before (?:nightfall|dusk|dark|sunset)|"  # "asking them to move to safer places before nightfall"
               r"(?:the same|that same|later that|that|the next|the following) (?:day|night|morning|evening|afternoon))\b"),
    # "between 2019 and 2024", "from 2015 to 2020"
    ("year_range", r"(?P<yrprep>between|from|(?:through|throughout|during|in)(?=\s+\d{4}\s+and\s)|"
                   # "during the 2020-2023 drought": the years an event spans
                   r"the(?=\s+\d{4}[-\u2013]\d{4}\s+[a-z]))\s+(?P<yr1>" + _YEAR + r")\s*(?:and|to|through|until|-|\u2013)\s*(?P<yr2>"
                   + _YEAR + r")(?!\d|,\d|-\d)"),
    # "in the 1990s", "since the 2010s"
    ("decade", r"(?P<dcprep>in|during|since|from|by|until|through|throughout|over)\s+the\s+(?P<dcval>(?:1[89]|20)\d0)s\b"),
    ("year", r"(?:(?P<yprep>(?:dating|dates|date|going|stretching)\s+back\s+to|(?:(?<=cent )|(?<=% )|(?<=%, )|(?<=percent ))on|for|in|since(?:\s+at\s+least)?|by|until|till|through|from|during|"
             r"before|after|up\s+to(?=\s\d{4}(?:[.,;:)]|$|\s+(?:and|or|when|according|under)\b))|"
             # "the eruptions of 2011", "the floods of 2024": an event's year after its noun (not "a crowd of 2000 people")
             r"(?<=[a-z]\s)of(?=\s\d{4}(?:[.,;:)!?]|$|\s+(?:and|or|but|when|where|which|that|was|were|had|has|have|is|are|"
             r"very|in|on|to|at|as|the|a|an|we|I|it|they|he|she|still|also)\b))|"
             # "between 2020 and the end of last year": a year opening a span closed by a date
             r"between(?=\s\d{4}\s+and\s+(?:the\s+(?:end|start|beginning|middle|close)\s+of\s|(?:last|this)\s+year\b|"
             r"(?:early|mid|late)[- ]|" + MONTH_RE + r"\b)))"
             # "by mid-2022", "in early 2023", "late 2021": a third of the year
             r"(?:\s+(?P<ypart>early|mid|late))?|(?P<ypart0>early|mid|late))"
             r"[- ](?P<yval>" + _YEAR + r")(?!\d|,\d|-\d)"),
    # "since the colliery closures of 1987", "since the floods in 2010"
    ("since_event", r"since\s+the\s+(?:[^\W\d_][\w'\u2019-]*\s+){1,4}?(?:of|in)\s+(?P<sevent>" + _YEAR + r")(?!\d|,\d|-\d)"),
]


def _group(*names: str) -> re.Pattern:
    """The master pattern restricted to the kinds a trigger word can start: much cheaper to try."""
    return re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{pat.replace('?P<prep>', f'?P<prep_{name}>')})"
                                         for name, pat in _PATTERNS if name in names) + r")\b", re.IGNORECASE)


_BY_WEEKDAY_END = _group("end_of_wd", "nth_wd", "wd_range", "now_to_wd", "wd_week", "rel_wd", "holiday", "wd")  # "by the end of Friday"
_BY_WEEKDAY = _group("nth_wd", "wd_range", "now_to_wd", "wd_week", "rel_wd", "holiday", "wd")
# _BY_PERIOD without the phrases that start with a number ("48 hours to", "two days later", "a 72-hour
# ultimatum", "3 years ago"), for start positions that hold no number
_BY_PERIOD_WORDS = _group("cost_over", "earlier_in", "ord_of_month", "first_days", "week_of", "last_day_of", "rest_of", "fiscal", "bare_quarter", "duration", "past_span", "start_of", "first_part", "period_end", "end_of", "year_before", "rel_period",
                          "weekend")
_NUMBER_STARTS = frozenset(UNITS) | frozenset(TENS) | frozenset("a an several few forty-eight seventy-two twenty-four".split())
_BY_MONTH = _group("month_dash", "period_to", "ord_of_month", "first_days", "first_part", "week_of", "month_end", "last_day_of", "month_pair", "start_of", "end_of", "mdy_range", "month_range", "mdy", "dmy", "my", "month", "the_month")
_BY_PERIOD = _group("cost_over", "earlier_in", "ord_of_month", "first_days", "week_of", "last_day_of", "rest_of", "fiscal", "bare_quarter", "n_days_rel", "duration", "hyphen_span", "ago", "given_span", "past_span", "start_of", "first_part", "period_end", "end_of", "year_before", "rel_period", "weekend")
_BY_DAYWORD = _group("within_minutes", "since_clock", "overnight", "relday", "holiday", "wd", "clock_word")
_BY_YEAR = _group("day_ord", "numdate", "end_of", "iso", "since_event", "first_part", "whole_year", "year_range", "decade", "fiscal", "year", "the_year")
_BY_DAY = _group("last_day_of", "rel_period", "relday", "holiday", "n_days_rel", "duration", "hyphen_span", "ago", "given_span", "past_span")
# Words that every time reference contains: the full pattern only runs near one of them.
_TRIGGER_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    "today yesterday tomorrow tonight night morning week weeks weekend month months year years day days hours "
    "hour ago christmas eve year's dawn daybreak nightfall midnight noon overnight evening afternoon easter fortnight "
    "mid-morning mid-afternoon "
    "fortnights quarter first-quarter second-quarter third-quarter fourth-quarter minutes".split())
_CLOCK_TRIGGERS = frozenset("am pm a.m p.m".split())  # only after "since": "waiting since 6 am"
_TRIGGER_INSIDE = re.compile(r"(?:day|January|February|March|April|June|July|August|September|October|November|"
                             r"December)['\u2019]s\b|-(?:January|February|March|April|May|June|July|August|"
                             r"September|October|November|December)\b", re.IGNORECASE)
# \b(?:1[89]|2[01])\d\d\b, from a class of its first digit (same matches, skips to 1s and 2s).
_YEARISH = re.compile(r"[12](?<!\w.)(?:(?<=1)[89]|(?<=2)[01])\d\ds?\b")
# _TRIGGER_INSIDE split in two, each starting from its rare character: the one-pass pattern tries
# every position of the sentence (about 10 us a sentence); these find the same matches.
_APOS_S = re.compile(r"['\u2019]s\b", re.IGNORECASE)
_DAY_OR_MONTH_END = re.compile(r"(?:day|week|weekend|month|year|January|February|March|April|June|July|August|September|"
                               r"October|November|December)\Z", re.IGNORECASE)
_HYPHEN_SPAN = re.compile(r"-(?:hour|day|week|month)\s+(?:(?:strike|eviction|exit|notice)\s+)?(?:deadline|ultimatum|window|notice|remand|"
                          r"ban|suspension|curfew|closure|lockdown|moratorium|state\s+of\s+emergency|grace\s+period|target|"
                          r"(?:temporary\s+)?restraining\s+order|injunction|truce|ceasefire)\b",
                          re.IGNORECASE)
_PERIOD_END = re.compile(r"\b(?:year|month|week)-end\b", re.IGNORECASE)
_MONTH_DASH_END = re.compile(r"\b" + MONTH_RE + r"-end\b", re.IGNORECASE)  # "till January-end"
_HYPHEN_MONTH = re.compile(r"-(?:January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\b", re.IGNORECASE)


def _trigger_inside(text: str) -> bool:
    """_TRIGGER_INSIDE.search(text) is not None, faster: "Monday's", "New Year's Day's", "mid-January"."""
    if "-" in text and (_HYPHEN_MONTH.search(text) is not None or _HYPHEN_SPAN.search(text) is not None or
                        _PERIOD_END.search(text) is not None or ("-end" in text and _MONTH_DASH_END.search(text) is not None)):
        return True
    if "'" in text or "\u2019" in text:
        for m in _APOS_S.finditer(text):
            at = m.start()  # the longest word before the mark is "September": 9 characters
            if _DAY_OR_MONTH_END.search(text, max(0, at - 9), at) is not None:
                return True
    return False


_PERIOD_WORDS = frozenset("week weeks weekend month months year years days hours hour ago fortnight fortnights quarter "
                          "first-quarter second-quarter third-quarter fourth-quarter".split())
_START_WORDS = frozenset("""its their his her same that following dating dates date going stretching as shortly just soon right sometime backdated no not later than by until till before since as of from after on in at during late early
the last this next earlier coming past previous within inside over for a an one few several new mid between
through throughout all whole up good last take into well
""".split()) | frozenset(UNITS) | frozenset(TENS) | frozenset(WEEKDAYS) | frozenset(MONTHS) | {"new year's", "year's"}
_WEEKS_TIME = re.compile(r"['\u2019]?\s+time\b", re.IGNORECASE)
_TIME_AFTER_IN = re.compile(r"\s*(?:time|a row)\b")
_DAY_NUM = re.compile(r"\d+")
_AGENT_BY = re.compile(r"^\s+(?!(?:at|in|on|and|or|to|the|next|this|last|when|if|unless|after|before|as|so|but|with|"
                       r"while|from|for|of|is|was|will|would|to|that|which|evening|morning|night|afternoon|inclusive)\b)[a-z]{3,}")
_DEADLINE_BEFORE = re.compile(r"\b(?:deadline|ultimatum|cut-?off)\s+(?:(?:of|at|for|is|was|on|set|expires|runs out)\s+)*"
                              r"(?:(?:noon|midday|midnight|dawn|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?)\s+)?$", re.IGNORECASE)
_DEADLINE_GONE = re.compile(r"[^.;]{0,60}?\b(?:passed|expired|lapsed|ran out|was missed|came and went)\b")
# "to submit", not "next to the village": a "to" before a determiner is a preposition
_FORWARD_BEFORE = re.compile(r"\b(?:asking|demanding|calling|urging|requesting|seeking|pressing|would|could|should|might|"
                             # "adding that arrests were likely by Tuesday": a forecast
                             r"(?:was|were|is|are)\s+likely|"
                             r"bracing|braced|preparing|gearing|forecasting|predicting|projecting|"
                             # (not "had fallen to between five and ten ... by Monday": a figure, no verb)
                             # (not "moved voluntarily to evacuation centres": a noun after "to")
                             # (not "had been moved to relief camps by Friday evening": a place after a motion)
                             r"must|(?<!moved )(?<!taken )(?<!evacuated )(?<!relocated )(?<!transferred )(?<!shifted )"
                             r"(?<!rushed )(?<!brought )(?<!sent )(?<!admitted )(?<!returned )(?<!fled )"
                             r"to\s+(?![a-z]+(?:tion|tions|sion|ment|ments|ness|ity|ance|ence|tre|tres)\b)"
                             r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|our|my|your|between|about|"
                             r"around|nearly|almost|just|some|more|less|fewer|under|over|below|above|roughly|zero|"
                             r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                             r"sixty|seventy|eighty|ninety|hundred|hundreds|dozens|thousands|half)\b)(?-i:[a-z]+))\b[^.;]*$",
                             re.IGNORECASE)
# "asked/ordered/told/needed ... by Friday", "said if it is not paid by Friday": a past clause that
# still looks forward
_ASKED_BEFORE = re.compile(r"\b(?:asked|demanded|called|urged|requested|sought|pressed(?!\s+into\b)|ordered|"
                           r"told(?!\s+(?:[\w-]+\s+){0,3}?that\b)|instructed|"  # (not "told Gulf Times that ...": a report)
                           r"directed|required|needed|wanted|expected|promised|pledged|vowed|agreed|planned|aimed|"
                           r"hoped|gave|given|set|deadline|ultimatum|due|if|unless|is|are|am)\b[^.;]*$", re.IGNORECASE)
_DESIGNATED_BEFORE = re.compile(r"\b(?:declared|declares|proclaimed|proclaims|designated|designates|named|names)\s+$",
                                re.IGNORECASE)
_MOURNING_DECLARED_BEFORE = re.compile(r"\b(?:declared|declares|proclaimed|proclaims|announced|announces|ordered|orders)\s+"
                                       r"(?:[\w-]+\s+){0,4}?(?:mourning\s+(?:(?:on|for)\s+)?|holiday\b[^.;]{0,80})$",
                                       re.IGNORECASE)
_ISSUED_BEFORE = re.compile(r"\b(?:issued|issues|delivered|announced|imposed|gave|sent|declared|extended|"
                            r"presented|handed)\s+(?:(?:the|its|their|his|her)?\s*(?:[\w'\u2019-]+\s+){1,4}?)?"  # "gave the government a ..."
                            r"(?:an?|the|its|their|his|her)\s+(?:[\w-]+\s+)?(?:deadline|ultimatum)\s+$",
                            re.IGNORECASE)
_GIVEN_BEFORE = re.compile(r"\b(?:has|have|had|having|given|gave|give|gives|giving|get|gets|got|granted|grants|allowed)"
                           r"(?:\s+(?!(?:been|to|for|in|on|after|taken|spent)\b)[\w'\u2019-]+){0,9}\s+[\"\u201c]?$", re.IGNORECASE)
# "gave the company contracted to supply its plants with fuel oil 72 hours to unload": the one given
# described at length (a "to" inside the description, never right after the verb)
_BRACING_BEFORE = re.compile(r"\b(?:bracing|braced|brace|preparing|prepared|gearing\s+up)\s+for\b[^.;]{0,50}$", re.IGNORECASE)
_GAVE_BEFORE = re.compile(r"\b(?:gave|given|giving|granted)\s[^.;]{0,60}$", re.IGNORECASE)  # "had given the council until 5pm on Friday"
# "X said the group had given the council until Friday" looks ahead from the saying; told without one,
# "The council had given them until 5pm on Monday to remove it" is a deadline already behind the story
_SAYING = re.compile(r"\b(?:said|says|told|tells|according\s+to|announced|added|warned|stated)\b", re.IGNORECASE)
_GAVE_LONG_BEFORE = re.compile(r"\b(?:gave|given|giving)\s+(?:the|a|an|its|their)\s+(?:\(?[\w'\u2019-]+\)?\s+){1,11}$",  # "(FRF)"
                               re.IGNORECASE)
# a relative clause between commas right before a phrase: ", who have blocked the roads since Monday, "
_ASIDE_END = re.compile(r",\s+(?:who|which)\s[^,;]*,\s*$", re.IGNORECASE)
_ON_WEEKDAY = re.compile(r"\bon\s+(" + _WD + r")\b", re.IGNORECASE)
_SPAN_TO_BEFORE = re.compile(r"\b(?:hours?|days?)\s+(?:to|through|until|till)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*"
                             r"(?:[ap]\.?\s?m\.?)?\s+(?:on\s+)?)?$", re.IGNORECASE)
# "were unable to reach the village until Sunday": a negated past clause, so that Sunday is past
_NEGATED_PAST_UNTIL = re.compile(r"\b(?:unable|not|n't|n\u2019t|never|no one|nobody)\b[^.;,]*(?<!\bhad)(?<!\bhas)(?<!\bhave)"
                                 r"(?<!\bgiven)(?<!\bgave)\s+(?:until|till)\s+$"
                                 # "why it had taken until Sunday to confirm a case": a delay that is over
                                 r"|\b(?:took|taken|waited)\s+(?:\w+\s+)?(?:until|till)\s+$",
                                 re.IGNORECASE)
_GRANTED_BEFORE = re.compile(r"\b(?:gave|given|give|gives|giving|granted|grants|extended|extends|set|sets|"
                             # (not "no siren had sounded ... until Monday": a perfect tense, nothing had)
                             r"has|have|had(?!\s+(?:not\s+|never\s+|already\s+)?[a-z]+(?:ed|en)\b)|"
                             r"kept|keeps|maintained|maintains|"  # "kept a red alert in place ... until Tuesday"
                             # ("told The Nation that families were stranded ... until Monday": a report, no grant)
                             r"ordered|told(?![^.;,]*\bthat\s)|asked|deadline|ultimatum)\b[^.;,]*$"
                             # "voted Tuesday to delay certifying the Nov. 4 results until Friday": put off to a day ahead
                             r"|\b(?:delay|delayed|delaying|postpone|postponed|postponing|defer|deferred|adjourned|adjourn|"
                             # "suspended classes and work in government offices until Tuesday": a measure's end
                             r"suspended|suspends)\b[^;]{0,100}$",
                             re.IGNORECASE)
# "the firm had until 5pm on Friday to ...", "had been given until Saturday": a deadline someone had
_CLOCK_AT = re.compile(r"\s+(?:\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]m\b|[ap]\.\s?m\.?)|noon|midnight|midday)\s", re.IGNORECASE)
_TERM_BEFORE = re.compile(r"\b(?:jail\w*|prison|imprison\w*|sentenc\w*|locked up|behind bars)\b[^.;]*$", re.IGNORECASE)
_HAD_UNTIL = re.compile(r"\bhad\s+(?:secured|reserved|booked|arranged|contracted|closed|suspended|shut|halted)\s+"
                        r"[^.;,]{0,70}?\s+(?P<held>)$|"
                        r"\bhad\s+(?:been\s+(?:given|granted|told|allowed)\s+)?(?:(?:until|till)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*"
                        r"(?:[ap]\.?\s?m\.?)?|noon|midnight|midday)\s+(?:on\s+)?|(?P<bare>))$", re.IGNORECASE)


def _had_until(text: str, start: int, prep: str | None) -> bool:
    m = _HAD_UNTIL.search(text, max(0, start - 90), start)
    if m is not None and m.group("held") is not None:
        # "it had secured up to 500 megawatts of emergency reserves until Tuesday": held until a day ahead
        return (prep or "").lower() in ("until", "till", "through")
    return m is not None and (m.group("bare") is None or (prep or "").lower() in ("until", "till"))
_CLOCK_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|no later than)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*"
                                    r"(?:[ap]\.?\s?m\.?)?|noon|midnight|midday|dawn)\s*$", re.IGNORECASE)
_PLANNED_FOR = re.compile(r"\b(?:forecast|predicted|expected|scheduled|planned|slated|due|set|called)\s+for\s+"
                          # "46C forecast for Mildura on Wednesday": a place between
                          r"(?:(?:the\s+)?(?-i:[A-Z][\w'\u2019-]*)\s+(?:(?:and\s+)?(?-i:[A-Z][\w'\u2019-]*)\s+){0,3})?"
                          # "talks have been set for 10 a.m. Monday": an hour before the day
                          r"(?:\d{1,2}(?:[:.]\d\d)?\s?(?:[ap]\.?\s?m\.?|noon)\s+(?:on\s+)?)?$", re.IGNORECASE)
# "has issued a warning ... from Monday to Wednesday", "has given ... until Sunday or face a strike from
# Monday": a measure announced for days still to come
_MEASURE_ISSUED_BEFORE = re.compile(r"\b(?:has|have)\s+(?:issued|declared|announced|imposed|ordered|extended|called|scheduled|set|"
                                    r"planned|given|"
                                    # "leave has been cancelled from Monday": a measure taking effect
                                    r"been\s+(?:cancell?ed|suspended|closed|banned|halted|postponed|restricted|imposed|extended|declared|issued|"
                                    r"lifted|shut|stopped|revoked|barred|prohibited))\b[^.;]*$"
                                    # "issued a red flag warning for the area from 11 a.m. Thursday": a forecast's span
                                    r"|\bissued\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:warning|watch|advisory|alert)\b[^.;]{0,40}$",
                                    re.IGNORECASE)
# "storms could hit ... from Thursday to Saturday"; "That could be Thursday", "could take place as early as Thursday"
_MAYBE_AHEAD_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?!have\b)[a-z]+\b[^.;,]*$", re.IGNORECASE)
# "a second window that opens on Jan. 4": a schedule told in the present looks ahead
_SCHEDULED_BEFORE = re.compile(r"\b(?:opens|reopens|begins|starts|closes|resumes|expires|takes\s+effect|kicks\s+off)\s+$",
                               re.IGNORECASE)
_OFFERED_BEFORE = re.compile(r"\b(?:offered|proposed|promised|pledged)\b[^.;]{0,60}$", re.IGNORECASE)
# (a modal before a list: "could cost the bank ... in refunds, compensation and lost fee income in the October-December quarter")
_MODAL_LIST_BEFORE = re.compile(r"\b(?:could|might|may|would|will)\s+(?!have\b)[a-z]+\b(?:[^.;]|\.(?=\d))*$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:could|might|may|would|will)\s+(?!have\b)[a-z]+\b(?:[^.;,]|\.(?=\d))*$", re.IGNORECASE)
_MAYBE_BEFORE = re.compile(r"\b(?:could|might|may)\s+(?:not\s+)?(?:be|take\s+place|happen|come|begin|start|resume|open|"
                           r"arrive|end|be\s+held|be\s+completed)\s+(?:[a-z]+\s+){0,3}?(?:as\s+(?:early|soon|late)\s+as\s+)?$"
                           # "an injunction could be filed in the First Hall of the Civil Court as early as Friday"
                           r"|\b(?:could|might|may|would|will)\s+[^.;]{0,80}?\bas\s+(?:early|soon)\s+as\s+$",
                           re.IGNORECASE)
# "set the next hearing for a date in February", "adjourned the case to March": a month ahead
_MONTH_AHEAD_BEFORE = re.compile(r"\b(?:set|scheduled|planned|slated|adjourned|postponed|deferred|rescheduled|pushed\s+back|"
                                 r"put\s+off|moved)\b[^.;]{0,50}?\b(?:for|to|until|till)\s+(?:a\s+(?:new\s+)?date\s+)?$",
                                 re.IGNORECASE)
_THAT_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+year\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"(?<![\d,.])((?:1[89]|20)\d\d)(?!\d|,\d)")
_COST_BEFORE = re.compile(r"\b(?:cost|costs|spend|spent|invest|invested|budget|budgeted|worth|pay|paid|raise|save|"
                          r"borrow|repay)\b[^.;]{0,70}$", re.IGNORECASE)
def _moved_words(text: str) -> bool:
    """A cheap gate: does the sentence hold a word of moving a day ("postponed", "brought forward")?"""
    return "forward" in text or "back" in text or "postpon" in text or "djourn" in text or "resched" in text or \
        "defer" in text or "put off" in text or "moved" in text or "shifted" in text


_HAS_DONE = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?[a-z]+", re.IGNORECASE)
_BEGINNING_BEFORE = re.compile(r"\b(?:beginning|starting|commencing|to\s+begin|to\s+start)\s+(?:on\s+)?$", re.IGNORECASE)
_THREAT_BEFORE = re.compile(r"\bthreaten(?:ing|ed|s)?\b[^.;]{0,70}?\b(?:strike|walkout|shutdown|protest|boycott|action|"
                            r"stoppage)\s+(?:(?:from|on|starting|beginning)\s+)?$", re.IGNORECASE)
_MOVED_TO_BEFORE = re.compile(r"\b(?:brought\s+forward|pushed\s+back|postponed|rescheduled|deferred|put\s+off|"
                              r"moved|shifted|adjourned)\s+(?:[\w'\u2019-]+\s+){0,3}?to\s+$", re.IGNORECASE)
_AGREED_TO_MEET = re.compile(r"\b(?:agreed|agree|agrees)\s+to\s+(?:meet|hold\s+(?:talks|a\s+meeting)|resume\s+talks|sit\s+down|"
                             r"return\s+to\s+the\s+(?:table|talks))\b(?:(?!\b(?:and|but)\s+(?!again\b))[^.;]){0,70}"
                             r"(?:\band\s+again\s+)?$", re.IGNORECASE)
# "setting up a possible walkout on Thursday morning", "a threatened strike on Saturday": still to come
_POSSIBLE_EVENT_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:possible|potential|threatened|looming|upcoming)\s+"
                                    r"(?:[\w-]+\s+){0,2}?[\w-]+\s+$", re.IGNORECASE)
# "Ms Tran said heatwave warnings were in place ... until Friday": a state told in reported speech
# still holds (the past tense is the report's)
_REPORTED_STATE_BEFORE = re.compile(r"\b(?:said|says|told|added|warned|confirmed)\b[^.;]{0,80}\b(?:was|were)\s+(?:still\s+)?"
                                    r"(?:in\s+(?:place|force|effect)|active|open|closed|suspended)\b[^.;]{0,100}$", re.IGNORECASE)
# "temperatures were forecast through the weekend", "rain is expected into Sunday"
_WEEKDAY_DEADLINE = re.compile(r"(?:['\u2019]s)?\s+(?:deadline|ultimatum|cut-?off)\b", re.IGNORECASE)
_ORDERED_TO_BEFORE = re.compile(r"\b(?:ordered|told|asked|urged|instructed|directed|advised|requested|called\s+on|required)"
                                r"\s+(?:[\w'\u2019-]+\s+){0,6}?to\s+(?-i:[a-z]+)\b[^.;]{0,90}$", re.IGNORECASE)
# what a forecast names right after its verb ("forecast more rain", "forecast a top of 43C")
_FORECAST_OBJECT = (r"\b(?:forecast|forecasts|forecasting)\s+(?:a|an|the|more|further|heavy|highs?|lows?|tops?|temperatures?|"
                    r"rain|snow|winds?|gusts?|showers|storms?|another)\b")
_FORECAST_VERB_BEFORE = re.compile(_FORECAST_OBJECT + r"[^.;,]{0,50}$", re.IGNORECASE)
# "road 62 could be closed at short notice if the river rose by more than 30 centimetres over the weekend"
_MODAL_IF_BEFORE = re.compile(r"\b(?:could|would|might|may)\b[^.;]{0,80}\bif\b[^.;]{0,80}$", re.IGNORECASE)
# "A new wage board formed in June": a participle dates what was done
_DONE_IN_BEFORE = re.compile(r"\b(?:formed|set\s+up|established|created|appointed|launched|introduced|founded|signed|"
                             r"passed|approved|adopted|enacted|announced|held|opened)\s+$", re.IGNORECASE)
_FORECAST_ANY_BEFORE = re.compile(_FORECAST_OBJECT + r"[^.;]{0,110}$", re.IGNORECASE)  # (past a comma: "..., before rain")
_HAS_FORECAST = re.compile(r"\b(?:has|have|is|are)\s+(?:also\s+)?(?:forecast|predicted|forecasting|predicting)\s+[^.;]{0,110}$",
                           re.IGNORECASE)
_FORECAST_BEFORE = re.compile(r"\b(?:forecast|predicted|expected|possible|likely|probable)\s+(?:to\s+(?:last|continue|persist)\s+)?$",
                              re.IGNORECASE)
# "A total fire ban has been declared for ... until midnight on Friday", "warned of heavy swells ... until
# Sunday": a state set now (or a warning) runs until a day still ahead
_STATE_SET_BEFORE = re.compile(r"\b(?:(?:has|have)\s+been\s+(?:declared|imposed|issued|extended|put\s+in\s+place)|"
                               # "The IMD has issued a red alert for the Nilgiris ... till Saturday"
                               r"(?:has|have)\s+(?:issued|declared|imposed|extended)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:alert|warning|advisory|ban|curfew|holiday|emergency)|"
                               # "IPMA placed the districts of Beja, Évora and Faro under red warning until Saturday evening"
                               r"placed\b[^.;]{0,80}\bunder\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:warning|alert|curfew|lockdown)|"
                               r"warned\s+of)\b[^.;]*$", re.IGNORECASE)
_DEADLINE_MISSED_BEFORE = re.compile(r"\b(?:miss(?:ed|ing)|met|meeting|beat|beating|passed)\s+(?:the|a|its|their)\s+"
                                     r"(?:[\w-]+\s+)?(?:deadline|ultimatum|cut-?off)\s+(?:of\s+)?(?:[\w.:]+\s+){0,3}$",
                                     re.IGNORECASE)
_CALLED_BEFORE = re.compile(r"\b(?:called|calls|set|sets|scheduled|planned|plans|announced|announces|fixed|slated|"
                            r"issued|issues|declared|forecast|hired|booked|reserved|listed|arranged|"
                            r"cancelled|canceled|suspended|postponed|organi[sz]ed|organi[sz]es)\b(?![^.;]*\b(?:on|last)\s+$)", re.IGNORECASE)
_INVITED_BEFORE = re.compile(r"\b(?:invited|invites|summoned|summons|called|convened)\b[^.;]{0,80}(?:\bfor\s+(?:talks|negotiations)\s+|"
                             r"\bto\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,2}"
                             r"(?:(?:in|at)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){1,3})?)$", re.IGNORECASE)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:[a-z]+ly\s+)?[a-z]{3,}ed\b[^.;]*$", re.IGNORECASE)
# "Trade unions have called a protest outside the secretariat on Saturday": a protest still to come
_EVENT_YEARS_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:epidemic|outbreak|pandemic|drought|floods?|famine|war|crisis|"
                                r"conflict|unrest|protests?|riots?|winter|summer|wildfires?|bushfires?)\b", re.IGNORECASE)
_FAILED_TO_BEFORE = re.compile(r"\bfailed\s+to\s+[^.;,]{0,80}\bby\s+(?:a|the|its|their)\s+$", re.IGNORECASE)
_DID_NOT_AFTER = re.compile(r"\s*,?\s*but\s+(?:did\s+not|didn't|didn\u2019t|failed\s+to|never|refused\s+to)\b", re.IGNORECASE)
_HAVE_CALLED = re.compile(r"\b(?:have|has)\s+(?:called|announced|planned|scheduled)\s+(?:a|an)\s[^.;]{0,80}$", re.IGNORECASE)
_FOR_CLOCK = re.compile(r"\bfor\s+\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?\s?m\.?\s+$", re.IGNORECASE)  # "listed for 2pm on Thursday"
_BACKDATED_BEFORE = re.compile(r"\bbackdated\s+(?:to\s+)?", re.IGNORECASE)
_QUARTER_AFTER = re.compile(r"\s+quarter\b", re.IGNORECASE)
_DEMANDED_THAT_BEFORE = re.compile(r"\b(?:demand(?:ed|s|ing)?|insist(?:ed|s|ing)?|urg(?:e|ed|es|ing)|request(?:ed|s|ing)?|"
                                   r"propos(?:e|ed|es|ing)|recommend(?:ed|s|ing)?|ask(?:ed|s|ing)?)\s+that\s+"
                                   r"(?![^.;]*\b(?:had|has|have|was|were|did|been|is|are)\b)[^.;]{0,100}$", re.IGNORECASE)
_CANCELLED_DAY_BEFORE = re.compile(r"\b(?:cancel(?:l)?ed|cancels|cancel(?:l)?ing)\s+(?:all\s+(?:of\s+)?)?(?:(?:the|its|their)\s+)?"
                                   r"(?:\w+day\s+(?:and|or)\s+)?$", re.IGNORECASE)
_SERVICES_AFTER = re.compile(r"(?:\s+(?:and|or)\s+\w+day)?(?:['\u2019]s)?\s+(?:\w+\s+)?(?:flights|sailings|services|trains|"
                             r"departures|classes|games|matches|fixtures|races|events|shows|performances)\b", re.IGNORECASE)
_FOR_DAY_AND = re.compile(r"\bfor\s+" + _WD + r"\s+and\s+$", re.IGNORECASE)
_DESIGNATED_AFTER = re.compile(r"\s+(?:a|an|as)\s", re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"^\s*(?:deadline|cut-?off|target date|ultimatum)\b", re.IGNORECASE)
_FUTURE_WORDS = frozenset("will won't shall would wouldn't scheduled upcoming unless planned expected due slated might "
                          "".split())
_EXPECTED_ADJECTIVE = re.compile(r"\b[a-z]+s\s+expected\b(?!\s+(?:to|on|by|in|at|from|next|later|this)\b)")
_SPAN_CLOSER_BEFORE = re.compile(r"\b(?:to|until|till|and|through)\s$", re.IGNORECASE)
_CONDITION_OPENS = re.compile(r"[\s\"'\u201c\u2018]*(?:if|unless)\s+(?:\w+\s+){0,6}?(?:is|are|does|do|doesn't|don't)\b", re.IGNORECASE)
_COULD_AHEAD = re.compile(r"\bcould\s+(?:(?:also|still|even|soon|partly|partially|only)\s+)?(?:bring|fall|drop|reach|rise|hit|climb|peak|reopen|"
                          r"exceed|top|last|continue|begin|start|affect|face|lead|cause|trigger|strike|arrive|take\s+place|happen|come|"
                          r"delay|push|extend|disrupt|spread|slip|run|drag)\b",
                          re.IGNORECASE)
_MODAL_PERFECT_BEFORE = re.compile(r"\b(?:should|would|could|might|must)(?:\s+not)?\s+have\s+[a-z]+(?:ed|en)\b", re.IGNORECASE)
_MODAL_AHEAD = re.compile(r"\bshould\s+(?!have\b)(?:not\s+)?[a-z]+", re.IGNORECASE)
_FUTURE_BEFORE_TO = frozenset("going expected due set plan plans planning is are forecast predicted projected likely "
                              "scheduled slated poised threatened vowed pledged promised decided agreed voted resolved "
                              "threatens vows pledges promises intends told".split())
_FUTURE_TO = re.compile(r"\b(?:going|expected|due|set|plans?|planning|is|are|forecast|predicted|projected|likely|"
                        r"scheduled|slated|poised|threatens|vows|pledges|promises|intends|"
                        # "the union has threatened to walk out on Monday": an intent still ahead
                        r"(?:has|have)\s+(?:threatened|vowed|pledged|promised|decided|agreed|voted|resolved)|"
                        # "They told me to come back Thursday": what was asked is still ahead
                        r"told\s+(?:me|us)(?:\s+not\s+to\s+\w+\s+and)?)\s+to\b",
                        re.IGNORECASE)
_EXPECT_WORDS = frozenset("expect expects anticipate anticipates".split())
_EXPECTS = re.compile(r"\b(?:expects|anticipates)\b", re.IGNORECASE)  # "the ministry expects the results on Tuesday"
_EXPECT_TO = re.compile(r"\b(?:expects?|anticipates?)\s+(?:[\w'\u2019-]+\s+){0,4}?to\s+(?!the\b|a\b|an\b)[a-z]",
                        re.IGNORECASE)
_PRESENT_COPULAS = frozenset("is are am remain remains stay stays".split())
_COPULA_ED = re.compile(r"\b(?:is|are|am|remain|remains|stay|stays)\s+(?:[a-z]+ly\s+)?[A-Za-z]{3,}ed\b", re.IGNORECASE)
_NOT_VERB_BEFORE = re.compile(r"\bnot\s+(?:be\s+)?(?:reopen(?:ed)?|open(?:ed)?|resumed?|return(?:ed)?|restart(?:ed)?|"
                             r"start(?:ed)?|begin|lifted|restored|available|allowed\s+back|back|completed?|finish(?:ed)?)\s+$",
                             re.IGNORECASE)
# "Kyrgyzhydromet forecast more snow in the mountains through the weekend"
_FORECAST_WEATHER = re.compile(r"\bforecast\s+(?:more|heavy|further|fresh|light|strong|torrential)\s+(?:snow|snowfall|rain|rainfall|"
                               r"showers|winds|storms|thunderstorms)\b", re.IGNORECASE)
_HAS_FORECAST_VERB = re.compile(r"\b(?:has|have)\s+(?:also\s+)?forecast\b", re.IGNORECASE)
_POSSIBLE_IN = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:possible|likely)\s+(?:in|on|over|across|for|from|at)\b",
                          re.IGNORECASE)
_CAN_BE = re.compile(r"\bcan\s+(?:still\s+|only\s+|now\s+)?be\s+[a-z]+", re.IGNORECASE)
_AFTER_BE = re.compile(r"\bbe\s+(\w+)")
_ED_WORD = re.compile(r"(?<!\bbe )\b[A-Za-z]{3,}ed\b")  # ("than be forced to release ... on Saturday": no past)
# "Bottled water remains available", "the affected families are": an -ed word before its noun is no verb
_ADJECTIVE_ED = re.compile(r"(?:^|\b(?:the|a|an|of|for|and|with|its|their|some|many|all|more|most)\s+)[A-Za-z]{3,}ed\s+"
                           r"(?!(?:by|in|on|at|the|a|an|to|from|with|for|into|out|up|off|down|over|after|before|as|and|"
                           r"or|that|were|was|is|are|had|have|has|his|her|their|its|it|them|him|me|us|you)\b)[a-z]|"
                           r"\b[A-Za-z]{3,}ed\s+[a-z]+\s+(?:is|are|remain|remains|stay|stays)\b", re.IGNORECASE)
_PRESENT_WORDS = frozenset("""is are am remain remains stay stays begins ends starts resumes opens closes expires runs meets arrives leaves returns
takes holds continues remains lasts goes plans intends hopes resume begin start end meet open close continue return
expire""".split())
_PAST_WORDS = frozenset("""was were had did said told got came went began took made left gave fled held saw broke fell
rose met drew hit struck fought burst caught cut shot spread stood sent spent brought built kept lost won found led shut
bought sought thought felt heard meant lent dealt dug fed hung hid slid stuck swung wept understood withdrew froze flew
drove ate chose forgot overtook
paid ran sold threw wrote became grew knew lay rode sank shook spoke stole swept tore woke wore""".split())


@lru_cache(maxsize=1024)
def sentence_tense(text: str) -> str:
    """'future', 'pastperfect', 'past', 'present' or 'unknown': how to read a bare weekday here."""
    return _tense(text, word_index(text)[1], clause=False)


def _tense(text: str, word_list, clause: bool = True) -> str:
    words = set(word_list)
    if "expected" in words and _EXPECTED_ADJECTIVE.search(text):
        words = words - {"expected"}  # "9.8 million of the 16.2 million returns expected had been submitted"
    if ("if" in words or "unless" in words) and _CONDITION_OPENS.match(text) and "had" not in words:
        return "future"  # "If there is no signed agreement by Sunday night, not a single container moves on Monday"
    if "forecast" in words and (_HAS_FORECAST_VERB.search(text) or _FORECAST_WEATHER.search(text)):
        return "future"  # "The Bureau of Meteorology has forecast temperatures of up to 42C ... on Thursday"
    if ("possible" in words or "likely" in words) and _POSSIBLE_IN.search(text):
        return "future"  # "rainfall of up to 80 millimeters was possible in parts of Niigata on Thursday": a forecast
    if "can" in words and _CAN_BE.search(text):
        return "future"  # "The suspects can be held until Friday": what the law allows, still ahead
    if clause and "could" in words and "had" not in words and _COULD_AHEAD.search(text):
        # (in its clause only: "were still stranded ... as of Sunday afternoon, and that relief packs could
        # reach them only by boat" keeps its past)
        return "future"  # "a depression could bring heavy rain from Thursday to Saturday"
    if "should" in words and _MODAL_AHEAD.search(text):
        return "future"  # "By Thursday morning, nobody should be left inside the radius"
    if (not _FUTURE_WORDS.isdisjoint(words) or "'ll" in text or "\u2019ll" in text) and \
            not ("have" in words and _MODAL_PERFECT_BEFORE.search(text)):
        # ("should have scheduled the repairs for August": what was not done, gone by)
        # "were due back by 6pm on Wednesday": an expectation the past had, not one still ahead
        if not ("due" in words and ("was" in words or "were" in words or "been" in words) and _FUTURE_WORDS.isdisjoint(words - {"due"})
                and _WAS_DUE_ANY.search(text)):
            return "future"
    if "to" in words and not _FUTURE_BEFORE_TO.isdisjoint(words) and _FUTURE_TO.search(text) and \
            not ("been" in words and _HAD_BEEN_DUE.search(text)):
        return "future"  # (not "the curfew had been due to end at midnight on Friday": an end gone by)
    if "to" in words and not _EXPECT_WORDS.isdisjoint(words) and _EXPECT_TO.search(text):
        return "future"  # "forecasters expect the storm to make landfall on Friday"
    if ("expects" in words or "anticipates" in words) and "had" not in words and _EXPECTS.search(text):
        return "future"
    if "had" in words:
        return "pastperfect"
    irregular = _PAST_WORDS.intersection(words)
    if irregular and "be" in words and irregular <= set(_AFTER_BE.findall(text)):
        irregular = ()  # "The suspects can be held until Friday": a passive infinitive, no past
    past = bool(irregular)
    if not past and _ED_WORD.search(text) is not None:
        verbs = len(_ED_WORD.findall(text)) - len(_ADJECTIVE_ED.findall(text))
        if not _PRESENT_COPULAS.isdisjoint(words):
            # "schools remain closed", "roads are blocked": an -ed word after a present copula is no past
            verbs -= len(_COPULA_ED.findall(text))
        past = verbs > 0
    if not past and not _PRESENT_WORDS.isdisjoint(words):
        return "present"
    return "past" if past else "unknown"


# [;,:\u2014]|\b(?:and|but|while|after|before|as|when|whereas)\b, written to start with a character
# class (the regex engine then skips to candidate characters instead of trying every position).
_CLAUSE_EDGE = re.compile("[;,:\u2014abw](?:(?<=[;:\u2014])|(?<=,)(?:(?<!\\d,)|(?!\\d))|(?<=a)(?<!\\w.)(?:nd|fter|s\\b(?!\\s+(?:a|an|part|well|usual|expected|planned|scheduled|such)\\b))\\b|(?<=b)(?<!\\w.)(?:ut|efore)\\b"
                          "|(?<=w)(?<!\\w.)(?:hile|hen|hereas)\\b)")


_NAMES_JOINED = re.compile(r"\s+(?-i:[A-Z])[\w'\u2019-]*")
_NAME_BEFORE = re.compile(r"(?-i:[A-Z])[\w'\u2019-]*\s+$")


_PASSIVE_RELATIVE = re.compile(r"(?:was|were)\s+(?:[a-z]+ed|[a-z]+en|hit|struck|shut|burnt|built|held|lost|sold)\b[^,;]*$")


def _clause_tense(text: str, start: int, end: int, sentence: str | None) -> str:
    """The tense of the clause around a time phrase, falling back to the sentence's (given, or
    read here when needed): 'A plane landed on Saturday, and a second flight is expected on Tuesday.'"""
    lo = 0
    opener = None
    for edge in _CLAUSE_EDGE.finditer(text, max(0, start - 120), start):
        if text[edge.start()] == "a" and _NAMES_JOINED.match(text, edge.end()) and _NAME_BEFORE.search(text, 0, edge.start()):
            continue  # "the Mae Ramphueng and Laem Charoen beaches": one name joined to another, no clause
        lo, opener = edge.end(), edge
    lo = max(lo, start - 150)
    that_before = text.rfind(" that ", lo, start)
    if that_before >= 0:
        lo = that_before + 6  # "warned on Monday that reserves could run short ... on Wednesday": what was warned
        if _PASSIVE_RELATIVE.match(text, lo, start):
            return "past"  # "a plant ... that was gutted by fire on Saturday night has promised": the relative's act
    window_end = min(len(text), end + 150)
    nxt = _CLAUSE_EDGE.search(text, end, window_end)
    hi = nxt.start() if nxt else window_end
    if (". " in text or '." ' in text or ".\u201d " in text or "? " in text or "! " in text) and \
            _SENTENCE_STOP.search(text, lo, hi) is not None:
        # a quote of several sentences: "... the period set by the court runs out on Saturday. We have
        # added two weeks," he said: the sentence of the phrase has its own tense
        for stop in _SENTENCE_STOP.finditer(text, lo, hi):
            if stop.end() <= start:
                lo = stop.end()
            elif stop.start() >= end:
                hi = stop.start()
                break
    that = text.find(" that ", end, hi)
    if that >= 0:
        hi = that  # "before the strike began on Monday evening that they would work": a clause of its own
    for word in (" if ", " unless "):
        cond = text.find(word, end, hi)
        if cond >= 0:
            hi = cond  # "would be deployed ... from Thursday if the fares were not withdrawn": the condition's own tense
    told = _TELLING_AFTER.search(text, end, hi)
    if told is not None:
        hi = told.start()  # "had sent the board a letter Tuesday night warning it would ...": what the letter said
    if ("if " in text or "If " in text or "unless" in text or "once " in text) and \
            _IF_PRESENT_BEFORE.search(text, max(lo, start - 80), start):
        return "future"  # "could be pushed back if seismic activity picks up over the weekend"
    if "could" in text and _COULD_AHEAD.search(text, max(0, start - 150), start) and \
            not _SENTENCE_STOP.search(text, max(0, start - 150), start):
        return "future"  # "said ... could bring between 100 and 250mm of rain to ... and the Highlands from Thursday"
    if lo <= 0 and hi >= len(text):
        sentence = sentence or sentence_tense(text)
        return sentence if sentence != "unknown" else "past"
    starts, words = word_index(text)  # the sentence's words, already indexed: slice the clause's
    clause = _tense(text[lo:hi], words[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)])
    if clause == "unknown" and opener is not None and text[opener.start():lo].lower() in ("before", "when") and \
            _PRESENT_SUBJECT_VERB.match(text, lo):
        return "future"  # "more rain is possible before the system moves offshore on Monday"
    if clause == "unknown" and opener is not None and text[opener.start():lo].strip().lower() == "and":
        # "it had reopened 48 shelters in libraries and civic centres on Tuesday and would keep them open": an
        # "and" inside a noun phrase opens no clause; the verb before it holds
        before = _tense(text[:opener.start()], words[:bisect.bisect_left(starts, opener.start())])
        if before in ("past", "pastperfect"):
            return before
    if clause == "unknown":
        sentence = sentence or sentence_tense(text)
        return sentence if sentence != "unknown" else "past"
    return clause


def _in_quote(text: str, at: int) -> bool:
    """Is position at inside a direct quotation (an opening quote mark before it left open)?"""
    head = text[:at]
    return head.count("\u201c") > head.count("\u201d") or head.count('"') % 2 == 1


def resolve_weekday(weekday: int, published: dt.date, mode: str) -> dt.date:
    """The date of a weekday named in an article: 'past' = latest on or before the article day,
    'upcoming' = first on or after it, 'after' = first strictly after it."""
    delta = (weekday - published.weekday()) % 7
    if mode == "past":
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    if mode == "after" and delta == 0:
        delta = 7
    return published + dt.timedelta(days=delta)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _guess_year(month: int, day: int, published: dt.date | None, forward: bool) -> dt.date | None:
    if published is None:
        return None
    try:
        candidate = dt.date(published.year, month, day)
    except ValueError:
        return None
    try:
        if forward and (published - candidate).days > 60:
            candidate = candidate.replace(year=published.year + 1)
        elif not forward and (candidate - published).days > 60:
            candidate = candidate.replace(year=published.year - 1)
    except ValueError:
        return None  # February 29 in a year without one
    return candidate


def _special(text: str) -> bool:
    """Has the sentence a year or an in-word trigger ("Monday's", "mid-January")?"""
    # A year needs a "1" or a "2": sentences with neither skip the regex scan.
    return (("1" in text or "2" in text) and _YEARISH.search(text) is not None) or (
        ("'" in text or "\u2019" in text or "-" in text) and _trigger_inside(text)) or (
        _ORDINAL_DIGIT.search(text) is not None and _THE_ORDINAL.search(text) is not None)


# "on the 27th": a day of the month by its ordinal alone
_ORDINAL_DIGIT = re.compile(r"[0-9](?:st|nd|rd|th)\b")
_THE_ORDINAL = re.compile(r"\bthe\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)\b")
_ORDINAL_WORD = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)")


# Two characters that a word of words.word_index can hold side by side: a cut between them may
# split a word.
_WORD_JOIN = re.compile(r"[\w$\u20ac\u00a3\u00a5'\u2019-][\w'\u2019-]")


def find_timerefs_between(text: str, start: int, end: int, published: dt.date | None,
                          tense: str | None = None) -> list[TimeRef]:
    """find_timerefs(text[start:end], published, tense=tense), skipping it when the sentence's own
    word index shows that the piece has no trigger word: the piece then needs no indexing of its own."""
    if (start <= 0 or _WORD_JOIN.match(text, start - 1) is None) and \
            (end >= len(text) or _WORD_JOIN.match(text, end - 1) is None):
        # No word runs across either cut, so the piece's words are the sentence's words inside it.
        starts, words = word_index(text)
        inside = words[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
        if _TRIGGER_WORDS.isdisjoint(inside) and not _special(text[start:end]):
            return []
    return find_timerefs(text[start:end], published, tense=tense)


def find_timerefs(text: str, published: dt.date | None, anchor: dt.date | None = None,
                  tense: str | None = None, context: dt.date | None = None,
                  since: dt.date | None = None, events: dict | None = None,
                  said: tuple[int, int] | None = None, clock_context: bool = True) -> list[TimeRef]:
    """All time references in one sentence. anchor = when the statement was made (for 'within
    five days'), defaulting to the article date; context = the single day the article's story last
    named before this sentence (for 'the same night', 'the following morning'); since = the start
    of the last time it named (for 'since then'); events = the days of events the article named
    before (for 'since the strike began', 'within 72 hours of the strike call'); said = the span of
    the phrase that dates the statement (read from the article's day)."""
    anchor = anchor or published
    refs: list[TimeRef] = []
    starts, words = word_index(text)
    # A year needs a "1" or a "2": sentences with neither skip the regex scan.
    special = _special(text)
    clock = "since" in words and (not _CLOCK_TRIGGERS.isdisjoint(words) or (
        ("am" in text or "pm" in text) and any(_is_clock_word(w) for w in words)) or (
        # "since 5 a.m." closing a sentence: the words are "5", "a", "m"
        ("a.m" in text or "p.m" in text) and "m" in words))
    # a clock time ("just after 6am", "at 2.30pm"): found by _clock_times from its digits
    hours = published is not None and ((("am" in text or "pm" in text or ".m" in text) and
                                        _CLOCK_HINT.search(text) is not None) or "noon" in words or "midday" in words or
                                       ("local time" in text and _CLOCK_24.search(text) is not None))
    if _TRIGGER_WORDS.isdisjoint(words) and not special and not clock and not ("then" in words and "since" in words):
        if hours:
            _clock_times(text, refs, anchor, tense, context if clock_context else None)
        if events and (("since" in words or "during" in words or (("before" in words or "by" in words) and (
                "deadline" in words or "ultimatum" in words))) and names_event(words, text) or
                ("then" in words and "then" in events and ("by" in words or "until" in words or "till" in words))):
            event_anchors(text, refs, events)  # "... since the strike began", "... before the deadline", "by then"
        if events and "same" in words and "period" in words and SAME_SPAN in events:
            same_period(text, refs, events)  # "put the number at 1,384 over the same period"
        return refs
    done = 0  # the sentence's tense is read only when a phrase needs it (_clause_tense)
    forward = unset = False  # a weekday deadline counted from the article date; a reference with no bound
    if special:
        triggers = _special_triggers(words)
    else:
        triggers = [(index, word) for index, word in enumerate(words) if word in _TRIGGER_WORDS]
    if "then" in words and "since" in words:  # "since then" (a common word: only after "since")
        triggers = sorted(triggers + [(index, word) for index, word in enumerate(words) if word == "then"])
    if clock:
        triggers = sorted(set(triggers + [(index, word) for index, word in enumerate(words)
                                          if word in _CLOCK_TRIGGERS or _is_clock_word(word) or
                                          (word == "m" and index > 1 and words[index - 1] in ("a", "p"))]))
    for index, word in triggers:
        trigger_start = starts[index]
        if trigger_start < done:
            continue
        if word in WEEKDAYS:
            pattern = _BY_WEEKDAY_END if "end" in words else _BY_WEEKDAY
        elif word in MONTHS:
            pattern = _BY_MONTH
        elif word[0].isdigit() and not _is_clock_word(word):
            pattern = _BY_YEAR
        elif word in ("day", "eve", "year's", "easter"):
            pattern = _BY_DAY
        elif word in _PERIOD_WORDS:
            pattern = _BY_PERIOD
        else:
            pattern = _BY_DAYWORD
        # A phrase starts at most six words before its trigger word ("by the end of the month").
        reach = 7 if index >= 7 and words[index - 7] in ("no", "not") else 6  # "no later than the end of the month"
        if index > 6 and "m" in words[index - 5:index]:
            reach = 9  # "until 11:59 p.m. ET on Friday": a clock time takes four words
        for k in range(max(0, index - reach), index + 1):
            pos = starts[k]
            if pos < done or (k < index and words[k] not in _START_WORDS and not words[k][0].isdigit()):
                continue
            m = (pattern if pattern is not _BY_PERIOD or k == index or words[k][0].isdigit() or words[k] in _NUMBER_STARTS
                 else _BY_PERIOD_WORDS).match(text, pos)
            if m is None or m.end() <= trigger_start:
                continue
            ref = _resolve(m, m.lastgroup, text, published,
                           # the phrase that dates the statement reads from the article's day ("said in a
                           # statement yesterday": the day before the article, not before the statement)
                           published if said is not None and m.start() < said[1] and m.end() > said[0] else anchor,
                           _clause_tense(text, m.start(), m.end(), tense),
                           context, since)
            if ref is not None:
                refs.append(ref)
                day_group = m.lastgroup == "given_span" and ("gwd2" if m.group("gwd2") else "gwd3" if m.group("gwd3") else
                                                             "gwd" if m.group("gwd") else None)
                if day_group == "gwd" and ref.earliest is not None:
                    # "90 days from Saturday's attack": the attack's day is a date of the claim too
                    owned = re.match(r"['\u2019]s\s+[a-z]+", text[m.end("gwd"):])
                    day_at, day_end = m.start("gwd"), m.end("gwd") + (owned.end() if owned else 0)
                    refs.append(TimeRef(text[day_at:day_end], "when", ref.earliest, ref.earliest, day_at, day_end))
                elif day_group and ref.earliest is not None:
                    # the day of the event the span counts from is a date of the claim too
                    day_at = m.start(day_group)
                    day_end = m.end(day_group)
                    part = re.match(r"\s+(?:morning|afternoon|evening|night)\b", text[day_end:])
                    day_end += part.end() if part else 0
                    refs.append(TimeRef("on " + text[day_at:day_end], "when", ref.earliest, ref.earliest,
                                        day_at - 3, day_end))
                if ref.forward_weekday is not None:
                    forward = True
                if ref.earliest is None and ref.latest is None:
                    unset = True
            done = m.end()
            break
    if hours:
        _clock_times(text, refs, anchor, tense, context if clock_context else None)
    if forward and anchor is not None and (len(refs) > 1 or anchor != published):
        _anchor_forward_weekdays(text, refs, published, anchor)
    if refs and "(" in text:
        _weekday_day_in_brackets(text, refs, published)
    if len(refs) > 1:
        _year_before_named(refs)
        _month_in_opening_year(text, refs)
        _weekday_with_date(text, refs)
        _called_off_for(text, refs)
        _from_until(text, refs)
        _join_pairs(text, refs)
        if published is not None:
            _promised_then(text, refs, published)
        _chain_relative_days(text, refs)
        if not _starting_day(text, refs, tense, published):
            _anchor_durations(text, refs, tense)
        if "hour" in text:
            _hours_past_midnight(text, refs)
        _anchor_hyphen_spans(text, refs)
        _anchor_event_spans(text, refs)
    if refs and ("hours" in words or "hour" in words):
        _hours_to_day(text, refs)
    if refs and "from" in words and ("week" in words or "weeks" in words or "days" in words or "day" in words):
        _span_from_day(text, refs)
    if refs and ("and" in words or "or" in words):
        _second_month(text, refs)
    if refs and "before" in words and ("week" in words or "month" in words):
        _period_before(text, refs)
    if refs and ("extend" in text or "back by" in text or "postpone" in text or "delay" in text):
        _extended_by(text, refs)
    if refs and anchor is not None and ("so far" in text or "to date" in text or "same period" in text):
        _so_far(text, refs, anchor)
    if refs and "same" in text:
        _same_of(text, refs)
    if events is not None and (not EVENT_CUES.isdisjoint(words) and names_event(words, text) or
                               ("then" in words and "then" in events and ("by" in words or "until" in words or "till" in words))):
        known = dict(events)
        note_events(text, refs, known)
        before = len(refs)
        event_anchors(text, refs, known)  # (with no event known: "72 hours before the strike began on Monday")
        if len(refs) > before:
            _chain_relative_days(text, refs)  # "on election night ... the following morning"

    if events and "same" in words and "period" in words and SAME_SPAN in events:
        same_period(text, refs, events)
    if refs and "week" in words and ("previous" in words or "before" in words or "earlier" in words):
        _previous_week(text, refs, (events or {}).get(LAST_WEEK))
    if refs and ("week" in words or "fortnight" in words or "days" in words or "weeks" in words):
        _period_to_day(text, refs)
    if refs and "week" in words and ("beginning" in words or "starting" in words or "commencing" in words or
                                     "through" in words or "ending" in words or "ended" in words):
        _week_beginning(text, refs)
    if refs and ("-hour" in text or "-day" in text or "-week" in text):
        _event_span(text, refs)
    if len(refs) > 1 and ("run" in words or "last" in words or "continue" in words or "from" in words):
        _run_from_start(text, refs)
    if len(refs) > 1 and "within" in words and "of" in words:
        _within_of_dated(text, refs)
    if refs and "months" in words and ("to" in words or "ending" in words or "through" in words):
        _months_to(text, refs)
    if refs and "from" in words and not _MOVED_WORDS.isdisjoint(words):
        _moved_from_to(text, refs)
    if refs and "least" in words:
        for ref in refs:
            if ref.phrase[:15].lower() in ("until at least ", "till at least ") and ref.earliest is None and \
                    ref.latest is not None and "mid" not in ref.phrase.lower():  # (mid-December's last day is ours)
                # "The closure will remain in place until at least Nov. 24", "until at least the end of January":
                # it lasts to that day at the least, so the day named is its earliest end as well
                ref.earliest = ref.latest
    if refs and ("earliest" in text or "not before" in text or "earlier than" in text or
                 (" not " in text and "before " in text)):
        for ref in refs:
            if ref.phrase[:13].lower() in ("no earlier th", "not earlier t") and ref.earliest is not None:
                ref.role, ref.latest = "when", None  # "no earlier than March": a first day, no last
                continue
            # "not allowed back before Saturday at the earliest", "not before Friday": a first day, no last
            if ref.phrase[:7].lower() == "before " and ref.latest is not None and (
                    text.startswith(" at the earliest", ref.end) or text[max(0, ref.start - 4):ref.start].lower() == "not " or
                    # "the highway might not reopen before Tuesday": Tuesday at the earliest
                    _NOT_VERB_BEFORE.search(text, max(0, ref.start - 30), ref.start) is not None):
                ref.role, ref.earliest, ref.latest = "when", ref.latest, None
                if text.startswith(" at the earliest", ref.end):
                    ref.phrase, ref.end = ref.phrase + " at the earliest", ref.end + 16
    if any(r.needs_day for r in refs):
        refs = [r for r in refs if not r.needs_day]  # "in the first three days after the riot": from no day
    if unset and published is not None:
        # "Ten days after a dam burst ...": a day counted from nothing the sentence dates says nothing
        refs = [r for r in refs if r.earliest is not None or r.latest is not None]
    return refs


_MOVED_WORDS = frozenset("pushed moved brought postponed extended delayed rescheduled shifted changed put".split())
_MOVED_DAYS_BEFORE = re.compile(r"\b(?:pushed\s+back|moved|brought\s+forward|postponed|extended|delayed|rescheduled|shifted|"
                           r"changed|put\s+back|put\s+off)\b[^.;]{0,40}$", re.IGNORECASE)
_TWO_DAYS = re.compile(r"^from\s+(.+?)\s+(?:to|until)\s+(.+)$", re.IGNORECASE)


def _moved_from_to(text: str, refs: list[TimeRef]) -> None:
    """'The deadline was pushed back from January 15 to January 31': the old day and the new one,
    not the days between."""
    for index, ref in enumerate(refs):
        two = _TWO_DAYS.match(ref.phrase)
        if two is None or ref.earliest is None or ref.latest is None or ref.earliest == ref.latest or \
                not any(c.isdigit() for c in two.group(1)) or not any(c.isdigit() for c in two.group(2)) or \
                (ref.latest - ref.earliest).days > 366 or not _MOVED_DAYS_BEFORE.search(text, max(0, ref.start - 50), ref.start):
            continue
        split = ref.start + two.start(2)
        refs[index:index + 1] = [TimeRef(ref.phrase[:two.end(1)], "when", ref.earliest, ref.earliest, ref.start,
                                         ref.start + two.end(1)),
                                 TimeRef(ref.phrase[two.start(2):], "when", ref.latest, ref.latest, split, ref.end)]


# "in the week to January 9", "the seven days ending 8 January" (hours keep their day: the labels of
# "in the six hours to 4 a.m. Saturday" give the Saturday)
_PERIOD_TO_BEFORE = re.compile(r"\bthe\s+(?:(?P<n>" + _NUMW + r")\s+(?P<unit>days|weeks)|(?P<one>week|fortnight))\s+"
                               r"(?:to|ending|ended|up\s+to|through)\s+(?:\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?m\.?\s+)?(?:on\s+)?$",
                               re.IGNORECASE)


def _period_to_day(text: str, refs: list[TimeRef]) -> None:
    """'54 cases in the week to January 9': the seven days ending that day."""
    for ref in refs:
        if ref.latest is None or (ref.earliest is not None and ref.earliest != ref.latest):
            continue
        m = _PERIOD_TO_BEFORE.search(text, max(0, ref.start - 60), ref.start + (3 if text[ref.start:ref.start + 3].lower() == "on " else 0))
        if m is None:
            continue
        if m.group("one"):
            n, unit = (2, "weeks") if m.group("one").lower() == "fortnight" else (1, "weeks")
        else:
            n, unit = _count(m.group("n")), m.group("unit")
            if n is None:
                continue
        first = _shift(ref.latest, -n, unit)
        ref.earliest = first + dt.timedelta(days=1)
        ref.role = "when"
        ref.phrase = text[m.start():ref.end]
        ref.start = m.start()


_SO_FAR_AFTER = re.compile(r"\s+(?:so\s+far|to\s+date)\b", re.IGNORECASE)
_SO_FAR_BEFORE = re.compile(r"\b(?:so\s+far|to\s+date)\s+(?:in\s+)?$", re.IGNORECASE)
_SAME_PERIOD_BEFORE = re.compile(r"\b(?:the\s+)?same\s+(?:period|time)\s+(?:of\s+|in\s+)?$", re.IGNORECASE)


def _so_far(text: str, refs: list[TimeRef], anchor: dt.date) -> None:
    """'so far this year' runs to the day it is said, and 'the same period last year' is the same
    stretch a year before (Jan. 1 to the same day)."""
    for ref in refs:
        phrase = ref.phrase.lower()
        if ref.earliest is None or ref.latest is None or not phrase.endswith(("this year", "this month", "last year")):
            continue
        before = text[max(0, ref.start - 30):ref.start]
        if phrase.endswith("this year") or phrase.endswith("this month"):
            if _SO_FAR_AFTER.match(text, ref.end) or _SO_FAR_BEFORE.search(before):
                ref.latest = max(ref.earliest, anchor)
        elif _SAME_PERIOD_BEFORE.search(before):
            try:
                ref.latest = anchor.replace(year=anchor.year - 1)
            except ValueError:  # February 29
                ref.latest = anchor.replace(year=anchor.year - 1, day=28)


_YEAR_BEFORE = ("the year before", "the prior year", "a year earlier", "the previous year")


def _month_in_opening_year(text: str, refs: list[TimeRef]) -> None:
    """'Last year, three road workers died in February when ...': a month without a year of its own
    in a sentence that opens with a calendar year is that year's month."""
    first = refs[0]
    if first.start > 4 or first.earliest is None or first.latest is None or first.earliest.month != 1 or \
            first.earliest.day != 1 or first.latest != dt.date(first.earliest.year, 12, 31) or \
            text[first.end:first.end + 1] != ",":
        return
    year = first.earliest.year
    for ref in refs[1:]:
        if ref.earliest is None or ref.latest is None or ref.earliest.year == year or any(c.isdigit() for c in ref.phrase) \
                or ref.earliest.day != 1 or ref.latest.month != ref.earliest.month or "year" in ref.phrase.lower():
            continue
        ref.earliest, ref.latest = _month_range(year, ref.earliest.month)


def _year_before_named(refs: list[TimeRef]) -> None:
    """'in 2025, up from 17 the year before': the year before the calendar year named before it."""
    for index, ref in enumerate(refs):
        if index and " ".join(ref.phrase.lower().split()).endswith(_YEAR_BEFORE):
            prior = refs[index - 1]
            if prior.earliest and prior.latest and prior.earliest.month == 1 and prior.earliest.day == 1 \
                    and prior.latest == dt.date(prior.earliest.year, 12, 31):
                year = prior.earliest.year - 1
                ref.earliest, ref.latest = dt.date(year, 1, 1), dt.date(year, 12, 31)


def _is_clock_word(word: str) -> bool:
    """'7am', '10pm', '6.30am': a clock time written as one word."""
    return word[:1].isdigit() and word.endswith(("am", "pm")) and word[:-2].replace(".", "").replace(":", "").isdigit()


# a digit then am/pm: the cheap test (no look-behind, no IGNORECASE: the engine skips to digits)
_CLOCK_HINT = re.compile(r"[0-9]\s?[apAP]\.?\s?[mM]\b")
# "shortly before 05:30 local time": a 24-hour clock, written with its zone
_CLOCK_24 = re.compile(r"(?<![\d.:])(?:[01]\d|2[0-3])[:.][0-5]\d(?=\s+local\s+time\b)")
_CLOCK_TIME = re.compile(r"(?<![\d.:])\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]m\b|[ap]\.\s?m\b\.?)|\b(?:noon|midday)\b|"
                         r"(?<![\d.:])(?:[01]\d|2[0-3])[:.][0-5]\d(?:\s+local\s+time)(?=\W)", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\b(?:(?:just|shortly|soon|sometime|right)\s+(?:after|before)|(?:at\s+)?(?:about|around|"
                           r"roughly|approximately|exactly|precisely)|at|after|before|as\s+of)\s+$", re.IGNORECASE)
_BY_CLOCK = re.compile(r"\bby\s+$", re.IGNORECASE)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|by|than)\s+$", re.IGNORECASE)
# a day written right before or after the time dates it: "on Friday at 6am", "at 6am (local time) on Friday"
_DAY_GAP = re.compile(r"[\s,()]*(?:(?:local\s+time|[A-Z]{2,5})[\s,()]*)?(?:on\s+|at\s+)?", re.IGNORECASE)


def _clock_times(text: str, refs: list[TimeRef], anchor: dt.date | None, tense: str | None,
                 context: dt.date | None = None) -> None:
    """'The river peaked just after 6am': a clock time with no day of its own, in a past clause, is
    on the day of the statement, or on the story's day when the article told it before ('a fire tore
    through the factory on Sunday night' ... 'the blaze started at around 9.40pm'). A time qualifying a written day ('at 6am on Friday', 'Friday at
    2pm') or a deadline ('until 6pm') is left to that day; so is one in a sentence that names an
    earlier day before it ('On Monday, police arrived at 2pm')."""
    if anchor is None:
        return
    for m in _CLOCK_TIME.finditer(text):
        before = _CLOCK_BEFORE.search(text, max(0, m.start() - 24), m.start()) or \
            _BY_CLOCK.search(text, max(0, m.start() - 4), m.start())
        if before is None:
            if "ntil" in text or "till" in text:
                _until_clock(text, m, refs, anchor, tense)
            if text[max(0, m.start() - 5):m.start()].lower() == "from " and not _SPAN_CLOSE_AFTER.match(text, m.end()) and \
                    not any(r.start < m.end() + 20 and r.end > m.start() - 5 for r in refs) and \
                    _clause_tense(text, m.start() - 5, m.end(), tense) == "future":
                # "officers would patrol coastal villages from 6pm": a start later that day
                bisect.insort(refs, TimeRef(text[m.start() - 5:m.end()], "when", anchor, anchor, m.start() - 5, m.end()),
                              key=lambda r: r.start)
            continue
        start, end = before.start(), m.end()
        by = before.group().lower().startswith("by")  # "9,214 people had been evacuated by 8 p.m."
        if not by and _UNTIL_BEFORE.search(text, max(0, start - 16), start):
            # "peaceful until about 7 p.m.": the end of a span, not the time of an event; but "pressure
            # would remain low until 9 p.m.": a span ahead ends later that day
            continue
        if any(r.start < end and r.end > start for r in refs) or \
                any(r.end <= start and r.role == "when" and r.earliest is not None and r.earliest == r.latest
                    for r in refs) or \
                any(r.start >= end and _DAY_GAP.fullmatch(text, end, r.start) for r in refs) or \
                any(r.end <= start and _DAY_GAP.fullmatch(text, r.end, start) for r in refs):
            continue
        clause = _clause_tense(text, start, end, tense)
        if start <= 1 and text[end:end + 1] == "," and clause not in ("past", "pastperfect"):
            # "At 5pm, Barijat was centred ... and was forecast to move ...": the main clause's first verb
            first_clause = re.split(r",|\s+and\s+", text[end + 1:], maxsplit=1)[0]
            clause = sentence_tense(first_clause)
        if clause not in ("past", "pastperfect"):
            if by or before.group().lower().startswith("as of"):
                # "with a full service expected by 9pm", "47 people had sought treatment as of 3pm": the
                # day the words were said
                bisect.insort(refs, TimeRef(text[start:end], "deadline" if by else "when", None if by else anchor,
                                            anchor, start, end), key=lambda r: r.start)
            elif clause == "future" and not before.group().lower().startswith(("as of", "before")):
                # "orders would be lifted at 6 p.m.": a time ahead with no day of its own is later that day
                bisect.insort(refs, TimeRef(text[start:end], "when", anchor, anchor, start, end), key=lambda r: r.start)
            continue
        # ("were without electricity as of 5 p.m.": a count's hour with no day is the day it is reported)
        day = context if context is not None and context < anchor and not by and \
            not before.group().lower().startswith("as of") else anchor
        bisect.insort(refs, TimeRef(text[start:end], "deadline" if by else "when", None if by else day, day,
                                    start, end), key=lambda r: r.start)


_EVENT_SPAN = re.compile(r"\b(?:a|an|the)\s+(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|"
                         r"fifteen|twenty|thirty|forty-eight|seventy-two|twenty-four)-(?P<unit>hour|day|week)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:strike|walkout|stoppage|shutdown|suspension|ban|curfew|lockdown|blockade|"
                         r"closure|ceasefire|truce|halt|pause|moratorium|period|window)\b", re.IGNORECASE)
_SPAN_DAY_GAP = re.compile(r"\s+(?:(?:that\s+)?(?:will|would|is\s+to|was\s+to)\s+)?(?:begin|begins|beginning|start|starts|starting|"
                           r"from|at|on|due\s+to\s+(?:begin|start))?\s*$", re.IGNORECASE)


def _event_span(text: str, refs: list[TimeRef]) -> None:
    """'will begin a 72-hour strike at 6 am on Friday', 'ordered on Thursday a 30-day suspension': a
    span of that length from the day it starts ends that much later."""
    for m in _EVENT_SPAN.finditer(text):
        if any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        after = next((r for r in refs if r.start >= m.end() and r.start - m.end() <= 30 and r.role == "when" and
                      r.earliest is not None and r.earliest == r.latest and
                      _SPAN_DAY_GAP.fullmatch(text, m.end(), r.start) is not None), None)
        if after is None:
            # "The LTFRB on Thursday ordered a 30-day preventive suspension": the day of the order
            after = next((r for r in reversed(refs) if r.end <= m.start() and m.start() - r.end <= 30 and
                          r.role == "when" and r.earliest is not None and r.earliest == r.latest and
                          _ACT_BETWEEN.fullmatch(text, r.end, m.start()) is not None), None)
        if after is None:
            continue
        n = _count(m.group("n"))
        if not n:
            continue
        unit = m.group("unit").lower()
        days = n / 24 if unit == "hour" else n * (7 if unit == "week" else 1)
        if days != int(days):
            continue
        # (the days the strike or ban runs: a span, not a deadline anyone must meet)
        bisect.insort(refs, TimeRef(m.group(0), "when", after.earliest, after.earliest + dt.timedelta(days=int(days)),
                                    m.start(), m.end()), key=lambda r: r.start)


_MONTHS_TO_BEFORE = re.compile(r"\b(?:in|over|during|for)\s+the\s+(?:past\s+|last\s+|previous\s+)?(?P<n>\d{1,2}|three|six|nine|"
                               r"twelve|eighteen)\s+months\s+(?:to|ending|through|until)\s+(?:the\s+end\s+of\s+)?$",
                               re.IGNORECASE)


def _months_to(text: str, refs: list[TimeRef]) -> None:
    """'carried 1.1 million passengers in the 12 months to the end of September': the months that
    end with the one named."""
    for index, ref in enumerate(refs):
        if ref.latest is None:
            continue
        lead = _MONTHS_TO_BEFORE.search(text, max(0, ref.start - 60), ref.start)
        if lead is None:
            continue
        n = _count(lead.group("n"))
        if not n:
            continue
        first = ref.latest.year * 12 + ref.latest.month - int(n)  # months before the named one's end
        start = lead.start()
        refs[index] = TimeRef(text[start:ref.end], "when", dt.date(first // 12, first % 12 + 1, 1), ref.latest, start, ref.end)


_OF_DATED_ACT = re.compile(r"\s+of\s+(?:the|its|their|a|an)\s+(?:[\w'\u2019-]+\s+){1,5}?(?:being\s+|is\s+|was\s+|are\s+|were\s+)?"
                           r"(?:announced|published|released|declared|issued|made|signed|confirmed|certified|served)\s+$",
                           re.IGNORECASE)


def _within_of_dated(text: str, refs: list[TimeRef]) -> None:
    """'within 48 hours of the result being announced on October 29': the span counts from that day."""
    for index, ref in enumerate(refs[:-1]):
        nxt = refs[index + 1]
        if ref.role != "deadline" or ref.phrase[:7].lower() != "within " or ref.earliest is None or \
                ref.latest is None or nxt.earliest is None or nxt.earliest != nxt.latest or \
                not nxt.phrase.lower().startswith("on ") or not _OF_DATED_ACT.fullmatch(text, ref.end, nxt.start):
            continue
        refs[index] = TimeRef(ref.phrase, "deadline", nxt.earliest, nxt.earliest + (ref.latest - ref.earliest),
                              ref.start, ref.end)


_FROM_FOR_GAP = re.compile(r"\s*,?\s*(?:(?:possibly|probably|perhaps|potentially|likely)\s+)?")
_START_AND_RUN = re.compile(r"\b(?:start|starts|begin|begins|open|opens|commence|commences)\b[^.;]{0,140}?\s+and\s+"
                            r"(?:will\s+|would\s+)?(?:run|last|continue)(?:\s+(?:it|them))?\s+$", re.IGNORECASE)
_SPAN_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _run_from_start(text: str, refs: list[TimeRef]) -> None:
    """'would start in Budiriro on Monday and run for 10 days': the span runs from the day it starts."""
    for index, ref in enumerate(refs):
        if ref.role != "deadline" or not ref.phrase.lower().startswith("for ") or ref.latest is None:
            continue
        prev = refs[index - 1] if index else None
        if prev is not None and prev.phrase[:5].lower() == "from " and _FROM_FOR_GAP.fullmatch(text, prev.end, ref.start) and \
                prev.role == "when" and prev.earliest is not None and prev.earliest == prev.latest:
            day = prev  # "likely to be closed from Thursday afternoon for up to 48 hours"
        else:
            lead = _START_AND_RUN.search(text, max(0, ref.start - 170), ref.start)
            if lead is None:
                continue
            day = next((r for r in reversed(refs[:index]) if lead.start() < r.start and r.end <= ref.start and
                        r.role == "when" and r.earliest is not None and r.earliest == r.latest), None)
        words = ref.phrase.split()
        if day is None or len(words) < 3:
            continue
        unit = words[-1].lower()
        n = _count(words[-2])
        if not n or (unit not in _SPAN_UNIT_DAYS and not (unit == "hours" and n % 24 == 0)):
            continue
        days = n // 24 if unit == "hours" else n * _SPAN_UNIT_DAYS[unit]
        refs[index] = TimeRef(ref.phrase, "deadline", day.earliest, day.earliest + dt.timedelta(days=int(days)),
                              ref.start, ref.end)


_ACT_BETWEEN = re.compile(r"\s+(?:[a-z]+ed|imposed|declared|announced|called|began|begun|started)\s+", re.IGNORECASE)
_WEEK_ENDING_BEFORE = re.compile(r"\b(?:in|during|over)\s+the\s+week\s+(?:through|to|ending|ended)\s+(?:on\s+)?", re.IGNORECASE)
_WEEK_BEGINNING_BEFORE = re.compile(r"\bweek\s+(?:beginning|starting|commencing)\s+(?:on\s+)?$", re.IGNORECASE)


def _week_beginning(text: str, refs: list[TimeRef]) -> None:
    """'in the week beginning 30 November': the seven days from that day; 'fell 38% in the week
    through Sunday': the seven days to that day."""
    for index, ref in enumerate(refs):
        if ref.role == "when" and ref.earliest is not None and ref.earliest == ref.latest and \
                _WEEK_BEGINNING_BEFORE.search(text, max(0, ref.start - 30), ref.start):
            refs[index] = TimeRef(ref.phrase, "when", ref.earliest, ref.earliest + dt.timedelta(days=6), ref.start, ref.end)
        elif ref.latest is not None and (ref.earliest is None or ref.earliest == ref.latest) and \
                (ending := _WEEK_ENDING_BEFORE.search(text, max(0, ref.start - 30), ref.start + 12)) is not None and \
                ending.end() >= ref.start:
            start = ending.start()
            refs[index] = TimeRef(text[start:ref.end], "when", ref.latest - dt.timedelta(days=6), ref.latest, start, ref.end)


_SPAN_CLOSE_AFTER = re.compile(r"\s*(?:to|until|till|through|-|\u2013)\s|\s+and\s+\d", re.IGNORECASE)
_UNTIL_CLOCK_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)


def _until_clock(text: str, m: re.Match, refs: list[TimeRef], anchor: dt.date, tense: str | None) -> None:
    """'water pressure would remain low until 9 p.m.': a state ahead that ends at an hour with no day
    of its own ends later that day (a past 'peaceful until about 7 p.m.' is no deadline)."""
    until = _UNTIL_CLOCK_BEFORE.search(text, max(0, m.start() - 7), m.start())
    if until is None:
        return
    start, end = until.start(), m.end()
    if any(r.start < end and r.end > start for r in refs) or \
            any(r.start >= end and _DAY_GAP.fullmatch(text, end, r.start) for r in refs) or \
            any(r.end <= start and r.earliest is not None and r.earliest == r.latest for r in refs):
        return  # ("until 6pm on Friday", "On Monday, ... until 6pm": the day written)
    if _clause_tense(text, start, end, tense) == "future":
        bisect.insort(refs, TimeRef(text[start:end], "deadline", None, anchor, start, end), key=lambda r: r.start)


_EXTENDED_BY = re.compile(r"\b(?:extended|extends|extending|extend|pushed\s+back|postponed|postpones|delayed|delays)\s+"
                          r"(?:it\s+|them\s+|the\s+deadline\s+)?by\s+(?:another\s+|a\s+further\s+)?(?P<n>" + _NUMW +
                          r")\s+(?P<unit>days?|weeks?|months?)\b", re.IGNORECASE)


def _extended_by(text: str, refs: list[TimeRef]) -> None:
    """'gave transporters until June 30 ..., a deadline it later extended by a week': the new
    deadline is the one written before, moved on by the extension."""
    for m in _EXTENDED_BY.finditer(text):
        before = [r for r in refs if r.end <= m.start() and r.role == "deadline" and r.latest is not None]
        n = _count(m.group("n"))
        if not before or n is None or any(r.start >= m.start() and r.start < m.end() for r in refs):
            continue
        latest = _shift(before[-1].latest, n, m.group("unit"))
        bisect.insort(refs, TimeRef(text[m.start():m.end()], "deadline", None, latest, m.start(), m.end()),
                      key=lambda r: r.start)


_SAME_OF = re.compile(r"\bthe\s+same\s+(?P<unit>date|day|month|week|period|quarter)\s+(?:(?:of|in)\s+(?P<year>" + _YEAR +
                      r")|(?:of\s+)?(?P<last>last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year|"
                      r"the\s+year\s+before))\b", re.IGNORECASE)


def _same_of(text: str, refs: list[TimeRef]) -> None:
    """'grew 11.6 per cent in November compared with the same month of 2023', 'less than on the
    same date last year': the period named before it in the sentence, in the other year."""
    for m in _SAME_OF.finditer(text):
        before = [r for r in refs if r.end <= m.start() and r.role in ("when", "since") and r.earliest is not None
                  and r.latest is not None]
        if not before:
            continue
        narrow = [r for r in before if (r.latest - r.earliest).days < 360]
        base = (narrow or before)[-1]  # "from January to June this year ... the same period last year": the months
        try:
            if m.group("year"):
                shift = relativedelta(years=int(m.group("year")) - base.earliest.year)
            else:
                shift = relativedelta(years=-1)
            earliest, latest = base.earliest + shift, base.latest + shift
        except ValueError:
            continue
        if m.group("unit").lower() == "month":
            earliest, latest = _month_range(earliest.year, earliest.month)
        inside = [r for r in refs if r.start >= m.start() and r.end <= m.end()]
        if any(r.phrase.lower().startswith("the same") or r.start == m.start() for r in inside):
            continue  # read already ("so far this year ... the same period last year")
        refs[:] = [r for r in refs if r not in inside]
        bisect.insort(refs, TimeRef(m.group(0), "when", earliest, latest, m.start(), m.end()), key=lambda r: r.start)


_WEEKDAY_END = re.compile(_WD + r"$", re.IGNORECASE)
_WEEKDAY_DATE_GAP = re.compile(r",?\s")


_DAY_IN_BRACKETS = re.compile(r"\s*\(([0-3]?\d)\)")
_WEEKDAY_PART_END = re.compile(_WD + r"(?:\s+(?:night|morning|evening|afternoon))?$", re.IGNORECASE)


def _weekday_day_in_brackets(text: str, refs: list[TimeRef], pub: dt.date | None) -> None:
    """'this Tuesday (20)', 'Between Sunday night (18) and Monday morning (19)': a weekday with its
    day of the month in brackets (Brazilian style) is the date near the article that has both."""
    if pub is None:
        return
    for index, ref in enumerate(refs):
        m = _WEEKDAY_PART_END.search(ref.phrase)
        bracket = _DAY_IN_BRACKETS.match(text, ref.end)
        if m is None or bracket is None:
            continue
        wd, day = WEEKDAYS[m.group().split()[0].lower()], int(bracket.group(1))
        found = [pub + dt.timedelta(days=k) for k in sorted(range(-35, 36), key=abs)
                 if (pub + dt.timedelta(days=k)).day == day and (pub + dt.timedelta(days=k)).weekday() == wd]
        if not found:
            continue
        refs[index] = TimeRef(text[ref.start:bracket.end()], ref.role, None if ref.role == "deadline" else found[0],
                              found[0], ref.start, bracket.end())


_CALLED_OFF_BEFORE = re.compile(r"\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?(?:cancell?ed|suspended|"
                                r"closed|called\s+off|postponed|shut|scrapped)\s+(?:on\s+)?$", re.IGNORECASE)
_ANNOUNCED_BEFORE = re.compile(r"\b(?:announced|said|declared|confirmed|ordered|decided)\s+(?:on\s+)?$", re.IGNORECASE)


def _called_off_for(text: str, refs: list[TimeRef]) -> None:
    """'Work and classes were canceled Monday ..., the DGPA announced late Sunday': a day called
    off is the first such weekday after the announcement, not the one a week before it (a day
    called off one to three days before the announcement stays: 'canceled Monday, it said Tuesday')."""
    for index, ref in enumerate(refs):
        wd = WEEKDAYS.get(ref.phrase.lower().removeprefix("on ").strip())
        if wd is None or ref.role != "when" or ref.earliest is None or \
                not _CALLED_OFF_BEFORE.search(text, max(0, ref.start - 40), ref.start):
            continue
        told = next((r for r in refs[index + 1:] if r.role == "when" and r.earliest is not None and r.earliest == r.latest
                     and _ANNOUNCED_BEFORE.search(text, max(0, r.start - 30), r.start)), None)
        if told is None or (told.earliest - ref.earliest).days < 4:
            continue
        ref.earliest = ref.latest = resolve_weekday(wd, told.earliest, "after")


_MONTH_WORD = re.compile(r"\b(?:" + MONTH_RE + r")\b", re.IGNORECASE)
_TOLD_THEN = re.compile(r"\b(?:had\s+(?:told|said|promised|pledged|announced|assured)|told|said|promised|pledged)\b", re.IGNORECASE)


def _promised_then(text: str, refs: list[TimeRef], published: dt.date) -> None:
    """'had told the community in September that the hospital would reopen by the end of October'
    (told in November): the deadline of a promise made in a month named before it runs from that
    month, not past the article."""
    for index, ref in enumerate(refs):
        if ref.role != "deadline" or ref.latest is None or ref.latest <= published or \
                any(c.isdigit() for c in ref.phrase) or not _MONTH_WORD.search(ref.phrase):
            continue
        told = next((r for r in reversed(refs[:index]) if r.role == "when" and r.earliest is not None and
                     r.earliest.year < ref.latest.year and r.earliest.month <= ref.latest.month and
                     _MONTH_WORD.search(r.phrase)), None)
        if told is not None and _TOLD_THEN.search(text, 0, told.start + 60) and " would " in text[told.end:ref.start]:
            year = told.earliest.year
            ref.latest = dt.date(year, ref.latest.month, min(ref.latest.day, calendar.monthrange(year, ref.latest.month)[1]))


def _weekday_with_date(text: str, refs: list[TimeRef]) -> None:
    """'from Monday 26 February', 'on Friday, March 1': a weekday written with its date is that
    date (when they agree), not a weekday counted from the article's day."""
    index = 0
    while index < len(refs) - 1:
        a, b = refs[index], refs[index + 1]
        index += 1
        m = _WEEKDAY_END.search(a.phrase)
        if m is None or b.earliest is None or b.earliest != b.latest or \
                not _WEEKDAY_DATE_GAP.fullmatch(text, a.end, b.start) or \
                WEEKDAYS[m.group().lower()] != b.earliest.weekday():
            continue
        refs[index - 1:index + 1] = [TimeRef(text[a.start:b.end], a.role,
                                             None if a.role == "deadline" else b.earliest, b.latest, a.start, b.end)]


# 'from 10 p.m. Friday until 6 a.m. Saturday': the clock times around two days of one span
_SPAN_CLOCK = r"(?:(?:\d{1,2}(?:[:.][0-5]\d)?\s?(?:[ap]m\b|[ap]\.\s?m\b\.?)|midnight|noon|midday)\s+(?:on\s+)?)"
_FROM_BEFORE = re.compile(r"\b(?P<open>from|between)\s+" + _SPAN_CLOCK + r"?$", re.IGNORECASE)
_MOVED_BEFORE = re.compile(r"\b(?:pushed\s+back|postponed|moved|brought\s+forward|rescheduled|delayed|shifted|"
                           r"deferred|advanced|changed)\s+(?:\w+\s+){0,3}?from\s+\S*$", re.IGNORECASE)
_SPAN_UNTIL = re.compile(r",?\s+(?P<close>to|until|till|through|and)\s+" + _SPAN_CLOCK + r"?(?:on\s+)?", re.IGNORECASE)


def _from_until(text: str, refs: list[TimeRef]) -> None:
    """'ran from Monday 26 February until Friday evening', 'from 10 p.m. Friday until 6 a.m.
    Saturday': a day after 'from' and one after 'until'/'to' are one span, from the first day to the
    last (clock times on either side are the span's hours, not dates of their own)."""
    index = 0
    while index < len(refs) - 1:
        a, b = refs[index], refs[index + 1]
        index += 1
        if a.role != "when" or a.earliest is None or b.latest is None:
            continue
        head = a.phrase[:5].lower() == "from "
        before = None if head else _FROM_BEFORE.search(text, max(0, a.start - 24), a.start)
        if not head and before is None:
            continue
        if _MOVED_BEFORE.search(text, max(0, a.start - 40), a.start + 5):
            continue  # "exams had been pushed back from this coming Sunday to February 25": two days
        lead = re.match(r"(?:to|until|till|through)\s+", b.phrase, re.IGNORECASE)
        gap = text[a.end:b.start] + (b.phrase[:lead.end()] if lead else "")
        joined = _SPAN_UNTIL.fullmatch(gap)
        last_day = _WEEKDAY_END.search(b.phrase)
        if joined and last_day is not None and a.earliest == a.latest and b.latest < a.earliest:
            # "from 6 p.m. Saturday to 6 a.m. Monday": the Monday after that Saturday
            b.earliest = b.latest = a.earliest + dt.timedelta(days=(WEEKDAYS[last_day.group().lower()] - a.earliest.weekday()) % 7)
        if not joined or b.latest < a.earliest or (b.latest - a.earliest).days > 400:
            continue
        between = before is not None and before.group("open").lower() == "between"
        if between != (joined.group("close").lower() == "and") or (between and "between " in a.phrase.lower()):
            continue  # "between ... and", "from ... to": each opener with its own closer
        start = a.start if head else before.start()
        latest = b.latest
        if last_day is not None and a.earliest == a.latest:
            # "from Monday, January 3, to Wednesday": the first such weekday from the span's start
            latest = a.earliest + dt.timedelta(days=(WEEKDAYS[last_day.group().lower()] - a.earliest.weekday()) % 7)
        refs[index - 1:index + 1] = [TimeRef(text[start:b.end], "when", a.earliest, latest, start, b.end)]


def _join_pairs(text: str, refs: list[TimeRef]) -> None:
    """'on Sunday and Monday', 'between January 2022 and June 2024', 'from May 2021 to March 2023':
    two days or periods joined after 'on', 'between' or 'from' are one span, from the first one's
    start to the second one's end. 'between'/'from' pairs become the span; an 'on' pair keeps its
    two days as well (each may date its own count)."""
    index = 0
    while index < len(refs) - 1:
        a, b = refs[index], refs[index + 1]
        index += 1
        if a.role != "when" or b.role != "when" or a.earliest is None or b.latest is None or \
                b.earliest is None or a.latest is None:
            continue
        joiner = text[a.end:b.start]
        head = a.phrase[:5].lower()
        if joiner == " and " and (head.startswith(("on ", "for ")) or text[max(0, a.start - 4):a.start].lower() == "for "):
            keep = True  # "on Sunday and Monday", "a warning for Wednesday and Thursday"
        elif joiner in (" or ", " to ", " and ") and a.earliest == a.latest and b.earliest == b.latest and \
                dt.timedelta(days=1) >= b.earliest - a.latest >= dt.timedelta(0):
            keep = True  # "landfall late Friday or early Saturday", "the night of 28 February to 1 March"
        elif (joiner == " and " and (text[max(0, a.start - 8):a.start].lower() == "between " or
                                     a.phrase[:8].lower() == "between ")) or \
                (joiner == " to " and head == "from " and not _MOVED_BEFORE.search(text, max(0, a.start - 40), a.start + 5)):
            keep = False
        else:
            continue
        if keep and b.earliest < a.earliest and b.earliest == b.latest and \
                dt.timedelta(days=7) > b.earliest + dt.timedelta(days=7) - a.latest > dt.timedelta(0) and \
                _WEEKDAY_PART_END.search(b.phrase) and joiner == " and ":
            # "on Wednesday and Thursday" told on a Wednesday: the next day, not last week's
            b.earliest = b.latest = b.earliest + dt.timedelta(days=7)
        if keep and joiner == " and " and a.earliest == a.latest and b.earliest == b.latest and \
                b.earliest - a.earliest > dt.timedelta(days=6) and _WEEKDAY_PART_END.search(b.phrase) and \
                _WEEKDAY_PART_END.search(a.phrase):
            # "samples taken on Saturday and Sunday were expected by Thursday": the Sunday after that Saturday
            b.earliest = b.latest = a.earliest + dt.timedelta(days=(b.earliest - a.earliest).days % 7)
        if b.earliest < a.earliest or (keep and b.earliest > a.earliest + dt.timedelta(days=6)):
            continue  # a span runs forward; 'on Monday and Friday' of different weeks are two days
        start = a.start if keep or head == "from " or a.phrase[:8].lower() == "between " else a.start - 8
        span = TimeRef(text[start:b.end], "when", a.earliest, b.latest, start, b.end)
        if keep:
            refs.insert(index - 1, span)
            index += 2
        else:
            refs[index - 1:index + 1] = [span]


_WILL = re.compile(r"\b(?:will|shall|won't|won\u2019t)\b|['\u2019]ll\b", re.IGNORECASE)


def _anchor_forward_weekdays(text: str, refs: list[TimeRef], published: dt.date, anchor: dt.date) -> None:
    """'The governor on Thursday ordered the evacuation, giving residents until 6pm on Friday to
    leave' (told on Friday): the weekday deadline is the first one after the day the order was
    given, named before it in the sentence (else the statement's day), not after the article date.
    A 'will' between them speaks from the article's day and keeps it."""
    for index, ref in enumerate(refs):
        if ref.forward_weekday is None or ref.latest is None:
            continue
        prev = next((r for r in reversed(refs[:index]) if r.role == "when" and r.earliest is not None
                     and r.earliest == r.latest and text[max(0, r.start - 4):r.start].lower() != "the "
                     # (not a day inside ", which seized a convoy ... on September 19,": another act's)
                     and not _IN_RELATIVE.search(text, max(0, r.start - 150), r.start)), None)
        day = prev.earliest if prev is not None else anchor  # (not "the Nov. 4 election": a name of the event)
        if day >= published or _WILL.search(text, prev.end if prev is not None else 0, ref.start):
            continue
        ref.latest = resolve_weekday(ref.forward_weekday, day, "after")


_WITHIN = ("within", "no more than", "not more than", "no longer than", "inside", "for ", "in the")
# a measure that runs for a span: "suspended its licence for three months", "banned ... for 30 days"
_WILL_BEFORE = re.compile(r"\b(?:will|shall|would|to)\s+(?:\w+\s+){0,1}(?:remain|stay|last|run|continue|keep|be\s+"
                          r"(?:closed|suspended|deployed|extended|banned|declared|imposed|enforced|in\s+place|in\s+force|"
                          r"in\s+effect))\b[^.;]{0,60}$"
                          # "would take effect on Oct. 24 and run for 30 days"
                          r"|\b(?:will|shall|would)\s+[^;]{0,140}\band\s+(?:run|last|remain|stay|continue)(?:\s+(?:it|them))?\s+$"
                          # "how we are going to feed our children for three weeks": a span still to come
                          r"|\b(?:will|shall|going\s+to)\s+(?!be\s+(?:jailed|imprisoned|sentenced)\b)[^.;,]{0,50}$",
                          re.IGNORECASE)
# "a proclamation that remains in effect for 60 days", "a window that opens on Jan. 4 and runs for 21 days"
_IN_FORCE_BEFORE = re.compile(r"\b(?:remains?|stays?|is|are)\s+(?:in\s+(?:effect|force|place)|valid|active)\s+$|"
                              r"\b(?:runs|lasts)\s+$", re.IGNORECASE)
_SUSPENDED_BEFORE = re.compile(r"\b(?:suspend(?:ed|s|ing)?|suspension|ban(?:ned|s|ning)?|barred|closed|closures?|remanded|detention|"
                               r"held\s+up|delayed|disrupted|adjourned|postponed|deferred|"  # "an inquest ... has been adjourned for eight weeks"
                               r"stop|pause|halt|freeze|moratorium|"
                               r"ordered\b[^.;]{0,80}\bdetained|"
                               r"shut(?:\s+down)?|halted)\b[^.;]{0,80}$", re.IGNORECASE)


_STARTING = re.compile(r",?\s+(?:(?:starting|beginning|effective)(?:\s+from)?|from|as\s+of)\s+(?:on\s+)?", re.IGNORECASE)


def _starting_day(text: str, refs: list[TimeRef], tense: str | None, pub: dt.date | None) -> bool:
    """'would suspend their action for 10 days starting Monday': the span counts from that day
    ('had banned ... for two weeks, beginning Monday': a Monday gone by, in a past clause)."""
    moved = False
    for a, b in zip(refs, refs[1:]):
        if a.role == "deadline" and a.earliest is not None and a.latest is not None and \
                a.phrase.lower().startswith(_WITHIN) and b.earliest is not None and (
                    b.earliest == b.latest or b.phrase[:5].lower() == "from ") and \
                (_STARTING.fullmatch(text, a.end, b.start) or (text[a.end:b.start] == " " and b.phrase[:5].lower() == "from ")):
            if pub is not None and b.earliest > pub and _WEEKDAY_PART_END.fullmatch(b.phrase) and \
                    sentence_tense(text[:a.start]) in ("past", "pastperfect") and \
                    not _FORWARD_BEFORE.search(text, max(0, a.start - 60), a.start):
                b.earliest = b.latest = b.earliest - dt.timedelta(days=7)
            counted = _SPAN_COUNT.search(a.phrase)
            n = _count(counted.group(1)) if counted else None
            # months and years keep their calendar length ("for six months from March": to September 1)
            end = _shift(b.earliest, n, counted.group(2)) if n is not None else b.earliest + (a.latest - a.earliest)
            a.earliest, a.latest = b.earliest, end
            moved = True
    return moved


_AFTER_ACT = re.compile(r"\s+(?:after|following)\s+(?:the\s+|its\s+|their\s+)?(?!(?:the|a|an)\b)[a-z]+(?:ion|ment|al|ing|y)\b"
                        r"(?!\s+(?:on|of)\s)", re.IGNORECASE)
_SPAN_COUNT = re.compile(r"(\S+)\s+(?:calendar\s+|working\s+|business\s+|clear\s+)?(hours?|days?|weeks?|months?|years?)\b",
                         re.IGNORECASE)


def _anchor_durations(text: str, refs: list[TimeRef], tense: str) -> None:
    """'Under the truce signed on January 29, the group had committed to freeing the hostages within
    14 days': in a past clause, a span counts from the day named before it in the sentence, not
    from the day the article reports it."""
    for index, ref in enumerate(refs):
        if ref.role != "deadline" or ref.earliest is None or ref.latest is None:
            continue
        # "expected to arrive by Nov. 13, with testing to take up to a week after installation": a span
        # after an act the sentence dates only by the day before it
        before_day = next((r for r in reversed(refs[:index]) if r.latest is not None and r.role in ("when", "deadline")
                           and (r.earliest is None or r.earliest == r.latest)), None)
        if before_day is not None and before_day.latest > ref.earliest and _AFTER_ACT.match(text, ref.end):
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = before_day.latest, before_day.latest + span
            continue
        if not (ref.phrase.lower().startswith(_WITHIN) or ref.phrase.lower().endswith(" time")):
            continue
        # the day, or the last day of a short span ("on Feb. 16 and 17"), named before the span
        after = refs[index + 1] if index + 1 < len(refs) else None
        if after is not None and after.role in ("when", "deadline") and after.latest is not None and \
                after.earliest == after.latest and (text[ref.end:after.start].lower() == " of " or (
                    _SPAN_OF_DAY.fullmatch(text, ref.end, after.start) and ref.phrase.lower().startswith(("within", "in the")))
                    or _OF_ACT_WHICH.fullmatch(text, ref.end, after.start)):
            # ("within 10 days of the winner's proclamation, which in Paliparan took place on Tuesday")
            # "within 30 days of Thursday's flooding": counted from the day named after "of"
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = after.latest, after.latest + span
            ref.needs_day = False
            continue
        # not a day inside a relative clause ("the strike, which started on January 19, and directed
        # the two parties to hold talks within seven days" counts from the order's day)
        days = [r for r in reversed(refs[:index]) if r.role == "when" and r.earliest is not None
                and r.latest is not None and (r.latest - r.earliest).days <= 2
                # ("asked anyone who was in the area on Sunday afternoon to call within 24 hours": whose day
                # it was, not the asking's)
                and not _WHO_WAS.search(text, max(0, r.start - 80), r.start)
                # ("the collapse had been triggered by rain that fell on Thursday, and that Sanral would
                # appoint an engineer within seven days": another reported clause's day, not the saying's)
                and not (_AND_THAT.search(text, r.end, ref.start) and
                         not _SAID_ON_BEFORE.search(text, max(0, r.start - 25), r.start))]
        main = [r for r in days if not _IN_RELATIVE.search(text, max(0, r.start - 60), r.start)]
        day = (main or days)[0].latest if days else None  # ("Under the ceasefire, which took effect on Nov. 27, ...")
        if day is not None and day != ref.earliest and ref.phrase.lower().startswith("for ") and (
                _BEGINS_BEFORE.search(text, max(0, (main or days)[0].start - 25), (main or days)[0].start) or
                # "signed an emergency proclamation on Tuesday that remains in effect for 60 days": from its signing
                _IN_FORCE_BEFORE.search(text, max(0, ref.start - 30), ref.start)):
            # "Consultation will begin on Monday and is expected to run for 30 days": from its first day
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = day, day + span
            continue
        if day is not None and day != ref.earliest and _OF_THE_ACT.match(text, ref.end):
            # "a motion, due to be voted on in the Dáil on Wednesday, would demand ... within 14 days
            # of the vote": the act the sentence dated, whichever way it lies
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = day, day + span
            continue
        if day is not None and day > ref.earliest and _AND_THEN.fullmatch(text, (main or days)[0].end, ref.start):
            # "could be filed ... as early as Friday afternoon and decided within 48 hours": from that day
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = day, day + span
            continue
        if day is None or day >= ref.earliest:
            continue
        if _clause_tense(text, ref.start, ref.end, tense) not in ("past", "pastperfect") and \
                " would " not in text[:ref.start]:  # "promised on Sunday that it would report in two weeks' time"
            continue
        span = ref.latest - ref.earliest
        ref.earliest, ref.latest = day, day + span


_TELLING_AFTER = re.compile(r"\s(?:warning|saying|adding|telling|urging|asking|noting|arguing|insisting|threatening|"
                            r"promising|vowing|demanding)\b")
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{3})[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"\u201c])")
_IF_PRESENT_BEFORE = re.compile(r"\b(?:if|unless|once)\s+(?:(?:the|a|an|this|that|its|their)\s+)?(?:[a-z]+\s+)?[a-z]+(?<!s)\s+"
                                r"[a-z]{2,}[^s\W]s\b(?:\s+(?:up|down|in|out|on|off))?[^,;.]{0,30}$", re.IGNORECASE)
_PRESENT_SUBJECT_VERB = re.compile(r"\s+(?:the|a|an|this|that|its|their)\s+(?:[a-z]+\s+)?[a-z]+(?<!s)\s+[a-z]{2,}[^s\W]s\b")
_PAST_EVENT_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:collapse|attack|explosion|blast|crash|quake|earthquake|shooting|accident|"
                               r"derailment|sinking|landslide|eruption|bombing|raid|killings?|fire|blaze|stampede|deaths?|"
                               r"massacre|ambush|capsizing|murders?|release|leak|spill|blackout|outage|flood|flooding|"
                               r"landfall|storm|fighting|clashes|order|ruling|signing|vote|decision|announcement|breach|"
                               r"rupture|failure|close|closing|settlement|"  # ("up 1.3 percent from Tuesday's close")
                               r"confirmation|detection|discovery|diagnosis|declaration)\b",
                               re.IGNORECASE)
_LATER_THAT_DAY = re.compile(r"(?:night|evening|afternoon|morning)$|\d\s?(?:[ap]\.?\s?m\b|[ap]\.\s?m\.)|\b(?:noon|midday|midnight)\b",
                             re.IGNORECASE)
# ("within 24 hours of discovering the leak on Saturday": a gerund's act)
_SPAN_OF_DAY = re.compile(r"\s+(?:of|from|after|following)\s+(?:[a-z]+ing\s+)?(?:(?:the|their|its|his|her|this|that|a|an)\s+)?"
                          r"(?:[a-z]+\s+){0,2}?")
_BEGINS_BEFORE = re.compile(r"\b(?:begin|begins|began|start|starts|started|open|opens|opened|commence|commences|commenced|"
                            r"takes?\s+effect|took\s+effect|comes?\s+into\s+force|came\s+into\s+force)\s+$",
                            re.IGNORECASE)
_OF_THE_ACT = re.compile(r"\s+of\s+(?:the|its|their|her|his|that|this)\s+(?:vote|ruling|order|decision|hearing|verdict|announcement|"
                         r"meeting|agreement|deal|signing|judgment|judgement|sentencing|request|arrival|departure|"
                         r"application|notice|launch|shipment|delivery|bulletin|letter|statement|examination|inspection|"
                         r"assessment)\b|\s+of\s+(?:shipment|delivery|receipt|"
                         r"notification|publication|service|issuance)\b"
                         r"|\s+of\s+the\s+(?:start|beginning|opening)\s+of\s+(?:the|its|their)\s+[a-z]+"
                         # "would begin a review on Monday ... within 21 days of starting"
                         r"|\s+of\s+(?:starting|beginning|opening|its\s+start|the\s+start)\b", re.IGNORECASE)
_OF_ACT_WHICH = re.compile(r"\s+(?:of|from|after)\s+(?:the|its|their|his|her|this|that)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w-]+,\s+"
                           r"which\s+(?:[\w'\u2019-]+\s+){0,4}?(?:took\s+place|was\s+held|happened|occurred|was\s+made|"
                           r"was\s+issued|came|began|started|was\s+announced)\s+", re.IGNORECASE)
_WHO_WAS = re.compile(r"\b(?:anyone|anybody|everyone|everybody|those|people|residents|persons?|passengers|visitors|"
                      r"motorists|witnesses)\s+who\s+(?:was|were|had\s+been|saw|travelled|traveled|visited|used|attended)\b[^,;]*$",
                      re.IGNORECASE)
_AND_THAT = re.compile(r",\s+and\s+that\s", re.IGNORECASE)
_AND_THEN = re.compile(r"\s+and\s+(?:then\s+)?(?:be\s+)?[a-z]+ed\s+", re.IGNORECASE)
_SAID_ON_BEFORE = re.compile(r"\b(?:said|says|told|announced|stated|added|confirmed|warned|wrote)\s+(?:\S+\s+){0,2}?$",
                             re.IGNORECASE)
_IN_RELATIVE = re.compile(r",\s*(?:which|who|that)\s[^,;]*$", re.IGNORECASE)
_AT_END_OF_BEFORE = re.compile(r"\bat\s+the\s+(?:end|close)\s+of\s+(?:a|an|the|its|their)\s+[^,.;]{0,60}?\s+(?:on\s+)?$",
                               re.IGNORECASE)
_ACT_PHRASE_BETWEEN = re.compile(r",\s+(?:at\s+the\s+(?:end|close)\s+of|after|following|during|at)\s+(?:a|an|the|its|their)\b",
                                 re.IGNORECASE)
_GIVEN_SPAN_PHRASE = re.compile(r"\S+\s+(?:(?:calendar|working|business|clear)\s+)?(?:hours?|days?|weeks?|months?|years?)(?:\s+from\s+the\s+[a-z]+)?", re.IGNORECASE)


_CLOCK_IN_PHRASE = re.compile(r"\b(?P<h>\d{1,2})(?:[:.][0-5]\d)?\s?(?P<ap>[ap])\.?\s?m\b", re.IGNORECASE)
_HOURS_SPAN = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty-four|"
                         r"forty-eight|seventy-two)\s+hours?\b", re.IGNORECASE)


def _hours_past_midnight(text: str, refs: list[TimeRef]) -> None:
    """'The fire broke out at about 11 p.m. on Friday and was contained within six hours': hours
    counted from a clock time run into the next day."""
    for index, ref in enumerate(refs):
        if ref.role != "deadline" or ref.earliest is None or ref.latest is None:
            continue
        span = _HOURS_SPAN.search(ref.phrase)
        if span is None:
            continue
        start = next((r for r in reversed(refs[:index]) if r.latest == ref.earliest and r.earliest == r.latest), None)
        # the clock time written with that day: "at about 11 p.m. on Friday", "Friday at 11 p.m."
        clock = _CLOCK_IN_PHRASE.search(text, max(0, start.start - 25), start.end + 15) if start is not None else None
        if clock is None:
            continue
        hour = int(clock.group("h")) % 12 + (12 if clock.group("ap").lower() == "p" else 0)
        n = _count(span.group("n"))
        if n:
            ref.latest = (dt.datetime.combine(ref.earliest, dt.time(hour)) + dt.timedelta(hours=n)).date()


LAST_WEEK = "~week"  # events[LAST_WEEK]: the last seven-day span the article named ("in the week ending November 1")
_WEEK_BEFORE_PHRASES = frozenset({"the previous week", "the week before", "a week earlier"})


def _previous_week(text: str, refs: list[TimeRef], named: tuple[dt.date, dt.date] | None) -> None:
    """'486 new cases in the week ending November 1. That was up from 371 cases the previous week':
    the week before the last week the article named, not before the article's own week."""
    for index, ref in enumerate(refs):
        if ref.phrase.lower() not in _WEEK_BEFORE_PHRASES or ref.earliest is None or ref.latest is None:
            continue
        prior = next((r for r in reversed(refs[:index]) if r.role == "when" and r.earliest is not None and
                      r.latest is not None), None)
        if prior is not None and prior.earliest == prior.latest and ref.phrase.lower() in ("a week earlier", "a week before"):
            # "214 hot spots on Friday, up from 57 a week earlier": the same day a week before
            ref.earliest = ref.latest = prior.latest - dt.timedelta(days=7)
            continue
        week = next(((r.earliest, r.latest) for r in reversed(refs[:index]) if r.role == "when" and
                     r.earliest is not None and r.latest is not None and (r.latest - r.earliest).days == 6), named)
        if week is not None:
            ref.earliest, ref.latest = week[0] - dt.timedelta(days=7), week[1] - dt.timedelta(days=7)


_RATE_BEFORE = re.compile(r"\d[\d,.]*\s*(?:[a-z%]+\s+){0,2}$", re.IGNORECASE)
_SPAN_BEFORE_FROM = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                               r"(?P<unit>days?|weeks?)\s+$", re.IGNORECASE)


def _span_from_day(text: str, refs: list[TimeRef]) -> None:
    """'Classes will resume a week from Monday': that many days after the day named."""
    for ref in refs:
        if not ref.phrase.lower().startswith("from ") or ref.earliest is None or ref.earliest != ref.latest:
            continue
        m = _SPAN_BEFORE_FROM.search(text, max(0, ref.start - 16), ref.start)
        if m is None or re.search(r"\b(?:for|within|in|over|after)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            continue  # ("must stay home for 14 days from Wednesday": a span that starts then)
        n = 1 if m.group("n").lower() in ("a", "one") else _count(m.group("n"))
        if not n or (n == 1 and _RATE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
            continue  # ("take 40 tonnes a day from Saturday": a rate)
        days = n * (7 if m.group("unit").lower().startswith("week") else 1)
        ref.earliest = ref.latest = ref.earliest + dt.timedelta(days=days)
        ref.phrase = text[m.start():ref.end]
        ref.start = m.start()


_HOURS_TO = re.compile(r"\b(?:in|over|during)\s+the\s+(?:previous\s+|past\s+|last\s+)?(?P<n>" + _NUMW + r")\s+hours?\s+"
                       r"(?:to|until|till|through|ending(?:\s+at)?)\s+(?:(?P<h>\d{1,2})(?:[:.](?P<min>[0-5]\d))?\s*"
                       r"(?P<ap>[ap])\.?\s?m\.?\s+)?(?:on\s+)?$", re.IGNORECASE)


def _hours_to_day(text: str, refs: list[TimeRef]) -> None:
    """'94.6mm of rain in the 24 hours to 6am on Tuesday': the span of those hours, which began on
    the day before, beside the day they end on."""
    for ref in list(refs):
        if ref.latest is None or (ref.earliest is not None and ref.earliest != ref.latest):
            continue
        m = _HOURS_TO.search(text, max(0, ref.start - 70), ref.start)
        if m is None:
            continue
        n = _count(m.group("n"))
        if not n or n > 24 * 14:
            continue
        hour = 24
        if m.group("h"):
            hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        end = dt.datetime.combine(ref.latest, dt.time()) + dt.timedelta(hours=hour)
        first = (end - dt.timedelta(hours=n)).date()
        if first < ref.latest:
            bisect.insort(refs, TimeRef(text[m.start():ref.end], "when", first, ref.latest, m.start(), ref.end),
                          key=lambda r: r.start)


_AND_MONTH = re.compile(r"\s+(?:and|or)\s+(?:in\s+)?(?P<m>January|February|March|April|(?-i:May)|June|July|August|September|"
                        r"October|November|December)\b(?!\.?\s*\d|\s+(?:last|next|this)\s+year)", re.IGNORECASE)


def _second_month(text: str, refs: list[TimeRef]) -> None:
    """'suspended flights in March and June': the second month of a pair written without a year,
    in the year after the first month's as the calendar runs on."""
    for ref in list(refs):
        if ref.earliest is None or ref.latest is None or ref.earliest.day != 1 or \
                not 27 <= (ref.latest - ref.earliest).days <= 30 or not ref.phrase[:1].isalpha():
            continue
        m = _AND_MONTH.match(text, ref.end)
        if m is None or any(r.start < m.end() and r.end > m.start("m") for r in refs):
            continue
        month = MONTHS[m.group("m").lower()]
        year = ref.earliest.year + (month <= ref.earliest.month)
        earliest, latest = _month_range(year, month)
        bisect.insort(refs, TimeRef(m.group("m"), ref.role, earliest, latest, m.start("m"), m.end("m")),
                      key=lambda r: r.start)
        if ref.role == "when" and text[ref.end:m.start("m")].strip().lower() == "and" and \
                ref.phrase.lower().startswith(("for ", "in ", "during ")) and (latest - ref.earliest).days < 120:
            # "shipments scheduled for October and November": the two months as one span too
            bisect.insort(refs, TimeRef(text[ref.start:m.end("m")], "when", ref.earliest, latest, ref.start, m.end("m")),
                          key=lambda r: r.start)
    for ref in list(refs):
        # "the floods of 2002 or 2013": the second whole year of a pair
        if ref.role != "when" or ref.earliest is None or ref.latest is None or ref.earliest.month != 1 or \
                ref.earliest.day != 1 or (ref.latest - ref.earliest).days not in (364, 365):
            continue
        m = _OR_YEAR.match(text, ref.end)
        if m is None or any(r.start < m.end() and r.end > m.start("y") for r in refs):
            continue
        year = int(m.group("y"))
        bisect.insort(refs, TimeRef(m.group("y"), "when", dt.date(year, 1, 1), dt.date(year, 12, 31), m.start("y"),
                                    m.end("y")), key=lambda r: r.start)


_OR_YEAR = re.compile(r"\s+or\s+(?P<y>" + _YEAR + r")(?!\d|,\d|-\d|\s+(?:people|persons|[a-z]+s)\b)")


_PERIOD_NOUN_AFTER = re.compile(r"\s+(?:wages?|salar(?:y|ies)|pay|paychecks?|paycheques?|pensions?|rent|bills?|figures|"
                                r"data|inflation|sales|exports|imports|output|production|earnings|payroll|allowances?)\b",
                                re.IGNORECASE)
_BOOKED_FOR = re.compile(r"\b(?:bookings|reservations|plans|tickets|flights|events|fixtures|matches|games|trips|visits|"
                         r"forecast|warning|alert|outlook|standby|alert)\s+$", re.IGNORECASE)
_FOR_MONTH_AHEAD = re.compile(r"\b(?:scheduled|set|planned|slated|due|postponed|delayed|put\s+off|pushed\s+back|moved|"
                              r"booked|called|pencil+ed\s+in|targeted|targeting|aiming|aims|aim|expected)\s+(?:\S+\s+){0,2}?$",
                              re.IGNORECASE)


_PERIOD_BEFORE = re.compile(r"\bthe\s+(?P<unit>week|month)\s+before\b(?!\s+(?:the|a|an|last|that|this|his|her|its|their|"
                            r"[A-Z]\w*|\d))", re.IGNORECASE)


def _period_before(text: str, refs: list[TimeRef]) -> None:
    """'New cases rose to about 640 last week, from around 350 the week before': the week before the
    week the sentence named."""
    for m in _PERIOD_BEFORE.finditer(text):
        if any(r.start < m.end() and r.end > m.start() for r in refs):
            continue
        unit = m.group("unit").lower()
        span = 6 if unit == "week" else None
        prev = next((r for r in reversed(refs) if r.end <= m.start() and r.earliest is not None and r.latest is not None
                     and ((r.latest - r.earliest).days == 6 if span else r.earliest.day == 1 and
                          (r.latest + dt.timedelta(days=1)).day == 1)), None)
        if prev is None:
            continue
        if unit == "week":
            earliest, latest = prev.earliest - dt.timedelta(days=7), prev.latest - dt.timedelta(days=7)
        else:
            latest = prev.earliest - dt.timedelta(days=1)
            earliest = latest.replace(day=1)
        bisect.insort(refs, TimeRef(m.group(0), "when", earliest, latest, m.start(), m.end()), key=lambda r: r.start)


def _anchor_event_spans(text: str, refs: list[TimeRef]) -> None:
    """'voted on Wednesday to set up a commission, giving it 30 days from the vote to report', 'On
    Wednesday, the union gave the company 48 hours to publish the list': a span given runs from the
    day named before it."""
    for index, ref in enumerate(refs):
        if ref.role != "deadline" or ref.earliest is None or ref.latest is None or \
                _GIVEN_SPAN_PHRASE.fullmatch(ref.phrase) is None:
            continue
        day = next((r.earliest for r in reversed(refs[:index])
                    if r.role == "when" and r.earliest is not None and r.earliest == r.latest), None)
        if day is None:
            # "has given the government 15 days to ..., at the end of its meeting on Monday": the day
            # of the act, written in a trailing phrase after a comma
            later = next((r for r in refs[index + 1:] if r.role == "when" and r.earliest is not None
                          and r.earliest == r.latest and r.earliest < ref.earliest), None)
            if later is not None and _ACT_PHRASE_BETWEEN.search(text, ref.end, later.start):
                day = later.earliest
        if day is not None:
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = day, day + span


def _anchor_hyphen_spans(text: str, refs: list[TimeRef]) -> None:
    """'issued a 72-hour ultimatum on Sunday' runs from Sunday; 'the 30-day deadline expired on
    Friday' ended on Friday."""
    for ref in refs:
        if ref.role != "deadline" or ref.earliest is None or ref.latest is None or \
                _HYPHEN_SPAN.search(ref.phrase) is None:
            continue
        day = next((r.earliest for r in refs if r is not ref and r.role == "when" and r.earliest is not None
                    and r.earliest == r.latest), None)
        if day is None:
            continue
        if _DEADLINE_GONE.match(text, ref.end):
            ref.earliest, ref.latest = None, day
        else:
            span = ref.latest - ref.earliest
            ref.earliest, ref.latest = day, day + span


def _special_triggers(words: tuple[str, ...]) -> list[tuple[int, str]]:
    """The trigger words of a sentence that has a year or an in-word trigger, with the word each
    one is read as."""
    found = []
    # Only trigger words, words with an apostrophe or hyphen, and words starting with a digit can pass.
    for index, word in [(index, word) for index, word in enumerate(words)
                        if word in _TRIGGER_WORDS or "'" in word or "\u2019" in word or "-" in word or word[0].isdigit()]:
        if word not in _TRIGGER_WORDS:
            if word.endswith(("'s", "\u2019s")) and word[:-2] in _TRIGGER_WORDS:
                word = word[:-2]  # "Monday's attack"
            elif "-" in word and word.rsplit("-", 1)[1] in _TRIGGER_WORDS:
                word = word.rsplit("-", 1)[1]  # "mid-January"
            elif word.endswith("-end") and word[:-4] in ("year", "month", "week"):
                word = word[:-4] if word[0] != "y" else "years"  # "by year-end"
            elif word.endswith("-end") and word[:-4] in MONTHS:
                word = word[:-4]  # "till January-end"
            elif word[:4] in ("mid-", "late") and _PART_YEAR_WORD.fullmatch(word) or \
                    word[:6] == "early-" and _PART_YEAR_WORD.fullmatch(word):
                word = word.rsplit("-", 1)[1]  # "by mid-2022": read from its year
            elif not (word[0].isdigit() and len(word) >= 4 and word[:4].isdigit()) and \
                    not (index and words[index - 1] == "the" and _ORDINAL_WORD.fullmatch(word)):
                continue
        found.append((index, word))
    return found


_PART_YEAR_WORD = re.compile(r"(?:mid|early|late)-(?:1[89]|20)\d\d")
_EASTER_OFFSET = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
_RELATIVE_TO_PREVIOUS = {"a day earlier": -1, "the day before": -1, "the previous day": -1, "a day later": 1,
                         "the previous night": -1, "the previous morning": -1, "the previous evening": -1,
                         "the previous afternoon": -1, "the night before": -1, "the day after": 1,
                         "the next day": 1, "the following day": 1}


_LATER_SAME_DAY = frozenset({"the evening", "the afternoon", "the morning", "the end of the day", "evening", "nightfall",
                             "midday"})
_STORY_DAY_WORDS = frozenset({"the same", "that same", "later that", "that", "the next", "the following"})
_N_DAYS_REL = re.compile(r"(\w+)\s+(days?|weeks?|hours)\s+(later|earlier|before|after)", re.IGNORECASE)
# "began on 10 June, a day after the commission approved ...": the clause after names the earlier day
# "The ultimatum came a day after ...", "The move follows": a sentence about the act told before it
_SUBJECT_CAME = re.compile(r"(?:The|This|That|Its|Their|His|Her)\s+(?:[\w'-]+\s+){0,3}?(?:came|comes|followed|follows)\s+"
                           r"(?:just\s+|only\s+|barely\s+)?")
_CLAUSE_AFTER = re.compile(r"\s+(?!(?:and|or|but|at|in|on|to|of)\b)(?![a-z]+(?:[.,;:]|$))[A-Za-z]")  # (not "after publication.")


def _relative_offset(text: str, ref: TimeRef, n_rel: re.Match) -> int | None:
    n = _count(n_rel.group(1))
    if n is None:
        return None
    step = 7 if n_rel.group(2).lower().startswith("week") else 1
    if n_rel.group(2).lower() == "hours":
        if n % 24:
            return None  # "two hours later": within a day that cannot be told
        n, step = n // 24, 1  # "72 hours later"
    sign = 1 if n_rel.group(3).lower() in ("later", "after") else -1
    if n_rel.group(3).lower() in ("after", "before") and _CLAUSE_AFTER.match(text, ref.end):
        sign = -sign  # the day of the clause that follows, counted back from the day named
    return int(n) * step * sign


_FOLLOWING_BEFORE = re.compile(r"\b(?:the\s+following|the\s+next)\s+$", re.IGNORECASE)


def _chain_relative_days(text: str, refs: list[TimeRef]) -> None:
    """'rose to 61 on Thursday, up from 38 a day earlier': 'a day earlier' counts from the day
    named before it in the sentence, not from the article date."""
    for index in range(1, len(refs)):
        ref = refs[index]
        phrase = ref.phrase.lower().split(" ", 1)[-1] if ref.phrase[:3].lower() in ("on ", "by ") or \
            ref.phrase[:6].lower() in ("until ", "since ") else ref.phrase.lower()
        offset = _RELATIVE_TO_PREVIOUS.get(phrase)
        if phrase in WEEKDAYS and ref.earliest is not None and _FOLLOWING_BEFORE.search(text, max(0, ref.start - 20), ref.start):
            # "from 6 a.m. on Thursday, Dec. 3, and to pedestrians from the following Monday": the first
            # such day after the day named before it
            prev = next((r for r in reversed(refs[:index]) if r.latest is not None and r.earliest == r.latest), None)
            if prev is not None:
                day = prev.latest + dt.timedelta(days=(WEEKDAYS[phrase] - prev.latest.weekday() - 1) % 7 + 1)
                ref.earliest = day if ref.earliest is not None else None
                ref.latest = day if ref.latest is not None else None
            continue
        if ref.phrase[:3].lower() == "by " and phrase in _LATER_SAME_DAY:
            # "On Sunday afternoon, officials reported five killed; by the evening the figure had risen"
            prev = next((r for r in reversed(refs[:index]) if r.earliest is not None and r.earliest == r.latest
                         and r.role == "when"), None)
            if prev is not None:
                ref.earliest = ref.latest = prev.latest
            continue
        if phrase in ("a year earlier", "a year before", "the year before", "the previous year") and ref.role == "when":
            # "21.4 million kilograms in September, down 3.1 percent from a year earlier": that month a year before
            prev = next((r for r in reversed(refs[:index]) if r.role == "when" and r.earliest is not None and
                         r.latest is not None), None)
            if prev is not None and (prev.latest - prev.earliest).days > 366:
                prev = None  # (a span of years: no one year before it)
            if prev is not None:
                ref.earliest, ref.latest = prev.earliest - relativedelta(years=1), prev.latest - relativedelta(years=1)
                if prev.latest.month == 2 and prev.latest.day >= 28:
                    ref.latest = ref.latest + relativedelta(day=31)  # (the last day of that February)
            continue
        if phrase.endswith(("the following week", "the following month", "the following year")):
            # "case numbers were normal until April 14, and fogging was stepped up the following week";
            # "delisted in January 2025, before readmitting 19 the following month"
            prev = next((r for r in reversed(refs[:index]) if r.latest is not None and r.role != "since"), None)
            if prev is not None:
                ref.earliest, ref.latest = _period("next", phrase.rsplit(" ", 1)[1], prev.latest)
            continue
        if offset is None and " " in phrase and phrase.rsplit(" ", 1)[0] in _STORY_DAY_WORDS:
            offset = 1 if phrase.startswith(("the next", "the following")) else 0  # "... the same night"
            if phrase.endswith("morning") and offset == 1 and index and refs[index - 1].phrase.lower() in (
                    "overnight", "last night") and refs[index - 1].latest is not None:
                # "recovered overnight and five more the following morning": the morning the night ended in
                ref.earliest = ref.latest = refs[index - 1].latest
                continue
        if offset is None and (n_rel := _N_DAYS_REL.fullmatch(ref.phrase)) is not None:
            offset = _relative_offset(text, ref, n_rel)
        if offset is None:
            continue
        # the nearest day named before it ("on Wednesday ... since April 28, up from 96 a week earlier";
        # "until Wednesday, January 21, ... a general strike the day after")
        prev = next((r for r in reversed(refs[:index]) if r.latest is not None and (
            (r.earliest == r.latest and r.role == "when") or (r.role == "deadline" and phrase in (
                "the day after", "the following day", "the next day")) or (
                # "an assessment from Tuesday to Thursday, ... the following day": the day after the span
                r.role == "when" and r.earliest is not None and 0 < (r.latest - r.earliest).days <= 6 and
                offset > 0 and phrase in ("the day after", "the following day", "the next day")))), None)
        if prev is not None:
            ref.earliest = ref.latest = prev.latest + dt.timedelta(days=offset)
            if ref.role == "since":
                ref.latest = None  # "waited since the previous evening": from then on
            after = refs[index + 1] if index + 1 < len(refs) else None
            if after is not None and text[ref.end:after.start] == ", " and after.earliest == after.latest and \
                    _WEEKDAY_PART_END.search(after.phrase) and \
                    WEEKDAYS.get(_WEEKDAY_PART_END.search(after.phrase).group().split()[0].lower()) == ref.earliest.weekday():
                after.earliest = after.latest = ref.earliest  # "72 hours later, at 8 a.m. Thursday": that day


def _role_for(prep: str | None, text: str, end: int) -> str:
    p = (prep or "").lower()
    if _DEADLINE_AFTER.match(text[end:end + 20]):
        return "deadline"
    if p in ("by", "until", "till", "through", "before", "no later than", "not later than"):
        return "deadline"
    if p == "since" or p.endswith(" back to"):
        return "since"
    return "when"


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _by_then(prep: str | None, text: str, start: int, tense: str) -> bool:
    """'by X' in a past or past-perfect clause that asks for nothing ahead: the day it was done by."""
    if "orecast" in text and _FORECAST_VERB_BEFORE.search(text, max(0, start - 70), start):
        return False  # "forecast another 40 to 60 centimeters by Monday morning": still ahead
    return (prep or "").lower() == "by" and tense in ("past", "pastperfect") and \
        not _FORWARD_BEFORE.search(text, max(0, start - 100), start) and \
        not (tense == "past" and _ASKED_BEFORE.search(text, max(0, start - 120), start)
             and not _WAS_DUE.search(text, max(0, start - 60), start)) and \
        not _CONDITION_AFTER.match(text, _phrase_end(text, start))


# "set out on Tuesday and were due back by 6pm on Wednesday": an expectation of the past
_HAD_BEEN_DUE = re.compile(r"\bhad\s+been\s+(?:\w+\s+)?(?:due|expected|scheduled|set)\s+to\b", re.IGNORECASE)
_LAST_YEAR_AFTER = re.compile(r"\s+last\s+(year|week)\b", re.IGNORECASE)
_WAS_DUE_ANY = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?due\b", re.IGNORECASE)
_WAS_DUE = re.compile(r"\b(?:was|were)\s+due\b[^.;,]{0,40}$", re.IGNORECASE)
# "would block the crossings by Thursday if no agreement was reached": a condition looks ahead
_CONDITION_AFTER = re.compile(r"[\w.\s]{0,40}?\s(?:if|unless)\s", re.IGNORECASE)


def _phrase_end(text: str, start: int) -> int:
    """The end of the 'by ...' phrase starting at start (its next two words)."""
    m = re.compile(r"\S+\s+\S+").match(text, start)
    return m.end() if m else len(text)


def _resolve(m: re.Match, kind: str, text: str, pub: dt.date | None, anchor: dt.date | None,
             tense: str, context: dt.date | None = None, since: dt.date | None = None) -> TimeRef | None:
    g = m.group
    phrase = m.group(0)
    start, end = m.start(), m.end()
    prep_group = "prep_" + kind
    prep = m.group(prep_group) if prep_group in m.re.groupindex else None
    role = _role_for(prep, text, end)
    if role == "deadline" and (prep or "").lower() == "before" and _CLOCK_AT.match(text, start + len(prep)):
        role = "when"  # "shortly before 2pm on Sunday": the hour is before, the day is the event's
    if role == "when" and ("eadline" in text or "ltimatum" in text or "ut-off" in text or "utoff" in text) and \
            _DEADLINE_BEFORE.search(text, max(0, start - 40), start) and \
            not _DEADLINE_GONE.match(text, end) and \
            not ((prep or "").lower() == "on" and _ISSUED_BEFORE.search(text, max(0, start - 60), start)):
        role = "deadline"  # "set a deadline of noon on Sunday" (but "the deadline on Friday passed",
        # and "issued the ultimatum on New Year's Day" is when it was issued)
    if role == "when" and _CLOCK_DEADLINE_BEFORE.search(text, max(0, start - 30), start):
        role = "deadline"  # "until 6:00 pm on Thursday", "by noon on Friday"
    if role == "when" and ("hour" in text or "day" in text) and _SPAN_TO_BEFORE.search(text, max(0, start - 30), start):
        role = "deadline"  # "in the 24 hours to 9am Friday", "the 24 hours through Wednesday evening"
    if (prep or "").lower() == "by" and role == "deadline" and _AGENT_BY.match(text[end:end + 20]):
        # "sparked by New Year's Day fuel price hikes": the date qualifies a noun, not a deadline
        role = "when"
        start += len(m.group(0)) - len(m.group(0)[len(prep):].lstrip())
        phrase = text[start:end]
    earliest = latest = forward_weekday = None
    needs_day = False
    if kind == "duration":
        n = _count(g("dnum2") or g("dnum"))
        dprep = g("dprep").lower()
        if n is None:
            return None
        if dprep == "for up to" and _TERM_BEFORE.search(text, max(0, start - 60), start):
            return None  # "can be jailed for up to two years": a sentence's length, a figure, no day
        if dprep == "for":
            # "suspended its operations for three months": a suspension or ban runs to a day; "a task
            # force will remain in the city for 30 days": a stay still to come
            if not anchor or not (_SUSPENDED_BEFORE.search(text, max(0, start - 140), start) or
                                  (tense == "future" and _WILL_BEFORE.search(text, max(0, start - 200), start)) or
                                  _IN_FORCE_BEFORE.search(text, max(0, start - 30), start)):
                return None
            role = "deadline"
            earliest, latest = anchor, _shift(anchor, n, g("dunit"))
        elif dprep == "in" and _WEEKS_TIME.match(text, end) and anchor:
            # "would submit its report in two weeks' time": a deadline, from the day of the promise
            role = "deadline"
            earliest, latest = anchor, _shift(anchor, n, g("dunit"))
            end = _WEEKS_TIME.match(text, end).end()
            phrase = text[start:end]
        elif dprep == "in":
            if not _TIME_AFTER_IN.match(text, end) and anchor:
                earliest = latest = _shift(anchor, n, g("dunit"))
            if not anchor:
                return TimeRef(phrase, "when", None, None, start, end)
        else:
            role = "when" if dprep == "the next" else "deadline"  # "the next 48 hours are critical"
            if anchor:
                earliest, latest = anchor, _shift(anchor, n, g("dunit"))
            if dprep in ("in the", "in the first"):
                needs_day = True
    elif kind == "start_of":
        role = "since" if g("sprep").lower() == "since" else "when"
        if g("smonth"):
            month = MONTHS[g("smonth").lower().rstrip(".")]
            year = int(g("syear")) if g("syear") else (pub.year if pub else None)
            if year is not None and not g("syear") and pub and month > pub.month:
                year -= 1  # "since the start of November" in a January article
            earliest = dt.date(year, month, 1) if year is not None else None
        elif pub:
            step = {"last": -1, "next": 1}.get(g("srel").lower(), 0)
            unit = g("sunit").lower()
            if unit == "week":
                earliest = _week_start(pub) + dt.timedelta(days=7 * step)
            elif unit == "month":
                earliest = pub.replace(day=1) + relativedelta(months=step)
            else:
                earliest = dt.date(pub.year + step, 1, 1)
        latest = None
        if g("sprep").lower() in ("at", "in") and earliest is not None:
            # "down from 85% at the start of the month": its first days (a month's first third, a
            # week's first two days, a year's first month)
            unit = "month" if g("smonth") else g("sunit").lower()
            latest = earliest + {"week": dt.timedelta(days=1), "month": dt.timedelta(days=9)}.get(unit, dt.timedelta(days=30))
    elif kind == "first_part" and g("fmonth"):
        if not pub or not g("fhalf") or g("fhalf").lower() != "half" or g("ford").lower() not in ("first", "second"):
            return None
        month = MONTHS[g("fmonth").lower()]
        ahead = role == "deadline" or tense not in ("past", "pastperfect")
        year = pub.year + (1 if ahead and month < pub.month else -1 if not ahead and month > pub.month else 0)
        first_day, last_day = _month_range(year, month)
        earliest, latest = (first_day, first_day.replace(day=15)) if g("ford").lower() == "first" else \
            (first_day.replace(day=16), last_day)
    elif kind == "first_part" and g("fbare") is not None:
        n = _count(g("fnum"))
        if not pub or n is None or g("ford").lower() != "first" or not 1 <= n <= 12 or \
                text[end:end + 3].lower() == " of":
            return None
        year = pub.year if n < pub.month else pub.year - 1
        earliest, latest = dt.date(year, 1, 1), _month_range(year, int(n))[1]
    elif kind == "first_part":
        year = int(g("fyear")) if g("fyear") else (pub.year + {"last": -1, "next": 1}.get(g("frel").lower(), 0)
                                                   if pub else None)
        months = {"half": 6, "quarter": 3}.get((g("fhalf") or "").lower()) or _count(g("fnum"))
        order = g("ford").lower()
        if year is not None and months and 1 <= months <= 12:
            if order == "first":
                earliest, latest = dt.date(year, 1, 1), _month_range(year, int(months))[1]
            elif g("fhalf"):
                # "the second half of 2024", "the last quarter of 2025", "the third quarter of 2023"
                index = {"second": 2, "third": 3, "fourth": 4}.get(order, 12 // int(months))
                first_month = (index - 1) * int(months) + 1
                if first_month + int(months) - 1 > 12:
                    return None
                earliest = dt.date(year, first_month, 1)
                latest = _month_range(year, first_month + int(months) - 1)[1]
            else:
                return None
    elif kind == "period_to":
        if not pub:
            return None
        month = MONTHS[g("ptm").lower()]
        year = int(g("pty")) if g("pty") else pub.year - (month > pub.month)  # the latest such month gone by
        day = g("ptd") or g("ptd2")
        try:
            latest = dt.date(year, month, int(day)) if day else _month_range(year, month)[1]
        except ValueError:
            return None
        if g("pt1"):
            n, unit = {"year": (1, "years"), "quarter": (3, "months"), "month": (1, "months"),
                       "fortnight": (2, "weeks")}[g("pt1").lower()]
        else:
            n, unit = _count(g("ptn")), g("ptu")
            if n is None:
                return None
        earliest = _shift(latest + dt.timedelta(days=1), -n, unit)
    elif kind == "ord_of_month":
        if not pub:
            return None
        if g("odrel"):
            step = {"next": 1, "this": 0, "last": -1}[g("odrel").lower()]
            month_index = pub.year * 12 + pub.month - 1 + step
            year, month = divmod(month_index, 12)
            month += 1
        else:
            month = MONTHS[g("odm").lower()]
            year = int(g("ody")) if g("ody") else pub.year
            if not g("ody") and tense not in ("future", "present") and role != "deadline" and month > pub.month:
                year -= 1  # ("Applications open on the 5th of February": a present schedule looks ahead)
            elif not g("ody") and (tense in ("future", "present") or role == "deadline") and month < pub.month:
                year += 1
        try:
            earliest = latest = dt.date(year, month, int(g("odn")))
        except ValueError:
            return None
    elif kind == "week_of":
        if not pub:
            return None
        if g("wkrel"):
            month_index = pub.year * 12 + pub.month - 1 + {"next": 1, "this": 0, "last": -1}[g("wkrel").lower()]
            year, month = divmod(month_index, 12)
            month += 1
        else:
            month = MONTHS[g("wkm").lower()]
            year = int(g("wky")) if g("wky") else pub.year
            ahead = tense == "future" or role == "deadline"
            if not g("wky") and not ahead and month > pub.month:
                year -= 1
            elif not g("wky") and ahead and month < pub.month:
                year += 1
        first_day, last_day = _month_range(year, month)
        order = g("wkord").lower()
        if order in ("last", "final"):
            earliest, latest = last_day - dt.timedelta(days=6), last_day
        else:
            earliest = first_day + dt.timedelta(days=7 * ("first", "second", "third", "fourth").index(order))
            latest = earliest + dt.timedelta(days=6)
        if role == "deadline":
            earliest = None
    elif kind == "day_ord":
        if not pub:
            return None
        day = int(g("dordn"))
        if day < 1:
            return None
        # told in the past, a day still to come this month is a deadline set ("gave them until the 20th"),
        # a day gone by is this month's ("burned until the 5th"); otherwise the next such day
        ahead = tense not in ("past", "pastperfect")
        year, month = pub.year, pub.month
        if ahead and day < pub.day:
            year, month = (year + (month == 12), month % 12 + 1)
        elif not ahead and day > pub.day and role != "deadline":
            year, month = (year - (month == 1), (month - 2) % 12 + 1)
        try:
            earliest = latest = dt.date(year, month, day)
        except ValueError:
            return None
        if role == "deadline":
            earliest = None
    elif kind == "first_days":
        n = _count(g("fdnum"))
        if n is None or not pub:
            return None
        if g("fdm"):
            month = MONTHS[g("fdm").lower()]
            year = int(g("fdy")) if g("fdy") else pub.year - (month > pub.month)
            period = _month_range(year, month)
        elif g("fdper").lower() == "month":
            base = pub.replace(day=1) - dt.timedelta(days=1) if g("fdrel").lower() == "last" else pub
            period = _month_range(base.year, base.month)
        else:
            year = pub.year - (g("fdrel").lower() == "last")
            period = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        if g("fdord").lower() == "first":
            earliest, latest = period[0], _shift(period[0], n, g("fdunit")) - dt.timedelta(days=1)
        else:
            earliest, latest = _shift(period[1], -n, g("fdunit")) + dt.timedelta(days=1), period[1]
    elif kind == "whole_year":
        year = int(g("wyear"))
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind == "wd_range":
        if pub:
            past = tense in ("past", "pastperfect") and not _MEASURE_ISSUED_BEFORE.search(text, max(0, start - 160), start) \
                and not _MAYBE_AHEAD_BEFORE.search(text, max(0, start - 80), start) \
                and not _ORDERED_TO_BEFORE.search(text, max(0, start - 140), start)
            # ("storms could hit ... from Thursday to Saturday"; "asked private companies to allow employees to work
            # from home between Tuesday and Friday": what was asked is ahead)
            # ("has issued a Level 5 warning for disruptive rain from Monday to Wednesday": still ahead)
            first = resolve_weekday(WEEKDAYS[g("rg1").lower()], pub, "past" if past else "upcoming")
            last = first + dt.timedelta(days=(WEEKDAYS[g("rg2").lower()] - first.weekday()) % 7)
            if past and last > pub and first != pub:
                # ("has declared total fire bans from Tuesday to Thursday", "flights had been canceled from
                # Saturday to Monday" told on a Tuesday, a Saturday: from that day on)
                first, last = first - dt.timedelta(days=7), last - dt.timedelta(days=7)
            if g("rgrel"):
                # "from Monday to Thursday last week"
                first = _week_start(pub) + dt.timedelta(days=7 * _YEAR_STEP[g("rgrel").lower()] + WEEKDAYS[g("rg1").lower()])
                last = first + dt.timedelta(days=(WEEKDAYS[g("rg2").lower()] - first.weekday()) % 7)
            earliest, latest = first, last
    elif kind == "now_to_wd":
        if anchor:
            earliest, latest = anchor, resolve_weekday(WEEKDAYS[g("nwd").lower()], anchor, "upcoming")
    elif kind == "overnight":
        if anchor:
            earliest, latest = anchor - dt.timedelta(days=1), anchor  # the night before the day it is told
    elif kind == "n_days_rel":
        n = _count(g("ndnum"))
        if n is None or not anchor:
            return None
        # resolved from a day named before it in the sentence (_chain_relative_days); "The release
        # came a week after the government gave ...": the clause's day, counted from the statement's
        n_rel = _N_DAYS_REL.fullmatch(phrase)
        if n_rel is not None and g("nddir").lower() in ("after", "before") and _CLAUSE_AFTER.match(text, end) and \
                text[:start].strip(" \"'\u201c\u2018") != "":
            # (not "Two days before the collapse, engineers had warned ...": that day is not the story's)
            offset = _relative_offset(text, TimeRef(phrase, role, None, None, start, end), n_rel)
            # "The ultimatum came a day after passengers protested": counted from the day the story
            # named last (the ultimatum's), not from the article's
            base = context if context is not None and context <= anchor and \
                _SUBJECT_CAME.fullmatch(text, 0, start) is not None else anchor
            if offset is not None:
                earliest = latest = base + dt.timedelta(days=offset)
        elif n_rel is not None and context is not None and (
                g("nddir").lower() in ("later", "earlier") or re.match(r"\s*(?:[,.;:]|$)", text[end:])):
            # "A labor inspector visited the site nine days later": after the day the story named last
            # (not "takes effect 30 days after publication": a day of something never dated)
            offset = _relative_offset(text, TimeRef(phrase, role, None, None, start, end), n_rel)
            if offset is not None:
                earliest = latest = context + dt.timedelta(days=offset)
    elif kind == "month_range":
        first_month, last_month = MONTHS[g("mr1").lower().rstrip(".")], MONTHS[g("mr2").lower().rstrip(".")]
        if g("mry"):
            year = int(g("mry"))
        elif g("mrrel") and pub:
            year = pub.year + _YEAR_STEP[g("mrrel").lower()]  # "from January to June last year"
        elif pub:
            # the latest such span begun by the article's day (a coming one when the clause looks ahead)
            year = pub.year - (first_month > pub.month and tense != "future") + (tense == "future" and first_month < pub.month)
        else:
            return None
        last_year = year + (last_month < first_month)
        earliest, latest = _month_range(year, first_month)[0], _month_range(last_year, last_month)[1]
    elif kind == "bare_quarter":
        if not pub:
            return None
        q = {"first": 0, "second": 1, "third": 2, "fourth": 3}[g("bqord").lower()]
        year = pub.year - (dt.date(pub.year, 3 * q + 1, 1) > pub)
        earliest, latest = dt.date(year, 3 * q + 1, 1), _month_range(year, 3 * q + 3)[1]
    elif kind == "fiscal":
        if g("fysingle"):
            # a year named by one number: the April year that opens in it (Japan, India), the July year
            # that closes in it (Pakistan, Australia, East Africa)
            year = int(g("fysingle"))
            opens = FISCAL_OPENS.get()
            first = year if opens == 4 else year - 1
            earliest, latest = dt.date(first, opens, 1), dt.date(first + 1, opens - 1, 30 if opens == 7 else 31)
            if phrase.lower().startswith("by "):
                role, earliest = "deadline", None
            return TimeRef(phrase, role, earliest, latest, start, end)
        if g("fy1"):
            first = int(g("fy1"))
            if int(g("fy2")) != (first + 1) % 100:
                return None  # "2024-26" is no financial year
        elif pub:
            first = pub.year - (pub.month < 4)  # the financial year the article's day falls in
            first += {"last": -1, "the previous": -1, "next": 1, "the next": 1}.get(" ".join(g("fyrel").lower().split()), 0)
        else:
            return None
        # "fiscal year" where it is named so: July to June (Pakistan, Australia, Egypt, East Africa);
        # a bare "2028-29" opens in the month of the outlet's country (FISCAL_OPENS, set per article)
        opens = 7 if "fiscal" in phrase.lower() else FISCAL_OPENS.get()
        if not g("fy1") and opens == 7 and pub:
            first = pub.year - (pub.month < 7) + {"last": -1, "the previous": -1, "next": 1, "the next": 1}.get(
                " ".join(g("fyrel").lower().split()), 0)
        earliest, latest = dt.date(first, opens, 1), dt.date(first + 1, opens - 1, 30 if opens == 7 else 31)
        if g("fy1") and not re.search(r"fy|fiscal|financial", phrase, re.IGNORECASE) and _EVENT_YEARS_AFTER.match(text, end):
            # "The 2008-09 cholera epidemic": an event's calendar years, no financial year
            earliest, latest = dt.date(first, 1, 1), dt.date(first + 1, 12, 31)
        if (g("fyprep") or "").lower() == "by" or text[max(0, start - 3):start].lower() == "by ":
            role, earliest = "deadline", None  # "a small surplus by 2028-29"
            if text[max(0, start - 3):start].lower() == "by ":
                start -= 3
                phrase = text[start:end]
    elif kind == "the_year":
        year = int(g("tyval"))
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind == "clock_word":
        if not anchor or tense not in ("past", "pastperfect"):
            return None
        earliest = latest = anchor
    elif kind == "since_clock":
        role = "since"
        earliest = anchor
    elif kind == "end_of_wd":
        if not pub:
            return None
        if start == 0 or text[start - 1] in "\"\u201c":
            tense = sentence_tense(text)  # ("By the end of Wednesday, crews had restored ...": the clause's "end" is no verb)
        past = tense in ("past", "pastperfect") and not _FORWARD_BEFORE.search(text, max(0, start - 80), start)
        earliest = latest = resolve_weekday(WEEKDAYS[g("eowd").lower()], pub, "past" if past else "upcoming")
        if past:
            role = "when"  # done by then: the day itself
        elif role == "deadline":
            earliest = None
    elif kind == "within_minutes":
        base = context or anchor
        if base is None:
            return None
        role, earliest, latest = "deadline", None, base  # (minutes after an act of the story's last day)
        end = text.find(" of", start, m.end())  # "within 90 minutes"
        phrase = text[start:end]
    elif kind == "cost_over":
        n = _count(g("conum"))
        if n is None or not anchor or tense != "future" or not _COST_BEFORE.search(text, max(0, start - 90), start):
            return None
        role = "deadline"
        earliest, latest = anchor, _shift(anchor, n, g("counit"))
    elif kind == "month_dash":
        if not pub:
            return None
        first, last = MONTHS[g("md1").lower().rstrip(".")], MONTHS[g("md2").lower().rstrip(".")]
        if last < first:
            return None
        if g("mdyr"):
            year = int(g("mdyr"))
        elif tense == "future" or (first <= pub.month <= last and (
                _MODAL_LIST_BEFORE.search(text, max(0, start - 160), start) or sentence_tense(text) == "future")):
            # a period still to come, or under way ("could shave 0.4 per cent off revenue in the
            # October-December quarter" told in November)
            year = pub.year + (last < pub.month)
        else:
            year = pub.year - (last >= pub.month)  # a figure for it: the latest such period ended
        earliest, latest = _month_range(year, first)[0], _month_range(year, last)[1]
    elif kind == "month_pair":
        if not pub:
            return None
        year = int(g("mpy")) if g("mpy") else pub.year + {"last": -1, "next": 1}.get(g("mprel").lower(), 0)
        first, last = MONTHS[g("mp1").lower()], MONTHS[g("mp2").lower()]
        if last < first:
            return None
        earliest, latest = _month_range(year, first)[0], _month_range(year, last)[1]
        if role == "deadline":
            earliest = None
    elif kind == "month_end":
        if not pub:
            return None
        month = MONTHS[(g("mem1") or g("mem2")).lower()]
        ahead = role == "deadline" or tense not in ("past", "pastperfect")
        year = pub.year + (1 if ahead and month < pub.month else -1 if not ahead and month > pub.month else 0)
        latest = _month_range(year, month)[1]
        earliest = None if role == "deadline" else latest
    elif kind == "last_day_of":
        if not pub:
            return None
        if g("ldm"):
            month = MONTHS[g("ldm").lower()]
            ahead = role == "deadline" or tense not in ("past", "pastperfect")
            year = pub.year + (1 if ahead and month < pub.month else -1 if not ahead and month > pub.month else 0)
            first_day, last_day = _month_range(year, month)
        else:
            step = {"next": 1, "last": -1}.get(g("ldrel").lower(), 0)
            if g("ldunit").lower() == "month":
                month_index = pub.year * 12 + pub.month - 1 + step
                first_day, last_day = _month_range(month_index // 12, month_index % 12 + 1)
            else:
                first_day, last_day = dt.date(pub.year + step, 1, 1), dt.date(pub.year + step, 12, 31)
        latest = first_day if g("ldord").lower() == "first" else last_day
        earliest = None if role == "deadline" else latest
    elif kind == "period_end":
        if pub:
            unit = g("peunit").lower()
            back = role != "deadline" and tense in ("past", "pastperfect")  # "sales rose at year-end"
            if unit == "year":
                latest = dt.date(pub.year - back, 12, 31)
            elif unit == "month":
                latest = pub.replace(day=1) - dt.timedelta(days=1) if back else _month_range(pub.year, pub.month)[1]
            else:
                latest = _week_start(pub) + dt.timedelta(days=-1 if back else 6)
            if role != "deadline":
                earliest = latest
    elif kind == "hyphen_span":
        n = _count(g("hnum"))
        if n is None:
            return None
        role = "deadline"
        if anchor:
            earliest, latest = anchor, _shift(anchor, n, g("hunit"))
    elif kind == "given_span":
        n = _count(g("gnum"))
        before = text[:start]
        aside = _ASIDE_END.search(before, max(0, start - 160))
        if aside is not None:
            before = before[:aside.start()] + " "  # "gave goods transporters, who have blocked ..., 24 hours"
        end = len(before)
        if n is None or not (_GIVEN_BEFORE.search(before, max(0, end - 75), end) or
                             _GAVE_LONG_BEFORE.search(before, max(0, end - 90), end)):
            return None
        role = "deadline"
        base = anchor
        if g("gissue") and pub:
            # from the day the order was issued: the weekday written with it or the last one before
            days = [g("gwd3")] if g("gwd3") else _ON_WEEKDAY.findall(text, 0, start)[-1:]
            if days:
                base = resolve_weekday(WEEKDAYS[days[0].lower()], pub, "past")
        elif g("gwd") and pub:
            base = resolve_weekday(WEEKDAYS[g("gwd").lower()], pub, "past")  # "from Thursday's hearing"
        elif g("gwd2") and pub:
            # "from the vessel's arrival ... on Thursday": an arrival still to come when the clause looks ahead
            base = resolve_weekday(WEEKDAYS[g("gwd2").lower()], pub,
                                   "past" if tense in ("past", "pastperfect") else "upcoming")
        if base:
            earliest, latest = base, _shift(base, n, g("gunit"))
    elif kind == "ago":
        n = _count(g("anum"))
        if n is None:
            return None
        if anchor:
            # "three years ago"; "two weeks from now", "a month from today"
            earliest = latest = _shift(anchor, -n if g("adir").lower() == "ago" else n, g("aunit"))
    elif kind == "past_span":
        n = _count(g("pnum"))
        if n is None:
            return None
        if anchor:
            earliest, latest = _shift(anchor, -n, g("punit")), anchor
    elif kind == "end_of":
        by_then = False
        if g("eq"):
            # "by the end of the first quarter": of the article's year unless one is written
            year = int(g("eqy")) if g("eqy") else (pub.year if pub else None)
            if year is None:
                return None
            quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4}[g("eq").lower()]
            latest = _month_range(year, quarter * 3)[1]
            if not g("eqy") and pub and latest < pub and tense != "past" and tense != "pastperfect":
                latest = _month_range(year + 1, quarter * 3)[1]
        elif g("eyearonly"):
            latest = dt.date(int(g("eyearonly")), 12, 31)  # "by the end of 2028"
        elif g("emonth"):
            month = MONTHS[g("emonth").lower().rstrip(".")]
            year = int(g("eyear")) if g("eyear") else (pub.year if pub else None)
            if year is None:
                return TimeRef(phrase, role, None, None, start, end)
            if g("enext"):
                year += {"next": 1, "last": -1}.get(g("enext").lower(), 0)  # "the end of March next year"
            elif not g("eyear") and pub and role == "deadline" and _by_then(prep, text, start, tense):
                role, by_then = "when", True  # "had repaired it by the end of July": done by then
                if month >= pub.month:
                    year -= 1  # the last such month end before the article
            elif not g("eyear") and pub and month < pub.month and (role == "deadline" or tense == "future"):
                year += 1  # a deadline at the end of a month already past this year is next year's
            latest = _month_range(year, month)[1]
        elif pub:
            rel, unit = g("erel").lower(), g("eunit").lower()
            step = {"next": 1, "last": -1}.get(rel, 0)
            if unit == "week":
                latest = _week_start(pub) + dt.timedelta(days=6 + 7 * step)
            elif unit == "month":
                first = pub.replace(day=1) + relativedelta(months=step)
                latest = _month_range(first.year, first.month)[1]
            else:
                latest = dt.date(pub.year + step, 12, 31)
        earliest = latest if role == "when" and not by_then else None
    elif kind == "wd_week":
        if pub:
            if g("wweek"):
                # "on Friday week": a week after the coming Friday (British and Irish usage)
                earliest = latest = resolve_weekday(WEEKDAYS[g("wwd").lower()], pub, "after") + dt.timedelta(days=7)
            else:
                step = {"next": 1, "last": -1}.get(g("wrel").lower(), 0)
                earliest = latest = _week_start(pub) + dt.timedelta(days=7 * step + WEEKDAYS[g("wwd").lower()])
    elif kind == "rel_wd":
        if pub:
            wd = WEEKDAYS[g("rwd").lower()]
            rel = g("rrel").lower()
            if rel == "last":
                day = resolve_weekday(wd, pub - dt.timedelta(days=1), "past")
            elif rel == "this":
                day = _week_start(pub) + dt.timedelta(days=wd)
            else:
                day = resolve_weekday(wd, pub, "after")
            earliest = latest = day
    elif kind == "rest_of":
        if pub:
            unit = g("rounit").lower()
            earliest = pub
            latest = (_week_start(pub) + dt.timedelta(days=6) if unit == "week" else
                      _month_range(pub.year, pub.month)[1] if unit == "month" else dt.date(pub.year, 12, 31))
    elif kind == "nth_wd":
        month = MONTHS[g("nthm").lower()]
        year = int(g("nthy")) if g("nthy") else (pub.year if pub else None)
        if year is None:
            return None
        wd = WEEKDAYS[g("nthd").lower()]

        def nth(y: int) -> dt.date:
            first, last = _month_range(y, month)
            if g("nthn").lower() in ("last", "final"):
                return last - dt.timedelta(days=(last.weekday() - wd) % 7)
            n = {"first": 0, "second": 1, "third": 2, "fourth": 3}[g("nthn").lower()]
            return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * n)
        earliest = latest = nth(year)
        if not g("nthy") and pub:
            if tense in ("past", "pastperfect") and earliest > pub:
                earliest = latest = nth(year - 1)
            elif tense not in ("past", "pastperfect") and earliest < pub:
                earliest = latest = nth(year + 1)
    elif kind == "earlier_in":
        if pub:
            earliest, latest = _period(g("eiw").lower() + " this", g("eiu").lower(), pub)
    elif kind == "rel_period":
        if pub and g("qrel").lower() == "the following":
            # "the following week": after the story's day (or a day the sentence names: _chain_relative_days)
            earliest, latest = _period("next", g("qunit").lower(), context or pub)
        elif pub:
            earliest, latest = _period(g("qrel").lower(), g("qunit").lower(), pub)
    elif kind == "holiday":
        if pub and " ".join(g("hname").lower().split()) in _EASTER_OFFSET:
            # Easter moves: dateutil knows its date ("by Easter" is Easter Sunday)
            h = " ".join(g("hname").lower().split())
            day = easter(pub.year) + dt.timedelta(days=_EASTER_OFFSET[h])
            if day < pub - dt.timedelta(days=60) and tense != "past":
                day = easter(pub.year + 1) + dt.timedelta(days=_EASTER_OFFSET[h])
            elif day > pub and tense in ("past", "pastperfect") and not role == "deadline":
                day = easter(pub.year - 1) + dt.timedelta(days=_EASTER_OFFSET[h])
            earliest = latest = day
        elif pub:
            h = g("hname").lower()
            month, day = {"new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
                          "christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24),
                          "boxing day": (12, 26)}[h]
            year = pub.year
            if (month, day) > (pub.month, pub.day) and tense != "future" and role != "deadline":
                year -= 1
            earliest = latest = dt.date(year, month, day)
            if (prep or "").lower() == "before":
                earliest = latest = latest - dt.timedelta(days=1)  # "before Christmas": by Christmas Eve
    elif kind == "numdate":
        first, second = int(g("nd1")), int(g("nd2"))
        day, month = (second, first) if second > 12 >= first else (first, second)  # "01/20/2022" is American
        try:
            earliest = latest = dt.date(int(g("ny")), month, day)
        except ValueError:
            return None
    elif kind == "iso":
        try:
            earliest = latest = dt.date(int(g("iy")), int(g("im")), int(g("id")))
        except ValueError:
            return None
    elif kind == "mdy_range":
        first_month = MONTHS.get(g("rm1").lower().rstrip("."))
        second_month = MONTHS.get((g("rm2") or g("rm1")).lower().rstrip("."))
        year1 = int(g("ry1")) if g("ry1") else None
        year2 = int(g("ry2")) if g("ry2") else year1
        year1 = year1 or year2
        d1, d2 = int(_DAY_NUM.match(g("rd1")).group()), int(_DAY_NUM.match(g("rd2")).group())
        forward = tense == "future"
        try:
            if year1:
                earliest, latest = dt.date(year1, first_month, d1), dt.date(year2, second_month, d2)
            else:
                earliest = _guess_year(first_month, d1, pub, forward)
                latest = _guess_year(second_month, d2, pub, forward)
        except ValueError:
            return None
        if earliest and latest and latest < earliest:
            return None
        role = "when"
    elif kind in ("mdy", "dmy"):
        month_name = g("m1") or g("m2")
        day_text = g("d1") or g("d2")
        year_text = g("y1") or g("y2")
        month = MONTHS.get(month_name.lower().rstrip("."))
        day = int(_DAY_NUM.match(day_text).group())
        if month is None or not 1 <= day <= 31:
            return None
        if kind == "dmy" and month_name.lower() == "may" and not year_text and not prep and \
                not (month_name == "May" and (g("d2a") or g("d2b") or _SPAN_CLOSER_BEFORE.search(text, max(0, start - 7), start))):
            # ("between 3 and 5 May", "from 27 April to 15 May")
            return None  # "5 may ..." is rarely a date without a preposition
        year_rel = g("yr1") or g("yr2")
        if year_rel and pub:
            year_text = str(pub.year + _YEAR_STEP[year_rel.lower()])  # "on March 23 last year"
        if not year_text and "year" in text[end:end + 22] and _THAT_YEAR_AFTER.match(text, end) and \
                (years := _YEAR_IN.findall(text, 0, start)):
            year_text = years[-1]  # "imposed in September 2023 was lifted on October 4 that year"
        if year_text:
            try:
                earliest = latest = dt.date(int(year_text), month, day)
            except ValueError:
                return None
        else:
            forward = role == "deadline" or tense == "future" or \
                _PLANNED_FOR.search(text, max(0, start - 70), start) is not None or \
                _SCHEDULED_BEFORE.search(text, max(0, start - 20), start) is not None or (
                (prep or "").lower() == "from" and not _SPAN_UNTIL.match(text, m.end()) and (
                    tense not in ("past", "pastperfect") or _FORWARD_BEFORE.search(text, max(0, start - 80), start)
                    or _PERFECT_BEFORE.search(text, max(0, start - 80), start)
                    # "it had offered a 12 percent increase from January 1": an offer looks ahead
                    or _OFFERED_BEFORE.search(text, max(0, start - 80), start)))
            # "has offered an 8 per cent increase from July 1": a change that starts on a day looks ahead
            if forward and "backdated" in text and _BACKDATED_BEFORE.search(text, max(0, start - 14), start + 4):
                forward = False  # "would be backdated to 1 August": a day gone by
            earliest = latest = _guess_year(month, day, pub, forward)
        if kind == "dmy" and (g("d2a") or g("d2b")) and earliest:
            try:
                earliest = earliest.replace(day=int(g("d2a") or g("d2b")))  # "16-18 June", "between 1 and 17 November"
            except ValueError:
                return None
            if latest < earliest:
                return None
        if kind == "mdy" and (g("d1b") or g("d1c")) and earliest:
            try:
                latest = earliest.replace(day=int(_DAY_NUM.match(g("d1b") or g("d1c")).group()))  # "Jan. 5-6", "Feb. 16 and 17"
            except ValueError:
                return None
            if latest < earliest:
                return None
    elif kind == "my":
        month = MONTHS.get(g("m3").lower().rstrip("."))
        earliest, latest = _month_range(int(g("y3")), month)
    elif kind == "weekend":
        if g("wkprep").lower() in ("until", "till", "by"):
            role = "deadline"
        if pub:
            if _FORECAST_BEFORE.search(text, max(0, start - 40), start) or (
                    role == "deadline" and _FORWARD_BEFORE.search(text, max(0, start - 80), start)) or (
                    g("wkprep").lower() == "for" and _BOOKED_FOR.search(text, max(0, start - 30), start)) or (
                    "orecast" in text and _FORECAST_ANY_BEFORE.search(text, max(0, start - 110), start)) or (
                    " if " in text and _MODAL_IF_BEFORE.search(text, max(0, start - 140), start)):
                # "she might not be able to return home until the weekend", "bookings for the weekend", "the
                # Bureau forecast temperatures of up to 36 degrees on Thursday, before rain ... over the weekend"
                tense = "future"
            saturday = resolve_weekday(5, pub, "upcoming" if tense in ("future", "present") else "past")
            if tense not in ("future", "present") and saturday + dt.timedelta(days=1) > pub and saturday > pub:
                saturday -= dt.timedelta(days=7)
            earliest, latest = saturday, saturday + dt.timedelta(days=1)
            if g("wkprep").lower() == "since":
                role, latest = "since", None  # "since the weekend"
    elif kind in ("month", "the_month"):
        if not pub:
            return TimeRef(phrase, role, None, None, start, end)
        month = MONTHS[(g("m4") if kind == "month" else g("m6") or g("m7")).lower()]
        mprep = " ".join(g("mprep").lower().split()) if kind == "month" else ("by" if role == "deadline" else "the")
        role = {"by": "deadline", "until": "deadline", "till": "deadline", "before": "deadline",
                "since": "since"}.get(mprep.split(" ", 1)[0], "when")
        if " " in mprep and mprep.split(" ", 1)[0] in ("until", "till", "by", "before", "since", "from"):
            mprep = mprep.rsplit(" ", 1)[-1] if mprep.rsplit(" ", 1)[-1] in ("early", "mid", "late") else \
                mprep.split(" ", 1)[0]  # "until at least mid-December": the middle third, a deadline
        year = pub.year
        effect = mprep == "from" and text[max(0, start - 12):start].lower().endswith(("with effect ", "effective "))
        if effect:
            role = "since"  # "an increase ... with effect from November": from its first day on, ahead
        forward = effect or role != "since" and (role == "deadline" or tense == "future" or mprep == "next" or
                                       ((_moved_words(text) or "set" in text or "sched" in text or "plann" in text or
                                         "slated" in text) and
                                        _MONTH_AHEAD_BEFORE.search(text, max(0, start - 70), start) is not None and
                                        # ("should have scheduled the repairs for ... August": a plan not made, gone by)
                                        _MODAL_PERFECT_BEFORE.search(text, max(0, start - 70), start) is None))
        if forward and mprep == "in" and _DONE_IN_BEFORE.search(text, max(0, start - 16), start):
            forward = False  # ("a new wage board formed in June is expected to recommend ...": formed gone by)
        nearest = forward and kind == "the_month" and _PERIOD_NOUN_AFTER.match(text, end) is not None
        if nearest:
            # "would receive their September wages" (in October), "will get their November pay": the
            # month's pay nearest the article, whichever way the verb looks
            forward = False
        if mprep == "for" and forward:
            # "scheduled for March" looks ahead; "inflation of 2.6 percent for October", "the figures for
            # March" name a month already reported on, whatever the verb's tense
            forward = _FOR_MONTH_AHEAD.search(text, max(0, start - 40), start) is not None
        same_year = "year" in text[end:end + 22] and _THAT_YEAR_AFTER.match(text, end) and _YEAR_IN.findall(text, 0, start)
        if same_year:
            year = int(same_year[-1])  # "went on strike in 2024, when ... in August that year"
        elif kind == "month" and g("yr4"):
            year += _YEAR_STEP[g("yr4").lower()]  # "in March last year"
        elif nearest:
            year += 1 if pub.month - month > 6 else -1 if month - pub.month > 6 else 0
        elif mprep == "last" or (not forward and month > pub.month):
            year -= 1 if month >= pub.month or mprep == "last" else 0
        elif forward and month < pub.month:
            year += 1
        earliest, latest = _month_range(year, month)
        if kind == "the_month" and _QUARTER_AFTER.match(text, end):
            # "in the September quarter": the three months that end with it
            earliest = dt.date(year - (month < 3), (month - 3) % 12 + 1, 1)
        if mprep == "before":
            latest = earliest - dt.timedelta(days=1)  # "before December": by the end of November
        if mprep in ("early", "mid", "late"):
            # "in early September": its first ten days; "mid-" the next ten; "late" the rest
            first = {"early": 1, "mid": 11, "late": 21}[mprep]
            earliest = dt.date(year, month, first)
            latest = dt.date(year, month, 10 if mprep == "early" else 20) if mprep != "late" else latest
        if role == "deadline":
            earliest = None
        elif effect:
            latest = None
    elif kind == "wd":
        if pub:
            wd = WEEKDAYS[g("wdname").lower()]
            by_then = False
            if role == "deadline":
                # "she had written asking for a meeting by Friday": the request looks forward
                mode = "past" if tense == "pastperfect" and not _FORWARD_BEFORE.search(text, max(0, start - 90), start) \
                    and not _had_until(text, start, prep) and not (_GAVE_BEFORE.search(text, max(0, start - 80), start)
                                                                  and _SAYING.search(text)) \
                    else "after"
                if _WEEKDAY_DEADLINE.match(text, end) and not phrase.lower().startswith(("by ", "until ", "before ")):
                    # "the Saturday deadline had been set on the advice of engineers": the deadline's own
                    # day, ahead unless it has passed ("The Saturday deadline expired without a deal")
                    # ("failed to complete a prisoner exchange by a Sunday deadline": one gone by)
                    mode = "past" if _DEADLINE_GONE.match(text, end) or (
                        tense in ("past", "pastperfect") and "ailed" in text and
                        _FAILED_TO_BEFORE.search(text, max(0, start - 90), start)) else "after"
                if (prep or "").lower() == "by" and "orecast" in text and _FORECAST_BEFORE.search(text, max(0, start - 20), start):
                    mode = "after"  # "between 25 and 40 centimetres of snow forecast by Sunday morning"
                elif tense == "past" and _by_then(prep, text, start, tense):
                    mode = "past"  # "40 families had moved in by Wednesday", "the road was cleared by Friday"
                elif tense in ("past", "pastperfect") and _DEADLINE_MISSED_BEFORE.search(text, max(0, start - 60), start):
                    mode = "past"  # "shut down only on Monday, missing the deadline of noon on Saturday"
                elif " that " in text and _DEMANDED_THAT_BEFORE.search(text, max(0, start - 110), start):
                    mode = "after"  # "elders had proposed that both tribes withdraw fighters by Wednesday": asked ahead
                elif tense == "past" and (prep or "").lower() == "before" and phrase[-2:] in ("'s", "\u2019s") and \
                        not _FORWARD_BEFORE.search(text, max(0, start - 90), start) and \
                        not _ORDERED_TO_BEFORE.search(text, max(0, start - 140), start):
                    # "Nobody consulted transporters before Wednesday's order": the order was that day
                    mode, role = "past", "when"
                by_then = mode == "past" and (prep or "").lower() == "by"  # done by then: a past day, not a deadline
                if tense in ("past", "pastperfect") and (prep or "").lower() in ("until", "till", "through") and (
                        _NEGATED_PAST_UNTIL.search(text, max(0, start - 80), start + len(prep) + 1) or (
                        tense == "past" and not _FORWARD_BEFORE.search(text, max(0, start - 60), start)
                        and not _GRANTED_BEFORE.search(text, max(0, start - 120), start)
                        and not _REPORTED_STATE_BEFORE.search(text, max(0, start - 200), start))) and \
                        not _had_until(text, start, prep) and not _FORECAST_BEFORE.search(text, max(0, start - 40), start) \
                        and not _STATE_SET_BEFORE.search(text, max(0, start - 120), start):
                    mode = "past"  # "fighting continued until Thursday night"; not "gave them until Friday"
                if tense == "past" and _SPAN_TO_BEFORE.search(text, max(0, start - 30), start) and \
                        not _FORWARD_BEFORE.search(text, max(0, start - 100), start):
                    mode = "past"  # "recorded 248.6 mm of rain in the six hours to 4 a.m. Saturday"
                if mode == "past" and _HAS_FORECAST.search(text, max(0, start - 130), start):
                    mode = "after"  # "had issued a warning last week, and has forecast more rain until Saturday"
                    by_then = False
            elif role == "when" and tense in ("past", "pastperfect") and phrase.lower().startswith(("before ", "by ", "until ")) and \
                    _ORDERED_TO_BEFORE.search(text, max(0, start - 140), start):
                mode = "upcoming"  # "ordered provinces to finish moving residents out ... before 5pm on Saturday"
            elif role == "when" and "orecast" in text and _FORECAST_VERB_BEFORE.search(text, max(0, start - 70), start):
                mode = "upcoming"  # "said Melbourne reached 41.8C on Friday and forecast a top of 43C on Sunday"
            elif role == "when" and (_DESIGNATED_AFTER.match(text, end) and
                                     _DESIGNATED_BEFORE.search(text, max(0, start - 30), start) or
                                     ("mourning" in text or "holiday" in text) and
                                     _MOURNING_DECLARED_BEFORE.search(text, max(0, start - 130), start)):
                # "declared Friday a day of mourning", "declared national mourning on Monday and Tuesday": days
                # set aside are still to come
                mode = "upcoming"
            elif role == "when" and (_PLANNED_FOR.search(text, max(0, start - 70), start) or
                                     _POSSIBLE_EVENT_BEFORE.search(text, max(0, start - 40), start)):
                mode = "upcoming"  # "winds forecast for Wednesday", "a vote scheduled for Monday"
            elif role == "when" and " that " in text and _DEMANDED_THAT_BEFORE.search(text, max(0, start - 110), start):
                mode = "upcoming"  # "demanded that the health minister brief the House on Tuesday": asked of the days ahead
            elif role == "when" and "ancel" in text and _CANCELLED_DAY_BEFORE.search(text, max(0, start - 40), start) and \
                    _SERVICES_AFTER.match(text, end):
                mode = "upcoming"  # "had canceled all Sunday and Monday flights": the days called off are ahead
            elif role == "when" and (text[max(0, start - 4):start].lower() == "for " or
                                     _FOR_DAY_AND.search(text, max(0, start - 30), start) or
                                     _FOR_CLOCK.search(text, max(0, start - 16), start)) and \
                    _CALLED_BEFORE.search(text, max(0, start - 100), start):
                mode = "upcoming"  # "called an eight-hour strike across the province for Friday"
            elif role == "when" and (tense in ("past", "pastperfect") and
                                     _INVITED_BEFORE.search(text, max(0, start - 130), start) or
                                     _HAVE_CALLED.search(text, max(0, start - 100), start)) and \
                    not _DID_NOT_AFTER.match(text, end):  # ("summoned to a meeting ... on Wednesday but did not attend")
                mode = "upcoming"  # "invited both parties to a meeting on Wednesday"
            elif role == "when" and (prep or "").lower() == "from" and tense in ("past", "pastperfect") and \
                    _FORWARD_BEFORE.search(text, max(0, start - 80), start):
                mode = "upcoming"  # "had agreed to take up to 40 tonnes a day from Thursday"
            elif role == "when" and (phrase[-2:].lower() in ("'s", "\u2019s") or text[end:end + 2] in ("'s", "\u2019s")) and \
                    _PAST_EVENT_AFTER.match(text, end + (0 if phrase[-2:].lower() in ("'s", "\u2019s") else 2)):
                mode = "past"  # "within 30 days of Monday's collapse": a disaster is told after it happened
            elif role == "when" and ((prep or "").lower() == "from" and
                                     _MEASURE_ISSUED_BEFORE.search(text, max(0, start - 160), start) or
                                     _MAYBE_BEFORE.search(text, max(0, start - 90), start)):
                mode = "upcoming"  # "has given the government until Sunday ... or face a strike from Monday";
                # "That could be Thursday", "could take place as early as Thursday"
            elif role == "when" and tense != "pastperfect" and (
                    (("beginn" in text or "start" in text or "commenc" in text) and
                     _BEGINNING_BEFORE.search(text, max(0, start - 30), start) and
                     (tense != "past" or _HAS_DONE.search(text, 0, start))) or
                    ("hreat" in text and _THREAT_BEFORE.search(text, max(0, start - 90), start))):
                mode = "upcoming"  # "a nationwide campaign beginning on Monday", "threatening an indefinite strike from Monday"
            elif role == "when" and tense in ("past", "pastperfect") and _moved_words(text) and \
                    _MOVED_TO_BEFORE.search(text, max(0, start - 70), start):
                mode = "upcoming"  # "had asked for the return to be brought forward to Friday": a day ahead
            elif role == "when" and tense != "future" and ("end of" in text or "close of" in text) and \
                    _AT_END_OF_BEFORE.search(text, max(0, start - 80), start):
                mode = "past"  # "..., at the end of its National Executive Council meeting on Monday": held
            elif role == "when" and _AGREED_TO_MEET.search(text, max(0, start - 90), start):
                mode = "upcoming"  # "both sides had agreed to meet with a state mediator on Friday"
            elif role == "when" and _BRACING_BEFORE.search(text, max(0, start - 80), start):
                mode = "upcoming"  # "firefighters bracing for extreme conditions on Sunday"
            elif role == "since" or tense in ("past", "pastperfect"):
                mode = "past"
            else:
                mode = "upcoming"
            earliest = latest = resolve_weekday(wd, pub, mode)
            if mode == "after" and wd == pub.weekday() and _LATER_THAT_DAY.search(phrase):
                earliest = latest = pub  # "by Monday evening", "by 9pm on Saturday" told that day: later the same day
            if role == "deadline" and by_then:
                role = "when"  # (the day itself: "By Monday afternoon, the figure had risen to nine")
            elif role == "deadline" and mode == "after":
                forward_weekday = wd
    elif kind == "relday":
        if pub:
            word = " ".join(g("rdword").lower().split())
            head = word.rsplit(" ", 1)[0]
            if word == "since then":
                role = "since"
                earliest = since  # the time the story last named; nothing without one
            else:
                if head in _STORY_DAY_WORDS and not re.match(r"\s+as\b", text[end:end + 4]):
                    # ("on the same day as Kazakhstan lifted ...": a day the sentence itself compares)
                    base = context or pub  # "the same night": the day of the story told before
                else:
                    # a quote's "tomorrow" is the speaker's; reported speech and the outlet's own words
                    # count from the article's day ("told a news conference yesterday that power would be
                    # back by tomorrow night")
                    base = anchor if anchor and word.endswith(("yesterday", "tomorrow")) and _in_quote(text, start) else pub
                offset = {"yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1, "the previous day": -1,
                          "the previous night": -1, "the previous morning": -1, "the previous evening": -1,
                          "the previous afternoon": -1, "the night before": -1, "the day after": 1,
                          "the day before": -1, "a day earlier": -1, "a day later": 1,
                          "the day after tomorrow": 2, "the day before yesterday": -2}.get(word, 0)
                if head in ("the next", "the following"):
                    offset = 1
                earliest = latest = base + dt.timedelta(days=offset)
                if word in ("the same day", "that same day") and (last_year := _LAST_YEAR_AFTER.match(text, end)) and \
                        base.month * 100 + base.day != 229:
                    # "On the same day last year, the reservoirs held 6.9 tmcft", "compared to the same day last
                    # week": the story's day a year or a week before
                    earliest = latest = base.replace(year=base.year - 1) if last_year.group(1).lower() == "year" \
                        else base - dt.timedelta(days=7)
                    end = last_year.end()
                    phrase = text[start:end]
                if word.startswith("before "):
                    role, earliest = "deadline", None
    elif kind == "since_event":
        role = "since"
        earliest = dt.date(int(g("sevent")), 1, 1)
    elif kind == "year_before":
        if pub:
            earliest, latest = dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31)
    elif kind == "year_range":
        first, last = int(g("yr1")), int(g("yr2"))
        if first >= last:
            return None
        earliest, latest = dt.date(first, 1, 1), dt.date(last, 12, 31)
    elif kind == "decade":
        first = int(g("dcval"))
        role = "since" if g("dcprep").lower() == "since" else "when"
        earliest, latest = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    elif kind == "year":
        year = int(g("yval"))
        yprep = (g("yprep") or "").lower()
        yprep = " ".join(yprep.split())
        role = {"since": "since", "since at least": "since", "by": "deadline", "until": "deadline", "till": "deadline",
                "up to": "deadline", "before": "deadline", "through": "deadline"}.get(yprep, "when")
        if yprep.endswith(" back to"):
            role = "since"  # "arrears dating back to 2022"
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
        part = (g("ypart") or g("ypart0") or "").lower()
        if part:
            first = {"early": 1, "mid": 5, "late": 9}[part]  # the year's thirds, as "early/mid/late September"
            earliest, latest = dt.date(year, first, 1), _month_range(year, first + 3)[1]
    else:
        return None
    if role == "since":
        latest = None
    elif role == "deadline" and kind not in ("duration",) and earliest == latest and prep:
        earliest = None
    return TimeRef(phrase, role, earliest, latest, start, end, forward_weekday, needs_day)


def _period(rel: str, unit: str, pub: dt.date) -> tuple[dt.date, dt.date]:
    if unit == "weekend":
        saturday = _week_start(pub) + dt.timedelta(days=5)
        if rel in ("last", "the past", "the previous") or (rel == "this" and pub.weekday() < 5 and False):
            saturday -= dt.timedelta(days=7)
        elif rel == "next" or (rel == "the coming" and pub.weekday() >= 5):
            saturday += dt.timedelta(days=7)  # ("the coming weekend" on a weekday is the one ahead that week)
        return saturday, saturday + dt.timedelta(days=1)
    step = 0
    if rel in ("last", "late last", "the past", "the previous"):
        step = -1
    elif rel in ("next", "early next", "the coming"):
        step = 1
    if unit == "week":
        first = _week_start(pub) + dt.timedelta(days=7 * step)
        last = first + dt.timedelta(days=6)
    elif unit == "month":
        base = pub.replace(day=1) + relativedelta(months=step)
        first, last = _month_range(base.year, base.month)
    else:
        first, last = dt.date(pub.year + step, 1, 1), dt.date(pub.year + step, 12, 31)
    if rel.startswith("later this"):
        first = pub
    elif rel.startswith("earlier this"):
        last = pub
    elif rel.startswith(("late ", "early ")) and unit == "month":
        # "since late last month": its last third; "early next month": its first ten days
        first, last = (first.replace(day=21), last) if rel.startswith("late") else (first, first.replace(day=10))
    return first, last
