"""The event coder: triggers in the parse, their actor and recipient, status and date, coded to PLOVER and
CAMEO.

Rules that make the difference on news text:

- a trigger governed by a refusal, an appeal, a threat or an agreement is not an event of its own:
  "refused to meet" is REJECT (asserted), and the meeting it refuses refines its code (125, reject a
  proposal to meet); "urged both sides to resume talks" is REQUEST (108, demand a meeting);
- "X and Y met" with no other party, and "talks between X and Y", are one event in each direction;
- "X said Y must ..." is a REQUEST from X to Y, not Y's act; a demand made while protesting is part of
  the protest;
- a passive names the recipient as subject and the actor after "by" (a progressive, "is asking", is
  no passive; a weapon as subject, "rockets were fired from Lebanon", is no party);
- "they said they would ...", "we" and "I" inside a quote, "its demand": the pronoun is the speaker, the
  quote's speaker or the subject's own;
- a reaction to an act reported just before ("welcomed the release") is aimed at whoever did it, and a
  party that says another did violence accuses it (`events.claims`);
- "Chile wants Peru to withdraw": a request to Peru, and the infinitive after an object is the
  object's act; a warning is aimed at whom its clause says will suffer, and a forecast is no threat;
- a visit needs a visitor and a place, party or event to go to, and going home is none; what a country
  has ("Iraq's resources") is no party; where a trigger reports no event at all is `events.nonevents`'s;
- each event carries the word that decides its status (`evidence`) and a `clause` number shared by the
  events of one clause; its date comes from its sentence's temporal expression, read against the
  publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.entities import EntityIndex
from newsgraph.events.actors import ActorDictionary
from newsgraph.events.claims import accusations
from newsgraph.events.disasters import disaster_report, violent
from newsgraph.events.nonevents import (
    ENABLING,
    MENACES,
    frees_something,
    gathered_in_protest,
    named_as,
    party_word,
    reports_none,
)
from newsgraph.events.ontology import cameo, plover_for
from newsgraph.events.participants import ANYONE, FIRST_PERSON, SECTORS, Coder, conjuncts, is_thing, possessive
from newsgraph.events.sport import sports_report
from newsgraph.events.status import CAPACITIES, REPORTING, chain, status_of, takes_part_in
from newsgraph.events.triggers import (
    TIME_WORDS,
    Entry,
    Trigger,
    find_triggers,
    lemma_in,
    nominal,
    time_phrase,
    trigger_at,
)
from newsgraph.gazetteer.countries import country_of, is_capital
from newsgraph.gazetteer.roles import find_role, names_people
from newsgraph.model import Event, Participant, Quote
from newsgraph.model import Span as TextSpan
from newsgraph.nlp.dates import find_dates
from newsgraph.nlp.paragraphs import paragraph_around
from newsgraph.nlp.syntax import (
    absolute_subject,
    case_of,
    coordinated_outer,
    is_passive,
    opens_sentence,
    opens_with_comma,
    passive_agent,
    sentences,
    text_of,
    to_infinitive,
)
from newsgraph.nlp.syntax import subject as subject_of

REACTIONS = {"SUPPORT", "REJECT", "ACCUSE"}
"""Types of the reactions to another's act: welcoming, rejecting, condemning it."""
ACTS = {"decision", "move", "step", "measure", "action", "announcement", "plan"}
"""Words that may stand for any act reported before ("rejected the decision")."""
DEMAND = Entry("say must", "verb", "100", False)
"""The trigger a demand reported with "must" or "should" is coded with."""
CRITICISE = "111"
COMPLAIN = "114"
CRITICISED = {
    *("words", "remarks", "comment", "comments", "plan", "plans", "proposal", "proposals", "policy", "policies"),
    *("record", "decision", "decisions", "budget", "report", "speech", "statement", "claim", "claims", "idea"),
    *("ideas", "scheme", "bill", "law", "reform", "reforms", "privatisation", "privatisations", "approach"),
    *("handling", "stance", "position", "strategy", "manifesto", "programme", "program", "campaign", "pledge"),
    *("promise", "response", "performance", "leadership", "view", "views", "move", "ruling", "verdict", "that"),
    *("this", "article", "book", "film", "documentary", "show", "advert", "poster", "posters", "tax", "taxes"),
    *("spending", "cuts", "figures", "rise", "rises", "increase", "increases", "charges", "fees", "tactics"),
    *("magazine", "magazines", "newspaper", "newspapers", "tabloid", "tabloids", "media", "press", "coverage"),
    *("way", "manner", "failure", "conduct", "attitude", "behaviour", "behavior", "lack", "absence", "use"),
}
"""What is attacked in words: "attacked the plans", "attacked Mr Blair's record", "attacked the way the
deal was handled"."""
CRITICS = {"critic", "critics", "opponent", "opponents", "commentator", "commentators", "reviewer", "reviewers"}
"""Who attacks only in words."""
STATES = {
    *("mean", "remain", "seem", "stay", "exist", "matter", "depend", "include", "contain", "involve"),
    *("represent", "reflect", "appear", "lie", "belong", "equal", "cost", "last", "know", "understand"),
    *("realise", "realize"),
}
"""Verbs of being: what "must" or "should" says of them is how things are to be, not something a party is
asked to do ("diversity must not mean segregation"). "Should have" with a participle is what ought to have
been ("should have acted sooner"), a reproach, not a request."""
IN_WORDS = {"politically", "verbally", "publicly"}
"""Adverbs that make an attack one in words: "I attack him politically"."""
HOLDING = {"have", "gain", "get", "win", "retain", "keep", "hold", "acquire", "exercise", "use"}
"""Verbs whose subject has the power or right their object names: "Chile [has] the right to ..."."""
GRANTING = {"give", "grant", "offer", "hand"}
"""Verbs whose indirect object is given a power or a chance: "gives [Peru] the chance to ..."."""
PERCEIVED = {"see", "regard", "view", "consider", "treat"}
"""Verbs of taking something as something: what "should be seen as" says is a view, not a request."""
GOVERNING_TYPES = {"REQUEST", "REJECT", "THREATEN", "AGREE"}
"""Types whose trigger governs another event's trigger without that event happening."""
REFUSED = {
    "CONSULT": "125",
    "COOPERATE": "121",
    "AID": "121",
    "CONCEDE": "124",
    "RETREAT": "124",
    "AGREE": "127",
    "SUPPORT": "120",
}
"""The CAMEO code of refusing an act of each cooperative type: to meet (125), to cooperate or give (121), to
yield (124), to agree (127), to back someone (120)."""
INTENDED = {"CONSULT": "036", "COOPERATE": "031", "AID": "033", "CONCEDE": "035", "RETREAT": "035"}
"""The CAMEO code of agreeing or pledging to an act of each type: to meet (036), to cooperate (031), to
give aid (033), to yield (035)."""
REFINED = (
    {("REQUEST", "CONSULT"): "108"}
    | {("AGREE", kind): code for kind, code in INTENDED.items()}
    | {("REJECT", kind): code for kind, code in REFUSED.items()}
)
"""(governing type, governed type) to the more specific CAMEO code the pair means."""
_RECIPIENT_CASES = ("with", "to", "on", "against", "from", "into")
_BEHIND_THINGS = ("with", "for", "against", "on", "to", "of")
_WHOSE = ("of", "from", "in")
"""Cases of a phrase that says whose people a group of them is: "leaders [of] France", "ministers [from] Peru"."""
_VISIT_CASES = ("to", "in", "at", "into")
_AID_CASES = (*_RECIPIENT_CASES, "for")
"""Aid is also "for" whom it is meant ("food assistance for Cambodia")."""
_DURING = ("on", "during", "after", "before", "following", "ahead")
"""Prepositions of a phrase of time that a visit can sit in ("[on] a visit to Kenya, the president ...")."""
VISITS = {"042", "043"}
PROJECTILES = {"rocket", "missile", "shell", "bomb", "mortar", "grenade", "drone", "projectile", "shot", "bullet"}
"""Subjects of a passive that are weapons, not the ones attacked: "rockets were fired from Lebanon"."""
WEAPONS = {"gas", "battery", "batteries", "weapon", "gun", "round", "rounds", "salvo", "volley"}
"""What is fired besides projectiles: never the one fired at."""
AIMING_VERBS = {"fire", "shoot", "launch", "throw", "hurl", "lob"}
"""Verbs of sending something at a target: "at" names the one attacked ("shot at police")."""
_CAUSES = ("in", "by", "after", "following", "during", "amid", "from")
MISHAPS = {
    *("crash", "accident", "explosion", "blast", "earthquake", "quake", "storm", "flood", "fire", "landslide"),
    *("avalanche", "disease", "outbreak", "collapse", "hurricane", "typhoon", "cyclone", "tsunami", "drought"),
    *("famine", "virus", "heatwave", "wildfire", "eruption", "mudslide"),
}
"""Happenings that kill or destroy without anyone acting: as the agent of a passive they are no party."""
DISASTERS = (MISHAPS - {"explosion", "blast"}) | {"flooding", "disaster"}
"""Mishaps that no one carries out (unlike a blast or an explosion, which may be a bomb's): the dead of "were
killed in the earthquake" or "after the tsunami" were attacked by no one."""
CROWDS = {
    *("police", "policemen", "troops", "soldiers", "forces", "army", "protesters", "protestors", "demonstrators"),
    *("rioters", "crowd", "crowds", "mob", "fans", "supporters", "youths", "gangs", "militants", "rebels"),
    *("insurgents", "gunmen", "fighters", "militia", "militias", "settlers", "villagers", "strikers", "students"),
}
"""Who clashes by force: with them a clash is a fight, not an argument."""
BODIES = {
    *("party", "parties", "government", "parliament", "council", "committee", "commission", "union", "unions"),
    *("company", "firm", "board", "court", "judge", "ministry", "administration", "cabinet", "opposition"),
}
"""Common nouns for bodies that clash in words."""
CUSTOMERS = {
    *("users", "customers", "consumers", "people", "viewers", "listeners", "subscribers", "fans", "players"),
    *("gamers", "shoppers", "buyers", "owners", "drivers", "motorists", "passengers", "readers", "visitors"),
    *("us", "you", "me", "anyone", "everyone", "surfers", "callers", "clients", "travellers", "musicians"),
}
"""Whom a product or a company lets do things: its customers, not a party to a concession."""
TRAVELLERS = {
    *("migrants", "immigrants", "refugees", "seekers", "asylum-seekers", "tourists", "visitors", "travellers"),
    *("under-18s", "students", "workers", "holidaymakers", "pilgrims", "fans", "families", "minors", "arrivals"),
}
"""Unnamed people whose arrival is travel, not a party's visit."""
TROOPS = {"troops", "soldiers", "forces", "peacekeepers", "contingent", "battalion", "battalions", "units"}
"""Heads of a party that is armed forces on the move: their arrival is a deployment, not a visit."""
_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")
_PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass")
_FORWARD = re.compile(
    r"\b(?:next|coming)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bfor\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b"
    r"|\b(?:later\s+this|in\s+the\s+coming)\s+(?:week|month|year|days|weeks|months)\b",
    re.IGNORECASE,
)
"""A date ahead of the story makes a plain verb a plan: "has called a march for Saturday"."""
CARRYING_VERBS = {
    *("impose", "announce", "adopt", "approve", "hold", "launch", "begin", "start", "continue", "resume", "open"),
    *("conduct", "stage", "pay", "make", "host", "organise", "organize", "call", "plan", "join", "attend", "seek"),
    *("order", "file", "lodge", "mount", "carry", "wage", "prepare", "send", "give", "grant", "extend"),
}
"""Verbs whose subject is the actor of the event noun they take: "ECOWAS [imposed] sanctions", "Peru will
[open] talks"; with other verbs ("accused them of inviting sanctions") the noun's actor is unknown."""
CLAIMING_VERBS = {"claim", "take", "accept", "admit"}
"""Verbs whose subject, taking "responsibility for" an act, is its actor (denying it is no claim)."""
RECEIVING_VERBS = {"receive", "get", "accept", "obtain", "win", "earn", "gain", "attract", "draw", "face", "garner"}
"""Verbs whose subject is the recipient of the event noun they take, given "from" someone: "received
weapons from", "won backing from", "faced criticism from"."""
UNDERGONE_NOUNS = {
    *("arrest", "assassination", "killing", "murder", "detention", "release", "expulsion", "deportation"),
    *("extradition", "execution", "kidnapping", "abduction", "capture", "imprisonment", "jailing", "sacking"),
    *("dismissal", "impeachment", "ouster", "removal", "indictment", "conviction", "torture", "internment"),
    "suspension",
}
"""Event nouns whose possessor, when no "of" phrase names who it is done to, is that one: "his arrest",
"Hariri's assassination", "the chairman's suspension from the party"."""
KIN = {"brothers", "sisters", "partners", "friends", "colleagues", "allies", "members", "counterparts"}
"""Words for people that stand for the body they belong to ("our brothers in ECOWAS")."""
HAPPEN = {"happen", "occur", "follow", "result", "spread", "worsen"}
"""Verbs whose subject is something that comes about, not someone who acts."""
OFFICIAL = {"GOV", "IGO", "MIL"}
PROTESTERS = {
    *("protesters", "protestors", "demonstrators", "rioters", "protester", "protestor", "demonstrator"),
    *("crowd", "crowds", "mob", "mobs"),
}
"""Heads of a party whose damage to property is a riot."""
HARMS = {"ASSAULT", "COERCE", "PROTEST"}
ULTIMATUMS = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT", "RETREAT"}
"""Acts that, held out "unless" another acts, make an ultimatum: force, sanctions, protest, a boycott, a
withdrawal."""
ULTIMATUM = "139"
ENFORCERS = {*TROOPS, "police", "army", "military"}
"""Armed forces and police, whose next move a warning holds out as the warner's own side's."""
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"}
"""Acts a warning may hold out, which make it a threat."""
"""Event types where people the text does not name (`participants.ANYONE`) are parties: harmed or protesting."""
"""Sectors whose members gathering is a meeting, not a demonstration."""
ARGUMENTS = {
    *("plan", "policy", "policies", "record", "remark", "comment", "decision", "proposal", "idea", "claim"),
    *("budget", "strategy", "stance", "speech", "leadership", "manifesto", "bill", "reform", "approach"),
    *("handling", "performance", "statement", "view", "argument", "rhetoric", "report", "cost", "system"),
    *("failure", "cut", "cuts", "programme", "program", "agenda", "line"),
}
"""What one attacks with words, not weapons: "an attack on the government's spending plans" is criticism."""
OBJECT_CONTROL = {
    *("allow", "permit", "want", "wish", "ask", "urge", "force", "press", "pressure", "persuade", "convince"),
    *("encourage", "invite", "tell", "order", "expect", "enable", "help", "require", "compel", "oblige"),
}
"""Verbs whose object does what their to-infinitive says ("allowed [Peru] to withdraw"), where the parser
made the infinitive an adverbial clause rather than a complement."""
FORCE_JOINING = {"join", "combine", "unite", "pool"}
"""Verbs that with "forces" say parties work together ("joined forces to build"): no troops are sent."""
TOPIC_VERBS = {"discuss", "negotiate", "debate", "review"}
"""Verbs of meeting whose object is what the meeting is about, not who it is with."""
ENGAGING_VERBS = {"engage", "draw", "involve"}
"""Verbs whose subject and object are the parties of the event noun "in" which they engage."""


