"""The claim detail: text with quantities and dates highlighted, speaker, source, evidence, links,
tags, history, and the history of each figure the claim states (a sparkline beside the values)."""
from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Sparkline, Static
from textual.worker import get_current_worker

from claims.render import describe_event, format_quantity, format_timeref
from tui.actions import CLAIM_BINDINGS, ClaimActions, ClaimRef
from tui.messages import ClaimsChanged
from tui.text import fmt_date, highlighted_claim, literal, one_line, visible

FIGURE_LINES = 12
STATUS_STYLE = {"unverified": "dim", "corroborated": "bold green", "disputed": "bold yellow",
                "refuted": "bold red", "retracted": "bold magenta"}


def _line(label: str, *parts: Text | str) -> Text:
    out = Text(f"{label:<10} ", style="bold")
    for part in parts:
        out.append(part if isinstance(part, Text) else literal(part))
    return out


def render_detail(d: dict) -> Text:
    """The claim as a Text; every stored string goes in literally."""
    out = Text()
    head = Text(f"claim {d['id']}  ", style="bold")
    head.append(d["status"], style=STATUS_STYLE.get(d["status"], ""))
    head.append(f"  {d['kind']}  v{d['version']}", style="dim")
    if d.get("deadline_state"):
        head.append(f"  deadline {d['deadline_state']}", style="yellow")
    if d.get("story"):
        head.append("  story ", style="dim")
        head.append(literal(d["story"]))
    out.append(head)
    out.append("\n\n")
    out.append(highlighted_claim(d["text"], [t["phrase"] for t in d.get("dates", [])]))
    out.append("\n\n")
    lines: list[Text] = []
    if d.get("quote") and d["quote"] != d["text"]:
        lines.append(_line("quote", literal(d["quote"], style="italic")))
    sp = d.get("speaker")
    if sp:
        who = literal(sp["name"], style="bold")
        if sp.get("role"):
            who.append(", ")
            who.append(literal(sp["role"]))
        who.append(f" ({sp['kind']})", style="dim")
        lines.append(_line("speaker", who))
        aliases = [a for a in sp.get("aliases", []) if a != sp["name"]]
        if aliases:
            lines.append(_line("aliases", "; ".join(aliases)))
    else:
        lines.append(_line("speaker", Text("the outlet's own reporting", style="dim")))
    lines.append(_line("said on", d.get("said_on") or "unknown"))
    for q in d.get("quantities", []):
        lines.append(_line("quantity", Text(format_quantity(q), style="bold cyan"),
                           Text(f"  as of {q['as_of']}" if q.get("as_of") else "", style="dim")))
    for t in d.get("dates", []):
        lines.append(_line("date", Text(format_timeref(t), style="magenta")))
    src = d["source"]
    lines.append(_line("source", literal(src.get("outlet") or "", style="bold"), "  ", literal(src.get("title") or "")))
    lines.append(_line("", literal(src["url"], style="underline")))
    lines.append(_line("", Text(f"published {src.get('published_on') or 'unknown'}, "
                                f"retrieved {fmt_date(src.get('retrieved_at')) or '-'}", style="dim")))
    lines.append(_line("tags", ", ".join(d["tags"]) if d.get("tags") else Text("none", style="dim")))
    out.append(Text("\n").join(lines))
    out.append("\n\n")
    if d.get("paragraph"):
        out.append(Text("In the article\n", style="bold underline"))
        out.append(in_context(d["paragraph"], d["text"]))
        out.append("\n\n")
    out.append(Text(f"Evidence ({len(d.get('evidence', []))})\n", style="bold underline"))
    for ev in d.get("evidence", []):
        s = ev["source"]
        line = Text(f"  #{ev['id']} ")
        line.append(f"{ev['stance']:<9}", style={"supports": "green", "disputes": "red", "retracts": "magenta"}
                    .get(ev["stance"], ""))
        line.append(" ")
        line.append(literal(s.get("outlet") or ""))
        line.append(f" {s.get('published_on') or ''} ", style="dim")
        line.append(literal(s["url"], style="underline"))
        out.append(line)
        out.append("\n")
        if ev.get("excerpt"):
            out.append(literal(f"      “{ev['excerpt']}”\n", style="italic"))
        if ev.get("note"):
            out.append(literal(f"      note: {ev['note']}\n", style="dim"))
    out.append("\n")
    out.append(Text(f"Links ({len(d.get('links', []))})\n", style="bold underline"))
    for lk in d.get("links", []):
        line = Text(f"  #{lk['id']} ")
        line.append(lk["relation"], style="bold red" if lk["relation"] == "contradicts" else "bold")
        line.append(f" claim {lk['other']} ({lk['origin']}, {lk['state']}) ", style="dim")
        line.append(one_line(lk.get("other_text"), 90))
        if lk.get("reason"):
            line.append("\n      reason: ", style="dim")
            line.append(literal(lk["reason"]))
        out.append(line)
        out.append("\n")
    out.append("\n")
    out.append(Text(f"History ({len(d.get('history', []))})\n", style="bold underline"))
    for e in d.get("history", []):
        line = Text(f"  {fmt_date(e['at'])} {str(e['at'])[11:16]}  ", style="dim")
        line.append(literal(e["actor"]))
        line.append(f"  {e['action']}  ", style="bold")
        line.append(literal(describe_event(e)))
        if e.get("reason"):
            line.append("  — ")
            line.append(literal(e["reason"], style="italic"))
        out.append(line)
        out.append("\n")
    return out


