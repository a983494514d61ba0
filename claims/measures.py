"""The measure vocabulary: which words name which measure, and whether a measure is cumulative.

The built-in table is the extractor's (`claims.extract.measures.MEASURES`); a user can add
measures, synonyms or change `cumulative` in a JSON file, without touching code:

    {"deaths": {"synonyms": ["lives lost"]},
     "arrivals": {"synonyms": ["new arrivals", "arrived"], "cumulative": true}}

The file lives at `<user config dir>/claimtrack/measures.json` (`claims measures` prints the path);
the environment variable CLAIMS_MEASURES_FILE points elsewhere. Synonyms in the file are added to
the built-in ones; a synonym listed under another measure moves to it.
"""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

from claims.errors import UserError

ENV_FILE = "CLAIMS_MEASURES_FILE"

# Words that qualify who is counted without changing what is counted ("people detained").
_GENERIC = {"people", "persons", "person", "individuals", "the", "of", "were", "was", "have", "been", "had",
            "in", "total", "all", "and", "number", "more", "than", "about", "around", "at", "least",
            # who is involved in the event itself, not a side of it: the count is everyone's
            "others", "victims", "workers", "employees", "miners", "passengers"}


def measures_file() -> Path:
    """Where the user's overrides are read from."""
    env = os.environ.get(ENV_FILE)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("claimtrack", appauthor=False)) / "measures.json"


def _builtin() -> dict[str, dict]:
    from claims.extract.measures import MEASURES

    return {name: {"synonyms": list(entry.get("synonyms", [])), "cumulative": bool(entry.get("cumulative"))}
            for name, entry in MEASURES.items()}


def _read_overrides(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"cannot read measures file {path}: {exc}; fix the JSON or remove the file") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise UserError(f"measures file {path} must be a JSON object of "
                        '{"measure": {"synonyms": [...], "cumulative": true|false}}')
    for name, entry in data.items():
        syns = entry.get("synonyms", [])
        if not isinstance(syns, list) or not all(isinstance(s, str) for s in syns):
            raise UserError(f"measures file {path}: 'synonyms' of {name!r} must be a list of strings")
        if "cumulative" in entry and not isinstance(entry["cumulative"], bool):
            raise UserError(f"measures file {path}: 'cumulative' of {name!r} must be true or false")
    return data


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.replace("\u2019", "'").strip().lower())


@functools.lru_cache(maxsize=8)
def _vocabulary(path: str, mtime: float | None) -> tuple[dict[str, dict], dict[str, str]]:
    table = _builtin()
    for name, entry in _read_overrides(Path(path)).items():
        name = _key(name)
        current = table.setdefault(name, {"synonyms": [], "cumulative": False})
        if "cumulative" in entry:
            current["cumulative"] = entry["cumulative"]
        moved = {_key(s) for s in entry.get("synonyms", [])}
        for other in table.values():
            if other is not current:
                other["synonyms"] = [s for s in other["synonyms"] if _key(s) not in moved]
        current["synonyms"] += [s for s in entry.get("synonyms", []) if s not in current["synonyms"]]
    lookup: dict[str, str] = {}
    for name, entry in table.items():
        lookup[_key(name)] = name
        for syn in entry["synonyms"]:
            lookup[_key(syn)] = name
    return table, lookup


def vocabulary() -> dict[str, dict]:
    """Every measure: {name: {"synonyms": [...], "cumulative": bool}} after the user's overrides."""
    return _current()[0]


def _current() -> tuple[dict[str, dict], dict[str, str]]:
    path = measures_file()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        mtime = None
    return _vocabulary(str(path), mtime)


def measure_for(word: str | None) -> str | None:
    """The measure a unit word or phrase names ("wounded" -> "injured", "people detained" ->
    "detentions"), or None. Only whole phrases match: "security force deaths" is not "deaths"."""
    if not word or not word.strip():
        return None
    lookup = _current()[1]
    key = _key(word)
    if key in lookup:
        return lookup[key]
    words = [w for w in key.split(" ") if w not in _GENERIC]
    return lookup.get(" ".join(words)) if words else None


def measures_in(text: str | None) -> set[str]:
    """The measures a sentence names anywhere ("The number of people killed ..." -> {"deaths"})."""
    if not text:
        return set()
    table, lookup = _current()
    pattern = _synonym_re(tuple(sorted(lookup, key=len, reverse=True)))
    return {lookup[m.group(1).lower()] for m in pattern.finditer(text.replace("\u2019", "'"))}


@functools.lru_cache(maxsize=4)
def _synonym_re(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b", re.IGNORECASE)


def qualifier(unit: str | None, measure: str | None) -> str:
    """What a unit says about who is counted beyond the measure itself: "civilians" in
    "61 civilians killed", "security force" in "security force deaths"; "" for plain counts
    ("people", "deaths", "people detained"). Figures with different qualifiers count different
    groups and are not compared."""
    if not unit:
        return ""
    own = {_key(w) for w in vocabulary().get(measure or "", {}).get("synonyms", [])} | {_key(measure or "")}
    key = _key(unit)
    for phrase in sorted(own, key=len, reverse=True):
        if phrase and re.search(rf"\b{re.escape(phrase)}\b", key):
            key = re.sub(rf"\b{re.escape(phrase)}\b", " ", key)
    words = [w for w in re.findall(r"[a-z][a-z'-]*", key) if w not in _GENERIC]
    return " ".join(words)


def is_cumulative(measure: str | None) -> bool:
    """True for counts that only grow (deaths, detentions); False for levels and unknown measures."""
    if not measure:
        return False
    return bool(vocabulary().get(measure, {}).get("cumulative"))
