"""Evidence commands of the `claims` CLI: check, links, conflicts, confirm, dismiss, deadlines,
figures, measures, export and restore. Registered by importing this module from claims/cli.py."""
from __future__ import annotations

import click

from claims.cli import Ctx, cli, date_option, format_option, pass_ctx
from claims.output import lines, print_json, print_table

_margin_option = click.option(
    "--margin", metavar="FRACTION",
    help="Tolerance of approximate figures ('around 2,000'), e.g. 0.1 or 10% "
         "(default: env CLAIMS_APPROX_MARGIN, else 10%).")
_today_option = click.option("--today", metavar="DATE", help="Judge overdue deadlines as of this date (default: today).")


@cli.command()
@click.option("--story", help="Only this story (default: every story).")
@_margin_option
@_today_option
@format_option("table", "json")
@pass_ctx
def check(c: Ctx, story, margin, today, fmt):
    """Find corroborations, contradictions, revisions and deadline reports; store them as suggestions.

    Suggestions a person dismissed are never suggested again.
    """
    from claims.check import run_check
    from claims.relations import approx_margin
    from db.engine import write_session

    m = approx_margin(margin) if margin is not None else None
    with write_session(c.engine) as session:
        result = run_check(session=session, actor=c.actor, story=story, margin=m,
                           today=date_option(today, "--today"))
    if fmt == "json":
        print_json(result)
        return
    n = result["new_links"]
    lines(f"{result['new_links_total']} new suggestion(s): {n['contradicts']} contradicts, {n['revises']} revises, "
          f"{n['corroborates']} corroborates; {result['deadlines_updated']} deadline state(s) changed "
          f"({result['deadlines']['met']} met, {result['deadlines']['missed']} missed, "
          f"{result['deadlines']['pending']} pending, {result['overdue']} overdue)")
    if result["new_links_total"]:
        lines("review them with `claims conflicts` / `claims links`, then `claims confirm ID` or `claims dismiss ID`")


def _link_rows(rows: list[dict]) -> None:
    print_table(([r["id"], r["state"], r["relation"], r["a"], r["b"], r["origin"], r["reason"] or ""] for r in rows),
                ["id", "state", "relation", "a", "b", "origin", "reason"], widths={6: 90})


@cli.command()
@click.option("--story", help="Only links of this story.")
@click.option("--all", "include_dismissed", is_flag=True, help="Include dismissed suggestions.")
@format_option("table", "json")
@pass_ctx
def links(c: Ctx, story, include_dismissed, fmt):
    """List links between claims (suggested and confirmed; dismissed ones with --all)."""
    from claims.check import list_links
    from db.engine import read_session

    with read_session(c.engine) as session:
        rows = list_links(session=session, story=story, include_dismissed=include_dismissed)
    if fmt == "json":
        print_json([{k: r[k] for k in ("id", "a", "b", "relation", "origin", "state", "reason")} for r in rows])
    else:
        _link_rows(rows)
        if not rows:
            lines("no links: `claims check` suggests some, `claims link` adds one by hand")


@cli.command()
@click.option("--story", help="Only this story.")
@format_option("table", "json")
@pass_ctx
def conflicts(c: Ctx, story, fmt):
    """Show contradictions and revisions side by side, with the reason, for review."""
    from claims.check import list_links
    from db.engine import read_session

    with read_session(c.engine) as session:
        rows = list_links(session=session, story=story, relations=("contradicts", "revises"))
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        lines("no contradictions or revisions" + (f" in story {story!r}" if story else ""))
        return
    for r in rows:
        lines(f"link {r['id']} [{r['state']}] claim {r['a']} {r['relation'].upper()} claim {r['b']}  ({r['origin']})")
        lines(f"  why: {r['reason'] or '-'}")
        lines(f"  {r['a']}: {r['a_text']}")
        lines(f"  {r['b']}: {r['b_text']}")
    lines("`claims confirm ID` accepts a suggestion, `claims dismiss ID` rejects it for good")


def _set_state(c: Ctx, link_id: int, state: str, reason: str | None) -> None:
    from claims.check import refresh_deadlines
    from db.engine import write_session
    from db.writes import set_link_state

    with write_session(c.engine) as session:
        link = set_link_state(session=session, actor=c.actor, link_id=link_id, state=state, reason=reason)
        a, b, relation = link.a_id, link.b_id, link.relation
        refresh_deadlines(session=session, actor=c.actor, claim_ids=(a, b))
    lines(f"link {link_id} ({a} {relation} {b}) {state}")


@cli.command()
@click.argument("link_id", type=int)
@click.option("--reason", help="Why (kept in the audit log).")
@pass_ctx
def confirm(c: Ctx, link_id, reason):
    """Confirm a suggested link (recorded in the audit log)."""
    _set_state(c, link_id, "confirmed", reason)


@cli.command()
@click.argument("link_id", type=int)
@click.option("--reason", help="Why it is wrong (kept in the audit log).")
@pass_ctx
def dismiss(c: Ctx, link_id, reason):
    """Dismiss a suggested link: it is kept, marked dismissed, and never suggested again."""
    _set_state(c, link_id, "dismissed", reason)