def in_context(paragraph: str, claim_text: str) -> Text:
    """The article paragraph the claim came from, the claim's own words in bold."""
    out = literal(paragraph, style="dim")
    plain = out.plain
    start = plain.find(visible(claim_text))
    if start >= 0:
        out.stylize("not dim bold", start, start + len(visible(claim_text)))
    return out


class DetailScreen(ClaimActions, Screen):
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back"),
        *CLAIM_BINDINGS,
        Binding("g", "go_linked", "Go to link", tooltip="Open a linked claim"),
    ]

    @dataclass
    class Loaded(Message):
        detail: dict
        figures: dict[str, list[dict]]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.detail: dict | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with VerticalScroll(id="detail-body"):
            yield Static(Text(f"loading claim {self.claim_id}…", style="dim"), id="detail-text")
            yield Vertical(id="figures")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"claim {self.claim_id}"
        self.load()

    def current_claim(self) -> ClaimRef | None:
        if self.detail is None:
            return None
        return ClaimRef(self.detail["id"], self.detail["version"], list(self.detail.get("tags", [])))

    def data_changed(self, message: ClaimsChanged) -> None:
        self.load()

    def action_go_linked(self) -> None:
        links = (self.detail or {}).get("links", [])
        if not links:
            self.app.notify("this claim has no linked claims", severity="warning")
            return
        if len(links) == 1:
            self.app.push_screen(DetailScreen(links[0]["other"]))
            return
        from tui.screens.pick import PickClaimDialog

        choices = []
        for lk in links:
            label = Text(f"{lk['relation']} ({lk['state']}) claim {lk['other']}: ", style="bold")
            label.append(one_line(lk.get("other_text"), 120))
            choices.append((lk["other"], label))

        def chosen(claim_id: int | None) -> None:
            if claim_id is not None:
                self.app.push_screen(DetailScreen(claim_id))

        self.app.push_screen(PickClaimDialog(f"Claims linked to claim {self.claim_id}", choices), chosen)

    def load(self) -> None:
        self._read(self.claim_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _read(self, claim_id: int) -> None:
        from db.engine import read_session
        from db.queries import claim_detail

        with read_session(self.app.engine) as session:
            detail = claim_detail(session=session, claim_id=claim_id)
            figures = self._figures(session, detail)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(detail, figures))

    @staticmethod
    def _figures(session, detail: dict) -> dict[str, list[dict]]:
        """Every stated value of each measure this claim states, in its story."""
        from claims.check import figures

        measures = sorted({q["measure"] for q in detail.get("quantities", []) if q.get("measure")})
        if not measures or not detail.get("story"):
            return {}
        return {m: figures(session=session, story=detail["story"], measure=m) for m in measures}

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.detail = message.detail
        self.query_one("#detail-text", Static).update(render_detail(message.detail))
        box = self.query_one("#figures", Vertical)
        box.remove_children()
        if not message.figures:
            return
        box.mount(Label(Text("Figure history", style="bold underline")))
        for measure, rows in message.figures.items():
            box.mount(figure_row(measure, rows, self.claim_id))


def figure_row(measure: str, rows: list[dict], claim_id: int) -> Horizontal:
    """A sparkline of the values of one measure over time, beside the values themselves."""
    values = [_mid(r) for r in rows if _mid(r) is not None]
    listing = Text()
    listing.append(literal(measure, style="bold"))
    listing.append(f"  {len(rows)} value{'' if len(rows) == 1 else 's'}", style="dim")
    here = next((i for i, r in enumerate(rows) if r.get("claim") == claim_id), 0)
    start = max(0, min(here - FIGURE_LINES // 2, len(rows) - FIGURE_LINES))
    window = rows[start:start + FIGURE_LINES]
    if start:
        listing.append(f"\n  … {start} earlier", style="dim")
    for r in window:
        mark = "▶ " if r.get("claim") == claim_id else "  "
        listing.append(f"\n{mark}{r.get('as_of') or '?':<10} ")
        listing.append(format_quantity({"low": r.get("low"), "high": r.get("high"),
                                        "approximate": r.get("approximate")}), style="cyan")
        who = r.get("speaker") or r.get("outlet") or ""
        if who:
            listing.append("  ")
            listing.append(one_line(who, 30, style="dim"))
    later = len(rows) - start - len(window)
    if later:
        listing.append(f"\n  … {later} later", style="dim")
    return Horizontal(Sparkline(values or [0], classes="figure-spark"), Static(listing, classes="figure-values"),
                      classes="figure-row")


def _mid(row: dict) -> float | None:
    low, high = row.get("low"), row.get("high")
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high
