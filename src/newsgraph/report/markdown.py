"""A briefing as Markdown: headings, lists, and numbered evidence at the end that every line links to."""

from __future__ import annotations

from newsgraph.report.briefing import Briefing, Line


def to_markdown(briefing: Briefing) -> str:
    parts = [f"# {briefing.label}", "", _masthead(briefing), ""]
    parts += _section("The story", briefing.summary)
    parts += _section("Agreed or done", briefing.agreed, empty="Nothing agreed or done was reported.")
    parts += _section("Refused or did not happen", briefing.refused, empty="No refusal or failure was reported.")
    parts += _section("Expected, and what came of it", briefing.expectations, empty="No plans were reported.")
    parts += _section("Timeline", briefing.timeline)
    parts += ["## Voices", ""]
    for side, voices in briefing.voices.items():
        parts += [f"### {side}", ""]
        for voice in voices:
            who = f"**{voice.speaker}**" + (f", {voice.detail}" if voice.detail else "")
            again = f"; also carried by {', '.join(voice.again)}" if voice.again else ""
            parts.append(
                f"- {who}: “{voice.words}” ({voice.outlet or 'unknown outlet'}{again}) {_refs(voice.evidence)}"
            )
        parts.append("")
    parts += ["## Coverage", "", "| outlet | articles | events | quotes |", "|---|---|---|---|"]
    parts += [f"| {c.outlet} | {c.articles} | {c.events} | {c.quotes} |" for c in briefing.coverage]
    parts.append("")
    for coverage in briefing.coverage:
        if coverage.only_here:
            parts += [f"Only {coverage.outlet} reported:", ""]
            parts += [f"- {line.text} {_refs(line.evidence)}" for line in coverage.only_here]
            parts.append("")
    if briefing.dyad:
        parts += [f"## Cooperation and conflict: {' – '.join(briefing.dyad)}", ""]
        parts += ["Goldstein score summed per day (−10 most hostile, +10 most cooperative).", ""]
        parts += ["| day | status | Goldstein | events |", "|---|---|---|---|"]
        parts += [f"| {p.day} | {p.status} | {p.goldstein:+.1f} | {p.events} |" for p in briefing.dyad_points]
        parts.append("")
    parts += ["## Evidence", ""]
    for evidence in briefing.evidence:
        source = ", ".join(x for x in (evidence.outlet, evidence.published) if x)
        title = (
            f"[{evidence.title or evidence.article_id}]({evidence.url})"
            if evidence.url
            else (evidence.title or evidence.article_id)
        )
        parts.append(f'<a id="{evidence.key}"></a>**[{evidence.key}]** {title} ({source}): “{evidence.sentence}”  ')
    return "\n".join(parts).rstrip() + "\n"


def _masthead(briefing: Briefing) -> str:
    copies = f" (and {briefing.copies} near cop{'ies' if briefing.copies != 1 else 'y'})" if briefing.copies else ""
    return (
        f"{briefing.first or '?'} to {briefing.last or '?'} · {briefing.articles} articles{copies} · "
        f"{len(briefing.outlets)} outlets: {', '.join(briefing.outlets) or 'none named'}"
    )


def _section(title: str, lines: list[Line], empty: str = "") -> list[str]:
    parts = [f"## {title}", ""]
    if not lines and empty:
        parts.append(empty)
    for line in lines:
        note = f" *({line.note})*" if line.note else ""
        parts.append(f"- {line.text}{note} {_refs(line.evidence)}")
    return [*parts, ""]


def _refs(keys: list[str]) -> str:
    return " ".join(f"[[{key}]](#{key})" for key in keys)
