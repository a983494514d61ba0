"""The `claims` command line. Every command is one transaction; user errors print one line and exit 2."""
from __future__ import annotations

import datetime as dt
import getpass
import os
import sys

import click

from claims.errors import UserError
from claims.output import print_csv, print_json, print_table, lines
from claims.validate import parse_user_date

LIST_FIELDS = ("id", "status", "speaker", "text", "said_on", "outlet", "source_url", "story", "sources",
               "conflict", "kind", "deadline_state", "version")


class Ctx:
    """What every command needs: the database URL, the actor, and the engine (opened lazily)."""

    def __init__(self, db: str | None, actor: str | None):
        self.db = db
        self.actor = actor or os.environ.get("CLAIMS_USER") or _os_user()
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            from db.engine import get_engine

            self._engine = get_engine(self.db)
        return self._engine


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


pass_ctx = click.make_pass_decorator(Ctx)


def date_option(value: str | None, what: str) -> dt.date | None:
    return parse_user_date(value, what=what) if value else None


def format_option(*choices: str):
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="Output format: a table for people, json/csv for scripts.")


class _OutputClosed(Exception):
    """The reader of our output went away (`claims list | head -1`). Not an OSError, so click's own
    handler (which exits 1 on a broken pipe) lets it through to `main`."""


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _OutputClosed() from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--db", envvar="CLAIMS_DATABASE_URL", metavar="PATH_OR_URL",
              help="SQLite file path or SQLAlchemy URL (default: claims.db in the user data dir; env CLAIMS_DATABASE_URL).")
@click.option("--as", "actor", metavar="NAME", help="Who is making the change, for the audit log (env CLAIMS_USER; default: OS user).")
@click.version_option(package_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, db: str | None, actor: str | None) -> None:
    """claimtrack: track claims from the news with their speakers, values, sources and history."""
    ctx.obj = Ctx(db, actor)


# --- adding and reading ----------------------------------------------------------------------

@cli.command()
@click.option("--text", required=True, help="The statement as it appears.")
@click.option("--source", "source_url", required=True, metavar="URL", help="http(s) URL where it appeared.")
@click.option("--speaker", help="Who said it (omit for the outlet's own reporting).")
@click.option("--role", help="The speaker's role or title.")
@click.option("--said-on", help="When it was said (YYYY-MM-DD or e.g. 'Jan 19 2022').")
@click.option("--story", help="Story name to group it under (created when new).")
@click.option("--quote", help="The verbatim quotation, if any.")
@click.option("--kind", type=click.Choice(["statement", "quantity", "deadline", "event"]), default="statement",
              show_default=True, help="What kind of claim it is.")
@click.option("--title", help="The source's title.")
@click.option("--outlet", help="The source's outlet.")
@click.option("--published", help="The source's publication date.")
@format_option("table", "json")
@pass_ctx
def add(c: Ctx, text, source_url, speaker, role, said_on, story, quote, kind, title, outlet, published, fmt):
    """Add one claim by hand."""
    from db.engine import write_session
    from db.writes import NewClaim, NewSource, add_claim

    new = NewClaim(text=text, speaker=speaker, speaker_role=role, said_on=date_option(said_on, "--said-on"),
                   story=story, quote=quote, kind=kind,
                   source=NewSource(url=source_url, title=title, outlet=outlet,
                                    published_on=date_option(published, "--published")))
    with write_session(c.engine) as session:
        claim = add_claim(session=session, actor=c.actor, new=new)
        claim_id = claim.id
    if fmt == "json":
        print_json({"id": claim_id})
    else:
        lines(f"added claim {claim_id}")


@cli.command("list")
@click.option("--story", help="Only this story.")
@click.option("--speaker", help="Only this speaker (any of their aliases).")
@click.option("--status", type=click.Choice(["unverified", "corroborated", "disputed", "refuted", "retracted"]),
              help="Only claims with this status.")
@click.option("--tag", help="Only claims with this tag.")
@click.option("--search", help="Full-text search in text and quote (every word must appear).")
@click.option("--since", help="Said on or after this date.")
@click.option("--until", help="Said on or before this date.")
@click.option("--source", help="Only claims from this source URL or outlet.")
@click.option("--limit", type=click.IntRange(1, None), default=50, show_default=True, help="At most this many claims.")
@click.option("--after", type=int, help="Start after this claim ID (paging).")
@format_option("table", "json", "csv")
@pass_ctx
def list_(c: Ctx, story, speaker, status, tag, search, since, until, source, limit, after, fmt):
    """List claims, filtered."""
    from db.engine import read_session
    from db.queries import ClaimFilter, list_claims

    filters = ClaimFilter(story=story, speaker=speaker, status=status, tag=tag, search=search,
                          since=date_option(since, "--since"), until=date_option(until, "--until"), source=source)
    with read_session(c.engine) as session:
        rows = list_claims(session=session, filters=filters, limit=limit, after=after)
    if fmt == "json":
        print_json([r.as_json() for r in rows])
    elif fmt == "csv":
        print_csv((r.as_json() for r in rows), LIST_FIELDS)
    else:
        print_table(([r.id, r.status, r.speaker or "-", r.text, r.said_on or "", r.outlet or "", r.sources,
                      "!" if r.conflict else ""] for r in rows),
                    ["id", "status", "speaker", "claim", "said on", "outlet", "src", "⚡"], widths={2: 24, 3: 70, 5: 20})
        if not rows:
            lines("no claims match" if not filters.is_empty() else "no claims yet: `claims add` or `claims import`")


