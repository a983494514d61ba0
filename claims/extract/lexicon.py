"""Word lists used to recognise who is speaking: reporting verbs, speaker nouns, roles, titles."""
from __future__ import annotations


def _forms(*bases: str) -> frozenset[str]:
    """Regular verb forms: 'warn' -> warn, warns, warned, warning."""
    out: set[str] = set()
    for base in bases:
        if base.endswith("e"):
            out |= {base, base + "s", base + "d", base[:-1] + "ing"}
        elif base.endswith("y") and base[-2] not in "aeiou":
            out |= {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        else:
            out |= {base, base + "s", base + "ed", base + "ing"}
    return frozenset(out)


_SPEECH_BASES = (
    "announce", "state", "add", "warn", "deny", "praise", "frame", "question", "confirm", "report", "claim",
    "insist", "note", "urge", "accuse", "argue", "assert", "estimate", "predict", "promise", "pledge", "vow",
    "acknowledge", "admit", "explain", "declare", "demand", "reject", "dismiss", "criticise", "criticize",
    "condemn", "welcome", "tweet", "post", "suggest", "describe", "allege", "concede", "stress", "emphasise",
    "emphasize", "maintain", "reiterate", "caution", "complain", "disclose", "reveal", "respond", "reply",
    "ask", "boast", "brief", "blame", "call", "rule", "counter", "contend", "recall", "remark", "announce",
    "threaten", "refute", "dispute", "echo", "signal", "hint", "inform", "notify", "appeal", "plead",
    "testify", "concede", "lament", "mourn", "hail", "applaud", "decry", "denounce", "slam", "assure",
    "reassure", "pledge", "forecast", "project", "calculate", "count", "tally", "list", "publish", "release",
    "issue", "indicate", "point", "observe", "comment", "specify", "detail", "add", "continue", "conclude",
    "repeat", "underline", "affirm", "reaffirm", "clarify", "mention", "speculate", "guarantee", "recount",
    "attest", "answer", "retort", "agree", "acknowledge", "confide", "forewarn", "muse", "quip",
    "express", "voice", "recommend", "advise", "thank",
)
# Bare base forms ("state", "report", "call") are mostly nouns: they count only after a plural
# subject or a modal ("officials say", "they warn", "will announce").
BASE_FORMS = (frozenset(_SPEECH_BASES) | {"say", "tell", "write"}) - {"forecast", "broadcast"}
SPEECH_VERBS = _forms(*_SPEECH_BASES) | frozenset({"said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "write",
               "forecast", "thinks", "thought", "believes", "believed", "knew", "spoke", "speaks", "quoted",
               "put", "puts", "gave", "cited", "cites", "told", "swore", "sworn", "spoken", "written",
               "signalled", "signalling", "foresaw", "admitted", "admitting", "submitted", "quipped",
               "referred", "regretted", "found", "pegged", "pegs", "recorded", "registered", "documented"})
# Verbs that introduce a statement but also have common non-speech uses: they need a
# speaker-like subject directly before them and no object-looking noun after them.
WEAK_SPEECH_VERBS = frozenset({"put", "puts", "pegged", "pegs", "gave", "count", "counts", "counted", "list", "listed", "lists",
                               "publish", "published", "release", "released", "issue", "issued", "point",
                               "pointed", "project", "projected", "calculate", "calculated", "continue",
                               "continued", "call", "calls", "called", "rule", "ruled", "post", "posted",
                               "signal", "signalled", "signaled", "count", "tally", "tallied", "detail",
                               "detailed", "brief", "briefed", "echo", "echoed", "knew", "thought",
                               "believes", "believed", "thinks", "quoted", "observe", "observed",
                               # "The IOM has recorded nearly 1,200 deaths": the body keeping the count
                               "recorded", "registered", "documented"})
INVERTIBLE = frozenset({"said", "says", "added", "adds", "asked", "continued", "wrote", "explained", "noted",
                        "insisted", "warned", "stated", "declared", "according", "argued", "recalled",
                        "replied", "responded", "concluded", "stressed", "confirmed", "announced", "claimed",
                        "repeated", "reiterated", "conceded", "admitted", "acknowledged", "cautioned", "predicted",
                        "promised", "estimated", "tweeted", "wrote", "testified", "alleged", "maintained",
                        "observed", "remarked", "recounted", "retorted", "answered", "agreed", "countered",
                        "vowed", "pledged", "urged", "demanded", "complained", "lamented"})
# Rank abbreviations written before a name ("Lt. Daniel Ferreira"): part of the title, never the name.
RANK_ABBREVIATIONS = frozenset("lt col gen capt cpt sgt maj cmdr cdr adm brig cpl pte insp supt det gov sen rep "
                               "amb pres lt.col ltcol".split())
SOURCE_MARKERS = frozenset({"quoting", "citing"})

ROLE_WORDS = frozenset("""
undersecretary under-secretary president vice-president minister secretary assistant advocate collector tehsildar spokesman spokeswoman spokesperson spokespeople director chief head
leader chair chairman chairwoman chairperson governor mayor general colonel commander officer official
prosecutor judge ambassador envoy mediator organiser organizer analyst expert professor researcher
correspondent editor ceo cfo founder manager coordinator representative senator lawmaker deputy mp premier
king queen prince princess emir sheikh pope bishop archbishop imam rabbi priest captain lieutenant sergeant
admiral marshal inspector superintendent commissioner adviser advisor aide counsel lawyer attorney doctor
nurse teacher principal witness resident survivor activist campaigner economist scientist seismologist
meteorologist engineer chancellor speaker whip councillor councilor commissioner sheriff constable chief
administrator superintendent overseer rector dean president-elect negotiator delegate observer monitor
physician surgeon epidemiologist volunteer owner farmer driver pilot prefect governor-general consul
attaché attache registrar coroner ombudsman auditor treasurer provost warden steward curator conductor
operator diplomat insider soldier parliamentarian legislator mother father wife husband son daughter
sister brother relative neighbour neighbor friend widow trader merchant shopkeeper firefighter paramedic medic ranger member
sen rep gov gen col lt sgt capt adm maj cmdr insp supt det amb pres""".split())
SPEAKER_NOUNS = frozenset("""
commuters passengers traders vendors motorists farmers fishermen fishers parents students tenants
shopkeepers pilgrims wholesalers retailers dealers importers exporters growers herders distributors suppliers
ministry ministries office agency agencies institute government authorities authority police military army
navy forces officials spokesman spokeswoman spokesperson statement report union unions company firm service
council committee commission court prosecutors department administration embassy mission hospital hospitals
group alliance bloc coalition party parliament congress senate cabinet presidency media outlet newspaper
witnesses residents sources source analysts experts observers organisers organizers activists campaigners
lawmakers legislators diplomats leaders leadership rebels insurgents protesters workers teams team camp rescuers
doctors medics officers troops soldiers schools bank centre center board federation association
organisation organization network observatory monitors watchdog regulator operator operators families
relatives family villagers survivors victims locals employers employees staff management owners unionists strikers
fire brigade services utility utilities airline airport railway ministry's charity charities ngo ngos
prosecution municipality municipalities city county province region state states countries country
nations governments administration opposition junta kremlin pentagon whitehouse secretariat tribunal panel
inquiry investigators researchers scientists forecasters meteorologists seismologists economists
side sides groups organisations organizations companies firms bodies parties
force guards rangers firefighters paramedics peacekeepers marines coastguard coastguards militants fighters
body bureau headquarters directorate command society league chamber confederation syndicate guild guard brigade secretariat prefecture governorate town-hall delegation delegations negotiators mediators envoys ombudsman regime junta ngo watchdog tribunal caucus faction
""".split()) | ROLE_WORDS


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


# "Halden Water's lawyers", "judges", "ministers": the plural of an office is a group of speakers.
PLURAL_ROLES = frozenset(_plural(w) for w in ROLE_WORDS if len(w) > 4 and "-" not in w
                         and not w.endswith(("man", "woman", "people", "person"))) - {"chairs", "principals", "members"}
SPEAKER_NOUNS = SPEAKER_NOUNS | PLURAL_ROLES
ORG_WORDS = frozenset("""
ministry office agency institute government authority authorities police military army navy forces union
company service council committee commission court department administration embassy mission hospital group
alliance bloc coalition party parliament congress senate cabinet presidency bank centre center board
centers centres federation association organisation organization network observatory watch forum front movement corporation
corp inc ltd buses airlines railways press news times post herald gazette tribune agency reuters afp
foundation fund programme program unicef ocha who red cross crescent nato un eu csto kremlin pentagon
university college school schools secretariat tribunal motors holdings industries airways energy
pharmaceuticals technologies systems electric steel mining foods partners capital research international
corporation company co plc ag sa gmbh llc limited institute society societies league chamber
confederation syndicate guild academy electronics polymers textiles logistics shipping chemicals plastics
manufacturing semiconductors cement petroleum utilities telecom telecommunications metals minerals bureau directorate
inspectorate
""".split())
GROUP_HEADS = frozenset("""
officials authorities police witnesses residents sources analysts experts observers organisers organizers
activists campaigners lawmakers legislators diplomats leaders rebels insurgents protesters workers teams
rescuers doctors medics officers troops soldiers schools families relatives villagers survivors victims
locals employees unionists strikers investigators researchers scientists forecasters agencies family
""".split()) | PLURAL_ROLES
# ("Datuk Seri Dr Azman Yusof", "Dato' Sri", "Tun": Malaysian titles, never part of the name)
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady mx rev fr datuk dato dato' datin tun".split())
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "organisation",
            "they": "group", "we": "group", "i": "person"}
DETERMINERS = frozenset("the a an its their his her our this that these those".split())
DOC_NOUNS = frozenset("statement report communique communiqué release announcement notice bulletin update "
                      "post tweet letter document".split())
SKIP_BEFORE_VERB = frozenset("""
also later earlier previously again repeatedly publicly separately recently then already further reportedly
has have had will would could should may might must can cannot shall is are was were on today yesterday tonight last night
monday tuesday wednesday thursday friday saturday sunday morning evening afternoon late early
immediately quickly swiftly subsequently since once still now just initially originally first long
""".split())
CLAUSE_STOPS = frozenset("""
that which who whom whose when where while as after before because since if unless though although and or but
in on at to from with by during into about over under than so yet nor for
""".split())
WEEKDAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_WORDS = frozenset("january february march april may june july august september october november december "
                        "jan feb mar apr jun jul aug sep sept oct nov dec".split())