def find_events(
    doc: Doc,
    entities: EntityIndex,
    published: date | None = None,
    actors: ActorDictionary | None = None,
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """Every event the article reports, in text order; `actors` is the user's actor dictionary, `quotes`
    the article's quotes, whose speakers are the "I" and "we" of their words."""
    voices = tuple((start, end, q.speaker) for q in quotes if q.speaker for start, end in q.parts)
    coder = Coder(entities, actors, voices)
    verbs = actors.verbs if actors else None
    if verbs and verbs.discards_story(doc):
        return []  # a story-level discard phrase ("+TYPHOON"): the user codes no events from such stories
    triggers = find_triggers(doc, verbs)
    sporting = sports_report(text_of(doc))
    disastrous = disaster_report(text_of(doc))
    if verbs and verbs.discards:
        triggers = [t for t in triggers if not verbs.discards_sentence(doc[t.token].sent)]
    by_token = {t.token: t for t in triggers}
    demands = _demands(doc, by_token)
    demanded = {c.i for d in demands for c in doc[d.token].children if c.dep_ == "ccomp"}
    coded: list[tuple[Trigger, list[Event]]] = []
    for trigger in [*triggers, *demands]:
        if trigger.token in demanded or _governed(doc, trigger, by_token) or _protest_demand(doc, trigger, by_token):
            continue
        if _object_of_trigger(doc, trigger, by_token) or reports_none(doc, trigger, by_token, sporting):
            continue
        if _purpose_of_meeting(doc, trigger, by_token) or _means_of_passive(doc, trigger):
            continue
        coded.append((trigger, _events(doc, trigger, coder, published, disastrous)))
    events = [event for trigger, found in coded for event in _reacting_to(doc, trigger, found, coded, coder)]
    events += accusations(doc, events, coder.code)
    return sorted(events, key=lambda e: e.trigger.start)


def _reacting_to(
    doc: Doc, trigger: Trigger, found: list[Event], coded: list[tuple[Trigger, list[Event]]], coder: Coder
) -> list[Event]:
    """ "ECOWAS imposed sanctions ... Guinea-Bissau rejected the decision", "Laos started releasing water
    ... Vietnam welcomed the release": a reaction to an act reported just before, named by a word for it,
    is aimed at whoever did that act. The act is the latest one before, within three sentences, by
    another party (not the reacting one, nor a body it belongs to: an ECOWAS commissioner does not react
    to ECOWAS); "the decision", "the move" or "the measures" may be any act, "the sanctions" or "the
    release" only one whose trigger has that word."""
    verb = doc[trigger.token]
    if trigger.entry.pos != "verb" or not found or any(e.recipient for e in found) or found[0].type not in REACTIONS:
        return found
    thing = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.pos_ == "NOUN"), None)
    if thing is None or any(c.dep_ in ("nmod:poss", "poss") or case_of(c) == "by" for c in thing.children):
        return found
    word = thing.lemma_.lower()
    generic = word in ACTS
    starts = [s.start for s in sentences(doc) if s.start <= verb.i]
    earliest = starts[-4] if len(starts) >= 4 else 0
    actors = {(e.actor.name, e.actor.country) for e in found if e.actor}
    actors |= {(name, None) for e in found if e.actor for name in coder.affiliations(e.actor)}
    for earlier, events in sorted(coded, key=lambda pair: pair[0].token, reverse=True):
        if not earliest <= earlier.token < verb.i:
            continue
        if not generic and word[:5] not in " ".join(doc[i].lower_ for i in earlier.words):
            continue
        for event in events:
            if generic and event.type in REACTIONS:
                continue  # "the decision" is an act, not someone's welcome of one
            if event.actor is not None and not _same_party(event.actor, actors):
                return [replace(e, recipient=event.actor) for e in found]
    owner = _owner_before(thing, earliest, coder, actors)
    return [replace(e, recipient=owner) for e in found] if owner is not None else found


def _owner_before(thing: Token, earliest: int, coder: Coder, actors: set[tuple[str, str | None]]) -> Participant | None:
    """ "The talks stumbled on Cambodia's proposal ... Laos rejected the proposal": a thing reacted to
    that an earlier sentence gave an owner, by the same word ("Cambodia's [proposal]"), is the owner's."""
    doc = thing.doc
    for token in reversed(doc[earliest : thing.i]):
        if token.lemma_.lower() != thing.lemma_.lower() or token.pos_ != "NOUN":
            continue
        owner = next((c for c in token.children if c.i < token.i and possessive(c)), None)
        party = coder.code(owner) if owner is not None else None
        if party is not None and not _same_party(party, actors):
            return party
    return None


def _same_party(participant: Participant, parties: set[tuple[str, str | None]]) -> bool:
    return any(participant.name == name or (participant.country and participant.country == c) for name, c in parties)


