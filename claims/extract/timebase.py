"""What the time readers share: a time reference and the arithmetic of counting days."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from claims.extract.numbers import parse_number

# a count of time units as written: "48", "two", "a", "forty-eight", "a few"
NUMBER_WORDS = (r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|forty-eight|seventy-two|twenty-four|a few|several)")


@dataclass
class TimeRef:
    """A time phrase in a sentence and the range of days it allows."""
    phrase: str
    role: str
    earliest: dt.date | None
    latest: dt.date | None
    start: int
    end: int
    # a weekday deadline counted forward from the article date ("until Friday"): its weekday, so
    # that a day named before it in the sentence can count it instead (_anchor_forward_weekdays)
    forward_weekday: int | None = None
    # a span counted from a day named after it ("in the 48 hours after the protests began on 6
    # April"): dropped unless that day is found
    needs_day: bool = False

    def as_dict(self) -> dict:
        return {"phrase": self.phrase, "role": self.role,
                "earliest": self.earliest.isoformat() if self.earliest else None,
                "latest": self.latest.isoformat() if self.latest else None}


def count_of(text: str | None) -> float | None:
    """The number of units a count names (none written is one; "a few" and "several" are no number)."""
    if not text:
        return 1.0
    t = text.lower()
    if t in ("a", "an"):
        return 1.0
    if t in ("a few", "several"):
        return None
    return parse_number(t)


def shift(anchor: dt.date, n: float, unit: str) -> dt.date:
    """The day n units after anchor (before it when n is negative); hours round down to their day."""
    unit = unit.lower().rstrip("s")
    if unit == "fortnight":
        unit, n = "week", n * 2
    if unit == "hour":
        return (dt.datetime.combine(anchor, dt.time()) + dt.timedelta(hours=n)).date()
    n_int = int(round(n))
    return anchor + relativedelta(**{unit + "s": n_int})
