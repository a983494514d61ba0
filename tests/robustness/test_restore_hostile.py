"""A JSONL backup that is truncated, has a line of garbage, or was edited by hand: `claims restore`
stops with the line number and leaves the database as it was; a well-formed backup carrying
terminal escapes is restored but never prints them."""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _robust import assert_clean_failure, assert_no_terminal_control, invoke, table_counts

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def backup(tmp_path_factory):
    base = tmp_path_factory.mktemp("restore")
    db = base / "source.db"
    for i in range(4):
        r = invoke("add", "--text", f"Claim {i}: about {i * 100} troops left", "--source", f"https://example.com/{i}",
                   "--speaker", "Токаев", "--story", "kz", "--said-on", "2022-01-13", db=db)
        assert r.code == 0, r
    assert invoke("mark", "1", "disputed", "--reason", "a later source", db=db).code == 0
    assert invoke("tag", "2", "troops", db=db).code == 0
    out = base / "backup.jsonl"
    r = invoke("export", "--output", str(out), db=db)
    assert r.code == 0, r
    return out.read_bytes()


def restore_into_fresh(tmp_path, data: bytes):
    target = tmp_path / f"restore-{random.random()}.db"
    assert invoke("list", db=target).code == 0  # migrated, empty
    before = table_counts(target)
    path = tmp_path / f"backup-{random.random()}.jsonl"
    path.write_bytes(data)
    return target, before, invoke("restore", str(path), db=target)


def test_untouched_backup_restores(tmp_path, backup):
    target, _, r = restore_into_fresh(tmp_path, backup)
    assert r.code == 0, r
    assert table_counts(target)["claim"] == 4


@FAST
@given(cut=st.integers(min_value=0), data=st.data())
def test_truncated_backup_is_refused_with_a_line_number(tmp_path, backup, cut, data):
    cut = cut % len(backup)
    target, before, r = restore_into_fresh(tmp_path, backup[:cut])
    assert_clean_failure(r)
    assert table_counts(target) == before
    if cut > 0:
        assert "line" in r.err, r


@FAST
@given(garbage=st.binary(min_size=1, max_size=80) | st.text(min_size=1, max_size=80).map(str.encode),
       position=st.integers(min_value=0))
def test_a_line_of_garbage_is_refused_with_its_line_number(tmp_path, backup, garbage, position):
    lines = backup.split(b"\n")[:-1]
    position = position % (len(lines) + 1)
    garbage = garbage.replace(b"\n", b" ").replace(b"\r", b" ")
    mutated = b"\n".join(lines[:position] + [garbage] + lines[position:]) + b"\n"
    target, before, r = restore_into_fresh(tmp_path, mutated)
    if r.code == 0:
        # Only a line that is itself a harmless valid row could pass; anything else must fail.
        pytest.fail(f"garbage line accepted: {garbage!r}")
    assert_clean_failure(r)
    assert f"line {position + 1}" in r.err, (position + 1, r.err)
    assert table_counts(target) == before


@FAST
@given(field=st.sampled_from(["id", "text", "status", "version", "source_id", "said_on", "created_at"]),
       value=st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), st.booleans(),
                       st.lists(st.integers(), max_size=2)))
def test_hand_edited_claim_rows_restore_whole_or_not_at_all(tmp_path, backup, field, value):
    lines = backup.split(b"\n")[:-1]
    for i, line in enumerate(lines):
        obj = json.loads(line)
        if obj.get("table") == "claim":
            obj["row"][field] = value
            lines[i] = json.dumps(obj, ensure_ascii=False).encode()
            break
    target, before, r = restore_into_fresh(tmp_path, b"\n".join(lines) + b"\n")
    if r.code != 0:
        assert_clean_failure(r)
        assert table_counts(target) == before
    else:
        assert table_counts(target)["claim"] == 4
        for args in (["list", "--format", "json"], ["show", "1"], ["list"]):
            out = invoke(*args, db=target)
            assert out.code in (0, 2), out
            if out.code == 2:
                assert_clean_failure(out)


def test_escapes_inside_a_valid_backup_never_reach_the_terminal(tmp_path, backup):
    escape = "\x1b[2J\x1b]52;c;aGVsbG8=\x07\x9b31m"
    lines = backup.split(b"\n")[:-1]
    out_lines = []
    for line in lines:
        obj = json.loads(line)
        row = obj.get("row")
        if isinstance(row, dict):
            for key in ("text", "quote", "name", "title", "outlet", "reason", "actor", "role", "alias", "url"):
                if isinstance(row.get(key), str):
                    row[key] = row[key] + (escape if key != "url" else "")
        out_lines.append(json.dumps(obj, ensure_ascii=False).encode())
    target, before, r = restore_into_fresh(tmp_path, b"\n".join(out_lines) + b"\n")
    if r.code != 0:  # refusing such a file is fine too
        assert_clean_failure(r)
        assert table_counts(target) == before
        return
    # Tables and text for people; json and csv keep the data exact for scripts.
    for args in (["list"], ["show", "1"], ["history", "1"], ["speakers"], ["stories"]):
        out = invoke(*args, db=target)
        assert out.code == 0, (args, out)
        assert_no_terminal_control(out.out)
