"""Score entity resolution against the bundled sample corpus gold (or any gold file in its format).

For each named person in the gold: was it found (a predicted person with that name or alias), with the
right country, and, where the text gives them, the right role and affiliation? A role counts when one
form contains the other ("spokesman" and "foreign ministry spokesman"); names and affiliations must match
exactly, case and a leading "the" aside. Since any one right role among several counts, the report also
gives the share of all roles and affiliations listed that are right. For each quote whose
speaker is a pronoun: does the pronoun next to the quote resolve to the right person?
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsgraph.entities.corpus import People
from newsgraph.model import Analysis, Article

_PRONOUNS = {"he", "she", "they", "him", "her"}
SAMPLE = Path(str(resources.files("newsgraph") / "data" / "sample"))
SAMPLE_FOLDERS = ("html", "text", "feeds", "records")


def read_sample(folder: Path = SAMPLE) -> dict[tuple[str, str | None], Article]:
    """The sample corpus as the product reads it, keyed like its gold: (path in the folder, record id)."""
    from newsgraph.pipeline import read

    articles = {}
    for article in read([folder / name for name in SAMPLE_FOLDERS]):
        source = Path(article.source.path or "").relative_to(folder).as_posix()
        articles[(source, article.id if article.source.record else None)] = article
    return articles


def sample_analyses(
    articles: dict[tuple[str, str | None], Article], analyze: Callable[[Article], Analysis], *, corpus: bool
) -> Callable[[Article], Analysis]:
    """`analyze` run once over every sample article, as a lookup for the scorers.

    With `corpus`, each analysis is completed with what the other sample articles say of its people
    (`entities.corpus.People`), as the store's listings show them; without, each article stands alone.
    """
    analyses = {article.id: analyze(article) for article in articles.values()}
    if corpus:
        people = People()
        for analysis in analyses.values():
            people.add(analysis.entities)
        analyses = {key: people.complete_analysis(analysis) for key, analysis in analyses.items()}
    return lambda article: analyses[article.id]


@dataclass
class Tally:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.hits += ok
        if not ok:
            self.misses.append(what)

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass
class EntityReport:
    found: Tally = field(default_factory=Tally)
    country: Tally = field(default_factory=Tally)
    role: Tally = field(default_factory=Tally)
    affiliation: Tally = field(default_factory=Tally)
    roles_right: Tally = field(default_factory=Tally)
    """Of the roles given for people whose gold has a role, those that are one of the gold's: the cost in
    wrong titles of every extra role listed (most of all those another article gives)."""
    affiliations_right: Tally = field(default_factory=Tally)
    pronouns: Tally = field(default_factory=Tally)


def evaluate_entities(
    gold_path: Path, articles: dict[tuple[str, str | None], Article], analyze: Callable[[Article], Analysis]
) -> EntityReport:
    """Score `analyze` on the gold articles; `articles` maps (source, record) to the article read."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = EntityReport()
    for item in gold["articles"]:
        article = articles.get((item["source"], item["record"]))
        if article is None:
            report.found.add(False, f"{item['source']}: article not read")
            continue
        analysis = analyze(article)
        people = [e for e in analysis.entities if e.kind == "person"]
        for expected in (e for e in item["entities"] if e["kind"] == "person"):
            where = f"{item['source']}: {expected['name']}"
            match = next((p for p in people if _same(expected["name"], [p.name, *p.aliases])), None)
            report.found.add(match is not None, where)
            report.country.add(
                match is not None and match.country == expected["country"],
                f"{where}: {match.country if match else None} != {expected['country']}",
            )
            if expected["roles"]:
                report.role.add(
                    match is not None and any(_same_role(r, match.roles) for r in expected["roles"]),
                    f"{where}: {match.roles if match else None} != {expected['roles']}",
                )
                for role in match.roles if match else []:
                    report.roles_right.add(_same_role(role, expected["roles"]), f"{where}: {role!r}")
            if expected["affiliations"]:
                report.affiliation.add(
                    match is not None and any(_same(a, match.affiliations) for a in expected["affiliations"]),
                    f"{where}: {match.affiliations if match else None} != {expected['affiliations']}",
                )
                for affiliation in match.affiliations if match else []:
                    right = _same(affiliation, expected["affiliations"])
                    report.affiliations_right.add(right, f"{where}: {affiliation!r}")
        for quote in item["quotes"]:
            if quote["speaker_mention"].lower() in _PRONOUNS and not quote["described"]:
                resolved = _pronoun_speaker(analysis, quote)
                report.pronouns.add(
                    resolved == quote["speaker"],
                    f"{item['source']}: {quote['speaker_mention']!r} -> {resolved} != {quote['speaker']}",
                )
    return report


def _same(name: str, candidates: list[str]) -> bool:
    wanted = comparable(name)
    return any(comparable(c) == wanted for c in candidates)


def _same_role(role: str, candidates: list[str]) -> bool:
    """The same title, or one a fuller form of the other ("spokesman" in "foreign ministry spokesman",
    "undersecretary for fisheries" in "Undersecretary for Fisheries and Aquaculture", "production
    minister" in "Minister of Production")."""
    wanted = comparable(role)
    for candidate in candidates:
        got = comparable(candidate)
        for a, b in ((wanted, got), (_portfolio_first(wanted), _portfolio_first(got))):
            if a in b or b in a:
                return True
    return False


def _portfolio_first(role: str) -> str:
    """ "production minister" as "minister of production", the form a ministry's own title takes, so that
    the two forms of one office compare equal ("water resources minister" is in "Minister of Water
    Resources and Meteorology")."""
    before, _, minister = role.rpartition(" ")
    return f"minister of {before}" if minister == "minister" and before else role


def comparable(text: str) -> str:
    """Lower case, single spaces, straight apostrophes and no leading "the": how gold names are compared."""
    return re.sub(r"^the\s+", "", " ".join(text.lower().replace("’", "'").split()))


def _pronoun_speaker(analysis: Analysis, quote: dict) -> str | None:
    """The entity the pronoun nearest to the quote resolves to."""
    text = analysis.article.text
    at = text.find(quote["text"])
    if at < 0:
        return None
    pronoun = re.compile(rf"\b{re.escape(quote['speaker_mention'])}\b", re.IGNORECASE)
    positions = [m.start() for m in pronoun.finditer(text)]
    if not positions:
        return None
    nearest = min(positions, key=lambda p: abs(p - at))
    for entity in analysis.entities:
        if any(s <= nearest < e for s, e in entity.mentions):
            return entity.name
    return None
