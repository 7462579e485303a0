"""Roles, affiliations, country and sector of people, from the words news puts around a name.

The patterns are the regular ones of news prose:

* a title before the name: "Brazilian Foreign Minister Ana Costa", "Brazil's foreign minister, Ana Costa",
  "A spokeswoman for the Ministry of Production, Lucía Benavides";
* an apposition after it: "Lena Fischer, a senior fellow at the Institute for Strategic Studies,";
* an "of" phrase: "Rui Tanaka of Keio University";
* a verb: "Lindqvist would serve as special envoy", "Brandt, who is the WFP's country director".

A person's country comes from a nationality or possessive before the role, from the affiliation (an
organisation the gazetteer places, or a country named in it), or from the office-holder table for the
article's date, or, for a government or military official, from the place a sentence says they spoke
in ("In Santiago, foreign ministry spokesman Andrés Molina said"), or else from the country the story
is about (`officials_of_the_story_country`); otherwise it stays unknown. Sector comes from the role, or
else from the affiliation.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.entities.clusters import Cluster
from newsgraph.entities.coreference import ORGANISATION_NOUNS, stands_for
from newsgraph.gazetteer.cities import city_country
from newsgraph.gazetteer.countries import country_of, country_terms
from newsgraph.gazetteer.leaders import find_person
from newsgraph.gazetteer.organisations import find_organisation
from newsgraph.gazetteer.places import country_for_place
from newsgraph.gazetteer.roles import find_role, role_patterns
from newsgraph.nlp.dates import MONTH_NAMES, RELATIVE_DAYS, WEEKDAYS
from newsgraph.nlp.rules import BODY_WORDS, HONORIFICS, PLACE_NOUNS
from newsgraph.nlp.syntax import glued_hyphen, previous_sentence_start, sentences
from newsgraph.nlp.syntax import subject as subject_of

_DETERMINERS = {"a", "an", "the"}
# Sectors whose people speak for a state, so that where they speak from says which.
_OFFICIAL_SECTORS = {"GOV", "MIL"}
_LOCAL_SECTORS = {"GOV", "MIL", "CVL"}
"""Sectors whose people, when the text gives no country, are taken to be of the story's country:
officials, and the farmers, fishermen and residents a story quotes where it happens."""
_STORY_COUNTRY_MENTIONS = 3
_STORY_COUNTRY_LEAD = 2
"""How clearly one country must lead an article's names to be taken as the story's country."""
_NOT_QUALIFIERS = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "said",
    "says",
    "told",
    "who",
    "was",
    "is",
    "are",
    "were",
    "his",
    "her",
    "their",
    "its",
    "our",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "new",  # "the [new] prime minister": who holds the title now, not part of it
    "newly",
}
_WHEN = frozenset({*WEEKDAYS, *MONTH_NAMES, *RELATIVE_DAYS})
_MINISTER_OF = re.compile(
    r"^(?:(?:deputy|vice|acting|junior)\s+)?minister\s+(of|for)\s+(?:the\s+)?(.+)$", re.IGNORECASE
)
_SMALL_WORDS = {"and", "of", "for", "the"}
_PORTFOLIO_MINISTER = re.compile(r"^(?:(?:deputy|vice|acting|junior)\s+)?(\w[\w\s-]*?)\s+minister$", re.IGNORECASE)
"""A minister named by the portfolio before the title: "production minister", "water resources minister"."""
_NOT_PORTFOLIOS = {"prime", "chief", "first", "senior", "cabinet", "former", "state", "premier", "government", "shadow"}
_PORTFOLIO_NAMES = {
    "foreign": "Foreign Affairs",
    "interior": "the Interior",
    "home": "Home Affairs",
    "economy": "Economy",
    "economic": "Economy",
    "energy and mines": "Energy and Mines",
}
"""Portfolios whose ministry is not named by the same words ("foreign minister": Ministry of Foreign Affairs)."""
GOVERNMENT_BODIES = {"ministry", "embassy", "department", "cabinet", "parliament", "government"}
"""Bodies every state has, so that a nationality before them names the state, not part of a name."""
_POSSESSIVES = {"'s", "’s"}
_BODY_NOUNS = {"ministry", "army", "navy", "police", "military", "party", "commission", "embassy", "presidency"}
"""Bodies a role can open with: "foreign ministry spokesman", "army spokesman", "ruling party official"."""
_PREPOSITIONS = {"at", "of", "for", "with", "from"}
_STATE_BODY_WORDS = {*GOVERNMENT_BODIES, "army", "navy", "police", "senate", "congress", "presidency"}
"""Words that name a body of one state, whose people are that state's."""
_DELEGATIONS = {"delegation", "team", "mission", "side", "negotiators", "contingent"}
"""Groups a country sends, whose leader is of that country."""
_MAX_TITLE_WORDS = 5
"""The most words of title between "led by" and the name."""
_PLACE_NOUNS = PLACE_NOUNS | {"seat", "home", "headquarters", "site", "capital", "venue", "palace", "building"}
"""Nouns of an apposition that make the name before it a place ("Torre Tagle, the seat of ...")."""
_PAST = {"former", "ex", "onetime", "one-time", "erstwhile", "retired"}
"""Words that make a role one the person no longer holds."""
_MAX_BODY_WORDS = 8
"""The longest organisation name looked for between a role and the name it introduces."""
_NAMING_VERBS = {"name", "appoint", "elect", "nominate", "make", "become"}
"""Verbs that give a role with or without "as", to their object as to their subject ("was appointed foreign
minister", "appointed Costa foreign minister"); any other verb gives its subject a role only with "as"
("serve as special envoy", "travelled to Bissau as mediator")."""
_LEADING_VERBS = {"lead": "leader", "head": "head", "run": "head", "chair": "chair", "direct": "director"}
"""Verbs by which a relative clause says whose head someone is, with the role each implies."""
# Sector of an affiliation the gazetteer does not know, from the kind of body its name says it is.
_AFFILIATION_SECTORS = (
    (
        (
            "ministry",
            "government",
            "parliament",
            "senate",
            "congress",
            "cabinet",
            "presidency",
            "embassy",
            "council",
            "commission",
            "department",
            "office",
        ),
        "GOV",
    ),
    (("university", "institute", "college", "school", "academy", "centre", "center", "think tank"), "EDU"),
    (("army", "navy", "air force", "armed forces", "military", "command", "guard"), "MIL"),
    (("bank", "company", "group", "corporation", "inc", "ltd", "holdings", "association of", "chamber"), "BUS"),
    (("newspaper", "radio", "television", "news agency", "times", "post", "herald"), "JRN"),
    (("union", "federation", "cooperative", "fishermen", "farmers"), "CVL"),
    (("foundation", "watch", "international", "charity", "red cross", "red crescent"), "NGO"),
)