def _object_of_trigger(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """ "Ukraine ratified [an agreement]", "the two sides endorsed [the deal]": a noun trigger that is the
    object of a verb trigger is what that verb's event is about, not an event of its own."""
    noun = doc[trigger.token]
    verb = by_token.get(noun.head.i)
    if verb is None or _type(verb.entry.cameo) == "ACCUSE":
        return False  # "condemned Russia's attack on Ukraine": the attack happened, and is coded too
    return noun.pos_ == "NOUN" and noun.dep_ in ("obj", "dobj") and verb.token != noun.i


def _attack_in(verb: Token) -> Token | None:
    """The attack a passive says someone suffered in: "killed [in] an air strike", "wounded [in] shelling"."""
    for child in verb.children:
        found = trigger_at(child) if child.dep_ == "obl" and case_of(child) == "in" else None
        if found is not None and found.token == child.i and _type(found.entry.cameo) == "ASSAULT":
            return child
    return None


def _means_of_passive(doc: Doc, trigger: Trigger) -> bool:
    """ "were killed in [an air strike]": an attack that a passive verb trigger says its subject suffered in
    is that verb's event (`_attack_in`), not one of its own."""
    verb = doc[trigger.token].head
    attack = _attack_in(verb) if trigger_at(verb) is not None and is_passive(verb) else None
    return attack is not None and attack.i == trigger.token


def _purpose_of_meeting(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """ "met Assad on Tuesday [to discuss] the border", "will return to Bissau [to discuss] the budget": a
    meeting given as the purpose of a meeting or visit is that same encounter, not a second one, unless it
    names a party of its own ("flew to Paris [to meet] the president", "to meet with ...")."""
    head = doc[trigger.token]
    if head.dep_ != "advcl" or not to_infinitive(head):
        return False
    governor = by_token.get(head.head.i)
    if governor is None or not _type(trigger.entry.cameo) == _type(governor.entry.cameo) == "CONSULT":
        return False
    for child in head.children:
        if child.dep_ in ("obj", "dobj") and not lemma_in(head, TOPIC_VERBS):
            return False  # "to meet the president"
        if case_of(child) == "with":
            return False  # "to meet with ...", "to discuss the budget with the government"
    return True


def _protest_demand(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """ "Farmers marched on the capital demanding lower fuel prices", "staged rallies, calling for new
    elections", "began a hunger strike to demand ...": a demand made while protesting is what the protest
    is about, not a request of its own."""
    head = doc[trigger.token]
    purpose = to_infinitive(head)  # "would blockade Paris to demand"
    if _type(trigger.entry.cameo) != "REQUEST" or not (head.lower_.endswith("ing") or purpose):
        return False
    sentence = head.sent
    return any(
        sentence.start <= t.token < sentence.end and _type(t.entry.cameo) == "PROTEST" for t in by_token.values()
    )


def _demands(doc: Doc, by_token: dict[int, Trigger]) -> list[Trigger]:
    """ "Straw said the government must reach an agreement": a verb of saying whose reported clause says
    what someone else must or should do is a REQUEST from the speaker to that someone."""
    found = []
    for token in doc:
        if token.dep_ != "aux" or token.lower_ not in ("must", "should") or token.head.dep_ != "ccomp":
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text == "-":
            continue  # "the latest must-have technology"
        clause, speech = token.head, token.head.head
        subject = _real_subject(clause)
        if not lemma_in(speech, REPORTING) or speech.i in by_token or subject is None:
            continue
        auxiliaries = [a.lemma_.lower() for a in clause.children if a.dep_ == "aux"]
        stative = clause.lemma_.lower() in STATES or not STATES.isdisjoint(auxiliaries) or "have" in auxiliaries
        if stative or _guessed(token, clause) or _no_one_asked(subject, clause) or is_thing(subject):
            continue  # "diversity must not mean segregation", "prices should fall"
        if subject.pos_ == "PRON" and subject.lower_ in FIRST_PERSON:
            continue  # "we must all show unity"
        found.append(Trigger(speech.i, (speech.i,), DEMAND))
    return found


def _guessed(modal: Token, clause: Token) -> bool:
    """ "Garcia and Ruiz must be wondering how the season went so wrong": "must" before a verb in "-ing"
    guesses what is going on; "they should be doing more" still demands."""
    going_on = any(a.dep_ == "aux" and a.lemma_.lower() == "be" for a in clause.children)
    return modal.lower_ == "must" and going_on and clause.pos_ == "VERB" and clause.lower_.endswith("ing")


def _no_one_asked(subject: Token, clause: Token) -> bool:
    """ "The verdict should persuade everyone to back the reforms": a thing that should act is a hope, not a
    demand on anyone; "the findings should be seen as a warning" says how to see them, and "it should be up
    to each school", "the clinic should be a priority" how things ought to be. A party that should act, or
    be something ("the ministry should publish the report", "the government should be careful"), is asked;
    so are people named by a plural ("brokers must disclose their fees"), whoever is to do what a passive
    names ("the law should be rewritten", "it should be delayed"), and whoever is to make happen what
    "there should be" calls for."""
    pronoun = subject.pos_ == "PRON" and subject.lower_ not in ("this", "that", "these", "those", "which", "what")
    party = pronoun or subject.pos_ == "PROPN" or party_word(subject)
    if subject.lower_ == "there" or any(c.dep_ == "expl" for c in clause.children):
        return False
    if clause.lemma_.lower() == "be" or any(c.dep_ == "cop" for c in clause.children):
        return not (party and subject.lower_ != "it" and clause.pos_ == "ADJ")
    if is_passive(clause):
        return clause.lemma_.lower() in PERCEIVED and any(case_of(c) == "as" for c in clause.children)
    plural = "Plur" in subject.morph.get("Number")
    return not (party or plural)


def _governed(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """Whether a refusal, appeal, threat or agreement governs this trigger ("refused to [meet]", "its
    demand that Russia [withdraw]")."""
    noun = doc[trigger.token]
    asked = trigger_at(noun.head) if _asked_for(noun) else None
    if asked is not None and _type(asked.entry.cameo) in GOVERNING_TYPES:
        return True  # "called for talks with Chile", "agreed to a ceasefire": the talks have not happened
    words = chain(doc[trigger.token])
    clause = words[-1]
    to_clause = clause.dep_ == "advcl" and to_infinitive(clause)
    if (clause.dep_ in ("acl", "ccomp") or to_clause) and nominal(clause.head):
        words.append(clause.head)  # "its demand that Russia [withdraw]", "Peru's refusal to [meet]"
    for word in words[1:]:
        governor = by_token.get(word.i)
        if governor is not None and _type(governor.entry.cameo) in GOVERNING_TYPES:
            return True
    clause = words[-1]
    warning = by_token.get(clause.head.i) if clause.dep_ == "ccomp" else None
    if warning is not None and _type(warning.entry.cameo) == "THREATEN":
        # "warned that organisers would be [arrested]": the act a warning holds out is the threat's
        return status_of(doc[trigger.token])[0] in ("future", "hypothetical")
    return False


def _events(doc: Doc, trigger: Trigger, coder: Coder, published: date | None, disastrous: bool) -> list[Event]:
    """The events one trigger codes: one per actor and recipient pair, both ways for reciprocal ones;
    `disastrous` says the article reports a natural disaster (`events.disasters`)."""
    head = doc[trigger.token]
    # a user's dictionary has coded its verb in context already
    code = trigger.entry.cameo if trigger.entry.user_code else _refined_code(doc, trigger)
    mapping = plover_for(code)
    if mapping is None:
        return []
    actors, recipients = _parties(head, trigger)
    if code in VISITS and actors and all(trigger_at(a) is not None for a in actors):
        return []  # "aid from Japan arrived in Haiti": a thing arrives, nobody visits
    if code in VISITS and (_nowhere(head, coder) if trigger.entry.pos == "verb" else _no_return(head)):
        return []
    if code in VISITS and trigger.entry.pos == "verb" and _travellers(head):
        return []
    if _type(code) == "THREATEN" and (_course_warned_of(head) or (not recipients and _forecast(head))):
        return []
    if trigger.entry.trigger == "warn" and not _menace(head):
        return []  # "the IMF warned that India's deficit was too large", "warned against complacency"
    if mapping.type == "ASSAULT" and (any(lemma_in(r, ARGUMENTS) for r in recipients) or _blamed_for(head)):
        # "launched an attack on the opposition's spending plans", "attacked the minister for failing to
        # mention the fisheries": words against words, or against someone for what they did, are criticism
        code = "111"
        mapping = plover_for(code) or mapping
    coded_actors = [p for a in actors for p in _actors(a, coder)]
    coded_recipients = [p for r in recipients for p in _recipients(r, coder)]
    if _for_customers(head, trigger, recipients, coded_actors):
        return []
    if mapping.type not in HARMS:
        coded_actors = [p for p in coded_actors if not _anyone(p)]
        coded_recipients = [p for p in coded_recipients if not _anyone(p)]
    if trigger.entry.trigger == "gather" and coded_actors and all(a.sector in OFFICIAL for a in coded_actors):
        code = "040"  # "West African leaders gathered in Abuja": officials who gather meet, they do not protest
        mapping = plover_for(code) or mapping
    elif trigger.entry.trigger == "gather" and trigger.entry.pos == "verb" and not gathered_in_protest(head):
        return []  # "friends gathered at the church": no demonstration
    if code.startswith(("171", "190")) and coded_actors and all(_protesting(a) for a in coded_actors):
        code = "145"  # "protesters set fire to the embassy", "protesters stormed the parliament": a riot
        mapping = plover_for(code) or mapping
    if trigger.entry.trigger == "provide" and not coded_recipients:
        return []  # "has provided strong leadership", "provide local services": aid goes to someone
    if trigger.entry.trigger == "release" and not coded_recipients and not frees_something(head):
        return []  # "released its first album", "figures released on Friday": a release frees someone
    if (trigger.entry.trigger.startswith("launch ") or trigger.entry.trigger == "storm") and not coded_recipients:
        return []  # "launched a rocket into space", "stormed the charts": an attack is on someone
    if not coded_recipients and mapping.type == "PROTEST":
        coded_recipients = [p for p in [_protested_in(head, coder)] if p is not None]
    if not coded_actors and not coded_recipients:
        return []
    killing = mapping.type == "ASSAULT" and not coded_actors and trigger.entry.pos == "verb"
    if killing and _in_disaster(head, disastrous):
        return []
    if trigger.entry.pos == "noun" and mapping.type in GOVERNING_TYPES and not trigger.entry.reciprocal:
        # "the threat to peace": a threat, refusal or demand is someone's; "the government's refusal showed
        # ...": one that names nothing it refuses, threatens or asks for is one reported before
        said = (
            coded_recipients
            or _governed_words(head, noun=True)
            or any(c.dep_ in ("nmod", "acl") and not possessive(c) for c in head.children)
        )
        if not coded_actors or not said:
            return []
    if (
        trigger.entry.trigger == "talk"
        and trigger.entry.pos == "verb"
        and not coded_recipients
        and len(coded_actors) < 2
    ):
        return []  # "I will talk about the harvest": talking with nobody named is no meeting
    deployed = bool(coded_actors) and all(_deployed(a) for a in coded_actors)
    if code == "042" and not coded_recipients and not deployed:
        # "The band will return", "the quiz show is to return for a third run": going nowhere named; "during
        # her visit", "his first visit ended without a meeting": a visit named before, where it was coded
        return []
    if code in VISITS and deployed:
        # "UN peacekeeping troops have arrived in the north": troops that arrive are deployed, not visiting
        code = "074" if any("peacekeep" in a.name.lower() for a in coded_actors) else "154"
        mapping = plover_for(code) or mapping
    pairs: list[tuple[Participant | None, Participant | None]]
    if not coded_recipients and trigger.entry.reciprocal and len(coded_actors) > 1:
        pairs = [(a, b) for a in coded_actors for b in coded_actors if a is not b]
    else:
        pairs = [(a, r) for a in (coded_actors or [None]) for r in (coded_recipients or [None])]
    # "Kenya imposed a curfew on Mombasa": a recipient that codes to the actor itself (a city of its
    # own country) leaves the event without one rather than dropping it.
    unique: list[tuple[Participant | None, Participant | None]] = []
    for actor, recipient in pairs:
        if code in VISITS and _home(head, actor, recipient):
            continue
        if actor is not None and recipient is not None and actor.name == recipient.name:
            recipient = None
        if (actor, recipient) not in unique:
            unique.append((actor, recipient))
    status, word = status_of(head, (doc[i] for i in trigger.words))
    if status == "negated" and mapping.type in REFUSED and word is not None and _will_not(word, head):
        # "said he would not provide support to Bolivia", "Chile will not sign": a refusal, REJECT asserted
        code, status, word = REFUSED[mapping.type], "asserted", None
        mapping = plover_for(code) or mapping
    if status == "hypothetical" and word is not None and word.lower_ == "unless" and mapping.type in ULTIMATUMS:
        # "will withdraw its troops unless Chad agrees a ceasefire": an ultimatum (139), asserted, to the
        # one the condition asks to act; the act it holds out is not an event
        code, status, word = ULTIMATUM, "asserted", None
        mapping = plover_for(code) or mapping
        asked = _real_subject(word_head) if (word_head := _condition_clause(head)) is not None else None
        target = coder.code(asked) if asked is not None else None
        if target is not None:
            actors_of = [actor for actor, _ in unique]
            unique = [(actor, target) for i, actor in enumerate(actors_of) if actor not in actors_of[:i]]
    described = trigger_at(head.head) if head.dep_ == "acl" and head.head.pos_ == "NOUN" else None
    if status == "asserted" and described is not None:
        # "The talks, hosted by Thailand, are scheduled to open": hosting a planned event is planned too
        planned, planned_by = status_of(head.head)
        if planned in ("future", "hypothetical"):
            status, word = planned, planned_by
    evidence = TextSpan(word.text, word.idx, word.idx + len(word.text)) if word is not None else None
    sentence = head.sent
    forward = _FORWARD.search(sentence.text) if status == "asserted" else None
    if forward and not _simple_past(chain(head)[-1]):
        status = "future"  # "has called a march for Saturday", "will travel next week"
        start = sentence.start_char + forward.start()
        evidence = TextSpan(forward.group(0), start, start + len(forward.group(0)))
    if trigger.entry.user_code is not None and code == trigger.entry.cameo:
        code = trigger.entry.user_code  # the user's own code, where no rule of ours recoded the event
    info = cameo(code)
    when = _date(sentence, head, published, status)
    words = [doc[i] for i in trigger.words]
    first, last = min(w.i for w in words), max(w.i for w in words)
    trigger_span = doc[first : last + 1] if last - first < 5 else doc[head.i : head.i + 1]
    return [
        Event(
            actor=actor,
            recipient=recipient,
            type=mapping.type,
            status=status,
            sentence=(sentence.start_char, sentence.end_char),
            trigger=TextSpan(trigger_span.text, trigger_span.start_char, trigger_span.end_char),
            mode=mapping.mode or None,
            context=list(mapping.context),
            cameo=code,
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            date=when.isoformat() if when else None,
            confidence=0.8 if trigger.entry.pos == "verb" else 0.6,
            evidence=evidence,
            clause=chain(head)[-1].i,
        )
        for actor, recipient in unique
    ]


def _protesting(participant: Participant) -> bool:
    """A crowd or protesters, whose damage to property or attack is rioting (CAMEO 145), not a seizure (171)
    or an armed attack (190)."""
    return participant.entity is None and participant.name.split()[-1].lower() in PROTESTERS


def _condition_clause(verb: Token) -> Token | None:
    """The verb of the "unless" clause on `verb` or a verb governing it ("will withdraw ... [unless] Chad
    [agrees] ...")."""
    for word in chain(verb):
        for clause in word.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children):
                return clause
    return None


def _will_not(negation: Token, verb: Token) -> bool:
    """ "will not", "won't", "would not" before the act itself: a negation of what someone is going to do,
    that is, a refusal ("will not have to apologise" refuses nothing)."""
    return (
        negation.head.i == verb.i
        and negation.lower_ in ("not", "n't")
        and any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "would", "'ll") for c in verb.children)
    )


def _anyone(participant: Participant) -> bool:
    """ "people", "a woman", "gay people", "people in the region": a party with no name, country or group
    of its own (`participants.ANYONE`)."""
    words = {w.lower() for w in participant.name.split()}
    return participant.entity is None and participant.country is None and not words.isdisjoint(ANYONE)


def _for_customers(head: Token, trigger: Trigger, recipients: list[Token], actors: list[Participant]) -> bool:
    """ "The bank will allow customers to open accounts online", "an app to allow shoppers to pay by
    phone", "inviting buyers to try the new model": what a product or a company lets or invites its
    customers to do is no concession or invitation between parties; a government, a party or
    an army allowing people something is one ("the Greens would allow renters to buy their flats")."""
    if trigger.entry.trigger not in ENABLING | {"invite"} or not recipients:
        return False
    if not all(r.lower_ in CUSTOMERS for r in recipients):
        return False
    subject = _subject(head)
    unofficial = any(a.sector not in OFFICIAL for a in actors)
    return unofficial or (subject is not None and (subject.lower_ in ("it", "that", "which") or is_thing(subject)))


def _travellers(verb: Token) -> bool:
    """ "Thousands of children have arrived in Spain", "hundreds of migrants arrived": unnamed people who come
    and go, no party's visit. The parser may read a number before them as the subject, or the whole
    phrase as an oblique; either way it stands before the verb with no preposition of its own."""
    unnamed = ANYONE | TRAVELLERS
    for phrase in verb.children:
        if phrase.i > verb.i or phrase.dep_ not in (*_SUBJECTS, "obl") or phrase.ent_type_ or _preposition(phrase):
            continue
        heads = [phrase, *(c for c in phrase.children if c.dep_ == "nmod" and case_of(c) in (None, "of"))]
        if any(word.lower_ in unnamed for word in heads):
            return True
    return False


def _preposition(phrase: Token) -> bool:
    """Whether a phrase opens with a preposition, not counting the "at" of "at least 400 pilgrims"."""
    case = next((c for c in phrase.children if c.dep_ == "case"), None)
    if case is None:
        return False
    following = phrase.doc[case.i + 1] if case.i + 1 < len(phrase.doc) else case
    return not (case.lower_ == "at" and following.lower_ in ("least", "most"))


def _in_disaster(verb: Token, disastrous: bool) -> bool:
    """ "were killed in the earthquake", "killed following a massive underwater earthquake", "the storm
    killed 20", "the tidal wave that killed 9,000 people": deaths a disaster caused, not an attack; and in a
    report of a natural disaster (`disastrous`), a killing with no word of violence in its sentence
    ("at least 9,000 people were killed on the islands, officials said")."""
    subject = _subject(verb)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ in ("relcl", "acl:relcl", "acl"):
        subject = verb.head
    if subject is not None and _disaster(subject):
        return True
    # "were killed in the earthquake", "killed and left homeless after an earthquake sent waves ...", however
    # the parser hung the phrase of the cause
    if any(_disaster(t) and case_of(t) in _CAUSES for t in verb.sent):
        return True
    return disastrous and not violent([t.text for t in verb.sent])


def _disaster(word: Token) -> bool:
    if word.lemma_.lower() in DISASTERS or word.lower_ in DISASTERS:
        return True
    return word.lower_ in ("wave", "waves") and any(c.lower_ == "tidal" for c in word.children)


def _home(verb: Token, actor: Participant | None, place: Participant | None) -> bool:
    """ "Badji, Senegal's foreign minister, flew back to Dakar", "flew home": going home is no visit."""
    homeward = any(c.lower_ in ("back", "home") for c in verb.children)
    if place is None:
        return homeward
    if actor is None or actor.country is None or actor.country != place.country:
        return False
    return homeward or lemma_in(verb, {"return"})


def _no_return(noun: Token) -> bool:
    """ "Mr Campbell's return" to a job: a return names a visit only with where to ("his return to Lima")."""
    return noun.lemma_.lower() == "return" and _prepositional(noun, _VISIT_CASES) is None


def _blamed_for(verb: Token) -> bool:
    """ "attacked the minister [for failing to mention ...]": an attack for a reason given in words."""
    return any(
        c.dep_ in ("advcl", "obl") and c.pos_ == "VERB" and any(m.lower_ == "for" for m in c.children if m.i < c.i)
        for c in verb.children
    )


def _nowhere(verb: Token, coder: Coder) -> bool:
    """ "arrived in power", "travelling to the event", "will never return to the mistakes of the past": a
    destination that is neither a place nor a party, nor an event one attends ("travelled to the talks");
    or a thing returned."""
    if lemma_in(verb, {"return"}) and any(c.dep_ in ("obj", "dobj") for c in verb.children):
        return True  # "sued the bank to return 136m euros": giving back, not going back
    destination = _prepositional(verb, _VISIT_CASES)
    if destination is None or destination.pos_ != "NOUN" or destination.ent_type_ or _party_noun(destination):
        return False
    if trigger_at(destination) is not None or names_people(destination.text) or find_role(destination.lemma_):
        return False
    return coder.code(destination) is None


def _forecast(verb: Token) -> bool:
    """ "The UNECE warned that growth could be threatened": a warning about what may happen to a thing is
    a forecast, not a threat; one that names who will act ("warned that they would extend the blockade",
    "that organisers would be arrested") may be one."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subject = _real_subject(clause) if clause is not None else None
    if subject is not None and subject.pos_ == "NOUN" and (trigger_at(subject) is not None or lemma_in(clause, HAPPEN)):
        return True  # "warned that a Madrid-style bombing could happen": an event, not a party
    if subject is None or subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ or _party_noun(subject):
        return False
    return not (
        names_people(subject.text)
        or find_role(subject.lemma_) is not None
        or any(t.pos_ == "PROPN" or t.ent_type_ for t in subject.subtree)
    )


def _course_warned_of(verb: Token) -> bool:
    """ "warned that closing the mine would have dire consequences for the town": a reported clause whose
    subject is itself a clause weighs a course of action, and what it leads to is no one's threat unless
    the clause names who will answer it ("closing the mine would force [it] to strike")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    course = next((c for c in clause.children if c.dep_.startswith("csubj")), None) if clause is not None else None
    if clause is None or course is None:
        return False
    weighed = {t.i for t in course.subtree}
    rest = [t for t in clause.subtree if t.i not in weighed]
    return not any(t.pos_ in ("PRON", "PROPN") or t.ent_type_ for t in rest)


def _menace(warning: Token) -> bool:
    """Whether a warning holds out something hostile, which makes it a threat: a hostile act or its
    consequences ("warned that organisers would face arrest", "warned of retaliation", "warned it would
    impose sanctions"), the next move of the speaker's own side or of armed forces or police ("warned they
    would return with more boats", "warned that police would break up any march"), or "not to" act.
    Most warnings are forecasts ("warned that its output may fall"), judgements ("warned that the strikes
    could be unlawful") or advice ("warned against complacency"), which no event coder counts as a
    threat."""
    clause = next((c for c in warning.children if c.dep_ == "ccomp"), None)
    warned = [warning, *(c for c in warning.children if c.dep_ in ("obj", "dobj"))]  # "warned [Peru] of ..."
    about = [c for w in warned for c in w.children if c.dep_ in ("obl", "nmod") and case_of(c) in ("of", "about")]
    if any(
        c.dep_ in ("xcomp", "advcl") and any(g.lower_ in ("not", "n't") for g in c.children) for c in warning.children
    ):
        return True  # "warned Peru not to send troops"
    for phrase in ([clause] if clause is not None else []) + about:
        if phrase is clause and any(c.dep_ == "cop" for c in clause.children) and clause.pos_ == "ADJ":
            continue  # "warned that the strikes could be unlawful": a judgement of how something is
        words = list(phrase.subtree)
        if any(w.lemma_.lower() in MENACES or _hostile(w) for w in words):
            return True
        subject = _real_subject(phrase) if phrase is clause else None
        # the speaker's own side, or forces that do what threats hold out ("police will no longer tolerate")
        own = subject is not None and subject.lower_ in ("we", "they", "it", "i", *ENFORCERS)
        if own and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "wo") for c in phrase.children):
            return True
    return False


