"""User verb dictionaries: PETRARCH/TABARI `.verbs` files, consulted before our trigger lexicon.

A verbs file is a list of blocks, one per verb:

    --- BOYCOTT  [191] ---
    BOYCOTT {BOYCOTTS BOYCOTTED}      the verb, with irregular forms; `+` lines add synonyms
    - SAID *  [172]                   a pattern: words before and after the verb (`*`), with a code
    - * WORK  [181]

A verb codes to the code of its longest pattern that matches its sentence, else to the block's own code
(`[---]`: none). Pattern words must come in order before (after) the verb, anywhere in the sentence;
words joined by `_` must be next to each other, and to the verb when joined to `*`. A word matches a
word of the text, its lemma, or (four letters or more, not ending in `_`) the start of one, as TABARI's
stems do. `&NAME` stands for any member of a synset defined in the file (`&NAME` then `+MEMBER` lines);
the markers `+` (target), `$` (source), `%` (compound) and `^` (skip) are read as "any words", since the
parse, not the pattern, finds the parties. A code CAMEO lacks (a project's own, or the WEIS codes like
`[345]` that older dictionaries keep) is kept as given: the event carries it, typed by what it refines,
the code's CAMEO ancestor, the verb's own code in the file or our lexicon's entry (`events.triggers`).
A verb's regular forms (-s, -ed, -ing) share its entry unless the file lists them itself.

A discards file lists phrases whose sentence (or, after `+`, whose whole story) codes no events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.errors import InputError

_HEADER = re.compile(r"^---\s*(.+?)\s*---\s*$")
_CODE = re.compile(r"\[\s*([^\]]*?)\s*\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_MARKERS = {"+", "$", "%", "^"}
_MIN_STEM = 4

Slot = tuple[tuple[str, ...], ...]
"""The alternatives one pattern word allows, each a run of words (a synset member may have several)."""


@dataclass(frozen=True)
class Step:
    slot: Slot
    joined: bool
    """Whether this word must follow the previous one (or the verb) directly: `FAILED_TO_*`, `*_OUT`."""


@dataclass(frozen=True)
class VerbPattern:
    before: tuple[Step, ...]
    """Words before the verb, nearest first."""
    after: tuple[Step, ...]
    code: str
    compound: bool = False
    """The pattern has `%`: the verb's subject must be coordinated ("Peru and Chile agreed")."""

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass
class VerbEntry:
    code: str | None
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """Verb forms (upper case; several words for phrasal verbs) to their entries."""

    entries: dict[tuple[str, ...], VerbEntry] = field(default_factory=dict)
    discards: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)
    """Phrases (upper-case words) that stop coding their sentence, or, when True, the whole story."""

    def __bool__(self) -> bool:
        return bool(self.entries or self.discards)

    def code(self, verb: Token) -> tuple[str, tuple[int, ...], str | None] | None:
        """The code the dictionary gives this verb in its sentence, with the tokens of the verb's own words
        and the code of the verb's block (what a pattern's code refines); None when the dictionary has no
        entry for the verb or no code applies."""
        sentence = verb.sent
        words = list(sentence)
        at = verb.i - sentence.start
        for form, entry in self._entries_at(verb):
            best = max(
                (p for p in entry.patterns if _matches(p, verb, words, at - form[0], at + form[1])),
                key=lambda p: p.size,
                default=None,
            )
            code = best.code if best is not None else entry.code
            if code is not None:
                return code, tuple(range(verb.i - form[0], verb.i + form[1] + 1)), entry.code
        return None

    def discards_story(self, doc: Doc) -> bool:
        """Whether a story-level discard phrase (`+` in the file) is anywhere in the text."""
        words = [t.text.upper() for t in doc]
        return any(story and _contains(words, phrase) for phrase, story in self.discards)

    def discards_sentence(self, sentence: Span) -> bool:
        """Whether a sentence-level discard phrase is in the sentence."""
        words = [t.text.upper() for t in sentence]
        return any(not story and _contains(words, phrase) for phrase, story in self.discards)

    def _entries_at(self, verb: Token) -> list[tuple[tuple[int, int], VerbEntry]]:
        """Entries whose verb form covers this token: (words before it, words after it) in the form."""
        found = []
        sentence = verb.sent
        for size in (3, 2, 1):
            for offset in range(size):
                start = verb.i - offset
                if start < sentence.start or start + size > sentence.end:
                    continue
                tokens = verb.doc[start : start + size]
                for key in _keys(tokens):
                    entry = self.entries.get(key)
                    if entry is not None:
                        found.append(((offset, size - offset - 1), entry))
        return found


