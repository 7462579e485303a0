"""User actor dictionaries: names coded to CAMEO actor codes, read from our CSV or from PETRARCH/TABARI
`.actors` and `.agents` files, consulted before the entity resolver when an event's parties are coded.
PETRARCH `.verbs` and discards files given the same way are read by `events.verbs`.

Our CSV has a header `name,code` ("Ministry of Finance,ARGGOV"). A PETRARCH actors file lists an actor
per entry: a name (words joined by `_`), its synonyms on `+` lines, and a code in brackets on the same
line or an indented one (`[GONGOV]`; of several dated codes the first is used). A name word without a
trailing `_` matches any word it begins (TABARI's stems: ARGENTIN matches Argentina and Argentine). An
agents file codes roles (`AMBASSADOR [~GOV]`): an agent word in a party's phrase adds its code to the
country an actor word gives ("Gondor's ambassador" is GONGOV).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.events.verbs import VerbDictionary, is_verbs_file, load_discards, load_verbs

_CODE = re.compile(r"\[\s*~?([A-Za-z0-9+\-]{2,})[^\]]*\]")
_COMMENT = re.compile(r"<!--.*?-->|#.*$")


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]
    """Upper-case words; one ending in `_` must match a whole word, others may start one."""
    code: str


@dataclass
class ActorDictionary:
    """Actor and agent patterns, longest first."""

    actors: list[Pattern] = field(default_factory=list)
    agents: list[Pattern] = field(default_factory=list)
    verbs: VerbDictionary = field(default_factory=VerbDictionary)
    """Verb patterns and discard phrases (`events.verbs`), asked before our own trigger lexicon."""

    def code(self, words: Sequence[str]) -> str | None:
        """The CAMEO actor code for a phrase's words: the longest actor pattern in them, with the code of
        an agent pattern in them appended; an agent alone gives only its own code."""
        actor, agent = self.parts(words)
        if actor and agent and not actor.endswith(agent):
            return actor + agent
        return actor or agent

    def parts(self, words: Sequence[str]) -> tuple[str | None, str | None]:
        """The codes of the longest actor pattern and the longest agent pattern in a phrase's words: an
        agent says what someone is ("GOV"), never which country they are of."""
        return _longest(self.actors, words), _longest(self.agents, words)

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents or self.verbs)


def load_actors(paths: Iterable[str | Path]) -> ActorDictionary:
    """Every dictionary file in `paths` merged; a bad line raises an InputError naming file and line."""
    dictionary = ActorDictionary()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError(str(path), f"cannot read the actor dictionary ({exc.strerror})") from None
        name = Path(path).name.lower()
        if name.endswith(".csv"):
            dictionary.actors.extend(_csv(str(path), text))
        elif "discard" in name:
            dictionary.verbs.discards.extend(load_discards(str(path), text))
        elif "verbs" in name or is_verbs_file(text):
            for form, entry in load_verbs(str(path), text).entries.items():
                dictionary.verbs.entries.setdefault(form, entry)
        elif "agents" in name:
            dictionary.agents.extend(_petrarch(str(path), text))
        else:
            dictionary.actors.extend(_petrarch(str(path), text))
    dictionary.actors.sort(key=lambda p: -len(p.words))
    dictionary.agents.sort(key=lambda p: -len(p.words))
    return dictionary


def _csv(path: str, text: str) -> list[Pattern]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"name", "code"} <= {f.strip().lower() for f in reader.fieldnames}:
        raise InputError(path, "an actor CSV needs a header with the columns name and code")
    patterns = []
    for number, row in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not row["name"] or not re.fullmatch(r"[A-Za-z0-9+\-]{3,}", row["code"]):
            reason = f"needs a name and a code of letters ({row['name']!r}, {row['code']!r})"
            raise InputError(path, reason, f"line {number}")
        patterns.append(Pattern(tuple(w.upper() + "_" for w in row["name"].split()), row["code"].upper()))
    return patterns


def _petrarch(path: str, text: str) -> list[Pattern]:
    """Entries of a PETRARCH/TABARI actors or agents file: a name, `+` synonyms, then a bracketed code."""
    patterns: list[Pattern] = []
    names: list[str] = []
    code: str | None = None

    def flush() -> None:
        if names and code:
            patterns.extend(Pattern(_words(n), code.upper()) for n in names)

    for raw in _COMMENT.sub("", re.sub(r"<!--.*?-->", "", text, flags=re.S)).splitlines():
        line = _COMMENT.sub("", raw).rstrip()
        if not line.strip() or line.lstrip().startswith("!"):
            continue
        found = _CODE.search(line)
        head = _CODE.sub("", line).replace("{}", "").strip()
        if line[0].isspace():
            code = code or (found.group(1) if found else None)
            continue
        if head.startswith("+"):
            names.append(head[1:].strip())
            code = code or (found.group(1) if found else None)
            continue
        flush()
        names, code = ([head] if head else []), (found.group(1) if found else None)
    flush()
    if not patterns:
        raise InputError(path, "no entries with a [CODE] found: not a PETRARCH actors or agents file")
    return [p for p in patterns if p.words]


def _words(name: str) -> tuple[str, ...]:
    words = [w for w in re.split(r"[_\s]+", name.strip().upper()) if w]
    exact = name.strip().endswith("_")
    return tuple(w + "_" if exact and i == len(words) - 1 else w for i, w in enumerate(words))


def _longest(patterns: list[Pattern], words: Sequence[str]) -> str | None:
    upper = [w.upper() for w in words]
    for pattern in patterns:
        size = len(pattern.words)
        for start in range(len(upper) - size + 1):
            if all(_matches(p, w) for p, w in zip(pattern.words, upper[start : start + size], strict=True)):
                return pattern.code
    return None


def _matches(pattern: str, word: str) -> bool:
    return word == pattern[:-1] if pattern.endswith("_") else word.startswith(pattern)