def _hostile(word: Token) -> bool:
    found = trigger_at(word)
    return found is not None and _type(found.entry.cameo) in HOSTILE


def _actors(head: Token, coder: Coder) -> list[Participant]:
    """The actors a phrase names: one for each country of a list that says whose people act ("the leaders
    of France, Germany and Italy met": three, each meeting the others), else the phrase's one."""
    coded = coder.code(head)
    if coded is None or coded.entity is not None or coded.sector is None or head.pos_ not in ("NOUN", "PROPN"):
        return [coded] if coded is not None else []
    listed = next((c for c in head.children if c.dep_ == "nmod" and case_of(c) in _WHOSE), None)
    members = _listed(listed) if listed is not None else []
    parties = [coder.code(m) for m in members]
    if len(members) < 2 or not all(p is not None and p.country for p in parties):
        return [coded]
    group, case = _words_to(head), case_of(listed)
    return [
        Participant(f"{group} {case} {_words_to(m)}", None, p.country, coded.sector)
        for m, p in zip(members, parties, strict=True)
        if p is not None
    ]


def _words_to(head: Token) -> str:
    """The words of a phrase up to its head, without articles or a list's commas: "prime ministers"."""
    return " ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct", "cc", "case"))


def _listed(phrase: Token) -> list[Token]:
    """The members of a list that opens with `phrase`, also where the parser split it and made the rest a
    subject of its own ("Ministers from Peru[, Chile and Bolivia] signed")."""
    members = conjuncts(phrase)
    after = phrase.doc[phrase.right_edge.i + 1 : phrase.right_edge.i + 3]
    if len(members) == 1 and len(after) == 2 and after[0].text == "," and after[1].dep_ in _SUBJECTS:
        rest = conjuncts(after[1])
        members += rest if len(rest) > 1 else []
    return members