@functools.cache
def _role_matcher(vocab) -> PhraseMatcher:  # type: ignore[no-untyped-def]
    from spacy.lang.en import English

    tokenizer = English().tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("ROLE", [tokenizer(pattern) for pattern in role_patterns()])
    return matcher


def describe_people(doc: Doc, clusters: list[Cluster], published: date | None) -> None:
    """Fill roles, affiliations, country and sector of the person clusters from their name mentions."""
    roles = _role_spans(doc)
    for cluster in clusters:
        if cluster.kind != "person":
            continue
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                _title_before(doc, span, roles, cluster)
                _apposition_after(doc, span, roles, cluster)
                _role_predicated(doc, span, roles, cluster)
                _body_led(doc, span, cluster)
                _party_before(doc, span, cluster)
        _affiliation_in_role(cluster)
        _country_and_sector(cluster, published)
        if cluster.country is None:
            spans = [s for m in cluster.mentions if (s := doc.char_span(m.start, m.end, alignment_mode="expand"))]
            cluster.country = next((c for span in spans if (c := _delegation_led(doc, span))), None)
            if cluster.country is None and cluster.sector in _OFFICIAL_SECTORS:
                cluster.country = next((c for span in spans if (c := _place_of_speech(doc, span))), None)


def story_country(clusters: list[Cluster], dateline_country: str | None = None, doc: Doc | None = None) -> str | None:
    """The country the article is about: the one its named places and organisations name at least 3 times
    and twice as often as any other, or, of two named about as often, the one the dateline is in; none
    when the dateline is in another country the article also names 3 times. Run after `describe_others`,
    which gives places and organisations their countries."""
    counts: Counter[str] = Counter()
    for cluster in clusters:
        if cluster.kind in ("place", "organisation") and cluster.country:
            counts[cluster.country] += sum(1 for mention in cluster.mentions if mention.kind == "name")
    if doc is not None:
        # "Cambodian officials said", "the Cambodian press": a nationality names the country too
        counts.update(code for token in doc if not token.ent_type_ and (code := _adjective_country(token)))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _STORY_COUNTRY_MENTIONS:
        return None
    country, mentions = ranked[0]
    if len(ranked) > 1 and mentions < _STORY_COUNTRY_LEAD * ranked[1][1]:
        # Two countries named about as often: the dateline says which one the story is told from.
        runner_up = ranked[1][0]
        leads = dateline_country in (country, runner_up) and counts[dateline_country] >= _STORY_COUNTRY_MENTIONS
        return dateline_country if leads else None
    if dateline_country not in (None, country) and counts[dateline_country] >= _STORY_COUNTRY_MENTIONS:
        return None
    return country


def _adjective_country(token: Token) -> str | None:
    """The country a nationality adjective outside any entity names ("Cambodian" in "Cambodian officials")."""
    if token.pos_ != "ADJ" or not token.is_title:
        return None
    return _adjectives().get(token.text)


@functools.cache
def _adjectives() -> dict[str, str]:
    return {term.text: term.iso3 for term in country_terms() if term.kind == "adjective"}


def officials_of_the_story_country(clusters: list[Cluster], story_country: str | None) -> None:
    """An official whose country the article never names ("Prime Minister Adriano Cabi said") serves the
    country the article is about: news qualifies a foreign official ("Ghana's foreign minister") and
    leaves the home one unqualified."""
    if story_country is None:
        return
    for cluster in clusters:
        if cluster.kind == "person" and cluster.country is None and cluster.sector in _LOCAL_SECTORS:
            cluster.country = story_country


