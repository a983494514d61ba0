"""Small builders shared by the extraction tests."""
from __future__ import annotations

import datetime as dt

from claims.extract import extract_text

THURSDAY = dt.date(2022, 1, 13)


def article(*paragraphs: str, date_line: str | None = "January 13, 2022", title: str = "A headline for the test") -> str:
    """An article in the corpus plain-text layout."""
    parts = [title]
    if date_line:
        parts.append(date_line)
    parts += list(paragraphs)
    parts += ["Original url:", "<https://news.example.org/2022/01/13/story>"]
    return "\n\n".join(parts) + "\n"


def claims_of(*paragraphs: str, **kwargs) -> list[dict]:
    return extract_text(article(*paragraphs, **kwargs), filename="story.txt")["claims"]


def one_claim(sentence: str, **kwargs) -> dict:
    claims = claims_of(sentence, **kwargs)
    assert len(claims) == 1, [c["text"] for c in claims]
    return claims[0]