def _split_list_owner(subject: Token) -> Token | None:
    """ "Ministers from Peru, [Chile] and Bolivia signed": the subject whose list the parser split off as
    another subject of the same verb, or None."""
    for sibling in subject.head.children:
        if sibling.i >= subject.i or sibling.dep_ not in _SUBJECTS:
            continue
        listed = next((c for c in sibling.children if c.dep_ == "nmod" and case_of(c) in _WHOSE), None)
        if listed is not None and subject in _listed(listed):
            return sibling
    return None


def _recipients(head: Token, coder: Coder) -> list[Participant]:
    """The recipients a phrase names (`_recipient`), one for each party of a list the phrase is about:
    "welcomed the resumption of ties [with Chile, Bolivia and Ecuador]", "welcomed [talks between
    Eriador and Osgiliath]" are aimed at each of them."""
    coded = _recipient(head, coder)
    if coded is None:
        return []
    if coded.entity is not None or head.pos_ != "NOUN":
        return [coded]
    listed = next(
        (
            t
            for t in head.subtree
            if t.i > head.i and case_of(t) in (*_BEHIND_THINGS, "between") and any(c.dep_ == "conj" for c in t.children)
        ),
        None,
    )
    members = conjuncts(listed) if listed is not None else []
    # "to Chile and Peru, [a Lima-based weekly] reports": a source the parser joined to the list
    members = [m for m in members if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in m.children)]
    parties = [coder.code(c) for c in members if c.pos_ in ("PROPN", "NOUN")]
    # every member a country or an international body, or the list is not one of parties
    if (
        len(parties) < 2
        or len(parties) < len(members)
        or not all(p and (p.country or p.sector in OFFICIAL) for p in parties)
    ):
        return [coded]
    return [p for p in parties if p is not None]


def _recipient(head: Token, coder: Coder) -> Participant | None:
    """The recipient a phrase names; a phrase that names a thing, not a party, gives way to the party it
    is with, for, against or of, or that owns it: "ratified an agreement [with the Andean Community]", "issued
    arrest warrants [for two Chilean men]", "filed a complaint [against Chile]", "froze the assets [of three
    banks]", "attacked [the government]'s record"."""
    coded = coder.code(head)
    # an event noun is a thing too, whatever country its phrase names ("offered [assistance] to Cambodia")
    event = nominal(head) and trigger_at(head) is not None
    if head.pos_ == "NOUN" and (coded is None or event):
        owners = [
            _prepositional(head, _BEHIND_THINGS),
            # "attacked [the government]'s record", "rejected [Cambodia]'s demand for compensation"
            next((c for c in head.children if possessive(c) and c.pos_ != "PRON"), None),
        ]
        if event:
            # "condemned an attack [by Chilean soldiers] on a border post", "condemned [Russia]'s attack on
            # Ukraine": a reaction to an act is aimed at whoever did it
            owners = [_prepositional(head, ("by",)), owners[1], owners[0]]
        if not any(owners):
            # "banned an [opposition] march", "our brothers [in ECOWAS]"
            owners.append(next((c for c in head.children if c.dep_ == "compound" and _party_noun(c)), None))
            owners.append(_member_of(head) if head.lower_ in KIN else None)
        behind = next((found for c in owners if c is not None and (found := coder.code(c))), None)
        return behind or coded
    return coded


def _member_of(people: Token) -> Token | None:
    """ "our brothers [in ECOWAS]", "its partners [in the bloc]": the body they belong to, also where the
    parser hung the phrase on the verb beside them."""
    inside = _prepositional(people, ("in", "of", "at"))
    if inside is not None:
        return inside
    after = people.doc[people.i + 1] if people.i + 1 < len(people.doc) else None
    if after is not None and after.lower_ in ("in", "of", "at") and after.head.i > after.i:
        return after.head
    return None


def _protested_in(head: Token, coder: Coder) -> Participant | None:
    """A protest with no one named as its target is aimed at the government of the country where it is
    held: "activists staged a protest in Beijing", "farmers marched in Paris against the tax" (CAMEO's
    convention), also where it is held outside or at a building there ("gathered outside parliament in
    Nairobi"). Only a place the coder can give a country counts."""
    words = [head, head.head] if head.dep_ in ("obj", "dobj") else [head]
    words += [c for word in words for c in word.children if case_of(c) in ("outside", "at", "near")]
    for word in words:
        place = _prepositional(word, ("in",))
        if place is not None and place.pos_ == "PROPN":
            coded = coder.code(place)
            if coded is not None and coded.country is not None:
                return coded
    return None


def _simple_past(verb: Token) -> bool:
    """ "met" and "had agreed" tell a past event whatever else the sentence plans; "has called" does not."""
    if any(c.lower_ == "had" for c in verb.children):
        return True
    return "Past" in verb.morph.get("Tense") and not any(c.lemma_.lower() == "have" for c in verb.children)


def _refined_code(doc: Doc, trigger: Trigger) -> str:
    """A refusal, appeal or agreement takes a more specific code from the event it governs; an attack or a
    clash in words is a criticism."""
    if trigger.entry.trigger == "attack" and trigger.entry.pos == "verb" and _in_words(doc[trigger.token]):
        return CRITICISE
    if trigger.entry.trigger == "clash" and _clash_of_words(doc[trigger.token], trigger):
        return CRITICISE
    if trigger.entry.trigger == "protest" and trigger.entry.pos == "verb" and _protested_that(doc[trigger.token]):
        return COMPLAIN
    kind = _type(trigger.entry.cameo)
    for child in _governed_words(doc[trigger.token], noun=trigger.entry.pos == "noun"):
        governed = trigger_at(child)
        if governed is not None:
            refined = REFINED.get((kind, _type(governed.entry.cameo)))
            if refined:
                return refined
    return trigger.entry.cameo


def _in_words(verb: Token) -> bool:
    """ "expected to attack the minister's words", "attacked the government over the war", "has been
    attacked by the opposition as too late to matter": what is attacked is something said or done, or the
    attack is "over", "for" or "as" something, as with criticism; force is aimed at people and places."""
    if any(c.dep_ in ("obl", "advcl") and case_of(c) in ("over", "for", "as") for c in verb.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in IN_WORDS for c in verb.children):
        return True  # "I attack him politically"
    for child in verb.children:
        # "attacked ... for failing", "as too little": not a clause of time ("attacked as they slept")
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
            return True
        if any(t.dep_ == "advmod" and t.lower_ == "as" for t in (child, *child.children)):
            return True
    deps = ("obj", "dobj", "nsubj:pass", "nsubjpass") + (("nsubj",) if is_passive(verb) else ())
    patient = next((c for c in verb.children if c.dep_ in deps), None)
    if patient is not None and (patient.lemma_.lower() in CRITICISED or patient.lower_ in CRITICISED):
        return True
    # "has been attacked by critics at home": critics attack in words
    doers = [c for c in verb.children if (c.dep_ == "nsubj" and not is_passive(verb)) or case_of(c) == "by"]
    return any(d.lemma_.lower() in CRITICS or d.lower_ in CRITICS for d in doers)


