"""newsgraph's rule layer over any statistical entity recogniser.

News text is regular where statistical NER trained on little data is weak: country, capital and
organisation names come from fixed lists, and people are introduced by their titles ("Foreign Minister
Ana Costa", "Dr. Rui Tanaka"). Two components apply that knowledge to a Doc after the model's `ner`:

* `newsgraph_gazetteer`: names from the gazetteers (countries and capitals as LOC, organisations as
  ORG, office holders as PER). A match replaces the model's entities only where it covers them, so
  "Bank of Brazil" stays one ORG rather than losing its "Brazil" to a LOC.
* `newsgraph_titles`: a run of capitalised names right after a role title or an honorific is a person,
  and so is one introduced by an apposition with a role or a speech verb, where the model found nothing.
* `newsgraph_places`: a name the model took for a person is a place where a word for a place says so
  ("the Nong Kham dam", "the town of Stung Treng", "Ben Tre and Tra Vinh provinces").
* `newsgraph_repeats`: a name the article has already labelled is the same thing where it comes again
  unlabelled, and a person's surname alone is that person ("Ana Costa ... Costa said"), even where the
  model took it for an organisation or place.

All components are registered in `register_components`, called when a pipeline is built, rather than by
import side effects. Their annotations are real types, not strings (no `from __future__ import
annotations`): spaCy builds a component from its constructor's signature through confection, whose 0.1
line (the one the pinned spaCy installs) cannot resolve an annotation written as a string.
"""

import functools
import re
from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsgraph.gazetteer.cities import city_country
from newsgraph.gazetteer.countries import country_terms
from newsgraph.gazetteer.given_names import given_name_gender
from newsgraph.gazetteer.leaders import offices
from newsgraph.gazetteer.organisations import COMPANY_ENDINGS, find_organisation, organisations
from newsgraph.gazetteer.places import all_places, country_for_place
from newsgraph.gazetteer.roles import TITLE_ABBREVIATIONS, find_role, names_people, role_patterns
from newsgraph.nlp.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAYS

GAZETTEER = "newsgraph_gazetteer"
ORGANISATIONS = "newsgraph_organisations"
TITLES = "newsgraph_titles"
PLACES = "newsgraph_places"
REPEATS = "newsgraph_repeats"
RULE_COMPONENTS = (GAZETTEER, ORGANISATIONS, TITLES, PLACES, REPEATS)
"""The rule layer's components, in pipeline order."""
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "madam"}
_MAX_TITLE_TOKENS = 5
_MAX_BODY_TOKENS = 10
_ROLE_PREPOSITIONS = {"for", "of", "at", "with", "from"}
_BODY_LINKS = {"of", "for", "and", "the", "'s", "’s"}
"""A body's name between a title and the name it introduces: capitalised words and these."""
_GENERIC_TITLES = {"leader"}
"""Roles that also describe companies and countries ("market leader Apple", "Toyota, the industry
leader"): they give a person a role but never make a name a person."""
# Head words of the names of organisations.
BODY_WORDS = {
    "ministry",
    "ministries",
    "department",
    "university",
    "institute",
    "council",
    "commission",
    "committee",
    "agency",
    "bank",
    "party",
    "union",
    "association",
    "federation",
    "organisation",
    "organization",
    "corporation",
    "company",
    "court",
    "parliament",
    "assembly",
    "army",
    "navy",
    "forces",
    "police",
    "foundation",
    "fund",
    "programme",
    "program",
    "authority",
    "office",
    "centre",
    "center",
    "school",
    "college",
    "coalition",
    "front",
    "movement",
    "alliance",
    "board",
    "service",
    "secretariat",
    "tribunal",
    "observatory",
    "society",
    "league",
    "network",
    "group",
    "cooperative",
    "confederation",
    "guard",
    *("brigade", "brigades", "battalion", "regiment", "squadron", "division", "corps", "command"),
}
_LEADING_WORDS = {"the", "a", "an", "her", "his", "its", "their", "our", "this", "that"}
_NAME_LINKS = {"of", "for", "and", "de", "the"}
SPEECH_VERBS = {"said", "says", "told", "tells", "added", "adds", "warned", "argued", "explained", "insisted"}
# Words that make a capitalised run a body or a title rather than a person ("The Foreign Ministry said").
_NOT_IN_NAMES = {
    "the",
    "a",
    "an",
    "ministry",
    "government",
    "office",
    "department",
    "council",
    "commission",
    "committee",
    "university",
    "institute",
    "agency",
    "union",
    "party",
    "bank",
    "court",
    "forces",
    "army",
    "police",
    "association",
    "federation",
    "organisation",
    "organization",
    "company",
    "group",
    "centre",
    "center",
    "embassy",
    "parliament",
    "congress",
    "senate",
    "house",
    "times",
    "post",
    "news",
    "daily",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "minister",
    "president",
}


def register_components() -> None:
    """Register newsgraph's spaCy factories once (spaCy refuses a second, different registration)."""
    if not Language.has_factory(GAZETTEER):
        Language.factory(GAZETTEER, assigns=["doc.ents"])(GazetteerEntities)
    if not Language.has_factory(ORGANISATIONS):
        Language.factory(ORGANISATIONS, assigns=["doc.ents"])(NamedBodies)
    if not Language.has_factory(TITLES):
        Language.factory(TITLES, assigns=["doc.ents"])(TitledPeople)
    if not Language.has_factory(PLACES):
        Language.factory(PLACES, assigns=["doc.ents"])(PlacesByTheirNouns)
    if not Language.has_factory(REPEATS):
        Language.factory(REPEATS, assigns=["doc.ents"])(RepeatedNames)


def add_rule_components(nlp: Language) -> None:
    """Add the rule layer after the model's entity recogniser (or at the end when it has none)."""
    register_components()
    where = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    if GAZETTEER not in nlp.pipe_names:
        nlp.add_pipe(GAZETTEER, **where)
    if ORGANISATIONS not in nlp.pipe_names:
        nlp.add_pipe(ORGANISATIONS, after=GAZETTEER)
    if TITLES not in nlp.pipe_names:
        nlp.add_pipe(TITLES, after=ORGANISATIONS)
    if PLACES not in nlp.pipe_names:
        nlp.add_pipe(PLACES, after=TITLES)
    if REPEATS not in nlp.pipe_names:
        nlp.add_pipe(REPEATS, after=PLACES)


