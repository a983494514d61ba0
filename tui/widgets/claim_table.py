"""The claims table: a DataTable that holds only the pages read so far, fetched by keyset as the
cursor or the scroll position nears the end of what is loaded (never all rows)."""
from __future__ import annotations

import time
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.worker import get_current_worker

from db.queries import ClaimFilter, ClaimRow
from tui.errors import ReportsWorkerErrors
from tui.text import fmt_date, one_line

STATUS_STYLE = {"unverified": "dim", "corroborated": "green", "disputed": "yellow", "refuted": "red",
                "retracted": "magenta"}
# (sort key, label, width); the claim text column takes what is left.
COLUMNS = (("status", "status", 12), ("speaker", "speaker", 12), ("text", "claim", 0),
           ("said_on", "said on", 10), ("outlet", "outlet", 10), ("sources", "src", 3), ("conflict", "!", 1))
FIXED_WIDTH = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
MAX_RELOAD = 5000


def row_cells(row: ClaimRow, text_width: int) -> tuple[Text, ...]:
    return (
        Text(row.status, style=STATUS_STYLE.get(row.status, "")),
        one_line(row.speaker or "—", 12),
        one_line(row.text, max(text_width, 10) * 2),
        Text(fmt_date(row.said_on)),
        one_line(row.outlet or "", 10),
        Text(str(row.sources), justify="right"),
        Text("!" if row.conflict else " ", style="bold red"),
    )