def load_verbs(path: str, text: str) -> VerbDictionary:
    """A PETRARCH/TABARI verbs file; a pattern line outside any verb block raises an InputError."""
    synsets: dict[str, list[tuple[str, ...]]] = {}
    raw_patterns: list[tuple[list[tuple[str, ...]], str, str]] = []
    dictionary = VerbDictionary()
    verbs: list[tuple[str, ...]] = []
    stems: list[tuple[tuple[str, ...], int]] = []
    block_code: str | None = None
    synset: str | None = None
    # comments may span lines: keep their line breaks so that errors name the right line
    lines = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S).splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            synset = None
            continue
        header = _HEADER.match(line)
        if header:
            codes = _CODE.findall(header.group(1))
            block_code = _code(codes[0]) if codes else None
            verbs, synset = [], None
            continue
        stripped = line.strip()
        if stripped.startswith("&"):
            synset = stripped.split()[0][1:].upper()
            synsets[synset] = []
            continue
        if synset is not None and stripped.startswith("+"):
            synsets[synset].append(tuple(w for w in re.split(r"[_\s]+", stripped[1:].upper()) if w))
            continue
        if stripped.startswith("-"):
            if not verbs:
                raise InputError(path, "a pattern line outside any verb block", f"line {number}")
            found = _CODE.search(stripped)
            code = _code(found.group(1)) if found else None
            if code is not None:
                raw_patterns.append((list(verbs), _CODE.sub("", stripped[1:]).strip(), code))
            continue
        form_line = _CODE.sub("", stripped)
        own = _CODE.search(stripped)
        code = _code(own.group(1)) if own else block_code
        for n, (form, inflected) in enumerate(_verb_forms(form_line)):
            entry = dictionary.entries.setdefault(form, VerbEntry(code))
            entry.code = entry.code or code
            verbs.append(form)
            if n == 0:
                stems.append((form, inflected))  # the verb itself; its {forms} are already inflected
    for forms, pattern_text, code in raw_patterns:
        pattern = _pattern(pattern_text, code, synsets)
        if pattern is None:
            continue
        for form in forms:
            dictionary.entries[form].patterns.append(pattern)
    if not dictionary.entries:
        raise InputError(path, "no verb blocks ('--- VERB [code] ---') found: not a PETRARCH verbs file")
    for form, inflected in stems:
        # regular forms share their verb's entry, patterns and all, unless the file lists them itself
        for word in _inflections(form[inflected]):
            dictionary.entries.setdefault((*form[:inflected], word, *form[inflected + 1 :]), dictionary.entries[form])
    return dictionary


def load_discards(path: str, text: str) -> list[tuple[tuple[str, ...], bool]]:
    """A PETRARCH discards file: one phrase per line, `+` before a phrase that discards the whole story."""
    discards = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        story = line.startswith("+")
        words = tuple(w for w in re.split(r"[_\s]+", line.lstrip("+").upper()) if w)
        if words:
            discards.append((words, story))
    if not discards:
        raise InputError(path, "no discard phrases found")
    return discards


def is_verbs_file(text: str) -> bool:
    """Whether a dictionary file is laid out as verb blocks."""
    return any(_HEADER.match(line.split("#", 1)[0].rstrip()) for line in text.splitlines()[:400])


def _code(raw: str) -> str | None:
    """The first code of a bracket ("013:012" is 013); None for "---", which codes nothing, and for marks
    that are no code ("+++")."""
    code = raw.split(":", 1)[0].strip()
    return code if code.isalnum() else None


def _verb_forms(line: str) -> list[tuple[tuple[str, ...], int]]:
    """A verb line's forms, each with the place of its inflected word: the verb (words joined by `_`, `+`
    marking the inflected one, else the first) and its irregular {forms}."""
    extra = _FORMS.search(line)
    main = _FORMS.sub("", line).strip()
    names = [main, *(extra.group(1).split() if extra else [])]
    forms = []
    for name in names:
        raw = [w for w in re.split(r"[_\s]+", name.upper()) if w.lstrip("+")]
        if raw:
            inflected = next((i for i, w in enumerate(raw) if w.startswith("+")), 0)
            forms.append((tuple(w.lstrip("+") for w in raw), inflected))
    return forms


def _inflections(verb: str) -> tuple[str, ...]:
    """The third person, past and -ing forms of a regular verb (REBUKE: REBUKES, REBUKED, REBUKING), which
    a verbs file leaves out; a form the file gives itself is read as the file's."""
    if len(verb) < 3 or not verb.isalpha():
        return ()
    consonant_y = verb.endswith("Y") and verb[-2] not in "AEIOU"
    if verb.endswith(("S", "X", "Z", "CH", "SH")):
        third = verb + "ES"
    else:
        third = verb[:-1] + "IES" if consonant_y else verb + "S"
    if verb.endswith("E"):
        past, ing = verb + "D", (verb[:-2] + "YING" if verb.endswith("IE") else verb[:-1] + "ING")
    else:
        past, ing = (verb[:-1] + "IED" if consonant_y else verb + "ED"), verb + "ING"
    if verb.endswith(("EE", "YE", "OE")):
        ing = verb + "ING"
    return third, past, ing