@functools.cache
def gazetteer_names() -> tuple[tuple[str, str], ...]:
    """(surface form, label) for every gazetteer name the ruler matches."""
    names: dict[str, str] = {}
    for term in country_terms():
        if term.kind in ("name", "alias", "capital"):
            names.setdefault(term.text, "LOC")
    for place in all_places():
        if place.kind != "state" or "." not in place.name:  # "Ill." is an abbreviation, not a name to match
            names.setdefault(place.name, "LOC")
    for organisation in organisations():
        for name in (organisation.name, *organisation.aliases):
            names[name] = "ORG"
    for office in offices():
        for name in (office.name, *office.aliases):
            names.setdefault(name, "PER")
    return tuple(sorted(names.items()))


class GazetteerEntities:
    """Entities for names the gazetteers know, merged with the model's without breaking longer names."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_label: dict[str, list[Doc]] = {}
        for text, label in gazetteer_names():
            by_label.setdefault(label, []).append(nlp.make_doc(text))
        for label, docs in by_label.items():
            self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=label) for label, start, end in self.matcher(doc, as_spans=False)]
        model = [e for e in (_without_when(doc, e) for e in (_trimmed(doc, e) for e in doc.ents) if e) if e is not None]
        model = [_as_thing(_after_party(e, found)) for e in model if not _people_noun(e)]
        doc.ents = merge_entities(model, filter_spans(found))
        return doc


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


class NamedBodies:
    """ORG for capitalised names headed by a word that names a body: "Ministry of Foreign Affairs",
    "Institute for Security Studies", "Keio University", "Democratic Union", "3rd Battalion"; and for
    the initials in brackets after a body's name ("Trades Union Congress (TUC)"). Such a span replaces the
    model's entities inside it ("Keio" as a person) but never cuts one that reaches beyond it."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        bodies = []
        start = 0
        while start < len(doc):
            end = start
            while end < len(doc) and (_is_name_word(doc[end].text) or (end > start and _links_to_name(doc, end))):
                end += 1
            first = start + 1 if doc[start].lower_ in _LEADING_WORDS else start
            if first > 0 and _ORDINAL.fullmatch(doc[first - 1].text):
                first -= 1  # "the 82nd Airborne Division"
            if end - first >= 2 and any(doc[i].lower_ in BODY_WORDS for i in range(first, end)):
                bodies.append(Span(doc, first, end, label="ORG"))
            else:
                bodies += _companies(doc, first, end)
            start = max(end, start + 1)
        entities = merge_entities(merge_entities(_split_at_of(doc.ents, bodies), bodies), _named_after_their_kind(doc))
        entities = [_employer(doc, e) for e in entities]
        doc.ents = merge_entities(entities, _bracketed_acronyms(doc, entities))
        return doc


def _split_at_of(entities: Iterable[Span], bodies: list[Span]) -> list[Span]:
    """ "[Kazuhiro Takahashi of Daiwa Securities]" as one person: a person the model ran on over "of" into
    a body's name ends before the "of"."""
    ends = {(b.start, b.end) for b in bodies}
    kept = []
    for entity in entities:
        cut = next((t.i for t in entity if t.lower_ == "of" and (t.i + 1, entity.end) in ends), None)
        if entity.label_ == "PER" and cut is not None and cut - entity.start >= 1:
            kept.append(Span(entity.doc, entity.start, cut, label="PER"))
        else:
            kept.append(entity)
    return kept


def _companies(doc: Doc, start: int, end: int) -> list[Span]:
    """The companies named in the capitalised run [start, end) by a word of `COMPANY_ENDINGS`: the unbroken
    capitalised words around it, without a sentence's opening preposition or article; unlike a body of
    `BODY_WORDS` never a run on over "of" or "and" ("Nick Bubb of [Evolution Securities]", "[Fiat] and
    [General Motors]")."""
    found: list[Span] = []
    i = start
    while i < end:
        if doc[i].lower_ not in COMPANY_ENDINGS or i == start:
            i += 1
            continue
        first, last = i, i + 1
        while first > start and _is_name_word(doc[first - 1].text) and doc[first - 1].lower_ not in _NAME_LINKS:
            first -= 1
        while first < i and doc[first].pos_ in ("ADP", "DET", "ADV", "SCONJ"):
            first += 1  # "At the Consumer Electronics Show", "After Delta Airlines ..."
        while last < end and _is_name_word(doc[last].text) and doc[last].lower_ not in _NAME_LINKS:
            last += 1
        if last - first >= 2:
            found.append(Span(doc, first, last, label="ORG"))
        i = last
    return found


KINDS_OF_BODY = frozenset(
    {
        *("firm", "company", "group", "network", "bank", "agency", "retailer", "operator", "carrier"),
        *("airline", "broadcaster", "label", "studio", "chain", "website", "charity", "band", "insurer"),
        *("lender", "supermarket", "manufacturer", "newspaper", "magazine", "channel", "consultancy"),
        *("startup", "brewer", "carmaker", "automaker", "watchdog"),
    }
)
"""Common nouns for a kind of body that news puts right before the body's name: "ticketing firm
[Cantora]", "payments network [Pagora]", "record label [Tinta Roja]"; not those that are also people's jobs
("publisher", "games maker", "developer")."""


def _name_part(doc: Doc, start: int, i: int) -> bool:
    """Whether token `i` goes on a body's name begun at `start`: a capitalised word, "&" between two
    ("Lopes & Ruiz"), or a number after one ("Rail 2030")."""
    word = doc[i].text
    if _is_name_word(word):
        return True
    if i > start and word == "&":
        return i + 1 < len(doc) and _is_name_word(doc[i + 1].text)
    return i > start and word.isdigit() and _is_name_word(doc[i - 1].text)


def _employer(doc: Doc, entity: Span) -> Span:
    """ "said [Lima Insight] analyst Rui Matos": a name of two words or more the model called a person,
    right before a lower-case role and another name, is the body that person works for; not a person
    named by a given name ("George Ruiz spokesman ..." keeps its person)."""
    if entity.label_ != "PER" or len(entity) < 2 or entity.end + 1 >= len(doc):
        return entity
    role, name = doc[entity.end], doc[entity.end + 1]
    if not role.text.islower() or find_role(role.text) is None or not _is_name_word(name.text):
        return entity
    if _given_name_word(entity[0]):
        return entity
    return Span(doc, entity.start, entity.end, label="ORG")


