"""The same event, the same quote, reported by several articles of a story: merged into one instance.

GDELT counts reports; a reader wants happenings. Event mentions merge when they describe the same
happening: the same participants (by country where the coder knows it, "Peru" and "Peru's minister" both
stand for PER; by name otherwise), the same PLOVER type and CAMEO code (the code tells a boycott from a
rejection, a visit from a meeting), the same status (a plan and its fulfilment are two
instances, which the ledger links) and no conflicting date (an event dated after an article appeared is
not the one that article reported as done). A warning, an accusation, a request or a hypothetical is
something said: undated, it merges only with reports within a day of it, since it is said again and
again. Quote mentions merge when the same speaker is
given near-identical words: trimmed at either end, or with words cut out at an ellipsis.

Mentions from near-duplicate articles (reprints) join the instance of what they copy, but are left out of
every count: a wire story printed by ten sites is one report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Generic, Protocol, TypeVar

SYMMETRIC_TYPES = frozenset({"CONSULT"})
"""Types whose participants are interchangeable: "Peru met Chile" and "Chile met Peru" are one meeting."""
SYMMETRIC_CODES = frozenset({"057"})
"""CAMEO codes of acts two parties do together: "Chile signed with Peru" is Peru's signing too."""
DONE_STATUSES = frozenset({"asserted", "negated"})
"""Statuses of what has (or has not) happened by the time it is reported."""
NEWS_CYCLE_DAYS = 1
STATEMENT_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST"})
"""Types that are things said: a warning or an accusation is said again and again ("renewed its
threat"), so an undated one reported days after another is as likely a new one."""
QUOTE_MATCH = 0.8
"""Share of the shorter quote's words that must appear, in order, in the other."""
QUOTE_MIN_WORDS = 3


@dataclass(frozen=True)
class Report:
    """The article a mention comes from, as the story layer sees it."""

    article: str
    published: str | None
    source: str
    """The outlet, else the URL's host, else the article itself: what `num_sources` counts."""
    order: int
    """Storage order, the tie-break after the publication date."""
    duplicate: bool = False

    def sort_key(self) -> tuple[bool, str, int]:
        return (self.published is None, self.published or "", self.order)


class _Mention(Protocol):
    report: Report
    n: int


M = TypeVar("M", bound=_Mention)


@dataclass(frozen=True)
class EventMention:
    report: Report
    n: int
    type: str
    status: str
    cameo: str | None
    date: str | None
    actor: str | None
    actor_country: str | None
    recipient: str | None
    recipient_country: str | None
    trigger: str = ""
    clause: int | None = None
    reciprocal: bool = False
    """Half of a pair coded both ways from one clause ("Peru and Chile agreed")."""

    @property
    def day(self) -> str | None:
        """The date as evidence for merging: the coder dates an undated past event by its article's
        publication day, so a date equal to that day says nothing about which happening it was."""
        return self.date if self.date and self.date != self.report.published else None

    @property
    def symmetric(self) -> bool:
        return self.reciprocal or self.type in SYMMETRIC_TYPES or self.cameo in SYMMETRIC_CODES

    @property
    def participants(self) -> tuple[str | None, ...]:
        actor = _participant_key(self.actor_country, self.actor)
        recipient = _participant_key(self.recipient_country, self.recipient)
        if self.symmetric:
            return tuple(sorted((actor, recipient), key=lambda key: key or ""))
        return (actor, recipient)


class _Merged(Generic[M]):
    """What event and quote instances share: their mentions, those that count, and the first report."""

    mentions: list[M]

    @property
    def counted(self) -> list[M]:
        """The mentions outside near copies."""
        return [m for m in self.mentions if not m.report.duplicate]

    @property
    def first(self) -> M:
        return min(self.counted or self.mentions, key=lambda m: (m.report.sort_key(), m.n))