@cli.command()
@click.argument("claim_id", type=int)
@click.option("--as-of", "as_of", help="Show the record as it stood at the end of this date.")
@format_option("table", "json")
@pass_ctx
def show(c: Ctx, claim_id, as_of, fmt):
    """Show everything about a claim: values, source, evidence, links, tags, history."""
    from db.engine import read_session
    from db.queries import claim_detail

    with read_session(c.engine) as session:
        detail = claim_detail(session=session, claim_id=claim_id)
        if as_of:
            from claims.asof import detail_as_of

            detail = detail_as_of(detail, date_option(as_of, "--as-of"))
    if fmt == "json":
        print_json(detail)
    else:
        from claims.render import render_detail

        lines(render_detail(detail))


@cli.command()
@click.argument("claim_id", type=int)
@click.argument("status")
@click.option("--reason", help="Why the status changes (required).")
@click.option("--expect-version", type=int, help="Fail if the claim changed since you read this version.")
@pass_ctx
def mark(c: Ctx, claim_id, status, reason, expect_version):
    """Set a claim's status: unverified, corroborated, disputed, refuted, retracted."""
    from db.engine import write_session
    from db.writes import mark_claim

    with write_session(c.engine) as session:
        claim = mark_claim(session=session, actor=c.actor, claim_id=claim_id, status=status, reason=reason,
                           expected_version=expect_version)
    lines(f"claim {claim.id} is now {claim.status}")  # after the commit: a failed commit reports no success


@cli.command()
@click.argument("claim_id", type=int)
@click.argument("tags", nargs=-1, required=True)
@click.option("--remove", is_flag=True, help="Remove these tags instead of adding them.")
@pass_ctx
def tag(c: Ctx, claim_id, tags, remove):
    """Add tags to a claim (or remove them with --remove)."""
    from db.engine import write_session
    from db.writes import tag_claim

    with write_session(c.engine) as session:
        changed = tag_claim(session=session, actor=c.actor, claim_id=claim_id, tags=tags, remove=remove)
    lines(f"{'removed' if remove else 'added'} {len(changed)} tag(s) on claim {claim_id}"
          + (f": {', '.join(changed)}" if changed else ""))


@cli.group()
def source() -> None:
    """Later sources that support or dispute a claim."""


@source.command("add")
@click.argument("claim_id", type=int)
@click.argument("url")
@click.option("--stance", required=True, type=click.Choice(["supports", "disputes", "context", "retracts"]),
              help="How the source bears on the claim.")
@click.option("--title", help="The source's title.")
@click.option("--outlet", help="The source's outlet.")
@click.option("--published", help="Publication date of the source.")
@click.option("--excerpt", help="The passage that bears on the claim.")
@click.option("--note", help="Your note.")
@click.option("--archive-url", help="An archived copy (http(s)).")
@pass_ctx
def source_add(c: Ctx, claim_id, url, stance, title, outlet, published, excerpt, note, archive_url):
    """Attach a later source to a claim with its stance."""
    from db.engine import write_session
    from db.writes import NewSource, add_evidence

    new = NewSource(url=url, title=title, outlet=outlet, published_on=date_option(published, "--published"),
                    archive_url=archive_url)
    with write_session(c.engine) as session:
        ev = add_evidence(session=session, actor=c.actor, claim_id=claim_id, source=new, stance=stance,
                          excerpt=excerpt, note=note)
    lines(f"evidence {ev.id} added to claim {claim_id} ({stance})")


@cli.command()
@click.argument("a", type=int)
@click.argument("b", type=int)
@click.option("--relation", required=True, type=click.Choice(["contradicts", "corroborates", "revises", "duplicates"]),
              help="How claim A relates to claim B.")
@click.option("--reason", help="Why they are related (required).")
@pass_ctx
def link(c: Ctx, a, b, relation, reason):
    """Link two claims: contradicts, corroborates, revises, duplicates."""
    from db.engine import write_session
    from db.writes import link_claims

    with write_session(c.engine) as session:
        lk = link_claims(session=session, actor=c.actor, a_id=a, b_id=b, relation=relation, reason=reason)
    lines(f"link {lk.id}: claim {a} {relation} claim {b}")


