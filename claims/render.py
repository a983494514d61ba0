"""Plain-text renderings shared by the CLI (and usable by the TUI): a claim's detail, an audit event."""
from __future__ import annotations


def describe_event(e: dict) -> str:
    """One line saying what an audit event changed."""
    before, after = e.get("before") or {}, e.get("after") or {}
    action = e["action"]
    if action == "claim.mark":
        return f"status {before.get('status')} -> {after.get('status')}"
    if action == "claim.create":
        return f"created ({after.get('kind')}, {after.get('status')})"
    if action in ("claim.tag", "claim.untag"):
        return ("+" if action == "claim.tag" else "-") + ", ".join(after.get("tags", []))
    if action == "evidence.add":
        return f"{after.get('stance')}: {after.get('url')}"
    if action.startswith("link."):
        return f"{after.get('relation', '')} {after.get('a')}~{after.get('b')} {after.get('state', '')}".strip()
    return ", ".join(f"{k}={v}" for k, v in after.items())


def format_quantity(q: dict) -> str:
    low, high = q.get("low"), q.get("high")
    num = lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    if low is not None and high is not None and low == high:
        value = num(low)
    elif low is not None and high is not None:
        value = f"{num(low)}–{num(high)}"
    elif low is not None:
        value = f"≥{num(low)}"
    elif high is not None:
        value = f"≤{num(high)}"
    else:
        value = "?"
    parts = [("~" if q.get("approximate") else "") + value]
    if q.get("unit"):
        parts.append(q["unit"])
    if q.get("measure") and q.get("measure") != q.get("unit"):
        parts.append(f"[{q['measure']}]")
    if q.get("bound"):
        parts.append(f"({q['bound']})")
    return " ".join(parts)


def format_timeref(d: dict) -> str:
    span = d.get("earliest") if d.get("earliest") == d.get("latest") else f"{d.get('earliest') or '…'} – {d.get('latest') or '…'}"
    return f"{d['role']}: \"{d['phrase']}\" = {span}"


def render_detail(d: dict) -> str:
    sp = d.get("speaker")
    src = d["source"]
    out = [f"claim {d['id']}  [{d['status']}]" + (f"  deadline {d['deadline_state']}" if d.get("deadline_state") else "")
           + f"  v{d['version']}",
           d["text"], ""]
    if d.get("quote"):
        out.append(f"quote:     {d['quote']}")
    if sp:
        role = f", {sp['role']}" if sp.get("role") else ""
        out.append(f"speaker:   {sp['name']}{role} ({sp['kind']})")
        others = [a for a in sp["aliases"] if a != sp["name"]]
        if others:
            out.append(f"aliases:   {'; '.join(others)}")
    else:
        out.append("speaker:   (the outlet's own reporting)")
    out.append(f"said on:   {d['said_on'] or 'unknown'}")
    out.append(f"story:     {d['story'] or '-'}")
    out.append(f"source:    {src.get('outlet') or ''} {src.get('title') or ''}".rstrip())
    out.append(f"           {src['url']}")
    out.append(f"           published {src.get('published_on') or 'unknown'}, retrieved {src.get('retrieved_at') or '-'}")
    if d.get("span"):
        ok = {True: "verified against stored text", False: "DOES NOT MATCH stored text", None: "no stored text"}
        out.append(f"span:      {d['span'][0]}-{d['span'][1]} ({ok[d.get('span_verified')]})")
    for q in d["quantities"]:
        out.append(f"quantity:  {format_quantity(q)}" + (f" as of {q['as_of']}" if q.get("as_of") else ""))
    for t in d["dates"]:
        out.append(f"date:      {format_timeref(t)}")
    if d["tags"]:
        out.append(f"tags:      {', '.join(d['tags'])}")
    if d["evidence"]:
        out.append("")
        out.append("evidence:")
        for ev in d["evidence"]:
            s = ev["source"]
            out.append(f"  #{ev['id']} {ev['stance']:<9} {s.get('outlet') or ''} {s.get('published_on') or ''} {s['url']}")
            if ev.get("excerpt"):
                out.append(f"      “{ev['excerpt']}”")
            if ev.get("note"):
                out.append(f"      note: {ev['note']}")
    if d["links"]:
        out.append("")
        out.append("links:")
        for lk in d["links"]:
            out.append(f"  #{lk['id']} {lk['relation']} claim {lk['other']} ({lk['origin']}, {lk['state']})"
                       + (f": {lk['reason']}" if lk.get("reason") else ""))
    if d["history"]:
        out.append("")
        out.append("history:")
        for e in d["history"]:
            out.append(f"  {e['at']}  {e['actor']}  {e['action']}  {describe_event(e)}"
                       + (f"  — {e['reason']}" if e.get("reason") else ""))
    return "\n".join(out)