def colleagues_share_a_country(clusters: list[Cluster]) -> None:
    """People of one state body share its country: where the article gives the country of some who work
    for a ministry, department, army, police or parliament, and they agree ("Peru's minister of
    production, Rosa Villanueva"), the others of that body whose country it never gives ("A spokeswoman
    for the Ministry of Production, Lucía Benavides") are of that country too, and so is the body. Run
    after `canonical_affiliations`, so that one body has one name."""
    people = [c for c in clusters if c.kind == "person"]
    countries: dict[str, set[str]] = {}
    for person in people:
        for affiliation in person.affiliations:
            if person.country and _state_body(affiliation):
                countries.setdefault(affiliation, set()).add(person.country)
    agreed = {body: next(iter(codes)) for body, codes in countries.items() if len(codes) == 1}
    for person in people:
        if person.country is None:
            # not through a body only their title implies: "Foreign Minister Filomena Sanhá" is not of
            # the country whose foreign ministry's spokesperson the article quotes
            stated = [a for a in person.affiliations if a not in person.implied]
            person.country = next((agreed[a] for a in stated if a in agreed), None)
    for cluster in clusters:
        if cluster.kind == "organisation" and cluster.country is None and cluster.name in agreed:
            cluster.country = agreed[cluster.name]


def ministers_of_the_ministry_before(doc: Doc, clusters: list[Cluster]) -> None:
    """ "The Ministry of Water Resources and Meteorology said the river rose. Minister Sok Chanthy called
    the release encouraging": a minister the text names by the bare title, with no body of their own, is
    the minister of the ministry named in their sentence or the one before."""
    ministries = [
        (mention.start, cluster)
        for cluster in clusters
        if cluster.kind == "organisation" and "ministry" in cluster.name.lower().split()
        for mention in cluster.mentions
    ]
    if not ministries:
        return
    starts = [sentence.start_char for sentence in sentences(doc)]
    for person in clusters:
        if person.kind != "person" or person.affiliations or not person.mentions:
            continue
        if not any(role.lower() == "minister" for role in person.roles):
            continue
        first = min(mention.start for mention in person.mentions)
        here = max((n for n, start in enumerate(starts) if start <= first), default=0)
        earliest = starts[max(here - 1, 0)] if starts else 0
        before = [(start, body) for start, body in ministries if earliest <= start < first]
        if before:
            body = max(before, key=lambda pair: pair[0])[1]
            person.add_affiliation(body.name)
            person.country = person.country or body.country


def _state_body(name: str) -> bool:
    """A body of one state, not an international one: "Ministry of Production", "foreign ministry"."""
    organisation = find_organisation(name)
    if organisation is not None and organisation.sector in ("IGO", "NGO"):
        return False
    return any(word in _STATE_BODY_WORDS for word in name.lower().split())


def describe_others(clusters: list[Cluster]) -> None:
    """Country and sector of organisations and places, from the gazetteers."""
    for cluster in clusters:
        if cluster.kind == "organisation":
            organisation = find_organisation(cluster.name) or next(
                (o for o in map(find_organisation, cluster.names) if o), None
            )
            if organisation:
                cluster.country, cluster.sector = organisation.country, organisation.sector
            else:
                cluster.country = _country_in(cluster.name)
                cluster.sector = _affiliation_sector(cluster.name)
        elif cluster.kind == "place":
            cluster.country = (
                country_of(cluster.name)
                or country_for_place(cluster.name)
                or _country_in(cluster.name)
                or city_country(cluster.name)
            )


def _role_spans(doc: Doc) -> dict[int, Span]:
    """Role titles in the doc, keyed by their last token; the longest wins where they overlap.

    With a parsed Doc, a title is widened over the words that qualify it, which no table can list:
    "water resources minister", "Energy and Mines Minister", "professor of economics", "Undersecretary
    for Fisheries and Aquaculture". Widening stops at names, nationalities, determiners and the end of
    another title ("Army spokesman | Colonel").
    """
    spans: dict[int, Span] = {}
    tagged = doc.has_annotation("POS")
    matches = _role_matcher(doc.vocab)(doc)
    ends = {end - 1 for _, _, end in matches}
    for _, start, end in matches:
        if tagged:
            while (
                start > 0
                and end - start < 6
                and start - 1 not in ends
                and (
                    _qualifier(doc[start - 1])
                    or (
                        doc[start - 1].lower_ == "and"
                        and start > 1
                        and _qualifier(doc[start - 2])
                        and start - 2 not in ends  # "the president and Finance Minister Rosa Quispe": two people
                    )
                )
            ):
                start -= 1
            after = end + 2 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
            if after < len(doc) and doc[end].lower_ in ("of", "for") and _qualifier(doc[after]):
                stop = after
                while (
                    stop < len(doc) and stop - end < 6 and (_qualifier(doc[stop]) or doc[stop].lower_ in ("and", "-"))
                ):
                    stop += 1
                while stop > after and doc[stop - 1].lower_ in ("and", "-"):
                    stop -= 1
                if stop < len(doc) and doc[stop].text == "-" and not doc[stop - 1].whitespace_:
                    stop = after  # "spokesman for e-mail ...": no title ends inside a hyphenated word
                if stop > after and doc[stop - 1].lower_ != "and":
                    end = stop
        if end - 1 not in spans or spans[end - 1].start > start:
            spans[end - 1] = doc[start:end]
    return spans