@cli.command()
@click.argument("claim_id", type=int)
@format_option("table", "json")
@pass_ctx
def history(c: Ctx, claim_id, fmt):
    """The audit log of a claim: who changed what, when and why."""
    from db.engine import read_session
    from db.queries import claim_history, get_claim

    with read_session(c.engine) as session:
        get_claim(session=session, claim_id=claim_id)
        events = claim_history(session=session, claim_id=claim_id)
    if fmt == "json":
        print_json(events)
    else:
        from claims.render import describe_event

        print_table(([e["at"], e["actor"], e["action"], describe_event(e), e["reason"] or ""] for e in events),
                    ["when", "who", "action", "change", "reason"], widths={3: 60, 4: 40})


@cli.group(invoke_without_command=True)
@format_option("table", "json")
@click.pass_context
def speakers(ctx: click.Context, fmt):
    """List speakers with their aliases (and merge duplicates)."""
    if ctx.invoked_subcommand is not None:
        return
    from db.engine import read_session
    from db.queries import list_speakers

    c: Ctx = ctx.obj
    with read_session(c.engine) as session:
        rows = list_speakers(session=session)
    if fmt == "json":
        print_json(rows)
    else:
        print_table(([r["id"], r["name"], r["role"] or "", r["kind"], r["claims"],
                      "; ".join(a for a in r["aliases"] if a != r["name"])] for r in rows),
                    ["id", "name", "role", "kind", "claims", "aliases"], widths={5: 70})


@speakers.command("merge")
@click.argument("keep")
@click.argument("merge")
@pass_ctx
def speakers_merge(c: Ctx, keep, merge):
    """Merge speaker MERGE into KEEP (names or aliases): claims and aliases move to KEEP."""
    from db.engine import write_session
    from db.writes import merge_speakers

    with write_session(c.engine) as session:
        kept = merge_speakers(session=session, actor=c.actor, keep=keep, merge=merge)
    lines(f"merged {merge!r} into {kept.name!r}")


@cli.command()
@format_option("table", "json")
@pass_ctx
def stories(c: Ctx, fmt):
    """List stories with their number of claims and sources."""
    from db.engine import read_session
    from db.queries import list_stories

    with read_session(c.engine) as session:
        rows = list_stories(session=session)
    if fmt == "json":
        print_json(rows)
    else:
        print_table(([r["id"], r["name"], r["claims"], r["sources"]] for r in rows), ["id", "name", "claims", "sources"])


@cli.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("upgrade")
@pass_ctx
def db_upgrade(c: Ctx):
    """Apply any pending migrations (opening the database does this too)."""
    from db.migrate import current_revision

    lines(f"database is at schema {current_revision(c.engine)}")


@db_group.command("locate")
@pass_ctx
def db_locate(c: Ctx):
    """Print the database URL in use (without opening it)."""
    from db.engine import resolve_url

    lines(resolve_url(c.db))


def main(argv: list[str] | None = None) -> None:
    """Entry point: one-line errors with exit status 2, never a traceback for user mistakes."""
    from sqlalchemy.exc import OperationalError, DBAPIError

    try:
        cli.main(args=argv, prog_name="claims", standalone_mode=False)
    except UserError as exc:
        _fail(str(exc))
    except click.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        _fail(exc.format_message().replace("\n", " ") + hint)
    except click.ClickException as exc:
        _fail(exc.format_message())
    except click.exceptions.Abort:
        _fail("aborted")
    except (OperationalError, DBAPIError) as exc:
        _fail(f"database error: {str(getattr(exc, 'orig', exc)).splitlines()[0]}")
    except (BrokenPipeError, _OutputClosed):
        _reader_went_away()
    except OverflowError:  # e.g. an ID beyond SQLite's 64-bit integers: it cannot exist
        _fail("a number given is out of range: IDs and counts must be below 9223372036854775808")
    except UnicodeEncodeError:  # lone surrogates: bytes on the command line that are not UTF-8
        _fail("an argument contains bytes that are not valid UTF-8 text; retype it or check the file name's encoding")
    except KeyboardInterrupt:
        _fail("interrupted; nothing was saved from the unfinished command", code=130)
    else:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _reader_went_away()
        sys.exit(0)


def _reader_went_away() -> None:
    """`claims list | head -1`: the reader closed the pipe, which is not an error. Point stdout at
    /dev/null so the interpreter's last flush does not fail (and exit 1) on the closed pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


def _fail(message: str, code: int = 2) -> None:
    from claims.validate import clean_text

    # The message may quote user input: no control sequence reaches the terminal, and it stays one line.
    sys.stderr.write(f"error: {clean_text(message).replace(chr(10), ' ')}\n")
    sys.exit(code)


import claims.cli_import  # noqa: E402,F401  (registers commands)
import claims.cli_tui  # noqa: E402,F401  (registers commands)
import claims.cli_evidence  # noqa: E402,F401  (registers commands)

if __name__ == "__main__":
    from claims.cli import main as registered_main  # the module with every command registered

    registered_main()