class ClaimTable(ReportsWorkerErrors, DataTable):
    """Claims, a page at a time. `row_count` is the number of rows loaded (and shown)."""

    PAGE = 100
    BINDINGS = [
        Binding("o", "sort_column", "Sort", tooltip="Next sort order: said on, status, speaker, outlet, sources, "
                                            "each ascending then descending (or click a header)"),
    ]

    @dataclass
    class PageLoaded(Message):
        generation: int
        rows: list[ClaimRow]
        replace: bool
        exhausted: bool
        keep_claim_id: int | None = None
        keep_scroll: float = 0.0
        keep_row: int = 0

    @dataclass
    class CountsLoaded(Message):
        filters: ClaimFilter
        shown: int
        total: int | None

    @dataclass
    class CountsChanged(Message):
        """What the status line shows: rows loaded, matching, total."""
        loaded: int
        shown: int | None
        total: int | None
        sort: str
        descending: bool
        busy: bool = False

    @dataclass
    class ClaimHighlighted(Message):
        claim_id: int | None

    def __init__(self, *, id: str = "claims") -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cursor_foreground_priority="renderable")
        self.filters = ClaimFilter()
        self.sort_key = "id"
        self.descending = False
        self.claim_rows: list[ClaimRow] = []
        self._generation = 0
        self._exhausted = False
        self._loading = False
        # Matching claims per filter (the empty filter: the total); cleared when the data changes.
        self._counts: dict[ClaimFilter, int] = {}
        self._load_started = 0.0
        self.last_page_seconds = 0.0  # from asking for a page to its rows being in the table

    def worker_failed(self, worker) -> None:
        self._loading = False
        self._announce()

    # --- columns and rows ----------------------------------------------------------------

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width or self._text_width())

    def _text_width(self) -> int:
        width = self.size.width or self.app.size.width
        return max(width - FIXED_WIDTH, 12)

    def on_resize(self) -> None:
        column = self.columns.get("text")  # type: ignore[call-overload]
        if column is not None and column.width != self._text_width():
            column.width = self._text_width()
            self._require_update_dimensions = True
            self.refresh()

    def _labels(self) -> None:
        for key, label, _ in COLUMNS:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                mark = (" ▼" if self.descending else " ▲") if key == self.sort_key else ""
                column.label = Text(label + mark)
        self._require_update_dimensions = True
        self.refresh()

    @property
    def current_row(self) -> ClaimRow | None:
        if 0 <= self.cursor_row < len(self.claim_rows) and self.row_count:
            return self.claim_rows[self.cursor_row]
        return None

    # --- loading ---------------------------------------------------------------------------

    def set_query(self, filters: ClaimFilter | None = None, sort: str | None = None,
                  descending: bool | None = None) -> None:
        """Start over with new filters or order."""
        if filters is not None:
            self.filters = ClaimFilter() if filters.is_empty() else filters
        if sort is not None:
            self.sort_key = sort
        if descending is not None:
            self.descending = descending
        self._generation += 1
        self._labels()
        self._load(self._generation, None, self.PAGE, replace=True)
        self._request_counts()

    def reload(self, *, counts: bool = True) -> None:
        """Read the loaded range again (others' changes appear), keeping the cursor on its claim."""
        self._generation += 1
        current = self.current_row
        limit = min(max(len(self.claim_rows), self.PAGE), MAX_RELOAD)
        self._load(self._generation, None, limit, replace=True,
                   keep_claim_id=current.id if current else None, keep_scroll=self.scroll_y,
                   keep_row=self.cursor_row)
        if counts:
            self._counts.clear()
            self._request_counts()

    @property
    def _shown(self) -> int | None:
        return self._counts.get(self.filters)

    @property
    def _total(self) -> int | None:
        return self._counts.get(ClaimFilter())

    def _request_counts(self) -> None:
        if self._shown is None or self._total is None:
            self._count(self.filters, need_total=self._total is None)

    def load_more(self) -> None:
        if self._loading or self._exhausted or not self.claim_rows:
            return
        from db.listing import sort_key_of

        self._load(self._generation, sort_key_of(self.claim_rows[-1], self.sort_key), self.PAGE, replace=False)

    def _near_end(self) -> bool:
        visible_rows = self.scrollable_content_region.height or 20
        bottom = self.scroll_y + visible_rows
        return (self.row_count - self.cursor_row < visible_rows + 10) or (self.row_count - bottom < 20)

    def _load(self, generation: int, after, limit: int, *, replace: bool, **keep) -> None:
        self._loading = True
        self._load_started = time.perf_counter()
        self._announce()
        self._read_page(generation, self.filters, self.sort_key, self.descending, after, limit, replace, keep)

    @work(thread=True, exclusive=True, exit_on_error=False, group="db")
    def _read_page(self, generation: int, filters: ClaimFilter, sort: str, descending: bool, after, limit: int,
                   replace: bool, keep: dict) -> None:
        from db.engine import read_session
        from db.listing import list_claims_page

        with read_session(self.app.engine) as session:
            rows = list_claims_page(session=session, filters=filters, sort=sort, descending=descending,
                                    after=after, limit=limit)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PageLoaded(generation, rows, replace, len(rows) < limit, **keep))

    @work(thread=True, exclusive=True, exit_on_error=False, group="count")
    def _count(self, filters: ClaimFilter, *, need_total: bool) -> None:
        from db.engine import read_session
        from db.queries import count_claims

        with read_session(self.app.engine) as session:
            total = count_claims(session=session) if need_total else None
            shown = total if filters.is_empty() and total is not None else count_claims(
                session=session, filters=filters)
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountsLoaded(filters, shown, total))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._loading = False
        self._exhausted = message.exhausted
        self.last_page_seconds = time.perf_counter() - self._load_started
        width = self._text_width()
        if message.replace and message.keep_claim_id is not None and self._same_rows(message.rows):
            self._update_in_place(message.rows, width)
            self._announce()
            return
        if message.replace:
            self.claim_rows = list(message.rows)
            self.clear()
        else:
            self.claim_rows.extend(message.rows)
        self.add_rows([row_cells(r, width) for r in message.rows])
        if message.replace and self.claim_rows:
            index = next((i for i, r in enumerate(self.claim_rows) if r.id == message.keep_claim_id), None)
            if index is None:
                index = min(message.keep_row, len(self.claim_rows) - 1)
            self.move_cursor(row=index, animate=False, scroll=False)
            self.call_after_refresh(self.scroll_to, y=message.keep_scroll, animate=False)
            self.post_message(self.ClaimHighlighted(self.claim_rows[index].id))
        elif message.replace:
            self.post_message(self.ClaimHighlighted(None))
        self._announce()
        if not self._exhausted and self._near_end():
            self.load_more()

    def _same_rows(self, rows: list[ClaimRow]) -> bool:
        return len(rows) == len(self.claim_rows) and all(a.id == b.id for a, b in zip(rows, self.claim_rows))

    def _update_in_place(self, rows: list[ClaimRow], width: int) -> None:
        """A refresh that found the same claims in the same order: change only the cells that
        changed (no rebuild, so the cursor and scroll position stay exactly where they were)."""
        for index, (old, new) in enumerate(zip(self.claim_rows, rows)):
            if old != new:
                for column, cell in enumerate(row_cells(new, width)):
                    self.update_cell_at(Coordinate(index, column), cell)
        self.claim_rows = list(rows)

    @on(CountsLoaded)
    def _counts_loaded(self, message: CountsLoaded) -> None:
        message.stop()
        if message.total is not None:
            self._counts[ClaimFilter()] = message.total
        self._counts[message.filters] = message.shown
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.CountsChanged(self.row_count, self._shown, self._total, self.sort_key, self.descending,
                                             busy=self._loading))

    # --- paging as the user moves ------------------------------------------------------------

    @on(DataTable.RowHighlighted)
    def _highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.data_table is not self:
            return
        row = self.current_row
        self.post_message(self.ClaimHighlighted(row.id if row else None))
        if self._near_end():
            self.load_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.claim_rows and self._near_end():
            self.load_more()

    # --- sorting ---------------------------------------------------------------------------

    def sort_by(self, key: str) -> None:
        """Sort by this column; the same column again reverses the order."""
        descending = not self.descending if key == self.sort_key else False
        self.set_query(sort=key, descending=descending)

    def action_sort_column(self) -> None:
        self.sort_by(self._sort_cycle())

    def _sort_cycle(self) -> str:
        """The row cursor has no column under it: `o` cycles through the useful orders."""
        order = ["id", "said_on", "status", "speaker", "outlet", "sources"]
        if not self.descending and self.sort_key != "id":
            return self.sort_key  # same column again: reverse it
        return order[(order.index(self.sort_key) + 1) % len(order)] if self.sort_key in order else "id"

    @on(DataTable.HeaderSelected)
    def _header(self, message: DataTable.HeaderSelected) -> None:
        message.stop()
        self.sort_by(str(message.column_key.value))