def _title_before(doc: Doc, name: Span, roles: dict[int, Span], cluster: Cluster) -> None:
    """ "Foreign Minister Ana Costa", "Brazil's foreign minister, Ana Costa" and "A spokeswoman for the
    Ministry of Production, Lucía Benavides"."""
    end = name.start - 1
    comma = end >= 0 and doc[end].text == ","
    if comma:
        end -= 1
    role = roles.get(end)
    body = False
    if role is None and comma:
        role, body = _role_with_body_before(doc, end, roles)
        if role is not None and role.sent.start != name.sent.start:
            return
    if role is None:
        return
    stacked = roles.get(role.start - 1)
    if stacked is not None and not body:
        # "Army spokesman Colonel Ibrahim Musa": two titles, both the person's
        cluster.add_role(stacked.text)
    cluster.add_role(role.text)
    if body:
        _add_affiliation(cluster, *_phrase_at(doc, role.end + 1))
    _organisation_before(doc, role.start, cluster)
    if cluster.country is None:
        cluster.country = _nationality_before(doc, role.start)


def _role_with_body_before(doc: Doc, end: int, roles: dict[int, Span]) -> tuple[Span | None, bool]:
    """A role and what it is for, ending at token `end` just before a name's comma; returns the role and
    whether the words after its preposition name a body.

    * "a spokeswoman for the Ministry of Production": a title, a preposition, then capitalised words
      only (the body, which becomes the affiliation);
    * "The UN special envoy for the Mekong drought": any words without a verb or comma, when the title
      opens the sentence (after at most a determiner and qualifiers), so that the phrase can only be the
      name's title.
    """
    for role in roles.values():
        if role.end < end and end - role.end <= _MAX_BODY_WORDS and doc[role.end].lower_ in _PREPOSITIONS:
            body = doc[role.end + 1 : end + 1]
            if all(t.lower_ in _SMALL_WORDS or t.text in _POSSESSIVES or t.text[:1].isupper() for t in body):
                return role, not _is_place(doc, body)
            opens = all(t.pos_ in ("DET", "PROPN", "ADJ", "NOUN") for t in doc[role.sent.start : role.start])
            if opens and not any(t.text in {",", ";", ":"} or t.pos_ in ("VERB", "AUX") for t in body):
                return role, False
    return None, False


def _apposition_after(doc: Doc, name: Span, roles: dict[int, Span], cluster: Cluster) -> None:
    """ "Lena Fischer, a senior fellow at the Institute ..." and "Rui Tanaka of Keio University"."""
    i = name.end
    if i < len(doc) and doc[i].lower_ == "of":
        _add_affiliation(cluster, *_phrase_at(doc, i + 1))
        cluster.country = cluster.country or _seat_after(doc, i + 1)
        return
    if i >= len(doc) or doc[i].text != ",":
        return
    i += 1
    if i + 1 < len(doc) and doc[i].lower_ == "whose":
        _organisation_at(doc, i + 1, cluster)
        return
    if i < len(doc) and doc[i].lower_ in ("and", "or", "but"):
        return  # "Ana Paz, and Prime Minister Jo Kim": the next person, not an apposition
    if i < len(doc) and doc[i].lower_ in _DETERMINERS:
        i += 1
    role = next((span for span in roles.values() if i <= span.start <= i + 3), None) or _unlisted_role(doc, i)
    if role is None or any(t.text in {",", "."} or t.pos_ in ("VERB", "AUX") for t in doc[i : role.start]):
        return  # "Katarina Lindqvist, met Laos's energy minister": a verb ends the apposition
    if any(t.lower_ in _PAST for t in doc[i : role.start]):
        # "Asante-Mensah, a former Ghanaian ambassador": the nationality still holds, the office not
        cluster.country = cluster.country or _nationality_before(doc, role.start, limit=i)
        return
    cluster.add_role(role.text)
    _organisation_before(doc, role.start, cluster, limit=i)
    if cluster.country is None:
        cluster.country = _nationality_before(doc, role.start, limit=i)
    if role.end < len(doc) and doc[role.end].lower_ in _PREPOSITIONS:
        _add_affiliation(cluster, *_phrase_at(doc, role.end + 1))
        cluster.country = cluster.country or _seat_after(doc, role.end + 1)


