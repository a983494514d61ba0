"""`claims extract`, `claims import` and `claims start` (what `make run` opens)."""
from __future__ import annotations

import sys

import click

from claims.cli import Ctx, cli, date_option, format_option, pass_ctx
from claims.errors import UserError
from claims.output import lines, print_json, print_table

PROGRESS_ABOVE = 3


def _one_article_file(path: str) -> None:
    """`claims extract` reads one article: say which of the usual mistakes it is."""
    from pathlib import Path

    target = Path(path)
    if target.is_dir():
        raise UserError(f"{path} is a folder: `claims extract` reads one article file (`claims import` takes folders)")
    if target.exists() and not target.is_file():
        raise UserError(f"{path} is not a regular file (a device, pipe or socket): save the article to a file")
    if not target.exists():
        raise UserError(f"{path}: no such file")


@cli.command()
@click.argument("path")
@click.option("--url", help="The article's URL, when the file does not give it.")
@click.option("--published", help="The publication date, when the file does not give it.")
@format_option("json", "table")
def extract(path, url, published, fmt):
    """Print what importing PATH would store (touches no database)."""
    from claims.importer import extract_target, is_url

    if not is_url(path):
        _one_article_file(path)
    data = extract_target(path, url=url, published=date_option(published, "--published"))
    for warning in data.get("warnings", []):
        sys.stderr.write(f"warning: {warning}\n")
    if fmt == "json":
        print_json({k: v for k, v in data.items() if k != "warnings"})
    else:
        print_table(([i, c.get("speaker") or "-", c["text"], c.get("said_on") or "",
                      len(c.get("quantities", [])), len(c.get("dates", []))] for i, c in enumerate(data["claims"], 1)),
                    ["#", "speaker", "claim", "said on", "qty", "dates"], widths={1: 24, 2: 80})


@cli.command("import")
@click.argument("targets", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--story", help="Story to file the claims under (created when new).")
@click.option("--url", help="The article's URL, when the file does not give it (one article only).")
@click.option("--published", help="The publication date, when the file does not give it.")
@click.option("--workers", type=click.IntRange(0, 8), default=None, metavar="N",
              help="Processes extracting articles while this one stores them (default: one fewer than the "
                   "CPUs, at most 3, above 16 articles; 0: extract here).")
@format_option("table", "json")
@pass_ctx
def import_(c: Ctx, targets, story, url, published, workers, fmt):
    """Import articles (files, folders or http(s) URLs); each article is stored atomically."""
    from claims.importer import expand, import_paths

    when = date_option(published, "--published")
    paths = expand(targets)
    engine = c.engine
    show_bar = len(paths) > PROGRESS_ABOVE and sys.stderr.isatty()
    if show_bar:
        from rich.progress import Progress

        with Progress(transient=True, console=__import__("rich.console").console.Console(stderr=True)) as bar:
            task = bar.add_task("importing", total=len(paths))
            results = import_paths(engine, paths, actor=c.actor, story=story, url=url, published=when,
                                   progress=lambda r: bar.advance(task), workers=workers)
    else:
        results = import_paths(engine, paths, actor=c.actor, story=story, url=url, published=when, workers=workers)
    failed = [r for r in results if r.status == "failed"]
    if fmt == "json":
        print_json([r.__dict__ for r in results])
    else:
        for r in results:
            if r.status == "imported":
                lines(f"imported {_shown(r.name)}: {r.claims} claims (source {r.source_id})")
            elif r.status == "duplicate":
                lines(f"skipped {_shown(r.name)}: {_shown(r.message, 300)}")
        for r in results:
            for warning in r.warnings:
                sys.stderr.write(f"warning: {_shown(warning, 300)}\n")
        for r in failed:
            sys.stderr.write(f"error: {_shown(r.name)}: {_shown(r.message, 300)}\n")
    if failed:
        if len(results) == 1:
            raise SystemExit(2)
        sys.stderr.write(f"error: {len(failed)} of {len(results)} articles failed; the others were imported\n")
        raise SystemExit(2)


def _shown(text: str, limit: int = 120) -> str:
    """A path, URL or message as it may be printed: no control characters, one line, not endless."""
    from claims.validate import clean_text

    text = clean_text(text).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 3] + "..."


@cli.command()
@pass_ctx
def start(c: Ctx):
    """Open claimtrack: imports the bundled sample article into an empty database first."""
    from db.engine import read_session
    from db.queries import count_claims
    from claims.importer import import_sample

    with read_session(c.engine) as session:
        empty = count_claims(session=session) == 0
    if empty:
        result = import_sample(c.engine, actor=c.actor)
        if result.status == "failed":
            raise UserError(f"could not import the sample article: {result.message}")
        sys.stderr.write(f"imported the sample article: {result.claims} claims in story 'sample'\n")
    if sys.stdout.isatty():
        from claims.cli_tui import open_tui

        open_tui(c)
    else:
        click.get_current_context().invoke(cli.commands["list"], limit=50)
