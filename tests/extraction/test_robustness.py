"""Any text extracts without crashing, and every claim's span indexes the body exactly."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extract import extract_text

WORDS = st.sampled_from([
    "said", "told", "according", "to", "the", "ministry", "President", "Anna", "Berg", "on", "Monday", "Jan.",
    "22", "2,000", "more", "than", "about", "dozens", "of", "troops", "killed", "by", "Wednesday", "next", "week",
    "\u201c", "\u201d", '"', "'", ",", ".", "?", "(", ")", "\u2014", "-", "U.S.", "Dr.", "within", "10", "days",
    "last", "until", "inclusive", "**bold**", "[link](#)", "\n", "\n\n", "Original url:", "<https://x.example/a>",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=80), st.booleans())
def test_random_text_keeps_the_span_invariant(words, with_date):
    raw = ("Headline\n\nJanuary 13, 2022\n\n" if with_date else "") + " ".join(words)
    if not raw.strip():
        return
    out = extract_text(raw)
    json.dumps(out)
    body = out["source"]["body"]
    for claim in out["claims"]:
        start, end = claim["span"]
        assert body[start:end] == claim["text"]
        assert claim["kind"] in ("statement", "quantity", "deadline", "event")
        for date in claim["dates"]:
            assert date["role"] in ("deadline", "when", "since")
    for speaker in out["speakers"]:
        assert speaker["kind"] in ("person", "organisation", "group", "unnamed")


def test_extraction_is_deterministic():
    raw = "Title\n\nJanuary 13, 2022\n\nDefense Minister Sergei Shoigu said 2,000 troops would leave by Wednesday.\n"
    assert extract_text(raw) == extract_text(raw)
