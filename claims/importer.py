"""Import articles: extract outside the transaction, then store each article atomically."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy.engine import Engine

from claims.errors import UserError
from claims.validate import check_url, normalise_url

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SAMPLE = Path(__file__).with_name("data") / "sample-article.txt"
# An article is stored in one write transaction, which holds the database's write lock; other
# writers wait at most the busy timeout (30 s). Storing runs at a few hundred claims a second on a
# busy machine, so an article is capped well below what that timeout allows.
MAX_CLAIMS_PER_ARTICLE = 1000


@dataclasses.dataclass
class ImportResult:
    name: str
    status: str  # imported | duplicate | failed
    message: str = ""
    source_id: int | None = None
    claims: int = 0
    links: int = 0
    warnings: list[str] = dataclasses.field(default_factory=list)  # e.g. bytes that were not UTF-8


def is_url(target: str) -> bool:
    return "://" in target or target.lower().startswith(("javascript:", "data:", "file:", "mailto:"))


def expand(targets: Iterable[str]) -> list[str]:
    """Files, folders (their article files, sorted) and URLs, in the order given."""
    out: list[str] = []
    for target in targets:
        if not target.strip():  # Path("") is the current folder: never import it by accident
            raise UserError("an empty path was given: name a file, folder or http(s) URL")
        if is_url(target):
            out.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise UserError(f"folder {target} has no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})")
            out.extend(str(p) for p in files)
        elif path.is_file():
            out.append(str(path))
        elif path.exists():  # /dev/zero or a pipe: stat() says 0 bytes, reading never ends
            raise UserError(f"{target} is not a regular file (a device, pipe or socket): save the article to a file")
        else:
            raise UserError(f"{target}: no such file or folder")
    return out


def extract_target(target: str, *, url: str | None = None, published: dt.date | None = None) -> dict:
    """The extraction of one file or URL (no database)."""
    from claims.extract import extract_path, extract_text

    if is_url(target):
        from claims.fetch import fetch

        check_url(target)
        page = fetch(target)
        name = "page.html" if "html" in page.content_type or not page.content_type else "page.txt"
        data = extract_text(page.text, filename=name, url=url or page.url, published=published)
        data["source"]["retrieved_at"] = page.retrieved_at.isoformat()
        if not data["source"].get("url"):
            data["source"]["url"] = page.url
        return data
    return extract_path(target, url=url, published=published)


def store_extraction(session, data: dict, *, actor: str, story: str | None, name: str) -> ImportResult:
    """Write one extracted article inside the caller's transaction (duplicates change nothing)."""
    from db.queries import find_source
    from db.writes import (NewClaim, NewSource, _lock_names, add_claim, get_or_create_source, get_or_create_speaker,
                           get_or_create_story, record)

    src = data["source"]
    if not src.get("url"):
        raise UserError(f"{name}: no source URL found in the article; pass --url URL")
    check_url(src["url"], what=f"{name}: source URL")
    if not src.get("published"):
        raise UserError(f"{name}: no publication date found in the article; pass --published DATE")
    sha = src.get("sha256") or hashlib.sha256((src.get("body") or "").encode()).hexdigest()
    # On PostgreSQL a concurrent import of the same article must commit before we look (SQLite
    # writers are serialised by BEGIN IMMEDIATE already); else both store it.
    _lock_names(session, "source", [normalise_url(src["url"])])
    _lock_names(session, "sha256", [sha])
    existing = find_source(session=session, url_key=normalise_url(src["url"]), sha256=sha)
    if existing is not None and existing.body is not None:
        return ImportResult(name, "duplicate", f"already imported as source {existing.id} ({existing.url})",
                            source_id=existing.id)
    story_row = get_or_create_story(session, story, actor=actor)
    retrieved = src.get("retrieved_at")
    new_source = NewSource(url=src["url"], title=src.get("title"), outlet=src.get("outlet"),
                           published_on=dt.date.fromisoformat(src["published"]), language=src.get("language"),
                           retrieved_at=dt.datetime.fromisoformat(retrieved) if retrieved else
                           dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
                           content_sha256=sha, body=src.get("body"))
    source = get_or_create_source(session, new_source, actor=actor, story=story_row)
    if source.body is None:  # known before only as a later source of some claim: now we have its text
        source.body, source.content_sha256 = new_source.body, sha
        source.retrieved_at = new_source.retrieved_at
    speakers = {sp["name"]: sp for sp in data.get("speakers", [])}
    # Each speaker is resolved once per article (name, aliases, first role given), not per claim.
    resolved: dict[str, object] = {}
    for c in data["claims"]:
        said_by = (c.get("speaker") or "").strip()
        if said_by and said_by not in resolved:
            sp = speakers.get(c.get("speaker"), {})
            role = next((x.get("speaker_role") for x in data["claims"]
                         if x.get("speaker") == c.get("speaker") and x.get("speaker_role")), None)
            resolved[said_by] = get_or_create_speaker(session, c["speaker"], actor=actor, role=role or sp.get("role"),
                                                   kind=sp.get("kind"), aliases=sp.get("aliases", []))
    count = 0
    for c in data["claims"]:
        sp = speakers.get(c.get("speaker") or "", {})
        new = NewClaim(text=c["text"], source=new_source, speaker=c.get("speaker"),
                       speaker_role=c.get("speaker_role") or sp.get("role"), speaker_kind=sp.get("kind"),
                       speaker_aliases=sp.get("aliases", []),
                       said_on=dt.date.fromisoformat(c["said_on"]) if c.get("said_on") else None,
                       said_on_precision=c.get("said_on_precision"), quote=c.get("quote"),
                       kind=c.get("kind") or "statement", span=tuple(c["span"]) if c.get("span") else None,
                       quantities=c.get("quantities", []), dates=c.get("dates", []))
        add_claim(session=session, actor=actor, new=new, source=source, story=story_row,
                  speaker=resolved.get((c.get("speaker") or "").strip()))
        count += 1
    record(session, actor=actor, action="source.import", target_type="source", target_id=source.id,
           after={"name": name, "claims": count, "sha256": sha, "story": story})
    links = 0
    if story_row is not None:
        from claims.check import run_check

        session.flush()
        outcome = run_check(session=session, actor=actor, story=story_row.name)
        links = sum(v for k, v in (outcome or {}).items() if isinstance(v, int) and k != "deadlines")
    return ImportResult(name, "imported", f"{count} claims", source_id=source.id, claims=count, links=links)