def _role_predicated(doc: Doc, name: Span, roles: dict[int, Span], cluster: Cluster) -> None:
    """A role the sentence gives the name with a verb: "Lindqvist would serve as special envoy", "Costa
    was named foreign minister", "the president appointed Costa foreign minister", "Brandt is the WFP's
    country director" and "Brandt, who is the WFP's country director, said"."""
    if not doc.has_annotation("DEP"):
        return
    person = name.root
    for role in roles.values():
        if role.sent.start != name.sent.start or (role.start < name.end and name.start < role.end):
            continue
        head = role.root
        verb = head.head
        copula = any(child.dep_ == "cop" for child in head.children)
        if copula:
            subject = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
            holds = subject is not None and (
                subject.i == person.i
                or (subject.lower_ == "who" and head.dep_ in ("relcl", "acl") and _is_or_apposition(verb, person))
            )
        elif head.dep_ in ("xcomp", "obl", "obj", "attr", "advcl") and verb.pos_ in ("VERB", "AUX"):
            named = verb.lemma_ in _NAMING_VERBS
            holders = [
                c for c in verb.children if c.dep_.startswith("nsubj") or (named and c.dep_ == "obj" and c != head)
            ]
            if not holders and (found := subject_of(verb)) is not None:
                holders = [found]  # a subject the parser misread (`nlp.syntax.subject`)
            holds = any(_holder_is(holder, verb, person) for holder in holders) and (named or _as_role(head))
        else:
            holds = False
        if not holds:
            continue
        cluster.add_role(role.text)
        _organisation_before(doc, role.start, cluster, limit=name.end)
        if cluster.country is None:
            cluster.country = _nationality_before(doc, role.start, limit=name.end)
        # "mediator for the Economic Community of West African States", not "envoy for the drought"
        if (
            role.end < len(doc)
            and doc[role.end].lower_ in _PREPOSITIONS
            and (doc[role.end].lower_ != "for" or _organisation_starts(doc, role.end + 1))
        ):
            _add_affiliation(cluster, *_phrase_at(doc, role.end + 1))
        return


def _body_led(doc: Doc, name: Span, cluster: Cluster) -> None:
    """ "Héctor Carrasco, who leads the artisanal fishermen's federation in Ilo": the body a relative
    clause on the name or its apposition says the person leads, heads, runs or chairs is their
    affiliation, and where it sits their country; the verb gives the role when the text gives none. "Its
    Cambodia office" is the office of the organisation named last, in that sentence or the one before."""
    if not doc.has_annotation("DEP"):
        return
    person = name.root
    appositions = [c for c in person.children if c.dep_ == "appos"]
    for verb in [*person.children, *(c for a in appositions for c in a.children)]:
        if verb.dep_ not in ("relcl", "acl") or verb.lemma_ not in _LEADING_VERBS:
            continue
        if not any(c.dep_.startswith("nsubj") and c.lower_ in ("who", "that") for c in verb.children):
            continue
        body = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")), None)
        if body is None or not (body.ent_type_ == "ORG" or body.lemma_.lower() in BODY_WORDS):
            # "who previously led UN water negotiations": an activity, not a body the person belongs to
            continue
        words = [t for t in body.subtree if t.dep_ not in ("relcl", "acl", "conj", "cc", "punct")]
        if words[0].lower_ in ("its", "their"):
            # "the Danish official who runs its Cambodia office": the office of the body named before
            owner = next((e for e in reversed(doc.ents) if e.label_ == "ORG" and e.end <= name.start), None)
            if owner is None or owner.sent.start < previous_sentence_start(name.sent):
                continue
            cluster.add_affiliation(owner.text)
        else:
            start = words[0].i + 1 if words[0].dep_ == "det" or words[0].lower_ in ("his", "her") else words[0].i
            if start > words[-1].i:
                continue
            cluster.add_affiliation(doc[start : words[-1].i + 1].text)
        if not cluster.roles:
            cluster.add_role(_LEADING_VERBS[verb.lemma_])
        cluster.country = cluster.country or _seat_after(doc, body.i + 1)
        return


def _as_role(head: Token) -> bool:
    """ "serve as special envoy", "travelled to Bissau as mediator": a role introduced by "as", but not
    "such as" or "as well as"."""
    marker = next((child for child in head.children if child.lower_ == "as"), None)
    return marker is not None and (marker.i == 0 or marker.nbor(-1).lower_ not in ("such", "well"))


def _holder_is(holder: Token, verb: Token, person: Token) -> bool:
    """Whether the verb's subject (or a "named" verb's object) is the person: the name itself, its
    apposition or the title it is in apposition to ("Senegal's foreign minister, Ousmane Badji, has been
    named the bloc's mediator"), or a relative pronoun of a clause on the name ("Badji, who has been acting
    as the bloc's mediator", "Badji, whom the leaders appointed as mediator")."""
    relative = holder.lower_ in ("who", "whom", "that") and verb.dep_ in ("relcl", "acl")
    return _names_person(holder, person) or (relative and _names_person(verb.head, person))


def _names_person(token: Token, person: Token) -> bool:
    """Whether `token` is the person's name, an apposition to it, or the word the name is in apposition
    to ("Senegal's foreign [minister], Ousmane Badji")."""
    return _is_or_apposition(token, person) or (person.dep_ == "appos" and person.head.i == token.i)


def _organisation_starts(doc: Doc, start: int) -> bool:
    """Whether an organisation the model found starts at token `start`, after a "the"."""
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    return any(e.start == start and e.label_ == "ORG" for e in doc.ents)


def _is_or_apposition(token: Token, person: Token) -> bool:
    """Whether `token` is the person's name or an apposition to it ("Brandt, a Danish aid official")."""
    return token.i == person.i or (token.dep_ == "appos" and token.head.i == person.i)


