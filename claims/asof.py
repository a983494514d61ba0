"""Rebuild what a claim's record said on a past day from its audit log."""
from __future__ import annotations

import datetime as dt


def detail_as_of(detail: dict, day: dt.date) -> dict:
    """The detail as it stood at the end of `day` (UTC): status, deadline state, evidence, links
    (with the state each had then: suggested, confirmed or dismissed) and tags."""
    cutoff = (day + dt.timedelta(days=1)).isoformat()
    history = [e for e in detail["history"] if (e["at"] or "") < cutoff]
    if not any(e["action"] == "claim.create" for e in history):
        from claims.errors import UserError

        raise UserError(f"claim {detail['id']} did not exist yet on {day.isoformat()}")
    status = "unverified"
    deadline_state = None
    tags: list[str] = []
    link_state: dict[int, str] = {}
    for e in history:
        after = e.get("after") or {}
        if e["action"] == "claim.create":
            status = after.get("status") or status
            deadline_state = after.get("deadline_state")
        elif e["action"] == "claim.mark":
            status = after["status"]
        elif e["action"] == "claim.deadline":
            deadline_state = after.get("deadline_state")
        elif e["action"] == "claim.tag":
            tags += [t for t in after.get("tags", []) if t not in tags]
        elif e["action"] == "claim.untag":
            tags = [t for t in tags if t not in after.get("tags", [])]
        elif e["action"].startswith("link."):
            link_state[e["target_id"]] = after.get("state", link_state.get(e["target_id"]))
    evidence_ids = {e["target_id"] for e in history if e["action"] == "evidence.add"}
    out = dict(detail)
    out["as_of"] = day.isoformat()
    out["status"] = status
    out["deadline_state"] = deadline_state
    out["tags"] = sorted(tags)
    out["evidence"] = [ev for ev in detail["evidence"] if ev["id"] in evidence_ids]
    out["links"] = [dict(lk, state=link_state[lk["id"]]) for lk in detail["links"] if lk["id"] in link_state]
    out["history"] = history
    return out