def _protested_that(verb: Token) -> bool:
    """ "The fishing unions protested that the quota had been set without them": protesting what is so
    is a complaint in words (114), not a demonstration."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(m.dep_ == "mark" and m.lower_ == "that" for clause in clauses for m in clause.children)


def _clash_of_words(head: Token, trigger: Trigger) -> bool:
    """ "has often clashed with her own party over farm subsidies", "both party leaders clashed", "the clash
    between the mining company and the ministry": people and bodies that argue clash in words, as does
    anyone over an issue; police, troops, crowds and countries clash by force ("police clashed with
    protesters")."""
    if any(c.dep_ in ("obl", "nmod") and case_of(c) in ("over", "about") and not time_phrase(c) for c in head.children):
        return True
    if any(c.dep_ == "advcl" and any(m.lower_ in ("over", "about") for m in c.children) for c in head.children):
        return True  # "clashed with ministers [about] how judges are picked"
    actors, recipients = _parties(head, trigger)
    parties = [p for p in actors + recipients if p.lower_ not in TIME_WORDS]  # not "clashed [days] after ..."
    return bool(parties) and all(_arguer(party) for party in parties)


def _arguer(word: Token) -> bool:
    """A party that clashes in words: a person, a body, people named by their role; not armed forces, a
    crowd or a country."""
    lower, lemma = word.lower_, word.lemma_.lower()
    if lower in CROWDS or lemma in CROWDS or SECTORS.get(lower) in ("MIL", "REB") or country_of(word.text):
        return False
    if lower in ("he", "she", "i", "we"):
        return True  # "he had clashed with ministers": a person; "they" may be a crowd
    if named_as(word, ("PER", "ORG")):
        return True  # "Mr [Lopez]" with the title as the head
    return find_role(lower) is not None or names_people(word.text) or lemma in BODIES


def _asked_for(noun: Token) -> bool:
    """Whether a noun is what the word it hangs on asks, agrees or refuses "for" or "to": "called [for]
    talks", "pressed for sanctions", "agreed [to] a ceasefire"."""
    in_phrase = noun.dep_ in ("obl", "nmod") and case_of(noun) in ("for", "to")
    return in_phrase and noun.head.i != noun.i and nominal(noun)


def _governed_words(head: Token, noun: bool = False) -> list[Token]:
    """Words a refusal, appeal or agreement governs: "refused [to meet]", "urged them [to resume]",
    "rejected [the proposal]"; of a `noun` trigger, "Peru's refusal [to meet]"."""
    return [
        c
        for c in head.children
        if c.dep_ in ("xcomp", "ccomp", "obj", "dobj")
        or (c.dep_ == "advcl" and to_infinitive(c))
        or (c.dep_ == "acl" and noun and to_infinitive(c))
        or (_asked_for(c) and trigger_at(c) is not None)
    ]


def _governed_recipient(head: Token, noun: bool = False) -> Token | None:
    """The one the act a refusal, threat or pledge governs is aimed at: its object where that names a
    party ("refused to meet [the envoy]"), else a phrase of the act ("threatened to cut gas supplies [to
    Ukraine]"); a thing with no one named beside it is left to `_recipient`, which looks behind it
    ("pledged to halve [the US's] deficit")."""
    words = _governed_words(head, noun)
    asked = next((g for g in words if g.pos_ != "VERB" and trigger_at(g) is not None), None)
    if asked is not None:
        # "called for talks [with Chile]", "pressed for sanctions [against Chile]": whom the act asked for is with
        recipients = _noun_parties(asked, _RECIPIENT_CASES)[1]
        return recipients[0] if recipients else None
    governed = next((g for g in words if g.pos_ == "VERB"), None)
    if governed is None:
        return None
    thing = next((c for c in governed.children if c.dep_ in ("obj", "dobj")), None)
    if thing is not None and (thing.pos_ == "PROPN" or _party_noun(thing) or names_people(thing.text)):
        return thing
    # "cut gas supplies [to Ukraine]", "send food aid [to Bolivia]", "supply 120,000 barrels [to China]";
    # not an event: "agreed to send delegations [to talks] in Bangkok"
    aimed = _prepositional(governed, _RECIPIENT_CASES)
    return aimed if aimed is not None and trigger_at(aimed) is None else thing


def _type(code: str) -> str | None:
    mapping = plover_for(code)
    return mapping.type if mapping else None


def _fronted_undergoer(verb: Token) -> Token | None:
    """ "[Rebuked] by Peru, Bolivia recalled its envoy", "If [convicted], he could face": a past participle
    that opens the sentence before the clause it modifies, with no auxiliary or subject of its own
    ("Having criticised ..." is active), says what befell the clause's subject, which is returned where
    it can be a party; a thing it befell ("Released last year, it sold well") is none."""
    fronted = (
        verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and opens_sentence(verb)  # not "On his new album, [released] in May, he ...": it describes the album
        and "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and not any(c.dep_ in ("aux", "aux:pass", "auxpass") or c.dep_.startswith("nsubj") for c in verb.children)
    )
    undergoer = _subject(verb) if fronted else None
    return undergoer if undergoer is not None and _party(undergoer) else None


_OWN_ARGUMENTS = (*_SUBJECTS, "aux", "aux:pass", "auxpass", "obj", "dobj", "xcomp", "ccomp")
"""What a verb the parser joined to another has of its own when it is a clause, not a participle."""


def _bare_ed_conjunct(verb: Token) -> bool:
    """An -ed verb the parser joined to the verb before it, with no subject, auxiliary, object or
    complement of its own: a participle, whatever the tagger made of its tense."""
    if verb.dep_ != "conj" or "Past" not in verb.morph.get("Tense") or not verb.lower_.endswith("ed"):
        return False
    return not any(c.dep_ in _OWN_ARGUMENTS for c in verb.children)


def _passive_conjunct(verb: Token) -> bool:
    """ "has been fined 500 soles and [banned] from the touchline": an -ed verb the tagger read as a
    simple past, coordinated with a passive, with no subject, auxiliary, object or complement of its own,
    shares the passive."""
    return _bare_ed_conjunct(verb) and is_passive(verb.head)


def _received(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """ "The plan won [backing] from Chile", "received [funding] from the EU", with the -ing form read as a
    verb: the one it comes from acts, and the subject of the receiving verb gets it."""
    if not verb.lower_.endswith("ing") or verb.dep_ not in ("xcomp", "obj", "dobj", "ccomp"):
        return None
    if not lemma_in(verb.head, RECEIVING_VERBS) or verb.head.i == verb.i:
        return None
    giver = next((c for c in verb.children if case_of(c) == "from"), None)
    receiver = _subject(verb.head)
    if giver is None:
        return None
    return conjuncts(giver), (conjuncts(receiver) if receiver is not None else [])


def _parties(head: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
    """Heads of the actor and recipient phrases, each with its coordinated phrases."""
    if trigger.entry.pos == "noun":
        actors, recipients = _noun_parties(
            head, _cases_for(trigger), from_actor=_type(trigger.entry.cameo) != "RETREAT"
        )
        if not actors and recipients and trigger.entry.cameo == "042" and (visitor := _visitor(head)) is not None:
            actors = conjuncts(visitor)
        if not recipients and _type(trigger.entry.cameo) in GOVERNING_TYPES:
            governed = _governed_recipient(head, noun=True)
            recipients = conjuncts(governed) if governed is not None else []
        return actors, recipients
    received = _received(head)
    if received is not None:
        return received
    if trigger.entry is DEMAND:
        clause = next(c for c in head.children if c.dep_ == "ccomp")
        actor, recipient = _subject(head), _real_subject(clause)
        return (conjuncts(actor) if actor is not None else []), (conjuncts(recipient) if recipient else [])
    agent = passive_agent(head)
    if agent is not None and agent.lemma_.lower() in MISHAPS:
        agent = None  # "victims killed by the crash", "homes destroyed by the earthquake": nobody acted
    passive = next((c for c in head.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    passive_form = is_passive(head) or _passive_conjunct(head)
    if passive is None and passive_form:
        passive = absolute_subject(head)  # "with 40 people killed"; not "with Apple donating 70p"
    if passive is None and passive_form:
        passive = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if passive is None:
            # "The prisoners ... were released by Putin" with the passive hung on another verb, "Since
            # [Khodorkovsky] was arrested" with the name read as an oblique: the subject is still the one
            # acted on, and only the agent acts.
            passive = _subject(head)
    if passive is None and _reduced_relative(head):
        passive = next(c for c in head.children if c.dep_ == "nsubj")
    if passive is None:
        passive = _participle_set_off(head)
    if passive is None:
        passive = _fronted_undergoer(head)
    participle = head.dep_ == "acl" and "Past" in head.morph.get("Tense")
    if passive is None and participle and (agent is not None or _undergone_by(head, trigger)):
        # "the fees, imposed by Peru,"; "civilians [imprisoned] for ...", "with 23,000 people [killed]": the
        # noun a past participle describes underwent it; an event noun is no party: "the talks, hosted by"
        if trigger_at(head.head) is not None:
            return (conjuncts(agent) if agent is not None else []), []
        passive = head.head
    if passive is not None and passive.lemma_.lower() in PROJECTILES:
        # "A shell was fired at the town from across the border": the weapon is neither party
        target = _prepositional(head, ("at", "into", "on", "against"))
        origin = agent or _prepositional(head, ("from",))
        if origin is None and target is not None:
            origin = _prepositional(target, ("from",))  # "fired at it from Gaza" parsed inside the target
        return (conjuncts(origin) if origin is not None else []), (conjuncts(target) if target is not None else [])
    if passive is not None and passive.i in trigger.words:
        # "sanctions were imposed on Bissau", "a planned visit to Santiago was cancelled": the subject is
        # the trigger's own noun, and the recipient is where the act (or its noun) is aimed
        actor = conjuncts(agent) if agent is not None else []
        return actor, conjuncts(recipient) if (recipient := _aimed_at(head, trigger)) is not None else []
    if passive is not None:
        if agent is None and (attack := _attack_in(head)) is not None:
            # "farmers were killed in an Israeli air strike": whoever carried out the strike killed them
            return _noun_parties(attack, _RECIPIENT_CASES)[0], conjuncts(passive)
        return (conjuncts(agent) if agent is not None else []), conjuncts(passive)
    actor = _subject(head)
    if actor is not None:
        actor = _split_list_owner(actor) or actor
    phrase = set(trigger.words)
    recipient = next((c for c in head.children if c.dep_ in ("obj", "dobj", "iobj") and c.i not in phrase), None)
    if recipient is None:
        # "urged [Mercosur] to keep up the pressure", the name read as the verb's complement
        recipient = next(
            (c for c in head.children if c.dep_ == "xcomp" and c.i == head.i + 1 and c.pos_ in ("PROPN", "NOUN")),
            None,
        )
    if _verb_of(trigger) in AIMING_VERBS:
        # "threw [stones] at police": the object may be the trigger's own word, and is then the thing thrown
        thrown = next((head.doc[i] for i in trigger.words if i != head.i), None)
        recipient = _target(head, recipient or thrown)
    if trigger.entry.cameo.startswith("171"):
        # "confiscated weapons [from the rebels]", "seized power [from the president]": the one it is taken from
        taken = recipient or next((head.doc[i] for i in trigger.words if i != head.i), None)
        owner = _prepositional(head, ("from",)) or (_prepositional(taken, ("from",)) if taken is not None else None)
        recipient = owner or recipient
    if _verb_of(trigger) in RECEIVING_VERBS and _type(trigger.entry.cameo) == "AID":
        # "The rebels received weapons from the government": the giver acts, the receiver gets (who
        # "accepted demands from the rebels" concedes: that act is the subject's)
        givers = (_prepositional(head.doc[i], ("from",)) for i in sorted(trigger.words, key=lambda i: i != head.i))
        actor, recipient = next((g for g in givers if g is not None), None), actor
    if recipient is None:
        recipient = _aimed_at(head, trigger)
    if recipient is None and _type(trigger.entry.cameo) == "THREATEN":
        # "warned that [organisers of unauthorised protests] would be arrested": the ones the warning is
        # about; "warned that they would extend the blockade" speaks of the speaker's own side
        clause = next((c for c in head.children if c.dep_ == "ccomp"), None)
        warned = _real_subject(clause) if clause is not None else None
        enforcer = warned is not None and warned.lower_ in ENFORCERS  # "warned that police will ...": their side
        recipient = (
            warned if warned is not None and warned.pos_ != "PRON" and not enforcer and not _forecast(head) else None
        )
    if recipient is None:
        recipient = _governed_recipient(head)
    if actor is not None and actor.lower_ == "they":
        actor = _coordinated_antecedent(actor) or actor
    if actor is not None and actor.lower_ in ("they", "it", "we"):
        actor = _speaker_of(actor) or actor
    return (conjuncts(actor) if actor is not None else []), (conjuncts(recipient) if recipient is not None else [])


def _participle_set_off(verb: Token) -> Token | None:
    """ "appealed for the release of Ana Ruiz, [kidnapped] in Iraq last month": an -ed verb the parser
    joined to the verb before it, with a comma and no conjunction, subject, auxiliary or object of its
    own, describes the one named right before the comma (she was kidnapped), or, when no one is named
    there, the subject of the verb before it ("Ebbers is standing trial, [accused] of fraud")."""
    if not _bare_ed_conjunct(verb) or any(c.dep_ == "cc" for c in verb.children):
        return None
    if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    before = verb.doc[verb.i - 2]
    while before.dep_ in ("flat", "flat:name", "compound") and before.head.pos_ == "PROPN" and before.head != before:
        before = before.head  # to the head of the name
    if before.pos_ == "PROPN" and party_word(before):
        return before
    return _subject(verb.head) if before.pos_ in ("NOUN", "PROPN") else None


def _reduced_relative(verb: Token) -> bool:
    """ "The students [jailed] for marching against the junta were released": a verb the parser made the
    sentence's own, with a subject and no auxiliary, whose sentence goes on with a subjectless "were
    released" hung on it, describes its subject (the ones imprisoned), it does not say what they did."""
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(c.dep_ in ("aux", "aux:pass") for c in verb.children):
        return False
    return any(
        c.i > verb.i
        and c.dep_ in ("advcl", "conj", "parataxis")
        and not any(g.dep_ in _SUBJECTS or g.dep_ == "mark" for g in c.children)
        and any(g.dep_ in ("aux", "aux:pass") and g.lower_ in ("was", "were") for g in c.children)
        for c in verb.children
    )


def _undergone_by(verb: Token, trigger: Trigger) -> bool:
    """ "civilians [imprisoned] for ...", "the men [freed] from Guantanamo": force, coercion or a release right
    after the noun it describes, with no subject of its own, was done to that noun; not "Echeverría, [travelled]" or
    "the shares the two countries [agreed]", a verb the parser hung on its own subject."""
    noun = verb.head
    return (
        (_type(trigger.entry.cameo) in ("ASSAULT", "COERCE") or trigger.entry.cameo.startswith("084"))
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and verb.i > noun.i
        and not any(t.dep_ == "punct" for t in verb.doc[noun.i + 1 : verb.i])
    )


def _verb_of(trigger: Trigger) -> str:
    """The verb of a lexicon entry ("launch" of "launch missile")."""
    return trigger.entry.trigger.split()[0]


def _target(verb: Token, thing: Token | None) -> Token | None:
    """ "fired tear gas [at protesters]", "fired rockets [at the border posts]": what is shot is the
    weapon, and the one it is aimed at is the recipient; "shot two soldiers": the object is the target."""
    cases = ("at", "on", "into", "against")
    target = _prepositional(verb, cases) or (_prepositional(thing, cases) if thing is not None else None)
    if target is not None or thing is None:
        return target
    return None if thing.lemma_.lower() in PROJECTILES or thing.lemma_.lower() in WEAPONS else thing


def _aimed_at(head: Token, trigger: Trigger) -> Token | None:
    """A recipient in a prepositional phrase of the verb ("imposed sanctions [on] Bissau"), else of the
    object inside the trigger ("issued warrants [for] two men"), else the object's owner ("blocked
    [Iran]'s application")."""
    cases = _cases_for(trigger)
    recipient = _prepositional(head, cases)
    for word in trigger.words:
        recipient = recipient or _prepositional(head.doc[word], cases if word == head.i else _BEHIND_THINGS)
    if _type(trigger.entry.cameo) == "CONSULT":
        return recipient  # "held [Mr Blair]'s monthly media conference": the owner hosts, not receives
    for word in (head.doc[i] for i in trigger.words if i != head.i):
        # "blocked [Iran]'s application": whose the object inside the trigger is
        recipient = recipient or next((c for c in word.children if possessive(c) and c.pos_ != "PRON"), None)
    return recipient


def _coordinated_antecedent(pronoun: Token) -> Token | None:
    """ "Ruiz and Soto said they will meet": "they" for the names coordinated as a subject before it
    in its sentence (a pronoun for one country or organisation is the participant coder's)."""
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ in _SUBJECTS and token.pos_ == "PROPN" and any(c.dep_ == "conj" for c in token.children):
            return token
    return None


def _speaker_of(pronoun: Token) -> Token | None:
    """ "Fishing unions said they would lift their protest": a pronoun subject of what someone said is
    that someone, when it is named by a noun (a pronoun speaker is the participant coder's to resolve)."""
    clause = pronoun.head
    if pronoun.dep_ not in _SUBJECTS or clause.dep_ != "ccomp" or not lemma_in(clause.head, REPORTING):
        return None
    speaker = _real_subject(clause.head)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    plural = "Plur" in speaker.morph.get("Number")
    return speaker if plural == (pronoun.lower_ in ("they", "we")) else None


def _visitor(visit: Token) -> Token | None:
    """ "On a visit to Kenya, the French president praised ...", "Lindqvist met Huong after a planned
    visit to Hanoi was postponed": a visit nobody is named making, in a phrase of time of a clause, is
    that clause's subject's."""
    if case_of(visit) not in _DURING or any(_of_someone(t) for t in visit.subtree):
        return None  # "during the visit to Peru of the Chinese premier": the premier visits, not the subject
    if (
        visit.dep_ == "nmod"
        and visit.head.pos_ in ("NOUN", "PROPN")
        and visit.i > visit.head.i
        and opens_with_comma(visit)
    ):
        return visit.head  # "The prime minister, on a visit to India, signed ..."
    return _subject(visit.head) if visit.dep_ == "obl" else None


def _of_someone(word: Token) -> bool:
    """ "of [the Chinese premier]", "of [Li Qiang]": someone a visit belongs to, not a place's name ("the
    Republic of Korea")."""
    return case_of(word) == "of" and (word.pos_ == "NOUN" or word.ent_type_ == "PER")


def _noun_parties(noun: Token, cases: tuple[str, ...], from_actor: bool = True) -> tuple[list[Token], list[Token]]:
    """ "Costa's visit to Tokyo", "talks between Peru and Chile", "sanctions on Bissau"; with `from_actor`,
    "a complaint [from] the Lib Dems", "aid from Japan": the one it comes from acts (a withdrawal "from"
    a place leaves it)."""
    owner = next((c for c in noun.children if possessive(c)), None)
    actor = next((c for c in noun.children if case_of(c) == "by"), None)
    # "his arrest" is done to him; "the army's arrest of two men" is done by the army, to the two men
    done_to = noun.lemma_.lower() in UNDERGONE_NOUNS
    patient = next((c for c in noun.children if case_of(c) == "of"), None) if done_to else None
    undergone = done_to and patient is None
    if actor is None and not undergone:
        actor = owner
    pronoun = next((c for c in noun.children if c.lower_ in ("its", "their")), None)
    if actor is None and pronoun is not None and noun.dep_ in ("obj", "dobj", "obl"):
        # "The ILO reiterated its demand", "the group insisted on their demands": the subject's own, when
        # it agrees in number with the pronoun (a pronoun that is a parser's possessive is the coder's)
        subject = _subject(noun.head)
        if subject is not None and subject.pos_ != "PRON":
            plural = "Plur" in subject.morph.get("Number") or any(c.dep_ == "conj" for c in subject.children)
            actor = subject if plural == (pronoun.lower_ == "their") else None
    between = next((c for c in noun.children if case_of(c) == "between"), None)
    if between is not None:
        return conjuncts(between), []
    source = next((c for c in noun.children if case_of(c) == "from" and not _temporal(c)), None) if from_actor else None
    # "from" names the one it comes from (with `from_actor`), never the one it is aimed at
    aimed = tuple(case for case in cases if case != "from") if from_actor else cases
    recipient = next((c for c in noun.children if case_of(c) in aimed and not _temporal(c)), None)
    if recipient is None and done_to:
        recipient = patient or owner  # "his arrest", "Hariri's assassination": the one it was done to
    if recipient is None:
        # "its demand that Russia withdraw": the one the clause says must act
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _real_subject(c) is not None), None)
        marked = clause is not None and any(m.lower_ == "that" for m in clause.children if m.dep_ == "mark")
        recipient = _real_subject(clause) if marked else None
    phrase = noun
    while phrase.dep_ in ("nmod", "compound") and phrase.head.pos_ == "NOUN" and phrase.head.i != phrase.i:
        phrase = phrase.head  # "a new round of [negotiations]"
    while phrase.dep_ == "conj" and phrase.head.pos_ == "NOUN" and phrase.head.i != phrase.i:
        phrase = phrase.head  # "announced asset freezes and [sanctions]": what the first noun is to the verb
    verb = phrase.head
    # "called the sanctions [illegal]", "made the talks [impossible]": words about the thing, not doing it
    described = lemma_in(verb, {"call", "make"}) and any(c.dep_ == "xcomp" for c in verb.children)
    if actor is None and phrase.dep_ in ("obj", "dobj") and lemma_in(verb, CARRYING_VERBS) and not described:
        actor = _subject(verb)
    elif actor is None and phrase.lemma_.lower() == "responsibility" and lemma_in(verb, CLAIMING_VERBS):
        # "al-Shabab claimed responsibility for the attack": who claims an act did it
        actor = _subject(verb) if phrase.i != noun.i and case_of(noun) == "for" else None
    elif actor is None and phrase.dep_ in ("obj", "dobj") and lemma_in(verb, RECEIVING_VERBS):
        # "The rebels received weapons from the government": the giver acts, the receiver gets.
        giver = next((c for c in (*noun.children, *verb.children) if case_of(c) == "from"), None)
        if giver is not None:
            actor, recipient = giver, _subject(verb)
    elif (
        actor is None
        and case_of(noun) == "in"
        and lemma_in(verb, ENGAGING_VERBS)
        and any(c.dep_ in _SUBJECTS and case_of(c) is None for c in verb.children)
    ):
        # "Rebels engaged Peruvian troops in a firefight"; not "according to people involved
        # in the talks", a source the parser made the subject
        actor = _subject(verb)
        recipient = recipient or next((c for c in verb.children if c.dep_ in ("obj", "dobj")), None)
    elif actor is None and takes_part_in(noun) and any(c.dep_ in _SUBJECTS for c in verb.children):
        actor = _subject(verb)  # "Ruiz took part in talks with Chile", "will join Peru in a visit to Lima"
    if actor is None and source is not None and (recipient is None or source.i != recipient.i):
        actor = source
    if actor is None:
        # "police crackdown", "Syrian forces clash with ...": a party named as a compound before the noun
        actor = next((c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and _party_noun(c)), None)
    if actor is None and noun.dep_ != "compound":
        # "Israeli shelling", "Russian air strikes", "US sanctions": a nationality or country before the
        # noun; not a city ("the Bangkok talks" happen there), nor in a noun that only describes another
        # ("a Danish aid official")
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
        # "a Turkish air strike", "Israeli tank shelling": the nationality may modify the compound before it
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
        actor = next((c for c in modifiers if _national(c)), None)
    return (conjuncts(actor) if actor is not None else []), (conjuncts(recipient) if recipient is not None else [])


def _deployed(participant: Participant) -> bool:
    """ "troops", "peacekeepers", "naval forces": a body of armed forces, not an officer, as the party."""
    return participant.name.split()[-1].lower() in TROOPS


def _party(token: Token) -> bool:
    """A phrase head that can name a party: a name, a person's pronoun, or a word for people or a body."""
    if token.pos_ == "PRON":
        return token.lower_ in ("he", "she", "they", "we", "i", "you")
    return token.pos_ == "PROPN" or token.ent_type_ != "" or _party_noun(token) or names_people(token.text)


def _party_noun(token: Token) -> bool:
    """ "police", "government", "Syrian forces": a common noun that names a party by its sector."""
    return token.pos_ == "NOUN" and (token.lower_ in SECTORS or token.lemma_.lower() in SECTORS)


def _national(token: Token) -> bool:
    """ "Israeli", "Russian", "US": a capitalised word naming a country, not its capital."""
    return token.text[:1].isupper() and country_of(token.text) is not None and not is_capital(token.text)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb governing it ("Bissau refused to meet", "Badji is expected
    to travel"), or the noun a relative clause hangs on ("Guinea-Bissau, which boycotted the summit")."""
    token = verb
    for _ in range(4):
        subject = _real_subject(token)
        if subject is not None:
            relative = token.dep_ in ("acl:relcl", "relcl", "acl")
            if relative and (
                subject.lower_ in ("which", "who", "that") or any(t.lower_ == "whose" for t in subject.subtree)
            ):
                if subject.lower_ == "which" and _person_word(token.head):
                    return _body_before(subject) or token.head
                return token.head
            if subject.lower_ == "who":
                # "led by Carolina Fuentes, Chile's undersecretary ..., who is expected to arrive": a relative
                # clause the parser hung elsewhere still stands for the person named before it
                return _person_before(subject)
            return subject
        if token.dep_ in ("acl", "amod") and token.i == verb.i:
            described = _described_subject(token) or _dated_subject(token)
            if described is not None:
                return described
        controller = _object_controller(token) or _holder(token)
        if controller is not None:
            return controller
        if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
            return None
        # "said the river had fallen and blamed the dam": the parser hung "blamed" on "fallen"
        token = (coordinated_outer(token) if token.dep_ == "conj" else None) or token.head
    return None


def _object_controller(clause: Token) -> Token | None:
    """ "Chile wants [Peru] to withdraw the fees", "allowed [the delegation] to leave": a to-infinitive
    after an object is that object's act, not the subject's. Only a party counts: in "gave the order to
    withdraw" the noun is the act, and its actor is the subject."""
    governor = clause.head
    if clause.dep_ == "acl" and governor.dep_ in ("obj", "dobj") and lemma_in(governor.head, OBJECT_CONTROL):
        # "allowed [the delegation] to withdraw", the infinitive hung on the object
        return governor if to_infinitive(clause) else None
    if clause.dep_ == "advcl" and not lemma_in(governor, OBJECT_CONTROL):
        return None  # "summoned the ambassador to protest": a purpose, the subject's own
    if clause.dep_ not in ("xcomp", "advcl") or not to_infinitive(clause):
        return None
    objects = [c for c in governor.children if c.dep_ in ("obj", "dobj", "iobj") and c.i < clause.i]
    if not objects:
        return None
    target = objects[-1]
    if target.lower_ == "forces" and lemma_in(governor, FORCE_JOINING):
        return None  # "joining forces to share technology": an idiom, no troops
    party = target.pos_ in ("PROPN", "PRON") or target.ent_type_ != "" or _party_noun(target)
    return target if party or names_people(target.text) or find_role(target.lemma_) is not None else None


def _holder(clause: Token) -> Token | None:
    """ "Chile has the right [to impose] sanctions", "the deal gives Peru the chance [to meet] ...": what a
    power, a right or a chance is to do is the act of whoever has it or is given it."""
    capacity = clause.head
    if clause.dep_ != "acl" or not to_infinitive(clause) or not lemma_in(capacity, CAPACITIES):
        return None
    if capacity.dep_ not in ("obj", "dobj") or capacity.head.i == capacity.i:
        return None
    verb = capacity.head
    if lemma_in(verb, GRANTING):
        return next((c for c in verb.children if c.dep_ == "iobj"), None)
    return _subject(verb) if lemma_in(verb, HOLDING) else None


def _person_word(token: Token) -> bool:
    return token.ent_type_ in ("PERSON", "PER") or find_role(token.lemma_) is not None


def _person_before(who: Token) -> Token | None:
    """The person "who" stands for, where the parser did not make its clause a relative clause: the last
    person named before it in the sentence."""
    named = [e for e in who.doc.ents if e.label_ in ("PERSON", "PER") and who.sent.start <= e.start and e.end <= who.i]
    return named[-1].root if named else None


def _body_before(which: Token) -> Token | None:
    """ "mediator for the Economic Community of West African States (ECOWAS), which froze ...": "which"
    is never a person, so where the parser hung it on one, it stands for the organisation or place
    named right before the comma (past a bracketed acronym)."""
    doc = which.doc
    i = which.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].ent_type_ not in ("ORG", "GPE", "LOC", "NORP"):
        return None
    return next((e.root for e in doc.ents if e.start <= i < e.end), None)


def _described_subject(verb: Token) -> Token | None:
    """ "Chile's economy minister, Tomás Echeverría, travelled to Lima": the parser often hangs the verb
    of a sentence that opens with a name and its apposition off the name, as if it described it. When the
    verb comes right after the apposition's closing comma and nothing before the name is a verb, the
    name is the subject: the head of the phrase the apposition belongs to."""
    head = verb.head
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.text != "," or head.i >= verb.i or head.pos_ not in ("PROPN", "NOUN", "SPACE"):
        return None
    while head.dep_ in ("appos", "flat") and head.head.i < head.i:
        head = head.head
    if head.is_space:
        head = next((c for c in head.children if c.pos_ in ("PROPN", "NOUN")), None)
        if head is None:
            return None
    sentence_start = verb.sent.start
    if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[sentence_start : head.i]):
        return None
    return head


def _dated_subject(verb: Token) -> Token | None:
    """ "Ukrainian lawmakers Tuesday endorsed the agreement": wire copy that puts the day right after the
    subject leads the parser to make the day the verb's subject and the verb describe the noun before it;
    that noun is the subject."""
    head = verb.head
    dated = any(c.dep_ in _SUBJECTS and _temporal(c) for c in verb.children)
    return head if dated and head.i < verb.i and head.pos_ in ("NOUN", "PROPN") else None


def _cases_for(trigger: Trigger) -> tuple[str, ...]:
    """Where a recipient may stand: "in" and "at" name a party only for a visit ("arrived in Lima"), where
    "from" is the way back, and "at" the target of a shot; for anything else they name where it happened
    ("talks in Geneva"). Aid is "for" someone too ("food assistance for Cambodia"; the verb "provide for"
    is to legislate for)."""
    if trigger.entry.cameo in VISITS:
        return _VISIT_CASES
    if trigger.entry.pos == "verb" and _verb_of(trigger) in AIMING_VERBS:
        return (*_RECIPIENT_CASES, "at")  # "fired rockets [at] the town": the target, not the place
    aid_noun = trigger.entry.pos == "noun" and trigger.entry.cameo.startswith("07")
    return _AID_CASES if aid_noun else _RECIPIENT_CASES


def _real_subject(verb: Token) -> Token | None:
    """The verb's subject, active or passive, looking through a paragraph break; never a day ("Ukrainian
    lawmakers [Tuesday] endorsed")."""
    return subject_of(verb, _SUBJECTS, _temporal)


def _date_before(sentence: Span, published: date) -> date | None:
    """ "West African leaders on Saturday imposed sanctions ... The measures also suspend Guinea-Bissau":
    a reported event whose sentence names no day happened on the last day the paragraph named before
    it, when that day is not after publication."""
    text = text_of(sentence.doc)
    start, _ = paragraph_around(text, sentence.start_char)
    before = [e.date for e in find_dates(text[start : sentence.start_char], published) if e.date is not None]
    return before[-1] if before and before[-1] <= published else None


def _prepositional(word: Token, cases: tuple[str, ...]) -> Token | None:
    for case in cases:
        found = next(
            (c for c in word.children if c.dep_ in ("obl", "nmod") and case_of(c) == case and not _temporal(c)), None
        )
        if found is not None:
            return found
    return None


def _temporal(token: Token) -> bool:
    """ "on Sunday", "in March", "at the weekend": when, not who."""
    return token.lower_ in TIME_WORDS


def _other_clause(sentence: Span, start: int, head: Token) -> bool:
    """Whether the temporal expression at `start` (in the sentence's text) dates a verb of reporting, or a
    clause coordinated with the trigger's, outside the trigger's own clause: in "Echeverría will travel to
    Lima, an embassy official confirmed on Monday", Monday is the day the plan was confirmed, not the day
    of the journey. (A statement reported is dated by its reporting verb: "said on Sunday that Hanoi fully
    supports ...".)"""
    word = next((t for t in sentence if t.idx - sentence.start_char >= start), None)
    if word is None:
        return False
    clause = word
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.pos_ not in ("VERB", "AUX") or clause.i == head.i:
        return False
    own = chain(head)
    if clause.i in {t.i for t in own}:
        return False
    # "was preparing assistance ..., and would launch an appeal on Wednesday": a day of the clause
    # coordinated with the trigger's is that clause's
    coordinated = (clause.dep_ == "conj" and clause.head in own) or any(
        t.dep_ == "conj" and t.head.i == clause.i for t in own
    )
    return coordinated or lemma_in(clause, REPORTING)


def _date(sentence: Span, head: Token, published: date | None, status: str) -> date | None:
    """The day the sentence's temporal expression nearest the trigger names, else (for an event that is
    reported as having happened) the publication date; a plan with no day named has no date. Where the
    nearest expression names no day ("a planned visit last week was postponed", "suspended the assembly
    in December") the event has no date: another clause's day ("met her on Tuesday, after ...") or the
    publication day would be a wrong one."""
    if published is None:
        return None
    future = status == "future"
    found = find_dates(sentence.text, published, future=future)
    if status in ("future", "hypothetical"):
        found = [e for e in found if not _other_clause(sentence, e.start, head)]
    if not found:
        if status not in ("asserted", "negated"):
            return None
        return _date_before(sentence, published) or published
    at = head.idx - sentence.start_char
    return min(found, key=lambda e: abs(e.start - at)).date