@dataclass
class EventInstance(_Merged[EventMention]):
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.mentions[0].type

    @property
    def status(self) -> str:
        return self.mentions[0].status

    @property
    def participants(self) -> tuple[str | None, ...]:
        return self.mentions[0].participants

    @property
    def date(self) -> str | None:
        return next((m.date for m in self.mentions if m.date), None)

    @property
    def cameo(self) -> str | None:
        codes = Counter(m.cameo for m in self.mentions if m.cameo)
        return codes.most_common(1)[0][0] if codes else None

    @property
    def num_mentions(self) -> int:
        """Distinct clauses that report it; the two directions of "Peru and Chile met" are one mention."""
        return len({(m.report.article, m.clause if m.clause is not None else -m.n - 1) for m in self.counted})

    @property
    def num_articles(self) -> int:
        return len({m.report.article for m in self.counted})

    @property
    def num_sources(self) -> int:
        return len({m.report.source for m in self.counted})


def merge_events(mentions: Iterable[EventMention]) -> list[EventInstance]:
    """Event mentions grouped into instances, in the order of each instance's first report.

    A mention joins an instance with exactly its participants if there is one; else one whose
    participants it fits where it names fewer ("accused Laos" with no actor found fits "Cambodia
    accused Laos") and that was reported within a day of it or dated to the same day: an
    under-specified report days later is as likely another happening of the same kind.
    """
    groups: dict[tuple, list[EventInstance]] = {}
    ordered: list[EventInstance] = []
    for mention in sorted(mentions, key=lambda m: (m.report.sort_key(), m.report.article, m.n)):
        group = groups.setdefault((mention.type, mention.cameo, mention.status), [])
        fitting = [i for i in group if _dates_agree(i, mention)]
        target = next(
            (
                i
                for i in fitting
                if i.participants == mention.participants and (not _said(mention) or _same_news_cycle(i, mention))
            ),
            None,
        )
        if target is None:
            target = next(
                (i for i in fitting if participants_fit(mention, i.mentions[0]) and _same_news_cycle(i, mention)),
                None,
            )
        if target is None:
            target = EventInstance()
            group.append(target)
            ordered.append(target)
        target.mentions.append(mention)
    return ordered


def _said(mention: EventMention) -> bool:
    """A statement or a hypothetical ("could extend the fees"): what someone said on a day, so the same
    words days later are another statement unless a date ties them."""
    return mention.type in STATEMENT_TYPES or mention.status == "hypothetical"


def _same_news_cycle(instance: EventInstance, mention: EventMention) -> bool:
    """Reported within a day of the instance, or dated to the same day (one report names the day the
    other appeared: "held talks on Monday" against Monday's report of the talks)."""
    day = day_number(mention.report.published)
    days = [day_number(m.report.published) for m in instance.mentions]
    if day is None or any(other is None or abs(other - day) <= NEWS_CYCLE_DAYS for other in days):
        return True
    dates = {m.date for m in instance.mentions if m.date}
    return mention.date is not None and mention.date in dates


def day_number(published: str | None) -> int | None:
    """An ISO date (or datetime) as a day count, for distances in days; None when missing or malformed."""
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None


def participants_fit(a: EventMention, b: EventMention) -> bool:
    """Same participants where both name one, and at least one named in both; sides are matched by role
    for directed events and as a pair for symmetric ones."""
    first, second = a.participants, b.participants
    if a.symmetric or b.symmetric:
        known_a, known_b = {k for k in first if k}, {k for k in second if k}
        return bool(known_a & known_b) and (known_a <= known_b or known_b <= known_a)
    pairs = [(x, y) for x, y in zip(first, second, strict=True) if x and y]
    return bool(pairs) and all(x == y for x, y in pairs)


def _dates_agree(instance: EventInstance, mention: EventMention) -> bool:
    """No two different dates; a plan for a day is not the plan reported after that day has passed; and
    what happened after an article appeared is not what that article reported as done."""
    known = next((m.day for m in instance.mentions if m.day), None)
    if known and mention.day:
        return known == mention.day
    day = known or mention.day
    reports = [m.report.published for m in instance.mentions] + [mention.report.published]
    if mention.status in DONE_STATUSES:
        return day is None or all(published is None or day <= published[:10] for published in reports)
    if mention.status == "future":
        return day is None or all(published is None or published[:10] <= day for published in reports)
    return True


def _participant_key(country: str | None, name: str | None) -> str | None:
    if country:
        return country
    return _fold(name) if name else None