@cli.command("deadlines")
@click.option("--story", help="Only this story.")
@_today_option
@format_option("table", "json")
@pass_ctx
def deadlines_cmd(c: Ctx, story, today, fmt):
    """Claims with a deadline: pending, met or missed (as of the last `claims check`), and overdue."""
    from claims.check import deadlines
    from db.engine import read_session

    with read_session(c.engine) as session:
        rows = deadlines(session=session, story=story, today=date_option(today, "--today"))
    if fmt == "json":
        print_json([{k: r[k] for k in ("claim", "deadline", "state", "overdue", "evidence")} for r in rows])
        return
    print_table(([r["claim"], r["deadline"] or "?", r["state"] + (" (overdue)" if r["overdue"] else ""),
                  ", ".join(map(str, r["evidence"])), r["text"]] for r in rows),
                ["claim", "deadline", "state", "evidence", "text"], widths={4: 80})
    if not rows:
        lines("no claims with a deadline")


_TICKS = "▁▂▃▄▅▆▇█"


def _value(r: dict) -> float | None:
    vals = [v for v in (r["low"], r["high"]) if v is not None]
    return sum(vals) / len(vals) if vals else None


def sparkline(values: list[float | None]) -> str:
    """Values as a one-line chart; a gap for a missing value."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    lo, hi = min(known), max(known)
    span = hi - lo or 1
    return "".join(" " if v is None else _TICKS[round((v - lo) / span * (len(_TICKS) - 1))] for v in values)


@cli.command("figures")
@click.option("--story", required=True, help="The story.")
@click.option("--measure", required=True, help="The measure (deaths, injured, troops, ... or a synonym).")
@format_option("table", "json")
@pass_ctx
def figures_cmd(c: Ctx, story, measure, fmt):
    """How a figure changed over time: every value of a measure in a story, with its source."""
    from claims.check import figures
    from claims.relations import Figure, describe
    from db.engine import read_session

    with read_session(c.engine) as session:
        rows = figures(session=session, story=story, measure=measure)
    if fmt == "json":
        print_json(rows)
        return
    if not rows:
        lines(f"no {measure} figures in story {story!r} (`claims measures` lists the measures)")
        return
    values = [_value(r) for r in rows]
    top = max((v for v in values if v is not None), default=0) or 1
    lines(f"{measure} in {story}: {sparkline(values)}")
    print_table(([r["as_of"] or "?",
                  describe(Figure(r["claim"], 0, measure, r["low"], r["high"], r["approximate"], r["bound"])),
                  "█" * max(1, round((v or 0) / top * 20)) if v is not None else "", r["outlet"] or "",
                  r["speaker"] or "-", r["claim"]] for r, v in zip(rows, values)),
                ["as of", "value", "", "outlet", "speaker", "claim"], widths={4: 30})


@cli.command("measures")
@format_option("table", "json")
def measures_cmd(fmt):
    """The measures (deaths, injured, troops, ...) with their synonyms and kind.

    \b
    To add or change measures, edit the JSON file named at the end of the list
    (<user config dir>/claimtrack/measures.json, or the file in CLAIMS_MEASURES_FILE):
      {"deaths":   {"synonyms": ["lives lost"]},
       "arrivals": {"synonyms": ["new arrivals"], "cumulative": true}}
    Synonyms are added to the built-in ones (a synonym listed under another measure moves
    there); "cumulative": true marks a count that only grows (a later lower figure contradicts
    it), false a level that may go up and down (troops present).
    """
    from claims.measures import measures_file, vocabulary

    vocab = vocabulary()
    if fmt == "json":
        print_json({"file": str(measures_file()), "measures": vocab})
        return
    print_table(([name, "cumulative" if e["cumulative"] else "level", ", ".join(e["synonyms"])]
                 for name, e in sorted(vocab.items())), ["measure", "kind", "synonyms"], widths={2: 100})
    lines(f"overrides: {measures_file()} (JSON: {{\"measure\": {{\"synonyms\": [...], \"cumulative\": true}}}}; "
          "env CLAIMS_MEASURES_FILE)")


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "claimreview", "prov"]), default="jsonl",
              show_default=True, help="jsonl: everything (the backup); csv: one row per claim; "
              "claimreview: schema.org JSON-LD; prov: W3C PROV-JSON.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout.")
@click.option("--story", help="Only this story (not for a backup: jsonl without --story holds everything).")
@pass_ctx
def export_cmd(c: Ctx, fmt, output, story):
    """Export the database: a full backup (jsonl) or formats other tools read."""
    import sys

    from claims.export import export
    from db.engine import read_session

    with read_session(c.engine) as session:
        if output:
            import os
            import tempfile

            folder = os.path.dirname(os.path.abspath(output))
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".claims-export-")
            except OSError as exc:
                from claims.errors import UserError

                raise UserError(f"cannot write {output}: {exc.strerror} (folder {folder})") from None
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                    export(session=session, fmt=fmt, out=out, story=story)
                os.replace(tmp, output)
            except BaseException:
                os.unlink(tmp)
                raise
        else:
            export(session=session, fmt=fmt, out=sys.stdout, story=story)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_ctx
def restore(c: Ctx, file):
    """Load a `claims export --format jsonl` backup into an empty database (all or nothing)."""
    from claims.export import restore as do_restore

    counts = do_restore(engine=c.engine, path=file)
    lines("restored " + ", ".join(f"{n} {name}" for name, n in counts.items()))