def _given_name_word(token: Token) -> bool:
    """A given name, or a hyphenated one with a given name in it ("Ana-Maria", "Jeanne-Marie")."""
    return any(given_name_gender(part) is not None for part in token.text.split("-"))


def _named_after_their_kind(doc: Doc) -> list[Span]:
    """ORG for a name right after a lower-case noun for a kind of body, however the model labelled it (a
    person, often, when the name is unknown); not a person's name that opens a relative clause ("the firm
    [Ana Lopes] founded") or starts with a given name."""
    found = []
    for kind in doc[:-1]:
        if kind.lower_ not in KINDS_OF_BODY or not kind.text.islower() or kind.pos_ != "NOUN":
            continue
        start = end = kind.i + 1
        if start >= len(doc) or doc[start].pos_ != "PROPN":
            continue
        while end < len(doc) and end - start < 4 and _name_part(doc, start, end):
            end += 1
        first = doc[start]
        hyphenated = end < len(doc) and doc[end].text == "-"  # a name the tokenizer cut: "Jeanne - Marie"
        if end == start or _given_name_word(first) or hyphenated or first.lower_ in HONORIFICS:
            continue  # "the firm [Ana Lopes] founded", "the studio [Mr Reyes] set up", "[Ana-Maria Ruiz]"
        acting = any(
            doc[k].dep_.startswith("nsubj") and doc[k].head.dep_ in ("relcl", "acl:relcl", "acl")
            for k in range(start, end)
        )
        if not acting:
            found.append(Span(doc, start, end, label="ORG"))
    return found


def _bracketed_acronyms(doc: Doc, entities: list[Span]) -> list[Span]:
    """ "the Office of Foreign Assets Control (OFAC)": capitals in brackets right after a body or place
    name that one, so `newsgraph_repeats` finds "OFAC said" later too."""
    found = []
    for entity in entities:
        i = entity.end
        if entity.label_ in ("ORG", "LOC") and i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            word = doc[i + 1].text
            if 2 <= len(word) <= 10 and word.isupper() and word.replace("-", "").replace("&", "").isalnum():
                found.append(Span(doc, i + 1, i + 2, label=entity.label_))
    return found


GIVEN_NAME_TITLES = frozenset({"dean", "earl"})
"""Role words that are also common given names: capitalised before one surname they are a first name
("Dean Kiely", "Earl Barrett"), not a title ("the Dean", "dean Alicia Ruiz")."""


