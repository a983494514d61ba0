"""Reading files and formats: bad inputs are refused with a sentence; metadata is found."""
import datetime as dt
import json
from pathlib import Path

import pytest

from claims.errors import UserError
from claims.extract import extract_path, extract_text, read_article
from helpers import article

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    with pytest.raises(UserError, match="empty"):
        read_article(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(UserError, match="binary"):
        read_article(path)


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(UserError, match=r"is 21\.0 MB; the limit is 20 MB"):
        read_article(path)


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        extract_path(tmp_path / "nope.txt")


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(article("The mayor of Bogot\xe1 said 12 people were hurt.").encode("latin-1"))
    out = extract_path(path)
    assert any("not valid UTF-8" in w for w in out["warnings"])
    assert "\ufffd" in out["source"]["body"]
    assert out["claims"][0]["quantities"][0]["low"] == 12


def test_missing_date_line_gives_warning_and_null_dates():
    out = extract_text(article("The withdrawal got under way on Thursday, the ministry said on Friday.", date_line=None))
    assert out["source"]["published"] is None
    assert "no publication date found; pass --published" in out["warnings"]
    claim = out["claims"][0]
    assert claim["said_on"] is None
    assert all(d["earliest"] is None and d["latest"] is None for d in claim["dates"])


def test_published_argument_is_used_only_without_a_date_line():
    raw = article("The withdrawal got under way on Thursday.", date_line=None)
    out = extract_text(raw, published=dt.date(2022, 1, 19))
    assert out["source"]["published"] == "2022-01-19"
    assert out["claims"][0]["dates"][0]["latest"] == "2022-01-13"
    out = extract_text(article("Nothing happened today."), published=dt.date(2030, 1, 1))
    assert out["source"]["published"] == "2022-01-13"


def test_url_argument_overrides_and_bad_urls_warn():
    out = extract_text(article("Officials said nothing."), url="https://other.example.com/a")
    assert out["source"]["url"] == "https://other.example.com/a"
    raw = article("Officials said nothing.").replace("https://news.example.org", "javascript:alert(1)//x")
    out = extract_text(raw)
    assert out["source"]["url"] is None
    assert any("URL" in w for w in out["warnings"])
    with pytest.raises(UserError):
        extract_text(article("Officials said nothing."), url="file:///etc/passwd")


def test_control_characters_are_stripped():
    out = extract_text(article("Officials said \x1b]52;c;SGVsbG8=\x07 twelve people were hurt."))
    assert "\x1b" not in out["source"]["body"] and "\x07" not in out["source"]["body"]


def test_corpus_layout_drops_caption_embed_and_url_block():
    raw = article("Rescuers search the rubble in Tarata. **Ana Ruiz / Herald**", "Embed:",
                  "By Jane Doe", "The toll rose to 312, the institute said.", "Reporting by Ann Lee; Editing by Tom Hale")
    out = extract_text(raw)
    assert [c["text"] for c in out["claims"]] == ["The toll rose to 312, the institute said."]
    assert out["source"]["title"] == "A headline for the test"
    assert len(out["source"]["sha256"]) == 64


def test_markdown_front_matter_links_and_bold():
    out = extract_path(CORPUS / "2025-08-21-lakeside-courier-water-denial.md")
    src = out["source"]
    assert (src["title"], src["published"], src["outlet"]) == (
        "Ministry denies water supply was contaminated", "2025-08-21", "Lakeside Courier")
    assert "**" not in src["body"] and "](" not in src["body"]
    assert any(c["text"].endswith("she told the Lakeside Courier.") for c in out["claims"])


def test_saved_html_page_uses_trafilatura_metadata():
    out = extract_path(CORPUS / "2025-04-10-meridian-post-truce-deadline.html")
    src = out["source"]
    assert src["url"] == "https://www.meridianpost.example.com/world/2025/04/10/truce-deadline-extended"
    assert src["published"] == "2025-04-10"
    assert src["outlet"] == "The Meridian Post"
    assert "Related stories" not in src["body"] and "All rights reserved" not in src["body"]


def test_result_is_json_serialisable_and_spans_index_the_body():
    out = extract_path(CORPUS / "2024-03-05-balkan-wire-flood-evacuations.txt")
    json.dumps(out)
    for claim in out["claims"]:
        start, end = claim["span"]
        assert out["source"]["body"][start:end] == claim["text"]


def test_html_without_a_date_gets_no_invented_date(tmp_path):
    page = tmp_path / "storm.html"
    page.write_text("<html><head><title>Storm kills 12</title></head><body><article><h1>Storm kills 12</h1>"
                    "<p>A powerful storm killed at least 12 people on the coast, the civil defence agency said.</p>"
                    "</article><footer>&copy; 2024 Daily Beacon</footer></body></html>", encoding="utf-8")
    out = extract_path(page)
    assert out["source"]["published"] is None
    assert "no publication date found; pass --published" in out["warnings"]
    assert out["claims"][0]["speaker"] == "the civil defence agency"


def test_subheadings_inside_the_body_are_not_claims():
    out = extract_text(article("Why did the troops come to Kazakhstan?", "Troops Arrive in Almaty",
                               "The CSTO sent 2,000 troops, officials said."))
    assert [c["text"] for c in out["claims"]] == ["The CSTO sent 2,000 troops, officials said."]