def _pattern(text: str, code: str, synsets: dict[str, list[tuple[str, ...]]]) -> VerbPattern | None:
    """A pattern's words before and after the verb; None for one without a `*`."""
    if "*" not in text:
        return None
    before_text, after_text = text.split("*", 1)
    before = _steps(before_text, synsets, toward_verb=True)
    after = _steps(after_text, synsets, toward_verb=False)
    compound = "%" in text
    if not before and not after and not compound:
        return None  # only markers of where the parties are ("+ * $"): the parse finds those
    return VerbPattern(tuple(reversed(before)), tuple(after), code, compound)


def _steps(text: str, synsets: dict[str, list[tuple[str, ...]]], *, toward_verb: bool) -> list[Step]:
    """Steps in text order; `joined` says a step must touch its neighbour on the verb's side.

    Words joined by `_` touch; a marker between them ("SUGGESTED_+ *": the target comes between) does
    not, and a `_` right before or after `*` joins the word to the verb ("FAILED_TO_*", "*_OUT").
    """
    steps: list[Step] = []
    chunks = text.split(" ")
    for c, chunk in enumerate(chunks):
        parts = chunk.split("_")
        touches_verb = (toward_verb and c == len(chunks) - 1 and text.endswith("_")) or (
            not toward_verb and c == 0 and text.startswith("_")
        )
        for w, word in enumerate(parts):
            if not word or word in _MARKERS:
                continue
            if toward_verb:
                neighbour = parts[w + 1] if w + 1 < len(parts) else None
                joined = (neighbour is not None and neighbour not in _MARKERS and neighbour != "") or (
                    w == len(parts) - 2 and parts[-1] == "" and touches_verb
                )
            else:
                neighbour = parts[w - 1] if w > 0 else None
                joined = (neighbour is not None and neighbour not in _MARKERS and neighbour != "") or (
                    w == 1 and parts[0] == "" and touches_verb
                )
            exact = w == len(parts) - 2 and parts[-1] == "" and not (toward_verb and touches_verb)
            slot = _slot(word, synsets)
            steps.append(Step(tuple((*a[:-1], a[-1] + "_") for a in slot) if exact else slot, joined))
    return steps


def _slot(word: str, synsets: dict[str, list[tuple[str, ...]]]) -> Slot:
    if word.startswith("&"):
        members: list[tuple[str, ...]] = []
        for member in synsets.get(word[1:].upper(), []):
            # a member may itself name a synset ("+&TIETYPES")
            members.extend(_slot(member[0], synsets) if member and member[0].startswith("&") else [member])
        return tuple(members)
    return ((word.upper(),),)


def _matches(pattern: VerbPattern, verb: Token, words: Sequence[Token], first: int, last: int) -> bool:
    """Whether the pattern's words are found before `first` and after `last` (sentence positions)."""
    if pattern.compound and not any(
        c.dep_.startswith("nsubj") and any(g.dep_ == "conj" for g in c.children) for c in verb.children
    ):
        return False
    return _found(pattern.before, words, first, -1) and _found(pattern.after, words, last, +1)


def _found(steps: tuple[Step, ...], words: Sequence[Token], start: int, direction: int) -> bool:
    """Each step's words in turn, moving away from the verb; a joined step must be right next to the last."""
    at = start
    for step in steps:
        hit = None
        position = at + direction
        while 0 <= position < len(words):
            end = _slot_at(step.slot, words, position, direction)
            if end is not None:
                hit = end
                break
            if step.joined:
                break
            position += direction
        if hit is None:
            return False
        at = hit
    return True


def _slot_at(slot: Slot, words: Sequence[Token], position: int, direction: int) -> int | None:
    """The far end of an alternative of the slot that starts at `position` (in the reading direction)."""
    for alternative in slot:
        run = alternative if direction > 0 else tuple(reversed(alternative))
        positions = [position + direction * k for k in range(len(run))]
        if all(0 <= p < len(words) and _word(run[k], words[p]) for k, p in enumerate(positions)):
            return positions[-1]
    return None


def _word(pattern: str, token: Token) -> bool:
    exact = pattern.endswith("_")
    wanted = pattern.rstrip("_")
    text, lemma = token.text.upper(), token.lemma_.upper()
    if wanted in (text, lemma):
        return True
    return not exact and len(wanted) >= _MIN_STEM and text.startswith(wanted)


def _keys(tokens: Span) -> list[tuple[str, ...]]:
    """The ways a run of tokens may be written in a verbs file: as written, or with each word's lemma."""
    texts = tuple(t.text.upper() for t in tokens)
    lemmas = tuple(t.lemma_.upper() for t in tokens)
    return list(dict.fromkeys([texts, lemmas]))


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))