class TitledPeople:
    """PER for people news introduces by their title or their words.

    * the name run after a role title or an honorific: "Foreign Minister Ana Costa", "Dr. Fatou Cissé";
      this overrides the model where its entity swallowed the title; a title that opens the run at a
      sentence's start is left out of it ("Fisherman Otieno Ouma said");
    * a name run of two or more words after a title and a comma, alone or with the body it serves:
      "Vietnam's deputy foreign minister, Nguyen Thi Lan Huong", "A spokesperson for Nigeria's
      Ministry of Foreign Affairs, Chinedu Okafor"; this overrides the model too;
    * a name run of two or more words followed by an apposition with a role ("Ignacio Ferrer, a professor
      of law"): this also corrects the model's ORG or LOC for the same words, unless a gazetteer knows them;
    * a name run of two or more words next to a speech verb ("Carolina Fuentes said", "said Emeka Nwosu"):
      organisations speak too, so this only fills gaps and never replaces an entity.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.titles = {
            tuple(pattern.split()) for pattern in role_patterns() if pattern and pattern not in _GENERIC_TITLES
        }
        self.titles |= {(h,) for h in HONORIFICS}

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        titled, described, spoken = [], [], []
        start = 0
        while start < len(doc):
            if not _is_name_word(doc[start].text):
                start += 1
                continue
            end = start
            while end < len(doc) and _is_name_word(doc[end].text):
                end += 1 + _name_particle(doc, end + 1)
            start += self._title_opening(doc, start, end, entities)
            opening = start
            while start < end - 1 and (doc[start].pos_ in _JOINERS or _opening_word(doc[start])):
                start += 1  # "As Costa said", "Entering Westminster, he": capitalised at a sentence's start
            party = next((e for e in entities if start <= e.start and e.end <= end - 2 and _is_party(e)), None)
            if party is not None:
                start = party.end  # "(Fellow) Tory Graham Brady said": the party is no part of the name
            span = Span(doc, start, end, label="PER")
            plain = (
                end - start >= 2
                and (opening == 0 or not _is_name_word(doc[opening - 1].text))
                and not any(doc[i].lower_ in _NOT_IN_NAMES for i in range(start, end))
            )
            body = doc[end - 1].lower_ in BODY_WORDS  # "Premier League", read as a title and a name
            titled_here = self._titled(doc, start) and not body and not _title_in_a_known_name(doc, start, end)
            if titled_here or (plain and not _known_name(span.text) and self._titled_apart(doc, start)):
                # A model entity that runs from before the title's end into the name ("Brazilian Foreign
                # Minister Ana Costa" as one ORG), or on past it into words that are no name ("... Bashar
                # al-Assad met"), gives way to the name, keeping a body that opens it ("UN
                # Secretary-General Kofi Annan": UN).
                entities = [
                    kept
                    for e in entities
                    for kept in ([_body_before_title(doc, e, start)] if _runs_through(doc, e, start, end) else [e])
                    if kept is not None
                ]
                titled.append(span)
            elif plain and self._described(doc, end):
                if not _known_name(span.text):
                    entities = [e for e in entities if not (e.start == start and e.end == end)]
                described.append(span)
            elif plain and _speaks(doc, start, end):
                spoken.append(span)
            elif plain and _given_named(doc, start, end) and not _known_name(span.text):
                # "Imelda Staunton was nominated": a given name and a surname; the model's place or
                # miscellany for the same words gives way, not its organisation ("John Lewis"). The
                # given name may be the second half of a hyphenated one ("Sven-Goran Eriksson").
                first = start - 2 if _name_hyphenated_before(doc, start) else start
                entities = [e for e in entities if not (first <= e.start and e.end <= end and e.label_ in _YIELDING)]
                spoken.append(Span(doc, first, end, label="PER"))
            else:
                start += 1
                continue
            start = end
        entities = merge_entities(entities, titled)
        free = [s for s in [*described, *spoken] if not any(e.start < s.end and s.start < e.end for e in entities)]
        found = [_without_title(doc, e) for e in sorted([*entities, *free], key=lambda e: e.start)]
        doc.ents = [_whole_name(doc, e, found) for e in found if not _no_one_by_name(e)]
        return doc

    def _titled(self, doc: Doc, start: int) -> bool:
        """Whether a role title or an honorific ends right before token `start`; not a title that is also
        a given name, capitalised and alone before a surname ("goalkeeper Dean Kiely")."""
        words = [token.lower_ for token in doc[max(0, start - _MAX_TITLE_TOKENS) : start]]
        if start > 0 and doc[start - 1].lower_ in GIVEN_NAME_TITLES:
            before = doc[start - 2] if start > 1 else None
            if doc[start - 1].text[:1].isupper() and (before is None or before.lower_ not in ("the", "a", "an")):
                return False
        return any(tuple(words[-size:]) in self.titles for size in range(1, len(words) + 1))

    def _titled_apart(self, doc: Doc, start: int) -> bool:
        """Whether a title introduces the name from before a comma: "Vietnam's deputy foreign minister,
        Nguyen Thi Lan Huong," or, with the body it serves, "A spokesperson for Nigeria's Ministry of
        Foreign Affairs, Chinedu Okafor,"."""
        if start < 2 or doc[start - 1].text != ",":
            return False
        if self._titled(doc, start - 1):
            return True
        for i in range(start - 2, max(0, start - 2 - _MAX_BODY_TOKENS), -1):
            token = doc[i]
            if token.lower_ in _ROLE_PREPOSITIONS and i < start - 2 and self._titled(doc, i):
                return True
            if not (token.text[:1].isupper() or token.lower_ in _BODY_LINKS):
                return False
        return False

    def _title_opening(self, doc: Doc, start: int, end: int, entities: list[Span]) -> int:
        """How many words of a capitalised title open the name run [start, end) ("Fisherman Otieno
        Ouma", "Minister Sok Chanthy" at a sentence's start). At least two name words must remain, and
        where the model took the run for an organisation or place ("General Motors"), the name after
        the title must open with a given name ("Defence Secretary Harold Mbeki")."""
        words = tuple(token.lower_ for token in doc[start : max(start, end - 2)])
        size = next(
            (size for size in range(min(len(words), _MAX_TITLE_TOKENS), 0, -1) if words[:size] in self.titles), 0
        )
        if size and any(e.label_ != "PER" and e.start < end and start < e.end for e in entities):
            return size if given_name_gender(doc[start + size].text) is not None else 0
        return size

    def _described(self, doc: Doc, end: int) -> bool:
        """An apposition with a role follows: ", a senior fellow", ", Cambodia's water resources minister"."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        words = []
        for token in doc[end + 1 : end + 2 + 2 * _MAX_TITLE_TOKENS]:
            if token.text == "," or token.pos_ in ("VERB", "AUX", "PRON"):
                break  # "Visiting Quito, she met the trade minister ...": a clause, no apposition
            words.append(token.lower_)
        return any(
            tuple(words[offset : offset + size]) in self.titles
            for offset in range(len(words))
            for size in range(1, _MAX_TITLE_TOKENS + 1)
        )


class PlacesByTheirNouns:
    """LOC for names that words for places show to be places:

    * a name the model called a person where a word for a place goes with it, and wherever else the
      Doc has that name as a person: the noun right after it ("the Nong Kham dam", "Tra Vinh
      provinces", and over a coordination, "Ben Tre and Tra Vinh provinces") or the "X of" right before
      it ("the Cambodian town of Stung Treng", "the port of Ilo");
    * a name of two words or more, taken for a person or a body, that ends with such a word ("Mosul
      Dam", "Samarra Barrage") or opens with a sea's, a lake's or a mountain's ("Bay of Bengal"), and a
      place whose name begins before it that way ("Gulf of" + "Oman");
    * a name no entity holds, after "in", "near" or the like, or listed with such a place ("near
      Tikrit, Ramadi and Kirkuk"), that is a town of 15,000 people or more in one country
      (`gazetteer.cities`): the words around it say it is a place, the table which one.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        entities = [_as_place(doc, e) for e in doc.ents]
        places = {e.text for e in entities if e.label_ == "PER" and self._placed(doc, e, entities)}
        if places:
            entities = [
                Span(doc, e.start, e.end, label="LOC") if e.label_ == "PER" and e.text in places else e
                for e in entities
            ]
        doc.ents = merge_entities(entities, _towns_after_prepositions(doc, entities))
        return doc

    @staticmethod
    def _placed(doc: Doc, entity: Span, entities: list[Span]) -> bool:
        before = doc[entity.start - 2 : entity.start] if entity.start >= 2 else None
        if before is not None and before[1].lower_ == "of" and before[0].lower_ in PLACE_NOUNS:
            return True
        end = entity.end
        while end + 1 < len(doc) and doc[end].lower_ == "and":
            following = next((e for e in entities if e.start == end + 1), None)
            if following is None:
                break
            end = following.end
        return end < len(doc) and doc[end].lower_ in PLACE_NOUNS


_PLACE_ENDINGS = frozenset(
    {
        *("dam", "barrage", "reservoir", "river", "province", "district", "governorate", "valley", "canal"),
        *("airfield", "airbase", "basin", "delta", "peninsula", "desert", "plateau", "mountains", "gulf"),
    }
)
"""Last words that make a capitalised name a place ("Mosul Dam", "Rift Valley", "Sinai Peninsula");
narrower than `PLACE_NOUNS`, which follow a name, because "City", "Lake", "Port" and "State" also end
the names of clubs and people ("Manchester City", "Ricki Lake")."""
_PLACE_OPENINGS = frozenset({"gulf", "bay", "sea", "strait", "straits", "isle", "lake", "mount", "cape"})
"""First words of places named "X of Y" ("Gulf of Oman", "Isle of Man", "Strait of Hormuz")."""
_LOCATIVES = frozenset({"in", "near", "outside", "around", "across"})
"""Not "to" or "from": "lost to Wigan", "signed from Bolton" name clubs."""


def _as_place(doc: Doc, entity: Span) -> Span:
    """The entity as a place where its own words say it is one (see `PlacesByTheirNouns`)."""
    start = entity.start
    if (
        start >= 2
        and entity.label_ == "LOC"
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in _PLACE_OPENINGS
        and doc[start - 2].text[:1].isupper()
        and not doc[start - 2].ent_type_
    ):
        return Span(doc, start - 2, entity.end, label="LOC")  # "Gulf of" + "Oman"
    if entity.label_ not in ("PER", "ORG") or len(entity) < 2 or not entity[-1].text[:1].isupper():
        return entity
    if entity.label_ == "PER" and given_name_gender(entity[0].text) is not None:
        return entity  # "Jordan River" may be a river, "Ann Lake" is a woman
    opens = entity[0].lower_ in _PLACE_OPENINGS and entity[1].lower_ == "of"
    return Span(doc, entity.start, entity.end, label="LOC") if opens or entity[-1].lower_ in _PLACE_ENDINGS else entity


def _towns_after_prepositions(doc: Doc, entities: list[Span]) -> list[Span]:
    """Unlabelled town names after a locative preposition or in a list after one (see
    `PlacesByTheirNouns`); one or two name words, the second joined to the first."""
    taken = {i for e in entities for i in range(e.start, e.end)}
    towns: list[Span] = []
    i = 0
    while i < len(doc):
        if doc[i].lower_ not in _LOCATIVES:
            i += 1
            continue
        i += 1
        while i < len(doc):
            listed = next((e for e in entities if e.start == i), None)
            if listed is not None:
                i = listed.end
            else:
                size = 2 if i + 1 < len(doc) and _is_name_word(doc[i + 1].text) and doc[i].whitespace_ else 1
                if not all(_is_name_word(t.text) and t.i not in taken for t in doc[i : i + size]):
                    break
                if doc[i].pos_ == "PROPN" and city_country(doc[i : i + size].text) is not None:
                    towns.append(Span(doc, i, i + size, label="LOC"))
                i += size
            if i < len(doc) and doc[i].text == ",":
                i += 1
                if i < len(doc) and doc[i].lower_ in ("and", "or"):
                    i += 1
            elif i < len(doc) and doc[i].lower_ in ("and", "or"):
                i += 1
            else:
                break
    return towns


class RepeatedNames:
    """One label for one name across the Doc: the model decides each mention from a few words around it,
    so it finds "Ana Costa" in one sentence and misses, or calls an organisation, the "Costa" of the
    next. Runs last, over the entities of the model and the other rules.

    * a name labelled somewhere (by most of its labelled mentions) gets that label where it recurs with
      no entity, when it starts with a capital and, alone at a sentence's start, is a proper noun;
    * the last word of a person's name of two or more words, alone and capitalised, is that person,
      also where the model labelled the word alone an organisation or place, unless a gazetteer knows it
      as one ("Washington");
    * the first word of such a name, alone before or after a verb of saying and nobody else's name, is
      that person ("Anucha said").
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        entities = [e for e in doc.ents if e.label_ in _REPEATED_LABELS]
        if not entities:
            return doc
        votes: dict[tuple[str, ...], Counter[str]] = {}
        for entity in entities:
            if entity[0].is_alpha and entity[-1].is_alpha:  # not "Wei 's" or a span with punctuation at its edge
                votes.setdefault(tuple(t.text for t in entity), Counter())[entity.label_] += 1
        if not votes:
            return doc
        labels = {words: counts.most_common(1)[0][0] for words, counts in votes.items()}
        surnames = {surname for e in entities if e.label_ == "PER" and (surname := _surname(e)) is not None}
        surnames = {s for s in surnames if not _known_name("".join(s))}
        for surname in surnames:
            labels[surname] = "PER"
        surname_texts = {"".join(words) for words in surnames}
        speaking = _first_names(entities, surnames)
        kept = [e for e in doc.ents if not (tuple(t.text for t in e) in surnames and e.label_ != "PER")]
        taken = {i for e in kept for i in range(e.start, e.end)}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted(labels, key=len, reverse=True):
            by_first.setdefault(words[0], []).append(words)
        texts = [token.text for token in doc]
        found = []
        i = 0
        while i < len(texts):
            match = None
            for words in by_first.get(texts[i], ()):
                end = i + len(words)
                if (
                    tuple(texts[i:end]) == words
                    and not taken.intersection(range(i, end))
                    and self._may_be_name(doc, i, len(words), surname="".join(words) in surname_texts)
                ):
                    match = words
                    break
            if (
                match is None
                and (texts[i],) in speaking
                and i not in taken
                and _speaks(doc, i, i + 1)
                and self._may_be_name(doc, i, 1, surname=True)
            ):
                match = (texts[i],)
                labels[match] = "PER"
            if match is not None:
                found.append(Span(doc, i, i + len(match), label=labels[match]))
                i += len(match)
            else:
                i += 1
        if found or len(kept) != len(doc.ents):
            doc.ents = sorted([*kept, *found], key=lambda e: e.start)
        return doc

    @staticmethod
    def _may_be_name(doc: Doc, start: int, size: int, surname: bool) -> bool:
        """Whether the words at `start` can be the name: capitalised, not part of a longer capitalised run,
        and, one word alone at a sentence's start, a proper noun or a person's surname."""
        first = doc[start]
        if not first.text[:1].isupper() or (
            start > 0 and _is_name_word(doc[start - 1].text) and not _opens(doc, start - 1)
        ):
            return False  # a word inside a longer capitalised run is part of another name
        end = start + size
        if end < len(doc) and _is_name_word(doc[end].text):
            return False
        return size > 1 or surname or not first.is_sent_start or first.pos_ == "PROPN"


def _first_names(entities: list[Span], surnames: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """First names of the people named in full that no other person shares and that are nobody's
    surname: "Anucha said" after "Anucha Rattanakorn" (some naming customs, and informal copy, give a
    person by the first name)."""
    firsts: Counter[tuple[str, ...]] = Counter()
    for entity in {e.text: e for e in entities if e.label_ == "PER" and len(e) >= 2}.values():
        if _is_name_word(entity[0].text) and entity[0].lower_ not in HONORIFICS:
            firsts[(entity[0].text,)] += 1
    return {name for name, count in firsts.items() if count == 1 and name not in surnames and not _known_name(name[0])}


def _surname(person: Span) -> tuple[str, ...] | None:
    """The tokens of the last word of a name of two words or more ("Costa"; "Asante", "-", "Mensah")."""
    start = person.end - 1
    while start > person.start and person.doc[start - 1].whitespace_ == "":
        start -= 1
    words = person.doc[start : person.end]
    if start == person.start or not _is_name_word(words[0].text) or not _is_name_word(words[-1].text):
        return None
    return tuple(t.text for t in words)


def _opens(doc: Doc, i: int) -> bool:
    """Whether token `i` opens a sentence, so that its capital says nothing ("Later Okonjo left")."""
    return i == 0 or bool(doc[i].is_sent_start) or doc[i - 1].text in _SENTENCE_ENDS


def _runs_through(doc: Doc, entity: Span, start: int, end: int) -> bool:
    """Whether a model entity begins before the name [start, end) and ends inside it or runs on past it
    over words that are not names."""
    if not entity.start < start < entity.end:
        return False
    return entity.end <= end or not any(_is_name_word(token.text) for token in doc[end : entity.end])


def _body_before_title(doc: Doc, entity: Span, name_start: int) -> Span | None:
    """The organisation or country that opens an entity running on through a title into a name ("UN" of
    "UN Secretary-General Kofi Annan", "Kenya" of "Kenya President ..."), when a gazetteer knows it; none
    where the words before the name are a title whole ("Labour Minister" is no Labour Party's)."""
    if find_role(doc[entity.start : name_start].text) is not None:
        return None
    for cut in range(entity.start + 1, name_start):
        if find_role(doc[cut:name_start].text) is not None:
            text = doc[entity.start : cut].text
            if find_organisation(text) is not None:
                return Span(doc, entity.start, cut, label="ORG")
            if country_for_place(text) is not None:
                return Span(doc, entity.start, cut, label="LOC")
            return None
    return None


def _without_title(doc: Doc, entity: Span) -> Span:
    """An organisation the model ran on into a title ("UN special envoy", "ECOWAS commissioner") ends
    before it: the title belongs to the person it introduces. A person the model began at an honorific
    or a one-word title ("Mr Howard", "Gen. Varga", "President Ruiz") begins after it, so that the name is
    the same person's as "Michael Howard"."""
    if entity.label_ == "PER" and len(entity) >= 2 and _opening_title(entity):
        return Span(doc, entity.start + 1, entity.end, label="PER")
    if entity.label_ == "PER" and (cut := _office_words(entity)) is not None:
        return Span(doc, cut, entity.end, label="PER")
    if entity.label_ != "ORG" or len(entity) < 2:
        return entity
    for cut in range(entity.start + 1, entity.end):
        if find_role(doc[cut : entity.end].text) is not None or doc[cut].lower_.rstrip(".") in TITLE_ABBREVIATIONS:
            return Span(doc, entity.start, cut, label="ORG")  # "Army [Lt]. Gen. ..." too
    return entity


def _office_words(entity: Span) -> int | None:
    """Where the name starts in a person the model began at an office's own words: "[Industry Secretary]
    Ana Ruiz" (of "Trade and Industry Secretary"), "[Sport Secretary] ...": capitalised words ending in
    a one-word title, with at least two name words after it. None where there is no such title."""
    for k in range(1, len(entity) - 2):
        word = entity[k]
        if word.lower_ in GIVEN_NAME_TITLES or find_role(word.text) is None:
            continue
        before, after = entity[:k], entity[k + 1 :]
        names = all(_is_name_word(t.text) and find_role(t.text) is None for t in after)
        if names and all(t.is_title and find_role(t.text) is None for t in before):
            return word.i + 1
    return None


def _opening_title(entity: Span) -> bool:
    """Whether a person's name as the model found it opens with an honorific or a title of one word,
    written out or short; not a title that is also a given name ("Dean Kiely"), nor one that goes with
    the name the person is known by ("Prince Harry", "King Abdullah", "Pope Benedict")."""
    first = entity[0]
    word = first.lower_.rstrip(".")
    if first.lower_ in HONORIFICS or word in TITLE_ABBREVIATIONS:
        return True
    if first.whitespace_ == "" and entity[1].text in ("-", "‐"):
        return False  # "Secretary-General": the title is the hyphenated whole
    if not first.is_title or word in GIVEN_NAME_TITLES or word == "pope":
        return False
    role = find_role(first.text)
    return role is not None and role.kind != "royal"


_REPEATED_LABELS = frozenset({"PER", "ORG", "LOC"})
PLACE_NOUNS = frozenset(
    {
        *("dam", "dams", "reservoir", "river", "lake", "province", "provinces", "district", "districts"),
        *("region", "county", "town", "village", "valley", "bridge", "airport", "port", "border", "crossing"),
        *("basin", "delta", "island", "islands", "city", "state", "municipality", "governorate", "canal"),
    }
)
"""Words that say the name they go with is a place."""
_SENTENCE_ENDS = frozenset({".", "!", "?", '"', "“", "”", "\n\n"})
_WHEN = frozenset({*WEEKDAYS, *(m for m in MONTH_NAMES if m != "may"), *RELATIVE_DAYS})
_WHEN_LINKS = frozenset({"on", "in", "last", "this", "next", "early", "late"})


_EDGE_PUNCTUATION = frozenset({".", ",", ";", ":", "!", "?", '"', "“", "”", "'", "‘", "’"})


_JOINERS = {"SCONJ", "CCONJ"}
NAMED_THINGS = frozenset(
    {
        *("plan", "act", "bill", "doctrine", "accord", "accords", "agreement", "treaty", "report", "prize"),
        *("award", "awards", "cup", "fund", "programme", "program", "initiative", "declaration", "protocol"),
        *("convention", "strategy", "memorial", "trophy", "medal", "index"),
    }
)
"""Heads of names of plans, laws, prizes and funds, which the model takes for people ("Marshall Plan")."""
_POSSESSIVE_ENDS = {"'s", "’s"}


def _trimmed(doc: Doc, entity: Span) -> Span | None:
    """A name the model ran on into the full stop, comma, quotation mark or (for a name a gazetteer knows)
    possessive beside it ("with [Uganda.]" at the end of a sentence, "the [WFP's] director"), or back into
    a conjunction before it, without it; None for a span of punctuation alone. Hyphens stay: "Asante-"
    is the start of a hyphenated surname for `_whole_name`."""
    start, end = entity.start, entity.end
    while end > start and (doc[end - 1].text in _EDGE_PUNCTUATION or doc[end - 1].is_space):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in _POSSESSIVE_ENDS and _known_name(doc[start : end - 1].text):
        end -= 1  # "the [WFP's] director"; a name the gazetteers do not know may be a shop's ("McDonald's")
    while start < end and (doc[start].text in _EDGE_PUNCTUATION or doc[start].is_space or doc[start].pos_ in _JOINERS):
        start += 1  # also the "As" of "As Costa said" that opens a sentence
    if end - start > 1 and _opening_word(doc[start]):
        start += 1  # "[Visiting] Quito, she met the trade minister ...", "[Earlier] ..."
    if (start, end) == (entity.start, entity.end):
        return entity
    return Span(doc, start, end, label=entity.label_) if end > start else None


def _after_party(entity: Span, found: list[Span]) -> Span:
    """ "Tory Dominic Grieve" as one person: the party the gazetteer knows is no part of the name."""
    if entity.label_ != "PER":
        return entity
    party = next((f for f in found if f.start == entity.start and f.end < entity.end and _is_party(f)), None)
    return entity if party is None else Span(entity.doc, party.end, entity.end, label="PER")


def _is_party(entity: Span) -> bool:
    """Whether an ORG span is a political party the gazetteer knows ("Tory", "Lib Dem", "SPD")."""
    organisation = find_organisation(entity.text) if entity.label_ == "ORG" else None
    return organisation is not None and organisation.kind == "party"


def _opening_word(token: Token) -> bool:
    """A word capitalised only because it opens a sentence, which is no name word: an -ing verb
    ("Entering Westminster, he ...") or an adverb ("Earlier Conservative Graham Brady said")."""
    return token.is_sent_start and (token.pos_ == "ADV" or (token.pos_ == "VERB" and token.lower_.endswith("ing")))


def _as_thing(entity: Span) -> Span:
    """ "the Marshall Plan", "the Nobel Prize", "the Patriot Act": a name headed by a word for a plan, a
    law, a prize or a fund is no person, whatever the model said; such names are MISC."""
    if entity.label_ != "PER" or len(entity) < 2 or entity[-1].lower_ not in NAMED_THINGS:
        return entity
    return Span(entity.doc, entity.start, entity.end, label="MISC")


NEVER_NAMES = frozenset(
    {
        *("cabinet", "treasury", "election", "elections", "government", "parliament", "premiership"),
        *("children", "proceeds", "broadband", "rival", "general", "secretary", "minister", "president"),
        *("chancellor", "director", "ms", "mr", "mrs", "dr"),
    }
)
"""Capitalised words that are no one's name alone, whatever the model or a title before them made of
them ("the General [Election]", "other [Cabinet] ministers", "the Attorney [General]")."""


def _no_one_by_name(entity: Span) -> bool:
    """A one-word person that is a word of `NEVER_NAMES`, a nationality ("[Americans] love a winner",
    "the [Spaniard]"), or a bill or an act after a name or "the" ("the Crossrail Link [Bill]")."""
    if entity.label_ != "PER" or len(entity) != 1:
        return False
    word = entity[0]
    if word.lower_ in NEVER_NAMES or _nationality(word.text):
        return True
    before = word.doc[word.i - 1] if word.i > 0 else None
    return (
        word.lower_ in ("bill", "act") and before is not None and (before.lower_ == "the" or _is_name_word(before.text))
    )


@functools.cache
def _nationality_words() -> frozenset[str]:
    return frozenset(t.text for t in country_terms() if t.kind in ("demonym", "adjective"))


def _nationality(text: str) -> bool:
    """ "Spaniard", "Americans", "Frenchman": a word for a country's people, not a person's name."""
    words = _nationality_words()
    return text in words or (text.endswith("s") and text[:-1] in words)


def _people_noun(entity: Span) -> bool:
    """ "Negotiators say ...", "Diplomats said ...": the plural of a word for people, capitalised because
    it opens a sentence, which the model took for a name."""
    return (
        entity.label_ in ("PER", "ORG") and len(entity) == 1 and entity[0].is_sent_start and names_people(entity.text)
    )


def _without_when(doc: Doc, entity: Span) -> Span | None:
    """A name the model ran on into a day or month ("the Ministry of the Interior on Thursday") ends
    before it; a span that was only the day goes. "May" is left alone: it is also a name."""
    end = entity.end
    while end > entity.start and doc[end - 1].lower_ in _WHEN:
        end -= 1
        while end > entity.start and doc[end - 1].lower_ in _WHEN_LINKS:
            end -= 1
    if end == entity.end:
        return entity
    return Span(doc, entity.start, end, label=entity.label_) if end > entity.start else None


def _whole_name(doc: Doc, entity: Span, others: Iterable[Span]) -> Span:
    """A person's name the model cut short or ran on: the rest of a hyphenated surname ("Kwabena Asante"
    + "-Mensah", "Asante-" + "Mensah"), a third name word right after a two-word name that no other
    entity holds ("Ana Lucía" + "Rojas", not in Title Case text), or a second one the parser joins to a
    one-word name ("Ian" + "Fogg", a flat name), but not a weekday or title it swallowed
    ("Ana Costa Monday"); whatever the label, the word after a hyphen the entity ends with ("Jay-"
    + "Z"); and a body's name the model cut after "of the" ("Office of the" + "Chief Auditor")."""
    taken = {i for other in others if other != entity for i in range(other.start, other.end)}
    last, after = entity[-1], doc[entity.end] if entity.end < len(doc) else None
    dangling = len(entity) > 1 and last.text in ("-", "‐") and last.whitespace_ == ""
    if dangling and after is not None and after.is_alpha and after.i not in taken:
        entity = Span(doc, entity.start, entity.end + 1, label=entity.label_)
    if entity.label_ == "ORG" and len(entity) > 1 and last.lower_ in ("of", "the", "for"):
        # "the [Office of the] Chief Auditor": a body's name cut after its link word runs on
        # over the name words after it
        end = entity.end
        while end < len(doc) and _is_name_word(doc[end].text) and end not in taken:
            end += 1
        if end > entity.end:
            entity = Span(doc, entity.start, end, label="ORG")
    if entity.label_ != "PER":
        return entity
    start = entity.start
    while _name_hyphenated_before(doc, start) and not taken.intersection((start - 2, start - 1)):
        start -= 2  # "Asante-Mensah" of which the model labelled only "Mensah"
    if start != entity.start:
        entity = Span(doc, start, entity.end, label="PER")
    end = entity.end
    while end + 1 < len(doc) and end not in taken and doc[end - 1].whitespace_ == "":
        if doc[end].text in ("-", "‐") and doc[end].whitespace_ == "" and end + 1 not in taken:
            if not _is_name_word(doc[end + 1].text):
                break
            end += 2
        else:
            break
    following = doc[end + 1] if end + 1 < len(doc) else None
    if (
        end < len(doc)
        and end not in taken
        and (end - entity.start >= 2 or (doc[end].dep_ == "flat" and entity.start <= doc[end].head.i < end))
        and doc[end - 1].whitespace_ == " "
        and doc[end].pos_ == "PROPN"
        and _is_name_word(doc[end].text)
        and doc[end].lower_ not in _NOT_IN_NAMES
        and doc[end].lower_ not in BODY_WORDS
        and (following is None or not following.text[:1].isupper())
    ):
        end += 1  # one more name word, where the sentence goes on in lower case: not a headline's Title Case
    while end - entity.start > 1 and doc[end - 1].lower_ in _NOT_IN_NAMES:
        end -= 1
    return entity if end == entity.end else Span(doc, entity.start, end, label="PER")


def _name_hyphenated_before(doc: Doc, i: int) -> bool:
    """Whether token `i` is the second half of a hyphenated name: a name word, then a hyphen, joined to it
    with no space ("Asante-[Mensah]", "Sven-[Goran]")."""
    return (
        i >= 2
        and doc[i - 1].text in ("-", "‐")
        and doc[i - 1].whitespace_ == ""
        and doc[i - 2].whitespace_ == ""
        and _is_name_word(doc[i - 2].text)
    )


NAME_PARTICLES = {
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "el",
    "la",
    "le",
    "y",
    "e",
    "ter",
    "ten",
    "af",
    "zu",
    "dit",
}
"""Lower-case words that may stand inside a person's name ("Charles de Gaulle", "Gabriel García y Pérez")."""
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "da", "de", "dos", "van", "von", "der"})
"""The particles that join two name words into one name in running text ("Bashar al-Assad", "Mohammed
bin Salman", "Lula da Silva"): not the `NAME_PARTICLES` that are also everyday words in other languages
("y", "e", "la", "le", "do"), which would join two names side by side."""


def _name_particle(doc: Doc, i: int) -> int:
    """How many tokens from `i` are a name particle that joins the name word before it to the next one:
    "al" + "-" with no spaces ("Nouri [al-]Maliki"), or a particle word on its own ("Osama [bin] Laden",
    "Ursula [von der] Leyen"); 0 where none does."""
    if i + 2 < len(doc) and doc[i].lower_ in ("al", "el") and doc[i + 1].text == "-":
        joined = doc[i].whitespace_ == "" and doc[i + 1].whitespace_ == ""
        return 2 if joined and _is_name_word(doc[i + 2].text) else 0
    end = i
    while end < len(doc) and end - i < 2 and doc[end].text in _PARTICLES:
        end += 1
    return end - i if end > i and end < len(doc) and _is_name_word(doc[end].text) else 0


def _is_name_word(text: str) -> bool:
    """A capitalised name word ("Costa", "Ibáñez", "O'Neill", "Bailey-Ross") or an initial ("J.")."""
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return True
    return text[:1].isupper() and not text.isupper() and all(ch.isalpha() or ch in "'’-" for ch in text)


def _links_to_name(doc: Doc, i: int) -> bool:
    """A link word followed by a name word ("Bank [of] Brazil", "Peace [and] Development"), or "of the"
    and "for the" before one ("Ministry [of the] Interior"), never "and the" (two names side by side);
    a plural's apostrophe too ("Salmon Producers['] Council")."""
    if doc[i].text in ("'", "’") and i > 0 and doc[i - 1].text.endswith("s") and doc[i - 1].whitespace_ == "":
        # "Salmon Producers['] Council": a plural possessive inside a name
        return i + 1 < len(doc) and _is_name_word(doc[i + 1].text)
    if doc[i].lower_ not in _NAME_LINKS:
        return False
    after = i + 1
    if doc[i].lower_ in ("of", "for", "de") and after < len(doc) and doc[after].lower_ == "the":
        after += 1
    return after < len(doc) and _is_name_word(doc[after].text)


def merge_entities(existing: Iterable[Span], rules: Iterable[Span]) -> list[Span]:
    """The model's entities with the rule spans added: a rule span replaces the entities it covers and is
    dropped where it would cut one (a rule "Brazil" inside the model's "Bank of Brazil")."""
    kept = list(existing)
    for span in rules:
        overlapping = [e for e in kept if e.start < span.end and span.start < e.end]
        if all(span.start <= e.start and e.end <= span.end for e in overlapping):
            kept = [e for e in kept if e not in overlapping]
            kept.append(span)
    return sorted(kept, key=lambda e: e.start)


_YIELDING = frozenset({"LOC", "MISC"})
"""The model's labels a given name and a surname override."""
_NAMED_AFTER_PEOPLE = frozenset(
    {
        *("hall", "street", "road", "avenue", "lane", "square", "park", "station", "church", "cathedral"),
        *("hospital", "prize", "award", "awards", "cup", "trophy", "stadium", "centre", "center", "theatre"),
        *("theater", "museum", "gallery", "foundation", "institute", "college", "university", "school"),
        *("house", "court", "arena", "tower", "building", "hotel", "fund", "trust", "show", "festival"),
        *("medal", "lecture", "library", "memorial", "airport"),
    }
)
"""Last words of the names of places and things named after a person ("Albert Hall", "Victoria Station")."""
_GIVEN_NAMED_WORDS = (2, 3)


def _given_named(doc: Doc, start: int, end: int) -> bool:
    """A given name that tells a man from a woman, then one or two more names ("Imelda Staunton", "Ana
    Lucía Rojas"), not a place or thing named after someone ("Albert Hall")."""
    if end - start not in _GIVEN_NAMED_WORDS or given_name_gender(doc[start].text) is None:
        return False
    rest = doc[start + 1 : end]
    last = rest[-1].lower_
    return (
        all(t.pos_ == "PROPN" for t in rest)
        and last not in _NAMED_AFTER_PEOPLE
        and last not in PLACE_NOUNS
        and last not in BODY_WORDS
    )


def _speaks(doc: Doc, start: int, end: int) -> bool:
    return (start > 0 and doc[start - 1].lower_ in SPEECH_VERBS) or (end < len(doc) and doc[end].lower_ in SPEECH_VERBS)


def _title_in_a_known_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the words before the name [start, end) make one known organisation or place with it:
    "General Motors" and "General Electric" are companies, not a general called Motors."""
    return any(_known_name(doc[start - size : end].text) for size in range(1, min(start, _MAX_TITLE_TOKENS) + 1))


def _known_name(text: str) -> bool:
    """Whether a gazetteer knows the words as an organisation or a place."""
    return find_organisation(text) is not None or country_for_place(text) is not None