def _organisation_at(doc: Doc, start: int, cluster: Cluster) -> None:
    """ "Domingas Correia, whose Democratic Union coalition won ...": the organisation right after
    "whose" is the person's own."""
    organisation = next((e for e in doc.ents if e.start == start and e.label_ == "ORG"), None)
    if organisation is not None:
        cluster.add_affiliation(organisation.text)


def _seat_after(doc: Doc, start: int) -> str | None:
    """Where an affiliation sits, when the text says: "a researcher at the Institute for Security Studies
    [in Dakar]", "Rui Tanaka of Keio University [in Tokyo]"; a comma or a verb ends the search."""
    for i in range(start, min(start + _MAX_BODY_WORDS + 2, len(doc) - 1)):
        token = doc[i]
        if token.text in {",", ";", "."} or token.pos_ in ("VERB", "AUX"):
            return None
        if token.lower_ == "in":
            place = _place_at(doc, i + 1)
            if place is None:  # a town the model did not label: the capitalised words after "in"
                end = i + 1
                while end < len(doc) and doc[end].is_title and doc[end].is_alpha:
                    end += 1
                place = doc[i + 1 : end] if end > i + 1 else None
            return _country_of_place(place) if place is not None else None
    return None


def _delegation_led(doc: Doc, name: Span) -> str | None:
    """ "Vietnam's delegation, led by Deputy Foreign Minister Nguyen Thi Lan Huong", "the Chilean team,
    headed by Carolina Fuentes": whoever leads a country's delegation is of that country."""
    i = name.start - 1
    while i > 0 and name.start - i <= _MAX_TITLE_WORDS and doc[i].lower_ != "by" and doc[i].is_alpha:
        i -= 1
    if i < 2 or doc[i].lower_ != "by" or doc[i - 1].lower_ not in ("led", "headed"):
        return None
    noun = i - 3 if doc[i - 2].text == "," else i - 2
    if noun < 1 or doc[noun].lower_ not in _DELEGATIONS:
        return None
    return _nationality_before(doc, noun)


def _nationality_before(doc: Doc, start: int, limit: int = 0) -> str | None:
    """ "Brazilian" or "Brazil's" before a role title, over at most a few capitalised qualifiers
    ("Cambodia's Water Resources Minister", "Lao Energy and Mines Minister")."""
    i = start - 1
    while i >= limit:
        token = doc[i]
        if token.text in ("'s", "’s") and i > limit:
            entity = next((e for e in doc.ents if e.end == i), None)
            return country_of(entity.text if entity is not None else doc[i - 1].text)
        code = country_of(token.text) if token.text[:1].isupper() else None
        if code or not (token.is_title or token.lower_ == "and") or start - i > 4:
            return code
        i -= 1
    return None


def _phrase_at(doc: Doc, start: int) -> tuple[str | None, str | None]:
    """The organisation named from token `start`: the longer of an entity starting there and a run of
    capitalised words (which carries on through "of", "for" and "and": "Ministry of Foreign Affairs"),
    without a leading "the", "Lima-based" or country's possessive; returns (phrase, the country such a
    prefix or a leading nationality names)."""
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    country = None
    while _is_place_prefix(doc, start) and start + 3 < len(doc) and doc[start + 3].text[:1].isupper():
        # "the Lima-based Institute of Peruvian Studies", whatever the entity recogniser made of "Lima"
        country = country or country_of(doc[start].text) or country_for_place(doc[start].text)
        start += 3
    entity = next((e for e in doc.ents if e.start == start), None)
    end = start
    while end < len(doc):
        if doc[end].text[:1].isupper() or (
            (doc[end].lower_ in _SMALL_WORDS or doc[end].text in _POSSESSIVES)
            and end + 1 < len(doc)
            and doc[end + 1].text[:1].isupper()
        ):
            end += 1
        elif end > start and glued_hyphen(doc, end):
            end += 2  # "F-Secure", "Henley-on-Thames": the word after the hyphen is the name's too
        else:
            break
    if entity is not None and entity.end > end:
        end = entity.end
    if end <= start:
        return None, None
    if end - start > 2 and doc[start + 1].text in _POSSESSIVES and _country_of_place(doc[start : start + 1]):
        # "Nigeria's Ministry of Foreign Affairs"
        country, start = _country_of_place(doc[start : start + 1]), start + 2
    if end - start > 1 and _is_nationality(doc[start].text):
        # "the Peruvian Sea Institute", "the Stockholm International Water Institute": part of the name;
        # but "the Lao Ministry of Foreign Affairs" is Laos's ministry, the name is its office's
        country = country or country_of(doc[start].text)
        if doc[start + 1].lower_ in GOVERNMENT_BODIES:
            start += 1
    return (doc[start:end].text if end > start else None), country