@dataclass(frozen=True)
class QuoteMention:
    report: Report
    n: int
    text: str
    kind: str
    speaker: str | None
    described: bool = False


@dataclass
class QuoteInstance(_Merged[QuoteMention]):
    mentions: list[QuoteMention] = field(default_factory=list)

    @property
    def speaker(self) -> str | None:
        """The fullest form of the speaker's name among the mentions."""
        names = [m.speaker for m in self.mentions if m.speaker]
        return max(names, key=len) if names else None

    @property
    def text(self) -> str:
        """The longest version carried."""
        return max((m.text for m in self.mentions), key=len)

    @property
    def requoted(self) -> list[QuoteMention]:
        """Later articles (not reprints) that carried it again, one per article, in order."""
        first, seen, later = self.first, set(), []
        for mention in sorted(self.counted, key=lambda m: (m.report.sort_key(), m.n)):
            if mention.report.article != first.report.article and mention.report.article not in seen:
                seen.add(mention.report.article)
                later.append(mention)
        return later

    @property
    def num_articles(self) -> int:
        return len({m.report.article for m in self.counted})

    @property
    def num_sources(self) -> int:
        return len({m.report.source for m in self.counted})


def merge_quotes(mentions: Iterable[QuoteMention]) -> list[QuoteInstance]:
    """Quote mentions grouped into instances, in the order of each instance's first report.

    Two quotes of one article are never merged: an article that gives a speaker's words twice gives two
    statements (or a fragment of one quoted again inside a paraphrase), and provenance is across articles.
    Quotes are compared only within a speaker's surname (or a description), and only with the distinct
    wordings of an instance, so a statement carried by a thousand articles costs a handful of comparisons.
    """
    instances: list[QuoteInstance] = []
    by_speaker: dict[tuple[bool, str], list[_Wordings]] = {}
    for mention in sorted(mentions, key=lambda m: (m.report.sort_key(), m.report.article, m.n)):
        speaker = tuple(_words(mention.speaker or ""))
        if not speaker:
            instances.append(QuoteInstance([mention]))
            continue
        key = (mention.described, " ".join(speaker) if mention.described else speaker[-1])
        candidates = by_speaker.setdefault(key, [])
        words = tuple(_words(mention.text))
        target = next((c for c in candidates if c.accepts(mention, speaker, words)), None)
        if target is None:
            target = _Wordings(QuoteInstance())
            candidates.append(target)
            instances.append(target.instance)
        target.add(mention, speaker, words)
    return instances


@dataclass
class _Wordings:
    """An instance being built, with its articles and its distinct (speaker, words) forms."""

    instance: QuoteInstance
    articles: set[str] = field(default_factory=set)
    forms: set[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=set)

    def accepts(self, mention: QuoteMention, speaker: tuple[str, ...], words: tuple[str, ...]) -> bool:
        if mention.report.article in self.articles:
            return False
        return any(
            same_speaker(speaker, other, mention.described) and same_words(words, other_words)
            for other, other_words in self.forms
        )

    def add(self, mention: QuoteMention, speaker: tuple[str, ...], words: tuple[str, ...]) -> None:
        self.instance.mentions.append(mention)
        self.articles.add(mention.report.article)
        self.forms.add((speaker, words))


def same_speaker(first: Sequence[str], second: Sequence[str], described: bool = False) -> bool:
    """Speakers as folded words: one name is the other or its tail ("Villanueva", "Rosa Villanueva");
    descriptions ("a senior official") must be equal."""
    if not first or not second:
        return False
    if described:
        return tuple(first) == tuple(second)
    shorter, longer = sorted((tuple(first), tuple(second)), key=len)
    return longer[-len(shorter) :] == shorter


def same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Near-identical wording: most of the shorter quote's words appear in order in the longer one.

    An ellipsis only removes words, and trimming only cuts at the ends, so both keep the shorter
    version's words in order inside the longer one.
    """
    shorter, longer = sorted((tuple(a), tuple(b)), key=len)
    if len(shorter) < QUOTE_MIN_WORDS:
        return shorter == longer and bool(shorter)
    matcher = SequenceMatcher(None, shorter, longer, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(shorter) >= QUOTE_MATCH


_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
