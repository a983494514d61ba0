"""What a counted quantity measures: one table of measures and the words that name them.

Each entry maps a measure name to its synonyms and whether the count is cumulative (it only
grows as reports come in, like a death toll) or a level (it can go up and down, like troops
present). Comparisons between claims are built on this table, so keep it the single source.
"""
from __future__ import annotations

import re

MEASURES: dict[str, dict] = {
    "deaths": {"synonyms": ["killed", "dead", "death toll", "deaths", "death", "died", "fatalities",
                            "bodies", "lives", "perished", "killing", "dying", "toll"],
               "cumulative": True},
    "injured": {"synonyms": ["injured", "wounded", "injuries", "hurt", "casualties"], "cumulative": True},
    "detentions": {"synonyms": ["detained", "arrested", "detentions", "arrests", "detainees", "held in custody",
                                "custody", "apprehended", "rounded up", "picked up", "jailed"],
                   "cumulative": True},
    "troops": {"synonyms": ["troops", "soldiers", "peacekeepers", "servicemen", "personnel", "forces",
                            "contingent", "force"],
               "cumulative": False},
    "evacuated": {"synonyms": ["evacuated", "evacuees", "evacuation", "evacuations", "rescued from"],
                  "cumulative": True},
    "missing": {"synonyms": ["missing", "unaccounted for"], "cumulative": False},
    "homeless": {"synonyms": ["homeless", "lost their homes"], "cumulative": False},
    "displaced": {"synonyms": ["displaced", "fled", "flee", "forced from their homes", "from their homes", "refugees", "uprooted"],
                  "cumulative": False},
    "hospitalised": {"synonyms": ["hospitalised", "hospitalized", "taken to hospital", "in hospital"],
                     "cumulative": False},
    "rescued": {"synonyms": ["rescued", "pulled from the rubble", "saved"], "cumulative": True},
    "affected": {"synonyms": ["affected"], "cumulative": False},
    "protesters": {"synonyms": ["protesters", "demonstrators", "rioters", "marchers", "strikers"],
                   "cumulative": False},
    "infections": {"synonyms": ["infected", "infections", "cases"], "cumulative": True},
}

# Longest synonym first so that "death toll" wins over "toll" and "death".
SYNONYMS = _SYNONYM_TO_MEASURE = {syn: name for name, entry in MEASURES.items() for syn in entry["synonyms"]}
SYNONYM_RE = re.compile(
    r"\b(" + "|".join(re.escape(s) for s in sorted(_SYNONYM_TO_MEASURE, key=len, reverse=True)) + r")\b",
    re.IGNORECASE)


def measure_for(word: str | None) -> str | None:
    """The measure a word or phrase names ("wounded" -> "injured"), or None."""
    if not word:
        return None
    return _SYNONYM_TO_MEASURE.get(word.lower())


def is_cumulative(measure: str | None) -> bool:
    """True for counts that only grow (deaths, detentions); False for levels and unknown measures."""
    return bool(measure and MEASURES.get(measure, {}).get("cumulative"))