def _affiliation_in_role(cluster: Cluster) -> None:
    """The body a role names, when the text names no other: a "Minister of Water Resources and
    Meteorology" works for the Ministry of Water Resources and Meteorology, a "foreign ministry
    spokesman" for the foreign ministry, an "army spokesman" for the army."""
    if cluster.affiliations:
        return
    for role in cluster.roles:
        found = _MINISTER_OF.match(role)
        if found:
            words = [w if w.lower() in _SMALL_WORDS else w[:1].upper() + w[1:] for w in found.group(2).split()]
            cluster.add_affiliation(f"Ministry {found.group(1).lower()} {' '.join(words)}")
            cluster.implied.update(cluster.affiliations)
            return
        portfolio = _PORTFOLIO_MINISTER.match(role)
        if portfolio and not _NOT_PORTFOLIOS & set(portfolio.group(1).lower().split()):  # "new prime minister"
            words = portfolio.group(1).lower().split()
            named = _PORTFOLIO_NAMES.get(" ".join(words)) or " ".join(
                w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in words
            )
            cluster.add_affiliation(f"Ministry of {named}")
            cluster.implied.update(cluster.affiliations)
            return
        words = role.split()
        body = next((i for i in range(1, len(words)) if words[i - 1].lower() in _BODY_NOUNS), None)
        if body is not None and find_role(" ".join(words[body:])) is not None:
            cluster.add_affiliation(" ".join(words[:body]))
            return


def _country_and_sector(cluster: Cluster, published: date | None) -> None:
    for affiliation in cluster.affiliations:
        organisation = find_organisation(affiliation)
        if cluster.country is None:
            cluster.country = (
                organisation.country if organisation and organisation.country else _country_in(affiliation)
            )
        if cluster.sector is None:
            cluster.sector = (organisation.sector if organisation else None) or _affiliation_sector(affiliation)
    if cluster.country is None or not cluster.roles:
        # the full name where the text gives one: "Feroz Abbasi" is not the prime minister the table
        # knows by the surname "Abbasi"; a surname alone ("Putin") is all some stories give
        full = [name for name in cluster.names if len([w for w in name.split() if w.lower() not in HONORIFICS]) > 1]
        offices = [o for name in (full or cluster.names) for o in find_person(name, on=published)]
        if offices:
            cluster.country = cluster.country or offices[0].iso3
            if not cluster.roles and published is not None:
                # an undated article could be from any of the person's years: Gordon Brown in 2005 was
                # chancellor, not the prime minister the table lists him as from 2007
                cluster.add_role(offices[0].role)
    role_sectors = [sector for sector in map(_role_sector, cluster.roles) if sector]
    if role_sectors:
        cluster.sector = role_sectors[0]


def _role_sector(text: str) -> str | None:
    """A role's sector: the table's, else that of the listed title the role ends in, or of the body its
    qualifiers name ("water resources minister": a minister, GOV; "foreign ministry spokesman": a
    spokesperson, of no sector by itself, of a ministry, GOV)."""
    role = find_role(text)
    if role is not None:
        return role.sector or None
    words = text.split()
    for i in range(1, len(words)):
        head = find_role(" ".join(words[i:]))
        if head is not None:
            return head.sector or _affiliation_sector(" ".join(words[:i]))
    return None


def _country_in(name: str) -> str | None:
    """A country, or a place in one, named inside an organisation's name ("University of Chile",
    "Brazil's foreign ministry", "University of Lagos", "Institute for Security Studies in Dakar")."""
    words = name.replace("’s", "").replace("'s", "").split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            code = country_of(phrase) or (country_for_place(phrase) if phrase[:1].isupper() else None)
            if code is None and size > 1 and phrase[:1].isupper():
                code = city_country(phrase)  # "Can Tho University"; one word alone is too often a town too
            if code:
                return code
    return None


def _affiliation_sector(name: str) -> str | None:
    lowered = name.lower()
    return next((sector for words, sector in _AFFILIATION_SECTORS if any(w in lowered for w in words)), None)


def _qualifier(token) -> bool:  # type: ignore[no-untyped-def]
    """A word that can be part of a title: a noun or adjective, not a name, nationality or entity."""
    return (
        token.is_alpha
        and token.pos_ in ("NOUN", "ADJ", "PROPN")
        and not token.ent_type_
        and country_of(token.text) is None
        and token.lower_ not in _NOT_QUALIFIERS
        and token.lower_ not in HONORIFICS  # "over the head of [Mr] Soto"
        and token.lower_ not in _WHEN  # "On [Wednesday] Prime Minister Ana Costa said"
    )


def _unlisted_role(doc: Doc, start: int) -> Span | None:
    """A job the role table does not list, in an apposition that names where it is done: "a hydrologist
    at Kyoto University", "a Danish marine biologist with the Sea Institute"."""
    if not doc.has_annotation("POS"):
        return None
    i = start
    if i < len(doc) and country_of(doc[i].text):
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_lower and doc[end].pos_ in ("NOUN", "ADJ"):
        end += 1
    if end > i and doc[end - 1].lower_ in _PLACE_NOUNS:
        return None  # "Torre Tagle, the seat of the Ministry of Foreign Affairs": a place, not a job
    if end > i and doc[end - 1].pos_ == "NOUN" and end + 1 < len(doc) and doc[end].lower_ in ("at", "with", "of"):
        following = doc[end + 1 : end + 3]
        if any(t.text[:1].isupper() for t in following):
            return doc[i:end]
    return None