def import_paths(engine: Engine, targets: Iterable[str], *, actor: str, story: str | None = None,
                   url: str | None = None, published: dt.date | None = None,
                   progress: Callable[[ImportResult], None] | None = None) -> list[ImportResult]:
    """Import many files, folders or URLs; each article is its own transaction. A bad article is
    reported in its result and does not stop the others."""
    from db.engine import write_session

    targets = expand(targets)
    if url and len(targets) > 1:
        raise UserError("--url applies to one article; import the files one by one to give each its URL")
    results = []
    for target in targets:
        try:
            data = extract_target(target, url=url, published=published)
            if len(data.get("claims", [])) > MAX_CLAIMS_PER_ARTICLE:
                raise UserError(f"{target}: {len(data['claims']):,} statements in one article; the limit is "
                                f"{MAX_CLAIMS_PER_ARTICLE:,} (each article is one transaction): split the file")
            with write_session(engine) as session:
                result = store_extraction(session, data, actor=actor, story=story, name=target)
            result.warnings = list(data.get("warnings", []))
        except UserError as exc:
            result = ImportResult(target, "failed", str(exc).removeprefix(f"{target}: "))
        results.append(result)
        if progress:
            progress(result)
    return results


def import_sample(engine: Engine, *, actor: str) -> ImportResult:
    """The bundled sample article, into the story 'sample' (what `make run` shows a new user)."""
    return import_paths(engine, [str(SAMPLE)], actor=actor, story="sample")[0]