def _organisation_before(doc: Doc, start: int, cluster: Cluster, limit: int = 0) -> None:
    """ "ECOWAS Commissioner ...", "the UN's special envoy": the organisation is the affiliation; "the
    bloc's mediator" names it by a word for it, which `canonical_affiliations` resolves."""
    end = _possessor_end(doc, start, limit)
    organisation = _organisation_ending(doc, start, limit)
    if organisation is not None and organisation[-1].pos_ == "ADJ" and find_organisation(organisation.text) is None:
        organisation = None  # "West African mediator": where from, not what for
    if organisation is not None:
        cluster.add_affiliation(organisation.text)
    elif (
        end < start and end - 2 >= limit and doc[end - 2].lower_ == "the" and doc[end - 1].lower_ in ORGANISATION_NOUNS
    ):
        cluster.add_affiliation(f"the {doc[end - 1].lower_}")


def _possessor_end(doc: Doc, start: int, limit: int = 0) -> int:
    """Where a name before `start` ends, past the "'s" it may take ("the [UN]'s special envoy")."""
    return start - 1 if start > limit and doc[start - 1].text in ("'s", "’s") else start


def _organisation_ending(doc: Doc, start: int, limit: int = 0) -> Span | None:
    """The organisation entity named right before `start`, with or without "'s", from `limit` on."""
    end = _possessor_end(doc, start, limit)
    return next((e for e in doc.ents if e.end == end and e.start >= limit and e.label_ == "ORG"), None)


def _party_before(doc: Doc, name: Span, cluster: Cluster) -> None:
    """ "Tory Dominic Grieve", "Labour's Ann Kell": a party the gazetteer knows, named right before a
    person with no title between, is the person's."""
    party = _organisation_ending(doc, name.start)
    organisation = find_organisation(party.text) if party is not None else None
    if party is not None and organisation is not None and organisation.kind == "party":
        cluster.add_affiliation(party.text)


def _add_affiliation(cluster: Cluster, affiliation: str | None, country: str | None) -> None:
    if affiliation:
        cluster.add_affiliation(affiliation)
        cluster.country = cluster.country or country


def _is_nationality(word: str) -> bool:
    return word[:1].isupper() and country_of(word) is not None and find_organisation(word) is None


def _is_place_prefix(doc: Doc, start: int) -> bool:
    """ "Lima-based": a place, a hyphen and "based"."""
    return start + 2 < len(doc) and doc[start + 1].text == "-" and doc[start + 2].lower_ == "based"


def canonical_affiliations(clusters: list[Cluster]) -> None:
    """Name each affiliation the way the article (or the gazetteer) names the organisation in full:
    "ECOWAS" becomes "Economic Community of West African States", "UN" "United Nations"."""
    full = {name: cluster.name for cluster in clusters if cluster.kind == "organisation" for name in cluster.names}
    bodies = [cluster for cluster in clusters if cluster.kind == "organisation"]
    for cluster in clusters:
        renamed, implied = [], set()
        for affiliation in cluster.affiliations:
            organisation = find_organisation(affiliation)
            name = organisation.name if organisation else full.get(affiliation, affiliation)
            if name.startswith("the "):
                name = _body_named_by(name.removeprefix("the "), bodies)
                organisation = find_organisation(name) if name else None
                name = organisation.name if organisation else name
            if name and name not in renamed:
                renamed.append(name)
            if name and affiliation in cluster.implied:
                implied.add(name)
        cluster.affiliations = renamed
        cluster.implied = implied


def _body_named_by(word: str, bodies: list[Cluster]) -> str | None:
    """The organisation "the bloc" or "the ministry" stands for: the article's most mentioned one whose
    name has the word or whose sector fits; None when the article names none."""
    fitting = [body for body in bodies if stands_for(word, body)]
    return max(fitting, key=lambda b: len(b.mentions)).name if fitting else None


def _place_of_speech(doc: Doc, name: Span) -> str | None:
    """ "In Santiago, foreign ministry spokesman Andrés Molina said ...": where an official speaks from."""
    sentence = name.sent
    if sentence.start == name.start and name.start > 0:
        # The parser may end a sentence inside "spokesman Do Minh Quan", taking "Do" for a verb.
        sentence = doc[name.start - 1].sent
    if len(sentence) > 3 and sentence[0].lower_ == "in":
        place = _place_at(doc, sentence.start + 1)
        if place is not None and place.end < len(doc) and doc[place.end].text == ",":
            return _country_of_place(place)
    return None


def _is_place(doc: Doc, phrase: Span) -> bool:
    """Whether a phrase ("the Sahel", "Western Sahara") is a place rather than a body."""
    start = phrase.start + 1 if phrase[0].lower_ == "the" else phrase.start
    place = _place_at(doc, start)
    return (place is not None and place.end >= phrase.end) or _country_of_place(doc[start : phrase.end]) is not None


def _place_at(doc: Doc, start: int) -> Span | None:
    """The place the model found starting at token `start`, if any."""
    return next((e for e in doc.ents if e.start == start and e.label_ in ("LOC", "GPE")), None)


def _country_of_place(place: Span) -> str | None:
    """A country named, or the country of a city or region named ("Dakar": SEN)."""
    return country_of(place.text) or country_for_place(place.text) or city_country(place.text)
