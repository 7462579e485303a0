"""Words of events that, where they stand, report none.

The trigger lexicon says which words can report an event; these rules say where one does not, because
of what the sentence or the article around it makes of the word:

- the formulas with which a report describes its sources: "an official, who asked not to be named",
  "the ministry declined to comment", "refused to say whether";
- a question or an attraction: "Asked whether ...", "the parties appeal to the same voters";
- demand in a market: "Chinese demand for fishmeal";
- an event noun that only says which line or venue, or modifies another event noun: "the ceasefire
  line";
- in a sports report (`events.sport`), the game's words: "Garcia beat Lopez", "the clash with Spain", what
  a side allows or threatens in play, and the game's contracts, fees and sponsorships;
- a verb in a sense that is no event, by what it acts on: "released a new game", "fired 100 staff",
  "demonstrated that the system works", "hosted a radio show", "cancelled its concerts", "gathered
  information", "offering internet access", "beat a rival singer to the award", "declining consumption",
  "the tapes were withdrawn", "conceded that the win was not pretty", "agreed that the figures were
  stronger", "the awards recognise film-making", "meet earnings projections", "the prices it charged",
  "scenes shot in Lima"; and with "up" or "down" after it, a verb of another sense ("free up money",
  "fired up his campaign");
- a thing that enables or provides, not a party: "the cuts will allow funding", "the system provides";
- a talk given, not talks held: "criticised his talk";
- a word of a title or a name, not a verb of the sentence: "the comedy Meet the Neighbours", "search
  engine Ask Alfred", "a movement called Voice for Change"; a participle that describes, not an act:
  "physically demanding work", "an emotionally charged ballad".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.events.ontology import plover_for
from newsgraph.events.participants import QUANTITIES, SECTORS, is_thing, possessive
from newsgraph.events.sport import SPORTING_TRIGGERS
from newsgraph.events.triggers import Trigger, lemma_in, lexicon, particle, time_phrase, trigger_at
from newsgraph.gazetteer.countries import country_of
from newsgraph.gazetteer.roles import find_role, names_people
from newsgraph.nlp.rules import PLACE_NOUNS
from newsgraph.nlp.syntax import REFLEXIVES, case_of, is_passive, passive_agent, to_infinitive

CARRIERS = {
    *("action", "package", "effort", "relief", "pledge", "flow", "offer", "plan", "programme", "program"),
    *("increase", "cash", "order", "measure", "restriction", "proposal", "campaign", "operation", "money"),
    *("payment", "mission", "convoy", "shipment", "deal", "scheme"),
}
"""Nouns that carry the act an event noun before them names ("strike action", "aid package")."""
PEOPLE = {
    *("hostage", "hostages", "man", "men", "woman", "women", "people", "person", "staff", "employee"),
    *("employees", "child", "children", "crew", "captive", "captives", "national", "nationals", "citizen"),
    *("citizens", "suspect", "suspects", "manager", "coach", "player", "players", "worker", "soldier"),
    *("husband", "wife", "son", "daughter", "father", "mother", "brother", "sister", "family", "relatives"),
    *("pair", "duo", "trio", "couple"),
}
"""Words for people that an act can befall (released, fired), beside the parties' own words."""
ADMITTED = {
    *("candidate", "nominee", "applicant", "inspector", "renter", "tenant", "migrant", "immigrant", "refugee"),
    *("pensioner", "journalist", "reporter", "visitor", "tourist", "patient", "prisoner", "detainee", "inmate"),
    *("owner", "buyer", "customer", "consumer", "user", "shopper", "driver", "passenger", "teacher", "nurse"),
    *("ship", "vessel", "trawler", "boat", "aircraft", "plane", "flight", "truck", "lorry"),
}
"""People, and the craft that carry them, whom a party may let in, keep out or let act ("refused to allow
the movement's candidates on the ballot", "allow renters to buy their flats", "allowed foreign trawlers into the
bay"), beside the words for parties and people."""
COMINGS = {"return", "entry", "arrival", "presence", "deployment", "release", "visit", "access"}
"""Nouns for someone's coming or being let in, whose "of" phrase names who is allowed ("the return of
the inspectors")."""
MET = {
    *("counterpart", "counterparts", "delegate", "delegates", "representative", "representatives", "victims"),
    *("voters", "supporters", "fans", "member", "members", "residents", "students", "pupils", "parents"),
    *("leader", "leaders", "team", "side", "families", "bosses", "chiefs", "rivals", "partners", "people"),
}
"""Words for the people one meets, beside `PEOPLE` and the parties' own words."""
GROUPED = {
    *("number", "group", "handful", "delegation", "team", "series", "host", "range", "majority", "minority"),
    "rest",
}
"""Heads of a phrase whose "of" phrase says who they are ("met [a large number] of local authorities")."""
TAKEN = {
    *("asset", "assets", "funds", "fund", "aid", "property", "territory", "land", "ship", "ships", "vessel"),
    *("vessels", "body", "bodies", "remains", "water"),
}
"""What a party can hand back or let go to another: "released the frozen assets", "released the seized
vessels", "started releasing water from the dam"."""

LIFTED = {
    *("sanction", "sanctions", "ban", "bans", "debt", "debts", "restriction", "restrictions", "curfew"),
    *("embargo", "order", "decree", "visa", "visas", "fine", "fines", "tariff", "tariffs", "quota", "fee"),
    *("fees", "levy", "duty", "duties"),
}
"""What cancelling eases ("cancelled the debt", "cancelled the curfew"); cancelling a concert is no event."""

ASSAILANTS = {"police", "policemen", "guards", "officers", "mob", "gang", "gangs", "attackers", "thugs", "militiamen"}
"""Who beats people by force, beside armed forces and rebels."""

OFFERED = {
    *("help", "support", "aid", "assistance", "talk", "talks", "compromise", "concession", "amnesty"),
    *("asylum", "protection", "mediation", "resignation", "guarantee", "deal", "compensation", "loan"),
    *("loans", "troop", "troops", "peace", "truce", "ceasefire", "cooperation", "incentive", "reward"),
    *("money", "cash", "fund", "funds", "solution", "proposal", "plan", "olive", "hand", "condolence", "apology"),
}
"""What one party offers another (offering a product or a service is trade, no event)."""

DECLINED = {
    *("offer", "invitation", "request", "proposal", "call", "demand", "appeal", "plea", "bid", "approach"),
    *("nomination", "post", "job", "role", "honour", "honor", "award", "peerage", "knighthood", "aid", "help"),
}
"""What a party declines when declining is a refusal ("declined the invitation"); anything else declines
by falling ("declining consumption", "shares declined 2%")."""

WITHDRAWN = {
    *("support", "backing", "bid", "offer", "threat", "application", "candidacy", "candidature", "nomination"),
    *("ambassador", "envoy", "recognition", "membership", "objection", "proposal", "plan", "bill", "legislation"),
    *("measure", "funding", "aid", "troop", "force", "unit", "contingent", "mission", "cooperation", "consent"),
    *("demand", "claim", "complaint", "charge", "resolution", "motion", "amendment", "ultimatum", "invitation"),
}
"""What a party withdraws when withdrawing is a retreat ("withdrew its ambassador", "withdrew the bill");
goods are withdrawn from sale ("the tapes were withdrawn")."""

PERMITTING = {"allow", "provide", "permit", "enable", "offer", "ban", "outlaw", "prohibit", "forbid"}
"""Verbs whose subject, when it is a thing, states what the thing makes possible or forbids ("the cuts
will allow funding for teachers", "the system provides ...", "laws do not outlaw such attacks"), not an
act of a party."""
AGENTS = {
    *("court", "council", "committee", "board", "commission", "government", "ministry", "parliament"),
    *("assembly", "authority", "authorities", "regulator", "watchdog", "union", "party", "club", "company"),
    *("firm", "group", "bank", "agency", "administration", "cabinet", "congress", "senate", "country", "state"),
    *("nation", "body", "tribunal", "panel", "judge", "army", "military", "police", "force", "forces", "school"),
    *("library", "university", "museum", "hospital", "newspaper", "broadcaster", "channel", "church", "charity"),
    *("association", "federation", "foundation", "institute", "society", "league", "organisation", "organization"),
    *("airline", "carrier", "operator", "insurer", "lender", "retailer", "manufacturer", "carmaker", "producer"),
}
"""Common nouns for bodies that act: with them the enabling verbs are a party's act ("the court allowed
the appeal")."""

RECOGNISED = {
    *("government", "state", "regime", "independence", "sovereignty", "republic", "authority", "authorities"),
    *("administration", "election", "result", "results", "right", "rights", "union", "border", "borders"),
    *("annexation", "claim", "claims", "leadership", "council", "parliament", "country", "nation", "jurisdiction"),
    *("victory", "victories", "win", "outcome"),
}
"""What one party recognises of another in the diplomatic sense ("recognised Kosovo", "recognise the new
government", "recognise Israel's right to exist"); awards, faces and talent are recognised otherwise."""

PACTS = {"deal", "agreement", "convention", "treaty", "protocol", "pact", "accord", "charter", "declaration"}
"""What signing up to is signing: a deal or a treaty."""
ARMS = {"weapon", "weapons", "arms", "ammunition", "missile", "missiles", "rocket", "rockets", "equipment"}
"""What is supplied as military aid, beside `GOODS`."""
CONTRACTS = {"deal", "contract", "fee", "move", "terms", "transfer", "loan", "extension", "sponsorship", "agreement"}
"""What a sports report's agreements are about: a player's contract, a fee, a move, a sponsor's deal."""
RECEPTIONS = {
    *("reception", "review", "reviews", "criticism", "approval", "disapproval", "resistance", "opposition"),
    *("success", "scepticism", "skepticism", "hostility", "derision", "outrage", "anger", "praise", "acclaim"),
    *("applause", "silence", "indifference", "condemnation", "response", "reaction", "ridicule", "dismay"),
}
"""How something is received: what a plan or a film "meets with"."""
FULFILLED = {"promise", "promises", "pledge", "pledges", "demand", "demands", "commitment", "commitments"}
"""Event nouns one meets by fulfilling them: "met most of its pledges"."""
QUANTIFIERS = {"all", "most", "some", "many", "each", "both", "none", "several", "half", "one"}
"""Words that count what their "of" names: "met most of the targets"."""
DEPLOYED = {
    *("troops", "soldiers", "forces", "force", "police", "officers", "peacekeepers", "units", "unit", "warships"),
    *("ships", "aircraft", "jets", "missiles", "tanks", "marines", "personnel", "army", "navy", "battalion"),
    *("brigade", "reinforcements", "helicopters", "drones", "weapons", "guards", "gunboats", "submarines"),
}
"""What is deployed as a show or use of force (CAMEO 15): "deployed troops", "deployed warships"."""
BUSINESS = {
    *("trading", "shares", "flight", "flights", "production", "operations", "services", "sales", "dividend"),
    *("dividends", "output", "service", "work", "construction", "broadcasts", "publication", "listing"),
}
"""What a company suspends in its own business: no sanction on a party."""
SHOTS = {
    *("shot", "shots", "ball", "effort", "attempt", "cross", "header", "drive", "kick", "it", "pass", "strike"),
    *("volley", "free-kick", "penalty"),
}
"""What a player blocks in a game."""
INFORMATION = {
    *("figure", "figures", "data", "information", "detail", "details", "evidence", "number", "numbers"),
    *("statistic", "statistics", "estimate", "estimates", "forecast", "update", "list", "document", "documents"),
    *("answer", "answers", "explanation", "account", "briefing", "breakdown", "example", "examples"),
}
"""What is provided or supplied as knowledge, which is no aid ("provided the BBC with the figures")."""
GOODS = {
    *("aid", "food", "supplies", "supply", "medicine", "medicines", "relief", "water", "blanket", "blankets"),
    *("tent", "tents", "ration", "rations", "seed", "seeds", "clothing", "assistance", "fuel", "rice", "grain"),
    *("wheat", "flour", "maize", "bread", "meal", "meals", "cash", "money", "voucher", "kit", "kits", "shelter"),
    *("vaccine", "vaccines", "net", "nets", "package", "parcel"),
}
"""What is distributed as aid (CAMEO 073); distributing films or products is trade."""
SHARED = {
    *("information", "intelligence", "data", "evidence", "detail", "details", "technology", "expertise"),
    *("knowledge", "experience", "record", "records", "finding", "findings", "file", "files", "document"),
    *("documents", "secret", "secrets", "know-how", "research", "lesson", "lessons"),
}
"""What parties share when sharing is cooperation (CAMEO 064); honours, a platform or a view are shared
otherwise."""
TECHNICAL = {
    *("technology", "format", "standard", "software", "platform", "device", "hardware", "feature", "version"),
    *("file", "network", "browser", "codec", "app", "console", "chip", "subscriber", "user", "bandwidth"),
    *("gaming", "game", "playback", "streaming", "download", "connectivity"),
}
"""What a product or a company supports when supporting is working with it: a format, a standard, users
(not words a party's support may also go to: a resolution, an application, a system)."""
PRICES = {"price", "fee", "rate", "premium", "interest", "commission", "tariff", "rent", "fare", "charge"}
CUSTOMERS = {
    *("customer", "user", "consumer", "subscriber", "passenger", "motorist", "patient", "visitor", "viewer"),
    *("client", "buyer", "shopper", "household", "reader", "listener", "traveller", "tenant", "borrower"),
}
"""Those a firm charges: "charging users for updates" is a price, not a crime."""
OFFENCES = {
    *("murder", "fraud", "theft", "robbery", "killing", "death", "offence", "offense", "crime", "role"),
    *("part", "involvement", "incident", "manslaughter", "rape", "corruption", "bribery", "possession"),
}
"""What someone is "charged for" in court: "charged for his role in the riots"."""
"""What a seller charges: "the prices it charged" is trade."""
FILMED = {"film", "movie", "scene", "footage", "video", "episode", "series", "documentary", "picture", "photo"}
"""What is shot with a camera: "the scenes were shot in Lima"."""
ANIMALS = {
    *("animal", "animals", "game", "deer", "bird", "birds", "fox", "foxes", "pheasant", "pheasants", "grouse"),
    *("rabbit", "rabbits", "boar", "wolf", "wolves", "bear", "bears", "duck", "ducks", "badger", "badgers"),
    *("seal", "seals", "whale", "whales", "elephant", "elephants", "dog", "dogs", "cattle", "livestock"),
}
"""What is shot or killed by hunters, farmers or cullers: no attack on a party."""
MOVERS = {
    *("share", "shares", "stock", "stocks", "market", "markets", "index", "price", "prices", "currency"),
    *("pound", "dollar", "euro", "yen", "bond", "bonds", "it", "sterling", "oil", "gold", "economy"),
}
"""What "rallies" in a market report: a price, not a crowd."""
AUDIENCES = {
    *("fan", "fans", "viewer", "viewers", "audience", "audiences", "reader", "readers", "listener"),
    *("listeners", "consumer", "consumers", "customer", "customers", "shopper", "shoppers", "buyer", "buyers"),
    *("gamer", "gamers", "user", "users", "investor", "investors", "youngster", "youngsters", "market"),
}
"""Whom a product or a show "appeals to": it attracts them, no appeal is made."""
TOPICS = {
    *("impact", "effect", "effects", "cause", "causes", "feasibility", "possibility", "extent", "future"),
    *("benefit", "benefits", "cost", "costs", "option", "options", "potential", "implications", "use"),
}
"""What a study looks "into" or "at": "an inquiry into the effects of the drought" is research, no
investigation of a party."""
PURSUED = {
    *("war", "wars", "campaign", "ability", "policy", "strategy", "effort", "efforts", "agenda", "fight"),
    *("struggle", "interest", "interests", "offensive", "aim", "aims", "goal", "goals", "plan", "plans"),
}
"""What is "prosecuted" in the sense of pursued: "prosecute the war", "prosecuting the campaign"."""
NO_DESTINATION = {
    *("court", "tribunal", "work", "training", "action", "power", "office", "form", "play", "profit"),
    *("growth", "normal", "normality", "fitness", "top", "winning"),
}
"""What one "returns to" that is no place visited: "returned to court", "returned to power"."""
SHOPS = {"shop", "sale", "market", "shelf", "shelves", "store", "circulation"}
"""Where goods are withdrawn from: "withdrawn from sale"."""
BRIEFINGS = {"press", "news", "media"}
"""Words that make a conference held one for reporters, not a meeting between parties."""

MEASURES = {
    *("plan", "law", "bill", "decision", "rule", "rules", "measure", "measures", "resolution", "policy"),
    *("order", "decree", "legislation", "regulation", "regulations", "deal", "agreement", "treaty", "accord"),
    *("act", "directive", "statute", "constitution", "amendment", "charter", "code", "ordinance"),
}
"""A body's measures: what one a party is said to adopt allows is that party's act ("approved a rule that
lets no candidate of the banned party stand"); one that stands, even by its name ("the
Fisheries Act bans trawling near the coast"), only says what is allowed."""
MENACES = {
    *("consequence", "consequences", "action", "retaliation", "reprisal", "reprisals", "arrest", "force"),
    *("prosecution", "punishment", "retaliate", "respond", "response", "war"),
}
"""Words for what a threat holds out besides an act of the lexicon: "warned of consequences"."""
THREATENED_PLACES = PLACE_NOUNS | {"capital", "capitals", "embassy", "embassies", "base", "bases"}
"""Places a party threatens ("the rebels threatened the capital"), which are not parties themselves."""
FEELING = {"feel", "seem", "look", "appear", "become"}
"""Verbs after which "threatened" says how someone feels ("caused her to feel threatened"), not who threatened."""
DANGERS = {
    *("campaign", "violence", "crisis", "ruling", "flood", "floods", "storm", "disease", "outbreak", "epidemic"),
    *("war", "conflict", "fighting", "unrest", "insurgency", "shortage", "drought", "recession", "slump"),
    *("competition", "change", "changes", "problem", "problems", "situation", "scandal", "row", "dispute"),
    *("weather", "virus", "worm", "rise", "fall", "cuts", "move", "plan", "proposal", "proposals", "bill"),
}
"""What threatens as a danger, not as a party: "the poll is threatened by a campaign of violence"."""

PHRASALS_KEPT = {"beat up", "meet up", "sign up"}
"""Verbs with "up" or "down" that keep the event of the verb alone ("soldiers beat up detainees"); signing
up is `_signed_up`'s."""
PROPOSED = {"proposal", "bid", "motion", "vote", "attempt"}
"""What puts a measure forward: "its proposal to allow foreign ownership" says what the measure would do."""
ENABLING = {"allow", "let", "enable", "permit"}
"""Verbs of letting someone do something: in a clause of purpose ("launched a fund to allow schools to
hire"), what an act is meant to make possible; a concession only between parties (`coder._for_customers`)."""

OPENERS = {'"', "\u201c", "\u2018", "'", ":", ";", ".", "!", "?", "-", "\u2013", "\u2014", "(", "["}
"""Marks after which a capitalised word may open a sentence or a quotation."""
DEGREE = {"more", "most", "less", "least", "very", "so", "too", "far", "rather", "quite"}
"""Adverbs of degree: before a participle with no subject or object they make it an adjective."""

FATES = {
    *("collapse", "closure", "bankruptcy", "extinction", "relegation", "ruin", "demolition", "insolvency"),
    *("liquidation", "eviction", "shutdown", "redundancy", "redundancies", "break-up", "failure"),
}
"""What befalls something "threatened with" it, when no one is named as threatening: a danger."""

SETTLING = {"should", "must", "will", "would", "shall", "need", "ought"}
"""Auxiliaries with which a clause says what is to be done, not what is so."""
NORMATIVE = {"should", "must", "shall", "need", "ought"}
"""Of `SETTLING`, the words that say what is to be done whoever does it ("agree the disputes should go to
arbitration"); "will" and "would" settle only what parties do."""

VIEWS = {
    *("view", "views", "comment", "comments", "remark", "remarks", "assessment", "analysis", "point", "points"),
    *("sentiment", "sentiments", "opinion", "opinions", "criticism", "verdict", "conclusion", "conclusions"),
    *("findings", "diagnosis", "idea", "argument", "arguments", "statement", "description"),
}
"""What someone agrees "with" when agreeing is sharing a view ("agreed with Mr Forsyth's views"), not a deal."""

UNREPORTED = {
    *("name", "identify", "quote", "comment", "elaborate", "specify", "speculate", "disclose", "confirm"),
    *("say", "reveal", "rule"),
}
"""What a source asks not to be, or declines to do, when a report describes it ("asked not to be
[named]", "declined to [comment]", "refused to [say] whether", "refused to [rule] out an interest")."""


ATTRACTION_WORDS = {"broad", "wide", "broader", "wider", "popular", "mass", "electoral", "voter", "sex", "lasting"}
"""Words before "appeal" that make it how much people like someone: "the party's wide appeal"."""
WIDENING = {"broaden", "widen", "extend", "lose", "limit", "boost", "increase", "have", "lack"}
"""Verbs that grow or shrink how much people like someone: "broaden his appeal"."""


def _sporting(doc: Doc, trigger: Trigger) -> bool:
    """A trigger sport uses in its own sense ("beat", "clash", "strike", "meet"); an offer or a request to
    act is still one in a sports report ("the coaches' union has offered to act as peacemaker", "the club
    has asked for an inquiry"), a player "offered a new deal" is not."""
    verb = doc[trigger.token]
    if _type(trigger) == "AGREE" and _contract(verb, trigger):
        return True
    if not (trigger.entry.trigger in SPORTING_TRIGGERS or lemma_in(verb, SPORTING_TRIGGERS)):
        return False
    if trigger.entry.pos == "verb" and trigger.entry.trigger == "offer":
        return not _to_clause(verb)  # (a player "asked to train with England" is picked, not asked)
    if trigger.entry.pos == "verb" and trigger.entry.trigger == "ask":
        return not any(case_of(c) == "for" and trigger_at(c) is not None for c in verb.children)
    if trigger.entry.pos == "verb" and trigger.entry.trigger in ("allow", "threaten"):
        return _in_play(verb, threat=trigger.entry.trigger == "threaten")
    return True


def _contract(head: Token, trigger: Trigger) -> bool:
    """ "The striker has a contract with the club until May", "close to agreeing an extension", "agreed a
    sponsorship deal with a bank": in a sports report, the contracts, fees, moves and sponsorships of the
    game's business."""
    if trigger.entry.pos == "noun":
        return head.lemma_.lower() in CONTRACTS or head.lower_ in CONTRACTS
    objects = [word for word in (_patient(head), *(head.doc[i] for i in trigger.words)) if word is not None]
    objects += [c for c in head.children if case_of(c) in ("to", "on")]  # "agreeing to an extension"
    return any(o.lemma_.lower() in CONTRACTS or o.lower_ in CONTRACTS for o in objects)


def _in_play(verb: Token, threat: bool) -> bool:
    """ "allowing Garcia to break serve", "Lopez seldom threatened after that", "threatened a goal": what a side
    allows in play is a player or a side by name, and what it threatens is a score or nothing named.
    Allowing fans in, matches on artificial pitches or a player a loan, being allowed to play for one's
    country, and threatening a player, threatening someone with a ban or threatening to quit, are
    still events."""
    if is_passive(verb) and not threat:
        return False
    if threat and (_to_clause(verb) or any(case_of(c) == "with" for c in verb.children)):
        return False
    allowed = (
        _patient(verb)
        or next((c for c in verb.children if c.dep_ == "iobj"), None)  # "allowing [Garcia] to break serve"
        or next(
            (s for c in verb.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"), None
        )
    )  # (or the subject the parser gave the infinitive: "allow [the player] to go on loan")
    if allowed is None:
        return True
    named = [allowed, *(c for c in allowed.children if case_of(c) == "of")]  # "some of our players"
    if threat:
        return not any(w.ent_type_ == "PER" or _people(w) for w in named)
    return allowed.pos_ in ("PROPN", "PRON")


def _source_formula(doc: Doc, trigger: Trigger) -> bool:
    """ "an official, who asked not to be named, said", "the ministry declined to comment": the formulas
    with which a report describes its sources are no request or refusal between parties."""
    if _type(trigger) not in ("REQUEST", "REJECT"):
        return False
    head = doc[trigger.token]
    return any(
        c.dep_ in ("xcomp", "advcl") and lemma_in(c, UNREPORTED) and any(m.lower_ == "to" for m in c.children)
        for c in head.children
    )


def _no_request(doc: Doc, trigger: Trigger) -> bool:
    """ "Asked whether he was comfortable ...", "calls that ask about voting intentions", 'asked: "Would
    it not be ...?"': a question; "the parties appeal to the same voters": an attraction. "Ask" and
    "appeal" request something only with what is asked for: "asked Laos [to show] a number", "appealed
    [for calm]", "asked [that] ..."."""
    if trigger.entry.pos == "noun" and trigger.entry.trigger == "appeal":
        return _attraction(doc[trigger.token])
    if trigger.entry.pos != "verb" or trigger.entry.trigger not in ("ask", "appeal"):
        return False
    verb = doc[trigger.token]
    if trigger.entry.trigger == "ask" and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":":
        return True  # 'Mr Vaz asked: "Would that not be odd ...?"': a question put, quoted after a colon
    for child in verb.children:
        marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "case")}
        if child.dep_ in ("xcomp", "advcl") and "to" in marks:
            return False
        if child.dep_ == "ccomp" and "that" in marks:
            return False
        if child.dep_ in ("obl", "obj", "dobj") and "for" in marks:
            return False
    return True


def _attraction(noun: Token) -> bool:
    """ "widen her appeal beyond the farm vote", "the party's wide appeal": how much people like
    someone, not a request (an appeal is one "for" something or "to" do it: "an appeal for calm")."""
    if any(c.lower_ in ATTRACTION_WORDS for c in noun.children if c.dep_ == "amod"):
        return True
    return noun.dep_ in ("obj", "dobj") and noun.head.lemma_.lower() in WIDENING


def _modifier(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """ "the ceasefire line", "aid workers", "riot police", "a rally car": an event noun that only says
    which line, people or thing is no event; nor is one that modifies another event noun, whose event it
    is part of. A noun that carries the act itself keeps it: "strike action", "an aid package", "the
    house arrest plans"."""
    noun = doc[trigger.token]
    if noun.head.pos_ != "NOUN" or noun.head == noun:
        return False
    # a verb's form in a compound is a noun the tagger misread ("a rally car")
    if noun.dep_ != "compound" and not (trigger.entry.pos == "noun" and noun.dep_ == "amod"):
        return False
    return noun.head.i in by_token or noun.head.lemma_.lower() not in CARRIERS


def _talk_given(doc: Doc, trigger: Trigger) -> bool:
    """ "Some may criticise his talk", "a talk on climate": one talk is a speech; talks are negotiations."""
    return trigger.entry.pos == "noun" and trigger.entry.trigger == "talk" and doc[trigger.token].lower_ == "talk"


def _market_demand(doc: Doc, trigger: Trigger) -> bool:
    """ "US demand for heating oil", "rising demand", "demand for water": demand in a market, not a
    demand on a party, which news gives an article or an owner ("a demand for his release", "its demand
    that Russia withdraw")."""
    if trigger.entry.pos != "noun" or trigger.entry.trigger != "demand":
        return False
    noun = doc[trigger.token]
    if noun.lower_ != "demand":
        return False  # "demands" are a party's
    return not any(
        c.dep_ in ("det", "nmod:poss", "poss") or possessive(c) or c.lower_ in ("its", "their", "his", "her", "our")
        for c in noun.children
    )


CONVENING = frozenset({"conference", "summit", "congress", "convention", "meeting", "assembly", "festival", "forum"})
"""Gatherings that convene: the subject of "gather" that makes it no protest."""
OCCASIONS = {
    *("show", "fair", "exhibition", "expo", "ceremony", "funeral", "celebration", "concert", "match", "game"),
    "festival",
    *("launch", "opening", "premiere", "party", "wedding", "service", "auction", "race", "final", "parade"),
}
"""What people gather "for" when they neither protest nor meet: "fans gathered in Lima for the yearly
trade show" (officials who gather for a summit meet)."""
SPECTATING = {
    *("watch", "celebrate", "mourn", "see", "hear", "greet", "welcome", "attend", "pray", "remember"),
    *("honour", "honor", "commemorate", "enjoy", "listen", "cheer", "meet", "discuss", "sing", "dance"),
}
"""What people gather "to" do when they do not protest: "gathered to watch the final"."""


PROTESTERS = {
    *("protester", "protestor", "demonstrator", "activist", "campaigner", "striker", "opponent", "supporter"),
    *("marcher", "picket", "dissident", "rioter", "mob"),
}
"""People whose gathering is a demonstration whatever else the sentence says."""
PROTEST_PHRASES = {"protest", "support", "solidarity", "defiance", "opposition"}
"""What "in" a gathering is: "gathered in protest", "gathered in support of the strikers"."""
DEMONSTRATING = {"chant", "shout", "wave", "brandish", "carry", "hold", "march", "sing", "bang", "block"}
"""What people gathered "chanting" or "waving" banners do as they demonstrate."""


def gathered_in_protest(verb: Token) -> bool:
    """Whether people who gathered demonstrated: they are protesters or supporters; they gathered
    outside a building, against something, "in protest" or "in support"; chanting or waving banners; or
    to do something that is itself an event ("gathered to demand his release"). Friends gathered at a
    church, experts at a venue, people in a square "to record a message" did not (officials who gather
    meet: the coder decides that by who they are)."""
    for child in verb.children:
        if child.dep_.startswith("nsubj") and child.lemma_.lower() in PROTESTERS:
            return True
        if child.dep_ in ("advcl", "xcomp") and (
            (to_infinitive(child) and trigger_at(child) is not None) or child.lemma_.lower() in DEMONSTRATING
        ):
            return True
    for token in verb.subtree:
        if token.lower_ in ("outside", "against"):
            return True
        if token.lemma_.lower() in PROTEST_PHRASES and case_of(token) == "in":
            return True
    return False


def _gathered_for_an_occasion(verb: Token) -> bool:
    """ "gathered in Lima [for the yearly trade show]": read from the words, since the parser
    often makes the occasion a verb."""
    following = [t for t in verb.sent if t.i > verb.i]
    for n, token in enumerate(following):
        if token.lower_ == "for":
            return any(t.lemma_.lower() in OCCASIONS for t in following[n + 1 : n + 6])
    return False


def _other_sense(doc: Doc, trigger: Trigger) -> bool:
    """A verb whose event depends on what it acts on, used in another sense: releasing a product, a film
    or figures (only people or property taken are released: "released the hostages"); firing staff
    (a weapon or a target is fired at); demonstrating that something works (not a protest); recognising
    anything but a state, a body or its rights (not diplomatic recognition); hosting a show (a meeting,
    talks or a visitor are hosted); cancelling a concert (what cancelling eases, a ban or a debt, or an
    event, is an event); returning a thing (people return, as a visit); withdrawing goods (troops, envoys,
    support or a measure are withdrawn); declining as falling (a refusal declines an offer or to act);
    conceding or agreeing that something is so; meeting a target (people are met); a thing that allows,
    provides or offers; offering nothing to no one; a conference that gathers (people gather to protest);
    signing over shares or signing up a person (an agreement is signed); a thing that "meets with" a
    reception; a company suspending its own trading, flights or production; a person recognised by
    sight; animals shot, a race "stormed" to, a price that "rallied", a return "to court" or "to power",
    a campaign "prosecuted", questions "asked", a study "investigated", an audience "appealed" to,
    someone who "killed himself", crowds gathered for a show or to watch a match."""
    if trigger.entry.pos != "verb" or len(trigger.words) > 1:
        return False
    verb = doc[trigger.token]
    lemma = trigger.entry.trigger
    patient = _patient(verb)
    if lemma == "demonstrate":
        # "demonstrate that the system works", "demonstrate to voters that the plan is fair": showing
        shown = any(t.dep_ == "mark" and t.lower_ == "that" for t in verb.subtree)
        return patient is not None or shown or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    if lemma == "gather" and patient is None:
        # "the party congress will not gather in Cusco": a meeting that convenes is no demonstration;
        # nor are crowds gathered for a show or to watch a final
        convened = any(c.dep_.startswith("nsubj") and c.lemma_.lower() in CONVENING for c in verb.children)
        spectating = any(
            c.dep_ in ("advcl", "xcomp") and to_infinitive(c) and c.lemma_.lower() in SPECTATING for c in verb.children
        )
        return convened or spectating or _gathered_for_an_occasion(verb)
    if lemma in ("kill", "shoot", "wound") and patient is not None and patient.lower_ in REFLEXIVES:
        return True  # "the gunman later killed himself": a death, not an attack on a party
    if lemma == "concede" and any(c.dep_ == "ccomp" for c in verb.children):
        return True  # "conceded that the win was not pretty": an admission, not a concession to a party
    if lemma == "decline":
        refused = patient is not None and (trigger_at(patient) is not None or patient.lemma_.lower() in DECLINED)
        # "hit by declining demand": the parser's object right after an -ing form is what is falling
        falling = patient is not None and verb.lower_.endswith("ing") and patient.i == verb.i + 1
        return not ((refused and not falling) or _to_clause(verb))
    if lemma in ENABLING and (_purpose(verb) or _allows_no_party(verb, patient)):
        return True
    if lemma in ("provide", "supply") and _informs(verb, patient):
        return True
    if lemma in PERMITTING and _thing_acting(verb) and not (lemma == "offer" and _to_clause(verb)):
        return True  # (an "offer to" act is made by someone: "the Chilean bidder will offer to run it")
    if lemma == "agree" and _shares_a_view(verb):
        return True
    if lemma == "allege" and is_passive(verb) and _to_clause(verb) and passive_agent(verb) is None:
        return True  # "remarks the senator is alleged to have made": a reporter's hedge, no accusation
    if lemma == "threaten" and _thing_threatens(verb):
        return True
    if lemma in ("recognise", "recognize"):
        # "Turkey must recognise Cyprus", "recognised the new government"; "the awards recognise
        # film-making", "to be recognised like this", "we must recognise that farmers have real concerns",
        # "was recognised for the best year of her career" (an honour)
        honoured = any(case_of(c) == "for" for c in verb.children)
        # a person is recognised by sight ("few shoppers recognised Ana Ruiz"), a state or a government
        # diplomatically; a person only "as" its leader ("recognised Ana Ruiz as interim president")
        known_by_sight = patient is not None and named_as(patient, ("PER",)) and not _as_phrase(verb)
        # "I recognised myself in her": seeing oneself in someone
        own_self = patient is not None and (patient.lower_ in REFLEXIVES or patient.lower_ in ("myself", "ourselves"))
        if honoured or known_by_sight or own_self:
            return True
        return patient is None or not (party_word(patient) or patient.lower_ in ("it", "them"))
    if lemma in ("meet", "meet with") and patient is None and _met_with_a_reaction(verb):
        return True
    if lemma == "suspend" and patient is not None and _in(patient, BUSINESS):
        return True  # "suspended production at its plant", "suspended its night flights": no sanction
    if lemma == "meet" and patient is not None and patient.lower_ in QUANTIFIERS:
        # "met most of the targets": what the quantifier counts is what was met
        patient = next((c for c in patient.children if case_of(c) == "of"), patient)
    if lemma == "meet" and patient is not None and patient.pos_ == "NOUN":
        # "to meet analysts' profit forecasts", "meet firms' concerns": only people or parties are met
        objects = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.lower_ not in QUANTIFIERS]
        met = [o for o in objects or [patient] if party_word(o) or trigger_at(o) is not None]
        return all(_in(o, FULFILLED) for o in met)  # "met its promises", "met the demands": fulfilled
    if lemma == "deploy" and patient is not None:
        # "deploy a fleet of test cars": only armed forces, police or their arms are deployed
        deployed = next((c for c in patient.children if case_of(c) == "of"), patient)
        return not (_in(deployed, DEPLOYED) or party_word(deployed))
    if lemma == "sanction" and patient is not None:
        return not party_word(patient)  # "have sanctioned its use": approved, not punished
    if lemma == "beat":
        return not _physical(verb, patient)
    if lemma == "fire" and (patient is not None or is_passive(verb)):
        # "she had been fired", "fired Ana Ruiz", "a week before being fired": dismissed; a weapon or a
        # target is fired at, and a passive with neither subject nor "by" names no weapon and no attacker
        aimed = any(
            c.dep_ == "obl" and case_of(c) in ("at", "on", "into") and not time_phrase(c) for c in verb.children
        )
        unnamed = patient is None and passive_agent(verb) is None
        dismissed = unnamed or (patient is not None and (_people(patient) or patient.ent_type_ == "PER"))
        return dismissed and not aimed
    if lemma == "support" and patient is not None and _in(patient, TECHNICAL):
        return True  # "will support the new disc format", "phones that support the standard": compatibility
    if lemma == "supply":
        # "supplied arms to the rebels", "supply food"; "Apple can supply enough", "technology supplied by ..."
        return patient is None or not _in(patient, GOODS | ARMS)
    if lemma == "phone" and patient is None:
        return not any(case_of(c) == "with" for c in verb.children)  # "when they phone up to cancel"
    if lemma == "sign" and _signed_otherwise(verb, patient):
        return True
    if lemma == "discuss" and _alone(verb):
        return True  # "Vega discussed the problems facing rural schools": a talk, not a consultation
    if lemma == "blame":
        # "blamed China for lost jobs", "blamed the deficit on Iraq"; "blamed the deficit on slow economic
        # conditions", "blamed her defeat on injuries": no party is blamed
        blamed = [patient] + [c for c in verb.children if c.dep_ == "obl" and case_of(c) == "on"]
        if patient is not None:
            # "blamed [Argentina]'s tariffs", "blamed the tariffs imposed [by Argentina]", "blamed the filling
            # of the reservoir behind the dam in southern [Laos]": the country where the blamed thing is
            blamed += [c for c in patient.children if possessive(c) and c.pos_ != "PRON"]
            blamed += [g for c in patient.children if c.dep_ == "acl" for g in c.children if case_of(g) == "by"]
            blamed += [t for t in patient.subtree if t.ent_type_ == "LOC" or (t.pos_ == "PROPN" and country_of(t.text))]
        return not any(b is not None and (party_word(b) or b.pos_ in ("PROPN", "PRON")) for b in blamed)
    if lemma == "offer" and patient is None:
        # "DMB offers twice the frames": with nothing offered and nothing to do, a description
        # ("offered [to] host talks" the parser may hang as a phrase: "to" still says what is offered; "the
        # debt relief offered [by] the lenders" is a passive whose subject the parser lost)
        aimed = any(c.dep_ == "iobj" or (c.dep_ == "obl" and case_of(c) in ("to", "by")) for c in verb.children)
        return not (_to_clause(verb) or aimed)
    if lemma == "charge" and patient is not None and _in(patient, PRICES | CUSTOMERS):
        return True  # "the prices it charged", "charges a fee", "charging users": trade, no legal charge
    if lemma == "charge" and _priced(verb):
        return True  # "not charging anything for the upgrade": a price, not a crime
    before = doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if lemma == "charge" and before is not None and _in(before, PRICES):
        return True  # "the tariffs [the two firms charge] foreign operators", however the parser hung it
    if lemma == "shoot" and patient is not None and (_in(patient, FILMED) or _of_a_film(patient)):
        return True  # "the film will be shot in Lima", "parts of the film were shot in the museum"
    if lemma == "withdraw" and any(case_of(c) == "from" and _in(c, SHOPS) for c in verb.children):
        return True  # "the drug was withdrawn from shops": goods
    if lemma in ("shoot", "kill") and patient is not None and _in(patient, ANIMALS):
        return True  # "visitors pay to shoot deer", "farmers killed the badgers": no party attacked
    asked = any(c.dep_ in ("xcomp", "advcl") or case_of(c) == "for" for c in verb.children)
    if lemma == "appeal" and not asked and any(case_of(c) == "to" and _in(c, AUDIENCES) for c in verb.children):
        return True  # "aims to appeal to younger viewers": attracting them; "appealed to fans to stay calm" asks
    if lemma == "investigate" and (
        (patient is not None and (patient.pos_ == "VERB" or _in(patient, TOPICS)))
        or any(c.dep_ in ("xcomp", "ccomp") and c.lower_.endswith("ing") for c in verb.children)
    ):
        return True  # "investigate extending the line", "investigate the impact of the tax": a study
    if lemma == "storm" and patient is None and any(case_of(c) == "to" for c in verb.children):
        return True  # "stormed to gold in the relay", "stormed to victory": moving fast, no attack
    if (
        lemma == "rally"
        and patient is None
        and any(c.dep_.startswith("nsubj") and _in(c, MOVERS) for c in verb.children)
    ):
        return True  # "shares rallied", "it rallied briefly on Monday": a price recovering, no rally
    if (
        lemma == "return"
        and patient is None
        and any(case_of(c) == "to" and _in(c, NO_DESTINATION) for c in verb.children)
    ):
        return True  # "will return to court in Delaware", "returned to power": no visit
    if lemma in ("fly", "travel", "arrive") and _no_journey(verb, lemma, patient):
        return True
    if patient is None:
        return False
    if patient.pos_ == "PROPN":
        # "released Ana Ruiz"; "Xbox 2 will be released", "released Windows XP": a product; "the Finance
        # Bill would be returned to the Commons": a named thing goes back, nobody visits
        if lemma == "return":
            measure = _in(patient, MEASURES) or _in(_name_end(patient), MEASURES)  # "Bill" may read as a name
            thing = patient.ent_type_ not in ("PER", "ORG", "LOC", "GPE") and not country_of(patient.text)
            return measure or thing
        if lemma == "shoot":
            return any(c.dep_ == "compound" and _in(c, FILMED) for c in patient.children)  # "the film Retirement"
        if lemma == "host":
            # "hosting the Top 20 Countdown": a show by its title; a named guest or body is hosted
            named = any(t.ent_type_ or country_of(t.text) for t in patient.subtree)
            return not named and not _in(_name_end(patient), CONVENING)  # ("the World Social Forum")
        return lemma == "release" and patient.ent_type_ != "PER"
    if lemma == "release":
        return not _people(patient) and patient.lemma_.lower() not in TAKEN
    if lemma == "distribute":
        return not _in(patient, GOODS)  # "distribute food to the victims"; "Warner will distribute the films"
    if lemma == "prosecute":
        # "prosecuting the campaign with more vigour", "prosecute the war": pursuing a
        # thing, no legal action against anyone
        return _in(patient, PURSUED)
    if lemma == "ask" and patient.lemma_.lower() == "question":
        return True  # "the questions she will be asking of the team": no demand
    if lemma == "share":
        return not _in(patient, SHARED)  # "shared intelligence"; "shared the main honours", "shared a platform"
    if lemma == "withdraw":
        eased = _in(patient, WITHDRAWN | LIFTED)  # "withdrew its ambassador", "withdraw the fees"
        return not (_people(patient) or trigger_at(patient) is not None or eased)
    if lemma == "return":
        return not _people(patient)  # "the ballot forms are returned to the council": no visit
    if lemma in ("host", "gather", "consult"):
        # only people are gathered or consulted ("gathered information", "the materials they consult")
        return not _people(patient) and (lemma != "host" or trigger_at(patient) is None)
    if lemma == "offer":
        # "offered talks", "offered help to Haiti", "offered China access to its oil"; "offering hybrid
        # devices", "offers internet access to subscribers", "offering them a lower price": trade
        patient = [c for c in verb.children if c.dep_ in ("obj", "dobj")][-1] if _two_objects(verb) else patient
        given = [c for c in verb.children if c.dep_ == "iobj"] + [c for c in patient.children if c.dep_ == "compound"]
        to_a_state = any(c.pos_ == "PROPN" and country_of(c.text) for c in given)  # "offered [China] access"
        to_act = any(c.dep_ == "xcomp" for c in verb.children)  # "offered to suspend them"
        unknown = patient.pos_ == "PRON" or trigger_at(patient) is not None or patient.lemma_.lower() in OFFERED
        return not (unknown or to_a_state or to_act)
    if lemma == "cancel":
        return trigger_at(patient) is None and patient.lemma_.lower() not in LIFTED
    return False


def _no_journey(verb: Token, lemma: str, patient: Token | None) -> bool:
    """ "the ball flew wide", "the jet can fly to Sydney non-stop": a thing that moves makes no visit; nor
    does one who flies something ("flew cargo planes to the coast", a pilot's work), nor a finding at odds
    with another ("flies in the face of")."""
    if lemma == "fly" and (patient is not None or any(t.lower_ == "face" for t in verb.subtree)):
        return True
    clause = verb
    while clause.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in clause.children):
        clause = clause.head  # "the jet may be able to [fly]": the subject of the verb it completes
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and not subject.ent_type_ and not _party_or_name(subject)


def _informs(verb: Token, patient: Token | None) -> bool:
    """ "provided reporters with the figures", "supplied the details": what is handed over is information,
    no aid."""
    given = [patient] if patient is not None else []
    given += [c for c in verb.children if c.dep_ in ("obl", "nmod") and case_of(c) == "with"]
    given += [g for p in given for g in p.children if g.dep_ in ("nmod", "obl") and case_of(g) == "with"]
    return any(_in(g, INFORMATION) for g in given)


def _allows_no_party(verb: Token, patient: Token | None) -> bool:
    """A permission is given to a party: "allowed the airline to fly the route", "was allowed into the
    talks", "would not let me phone my lawyer". Allowing a thing ("allowed detentions", "allow the
    currency to slide", "allowing shorter sentences"), a thing that allows ("this could allow a small
    revision"), and an -ing form after a comma that says what came of the clause before it ("orders
    rose, allowing the firm to lift prices") grant nothing to anyone."""
    consequence = (
        verb.lower_.endswith("ing")
        and verb.dep_ in ("advcl", "xcomp", "conj", "acl")
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
        and verb.i > 0
        and any(t.text == "," for t in verb.doc[max(verb.sent.start, verb.i - 2) : verb.i])
    )
    if consequence:
        return True
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("this", "that") and verb.dep_ not in ("relcl", "acl:relcl", "acl"):
        return True
    # "allowing [me] to call a lawyer", "allowed [Peru] a waiver": the one allowed, before what it may do
    allowed = next((c for c in verb.children if c.dep_ == "iobj"), patient)
    if allowed is None:
        # "allow Peru to fly the route" as a clause of its own: its subject is the one allowed
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
        allowed = next((g for c in clauses for g in c.children if g.dep_.startswith("nsubj")), None)
    if allowed is None:
        return False
    if allowed.pos_ == "PRON":
        return allowed.lower_ in ("it", "this", "that", "which", "what")
    return not (_party_or_name(allowed) or _a_partys_act(allowed))


def _a_partys_act(noun: Token) -> bool:
    """An act a party makes, allowed: "allowed the appeal by the fishermen", "allowed Peru's request";
    not acts in general ("allowed detentions without trial")."""
    if trigger_at(noun) is None:
        return False
    people = ("his", "her", "their", "our", "my", "your")
    owners = [
        c for c in noun.children if possessive(c) or c.lower_ in people or c.left_edge.lower_ in ("by", "of", "from")
    ]
    return any(_party_or_name(c) or c.lower_ in people for c in owners)


def _party_or_name(word: Token) -> bool:
    """A party word, a name the recogniser missed ("Marsh was allowed to"), or a description the parser
    cut from the name after it ("threatened short-course champion [Edith Masai]")."""
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    named_next = following is not None and following.ent_type_ in ("PER", "ORG") and following.pos_ == "PROPN"
    if party_word(word) or word.pos_ == "PROPN" or named_next or _in(word, ADMITTED):
        return True
    # "foreign trawlers", "Chilean ships": what belongs to another country stands for it
    if any(c.dep_ == "amod" and (c.lower_ == "foreign" or country_of(c.text)) for c in word.children):
        return True
    # "allow the return [of] the inspectors", "thousands [of] refugees", "candidates [from] the movement":
    # the party in a phrase (not "the use of [a technology]")
    cases = ("of", "from") if _in(word, COMINGS | QUANTITIES) else ("from",)
    phrases = [c for c in word.children if c.dep_ in ("nmod", "obl") and c.i > word.i]
    return any(c.left_edge.lower_ in cases and _party_or_name(c) for c in phrases)


def _purpose(verb: Token) -> bool:
    """ "cut parking fees to allow shoppers back", "a fund to allow schools to hire": what an act or a thing
    is for. Not a measure's content ("plans to allow house arrest", "a law to allow it"), a choice still
    open ("whether to allow"), or a permission sought ("for Chile to be allowed into the talks")."""
    if verb.dep_ not in ("advcl", "acl") or not to_infinitive(verb) or is_passive(verb):
        return False
    if any(c.lower_ == "whether" for c in verb.children):
        return False
    return verb.dep_ == "advcl" or not (_in(verb.head, MEASURES | PROPOSED) or trigger_at(verb.head) is not None)


def _priced(verb: Token) -> bool:
    """ "not charging anything for the upgrade", "charged 5 dollars": what a charge is "for", with nothing it is
    "with" ("charged with fraud", "with helping a retailer inflate its profits") and no offence, or a sum
    of money charged, is a price."""
    phrases = [c for c in verb.children if c.dep_ in ("obl", "obj", "dobj", "advcl")]
    # "charge anything [for the service]" as the parser may hang it, on the object
    phrases += [g for c in phrases if c.dep_ in ("obj", "dobj") for g in c.children if g.dep_ == "nmod"]
    if any(t.lower_ == "with" and t.dep_ in ("case", "mark") for c in phrases for t in c.children):
        return False
    offence = [c for c in phrases if c.lemma_.lower() in OFFENCES or trigger_at(c) is not None]
    priced = [c for c in phrases if case_of(c) == "for" and c not in offence]
    money = [c for c in phrases if c.dep_ in ("obj", "dobj") and (c.ent_type_ == "MONEY" or c.text in "$£€")]
    return bool(priced or money)


def frees_something(verb: Token) -> bool:
    """Whether a release names what it frees: people ("released the reporters") or what was taken or held
    back ("began releasing water from the dam", "released the frozen assets")."""
    patient = _patient(verb)
    return patient is not None and (_people(patient) or _in(patient, TAKEN) or patient.ent_type_ == "PER")


def _of_a_film(word: Token) -> bool:
    """ "parts [of the film]", "scenes [of the series]": a phrase about a part of something filmed."""
    return any(case_of(c) == "of" and _in(c, FILMED) for c in word.children)


def _to_clause(verb: Token) -> bool:
    """Whether the verb governs an infinitive: "declined to meet", "offered to resign"."""
    return any(c.dep_ in ("xcomp", "advcl", "ccomp") and to_infinitive(c) for c in verb.children)


def _alone(verb: Token) -> bool:
    """ "Lee discussed the challenges ...", "best if I don't discuss them": one person and no one "with"
    them; a meeting needs two ("discussed Iraq with Mr Bush", "Blair and Bush discussed Iraq")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ == "conj" for s in subjects for c in s.children):
        return False
    if any(t.lower_ == "with" for t in verb.subtree):
        return False  # also "discussed the campaign [with] the prime minister" hung on the object
    subject = subjects[-1]  # "[Mr] [Ortega] discussed": a name the parser split
    if subject.pos_ == "PRON":
        return subject.lower_ in ("he", "she", "i")
    plural = "Plur" in subject.morph.get("Number") or _in(subject, AGENTS)  # "the cabinet discussed ..."
    return not plural


def _signed_up(doc: Doc, trigger: Trigger) -> bool:
    """ "two million Chileans had signed up for broadband", "the actor has signed up for the series": a
    subscription or a job; signing up to a deal or a treaty is signing it ("will not sign up to the fisheries
    protocol", "signed up for a $2bn deal")."""
    verb = doc[trigger.token]
    if trigger.entry.trigger != "sign" or not any(
        c.lower_ == "up" and c.dep_ in ("compound:prt", "prt", "compound") for c in verb.children
    ):
        return False
    return not any(t.lemma_.lower() in PACTS or trigger_at(t) is not None for t in verb.subtree if t.i != verb.i)


def _blocked_shot(doc: Doc, trigger: Trigger) -> bool:
    """ "the keeper somehow blocked it with his knees", "had another shot blocked": in a sports report a shot is
    blocked; a bid or a road still is blocked as an act ("the power to block a bid")."""
    if trigger.entry.trigger != "block" or trigger.entry.pos != "verb":
        return False
    patient = _patient(doc[trigger.token])
    return patient is None or _in(patient, SHOTS)


def _shares_a_view(verb: Token) -> bool:
    """ "agreed that the figures were stronger", "agreed about what happened", "I agree with Mr Forsyth's
    views": a view shared, not an agreement to act; agreeing what should or will be done is one ("agree
    that the disputes should be resolved by arbitration")."""
    for child in verb.children:
        marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "case")}
        settled = any(a.dep_ == "aux" and a.lower_ in SETTLING for a in child.children)
        if settled and not any(a.dep_ == "aux" and a.lower_ in NORMATIVE for a in child.children):
            # "agreed they would meet again" settles what parties do; "agreed spending would rise" foresees
            subject = next((c for c in child.children if c.dep_.startswith("nsubj")), None)
            settled = subject is not None and (_people(subject) or _party_or_name(subject))
        if child.dep_ == "ccomp" and "to" not in marks and not settled:
            return True
        if child.dep_ in ("obl", "advcl") and ("about" in marks or ("with" in marks and _in(child, VIEWS))):
            return True
    # "I agree with Frederick Forsyth", "the panel agreed with the companies": siding with someone, where
    # an agreement has terms ("agreed with Chile [on] quotas", "agreed with Togo [to] ...", "agreed a deal")
    sided = any(c.dep_ in ("obl", "nmod") and case_of(c) == "with" for c in verb.children)
    terms = any(
        c.dep_ in ("obj", "dobj", "xcomp", "ccomp") or (c.dep_ == "obl" and case_of(c) in ("on", "over", "to", "for"))
        for c in verb.children
    )
    return sided and not terms


def _thing_threatens(verb: Token) -> bool:
    """ "the poll is threatened by a campaign of violence", "the crisis threatens jobs": a danger, not a
    party's threat; so is a fate something is "threatened with" when no one is named as threatening it
    ("the airline was threatened with collapse"; "threatened with legal action by Peru" is Peru's)."""
    fated = any(case_of(c) == "with" and _in(c, FATES) for c in verb.children)
    if is_passive(verb) and passive_agent(verb) is None and fated:
        return True
    doers = [passive_agent(verb)] if is_passive(verb) else [c for c in verb.children if c.dep_ == "nsubj"]
    # (every subject the parser gave: "the motive ... is that [he] threatened" has two)
    things = [d for d in doers if d is not None and d.pos_ == "NOUN" and (is_thing(d) or _in(d, DANGERS))]
    if things and len(things) == len(doers):
        return True
    if verb.dep_ in ("xcomp", "acomp", "ccomp") and lemma_in(verb.head, FEELING):
        return True  # "caused her to feel threatened"
    # What is threatened is no party and no act held out: "2,000 jobs are threatened", "could threaten
    # the country's hopes of recovery", "software that threatens the firm's monopoly".
    patient = _patient(verb)
    held_out = patient is not None and (trigger_at(patient) is not None or _in(patient, MENACES))
    dated = patient is not None and (time_phrase(patient) or patient.lower_ in ("today", "yesterday", "tonight"))
    if patient is None or patient.pos_ != "NOUN" or held_out or dated or _in(patient, THREATENED_PLACES):
        return False  # (a town or a capital is threatened by the forces that menace it)
    return not _party_or_name(patient)


def _briefing(doc: Doc, trigger: Trigger) -> bool:
    """ "the minister's plan to hold a weekly press conference": a conference for reporters, no meeting."""
    if trigger.entry.trigger != "hold conference":
        return False
    return any(c.lower_ in BRIEFINGS for i in trigger.words for c in doc[i].children if c.dep_ in ("compound", "amod"))


def _in_a_title(doc: Doc, trigger: Trigger) -> bool:
    """ "the comedy Meet the Neighbours", "search engine Ask Alfred": a verb capitalised inside a sentence is
    a word of a title or a name. At the start of a sentence, a bare verb before a capitalised name that a
    finite verb follows is a title as a subject too ("Meet The Neighbours topped the chart")."""
    verb = doc[trigger.token]
    if trigger.entry.pos != "verb" or not verb.text[:1].isupper() or verb.text.isupper():
        return False
    before = doc[verb.i - 1] if verb.i > 0 else None
    if not (verb.is_sent_start or before is None or before.is_space or before.text in OPENERS):
        return True
    after = doc[verb.i + 1 : verb.sent.end]
    if verb.lower_ != verb.lemma_.lower() or len(after) < 2:
        return False
    named = after[0].text == "The" or (after[0].lower_ == "the" and after[1].text[:1].isupper())
    return named and any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") for t in after[2:])


def _phrasal(doc: Doc, trigger: Trigger) -> bool:
    """ "fired up his campaign", "to free up money", "backing up files", "had his kick charged down",
    "marching up to him": "up" or "down" after a verb makes another verb (not "up to" a number),
    which reports no event unless the lexicon has it ("blow up", "shoot down") or it keeps the verb's
    sense (`PHRASALS_KEPT`: "beat up", "meet up")."""
    verb = doc[trigger.token]
    if trigger.entry.pos != "verb" or len(trigger.words) > 1:
        return False
    adjacent = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    particles = [c for c in verb.children if c.i > verb.i and (particle(c) or c.dep_ == "advmod")]
    if adjacent is not None:
        particles.append(adjacent)
    found = next((p for p in particles if p.lower_ in ("up", "down") and not _up_to_a_number(p)), None)
    if found is None:
        return False
    phrase = f"{trigger.entry.trigger} {found.lower_}"
    return phrase not in PHRASALS_KEPT and (phrase, "verb") not in lexicon()


def _up_to_a_number(word: Token) -> bool:
    """ "lets up to 500 lorries a day cross": a quantity, not a particle."""
    after = word.doc[word.i + 1 : word.i + 3]
    return len(after) == 2 and after[0].lower_ == "to" and (after[1].like_num or after[1].text[:1] in "$£€")


def _naming(doc: Doc, trigger: Trigger) -> bool:
    """ "a movement called Voice for Change", "a report called Fields of Plenty": "called" after a noun,
    before a name, names it; no one calls for anything, even where the name has "for" in it."""
    verb = doc[trigger.token]
    if not trigger.entry.trigger.startswith("call") or verb.dep_ not in ("acl", "amod") or verb.head.i > verb.i:
        return False
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return after is not None and (after.text[:1].isupper() or after.text in OPENERS)


def _adjectival(doc: Doc, trigger: Trigger) -> bool:
    """ "physically demanding work", "the most promising newcomer", "an emotionally charged ballad": a
    participle right after an adverb of manner or degree, with no subject or object of its own, describes;
    "was heavily criticised", "openly blamed the US" and "strongly opposed by" still report acts."""
    verb = doc[trigger.token]
    if trigger.entry.pos != "verb" or verb.i == 0 or not verb.lower_.endswith(("ing", "ed")):
        return False
    adverb = doc[verb.i - 1]
    if adverb.pos_ != "ADV" or not (adverb.lower_.endswith("ly") or adverb.lower_ in DEGREE):
        return False
    acting = ("obj", "dobj", "iobj", "ccomp", "xcomp")
    if any(c.dep_ in acting or case_of(c) in ("by", "with", "to") for c in verb.children):
        return False
    subject = any(c.dep_.startswith("nsubj") for c in verb.children)
    if verb.lower_.endswith("ing"):
        return not subject
    follows = verb.i + 1 < len(doc) and doc[verb.i + 1].pos_ == "NOUN"  # "emotionally charged [rock]"
    auxiliary = any(c.dep_.startswith("aux") for c in verb.children)  # "has angrily rejected claims"
    return follows and not auxiliary and "Fin" not in verb.morph.get("VerbForm") and not is_passive(verb)


def named_as(word: Token, kinds: tuple[str, ...]) -> bool:
    """Whether the word, or a word of the name it heads, is an entity of one of `kinds`: the parser may
    make a title the head and hang the name on it ("Mr [Lopez]", "the Green leader [Ana Ruiz]")."""
    name = [word, *(c for c in word.children if c.dep_ in ("compound", "flat", "appos"))]
    return any(w.ent_type_ in kinds for w in name)


def party_word(word: Token) -> bool:
    """Whether a word can name a party: people, a body, a country or a named organisation or place."""
    if word.ent_type_ in ("LOC", "GPE", "ORG", "NORP", "PER") or country_of(word.text) or find_role(word.text):
        return True
    if any(c.dep_ == "conj" and party_word(c) for c in word.children):
        return True  # "met Laos's energy and mines [minister]" as the parser hangs it
    if named_as(word, ("PER", "ORG")):
        return True  # "met exchange chief executive Ana Soto" however the parser hangs the name
    if word.lower_ in GROUPED:
        return any(case_of(c) == "of" and party_word(c) for c in word.children)
    return _people(word) or _in(word, AGENTS | RECOGNISED | MET) or word.lower_ in SECTORS


def _two_objects(verb: Token) -> bool:
    """ "offering [them] a lower [price]": the parser gave both objects the same label; the thing is the last."""
    return sum(c.dep_ in ("obj", "dobj") for c in verb.children) > 1


def _as_phrase(verb: Token) -> bool:
    """Whether the verb says "as" what: "recognised Ana Ruiz [as] interim president"."""
    return any(
        case_of(c) == "as" or (c.dep_ in ("xcomp", "advcl") and any(m.lower_ == "as" for m in c.children))
        for c in verb.children
    )


def _met_with_a_reaction(verb: Token) -> bool:
    """ "The new opera met with a cold reception", "the plan met with resistance": what a thing meets "with" is
    how it was received; people meet "with" people or parties ("meet with exiled dissidents")."""
    met = [c for c in verb.children if c.dep_ in ("obl", "nmod") and case_of(c) == "with"]
    return bool(met) and all(_in(m, RECEPTIONS) for m in met)


def _name_end(word: Token) -> Token:
    """The last word of the name a proper noun heads: "[Harbours] For Turtles Act" ends in "Act"."""
    end = word.right_edge
    return end if end.pos_ == "PROPN" and end.i > word.i else word


def _in(word: Token, words: set[str]) -> bool:
    """Whether the word, or its singular, is one of `words` (the lemmatizer leaves some plurals alone)."""
    lower = word.lower_
    return bool({lower, word.lemma_.lower(), lower.removesuffix("s")} & words)


def _signed_otherwise(verb: Token, patient: Token | None) -> bool:
    """ "sign language", "signed photographs": a word that only describes; "signed over his stake to a
    cousin": a transfer; "signed up a drummer", "the producer signed Ana Ruiz to her studio", "the band
    were signed to a small label", "Signed to the club at 16, he ...": hiring someone. An agreement, a
    treaty or a deal is what is signed, with or between parties."""
    if verb.dep_ in ("amod", "compound"):
        return True
    if any(c.dep_ in ("prt", "compound:prt") and c.lower_ == "over" for c in verb.children):
        return True
    # (not "signs us up to the convention": a pronoun is the side that signs up)
    hired = patient is not None and patient.pos_ != "PRON" and (patient.ent_type_ == "PER" or _people(patient))
    if hired and not is_passive(verb):
        return True
    # "the band were signed to a small label", "Signed to the club at 16, he ...": someone taken on "to"
    # a label or a club; a pact signed "to" something would be signed for a purpose, with a clause
    if not any(c.dep_ == "obl" and case_of(c) == "to" for c in verb.children):
        return False
    if is_passive(verb):
        return patient is not None and not _in(patient, PACTS)
    opening = verb.i == verb.sent.start or (verb.dep_ == "advcl" and verb.i < verb.head.i)
    return opening and "Part" in verb.morph.get("VerbForm") and not any(c.dep_ == "nsubj" for c in verb.children)


def _named_measure(word: Token) -> bool:
    """ "the Assisted Care [Bill]", which the recogniser may take for a person called Bill: a word for a
    measure after the capitalised words of its name."""
    return word.lower_ in MEASURES and any(c.dep_ == "compound" and c.text[:1].isupper() for c in word.children)


def _thing_acting(verb: Token) -> bool:
    """ "the cuts will allow funding", "DMB provides twice the frames": the subject is a common noun for a
    thing, neither people nor a body that acts nor a named party."""
    if is_passive(verb):
        return False  # "concessions had been offered by the government": the subject is what is offered
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    relative = (
        subject is not None and subject.lower_ in ("which", "that") and verb.dep_ in ("acl", "relcl", "acl:relcl")
    )
    if relative:
        subject = verb.head  # "cables which will provide twice the bandwidth"
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    if subject.ent_type_ and not _named_measure(subject):
        return False
    if subject.pos_ == "PROPN" and not (
        _in(subject, MEASURES) or _in(_name_end(subject), MEASURES) or is_thing(subject)
    ):
        return False  # a name acts; "[Laws] in Peru do not outlaw ...", capitalised, does not
    # a measure a party has just been said to take acts for it ("approved a plan that will not allow ...");
    # a standing one only says what is allowed ("Peruvian law does allow people to copy their own records")
    acting = AGENTS | MEASURES if relative else AGENTS
    return not (_people(subject) or _in(subject, acting) or subject.lower_ in SECTORS)


def _physical(verb: Token, patient: Token | None) -> bool:
    """ "Police beat the protesters", "was beaten to death", "soldiers beat up detainees": a beating by
    force; "Franz Ferdinand beat Morrissey to the award", "beating Sex and the City" are a contest won."""
    if any(case_of(c) == "to" and c.lower_ != "death" for c in verb.children if c.dep_ in ("obl", "nmod")):
        return False  # "beating him to the prize with her second novel"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    forces = subject is not None and (SECTORS.get(subject.lower_) in ("MIL", "REB") or subject.lower_ in ASSAILANTS)
    victims = patient is not None and patient.pos_ != "PROPN" and _people(patient)
    violent = any(c.lower_ == "death" or case_of(c) == "with" for c in verb.children)
    return is_passive(verb) or forces or victims or violent


def _patient(verb: Token) -> Token | None:
    """What the verb acts on: its object, the subject of its passive (also one a participle shares
    with the verb it is coordinated with), or the noun its participle describes ("figures [released]
    by the organisers")."""
    deps = ("obj", "dobj", "nsubj:pass", "nsubjpass") + (("nsubj",) if is_passive(verb) else ())
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is None and verb.dep_ in ("acl", "amod") and verb.head.i < verb.i and "Past" in verb.morph.get("Tense"):
        return verb.head
    relative = any(c.lower_ in ("which", "that") and c.i < verb.i for c in verb.children)
    if (found is None or found.lower_ in ("which", "that")) and relative and verb.dep_ in ("acl", "relcl", "acl:relcl"):
        return verb.head  # "patches [which] it releases": what the relative clause describes
    shares = verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children)
    if found is None and shares and is_passive(verb.head):
        return _patient(verb.head)  # "are posted out and [returned] to the office": the forms
    if found is None and shares:
        # "to create and [distribute] content": an object after both verbs is the second one's too
        found = next((c for c in verb.head.children if c.dep_ in ("obj", "dobj") and c.i > verb.i), None)
    opened = any(c.dep_ == "mark" or c.lower_ in ("when", "where", "while", "why", "how") for c in verb.children)
    contact = verb.dep_ in ("acl:relcl", "relcl", "acl") and verb.head.i < verb.i and not opened
    if found is None and contact and any(c.dep_ == "nsubj" for c in verb.children) and verb.head.pos_ == "NOUN":
        return verb.head  # "the tariffs [the two firms charge] foreign operators": what the clause describes
    return found


def _people(word: Token) -> bool:
    lower, lemma = word.lower_, word.lemma_.lower()
    if word.pos_ == "PRON":
        return lower not in ("it", "this", "that", "which", "what")
    return names_people(word.text) or lower in SECTORS or lemma in PEOPLE or lower in PEOPLE


_BEFORE_A_VERB = {
    *("to", "help", "helps", "helped", "helping", "can", "could", "will", "would", "should", "must", "may"),
    *("might", "cannot", "not", "and"),
}
"""Words after which "deal" is the verb ("to deal with", "must deal with"), not the noun."""


def _study(doc: Doc, trigger: Trigger) -> bool:
    """ "a senate inquiry into the effects of the drought": an inquiry, investigation or probe
    into the impact, causes or costs of something is research, no investigation of a party."""
    if trigger.entry.pos != "noun" or _type(trigger) != "ACCUSE" or not trigger.entry.cameo.startswith("09"):
        return False
    noun = doc[trigger.token]
    return any(c.dep_ == "nmod" and case_of(c) in ("into", "of", "on") and _in(c, TOPICS) for c in noun.children)


def _dealt_with(doc: Doc, trigger: Trigger) -> bool:
    """ "to help [deal] with Peru's debt", "must deal with the crisis": the verb "deal with", handling
    something, which the tagger may call the noun of an agreement ("a deal with Japan")."""
    if trigger.entry.trigger != "deal" or trigger.entry.pos != "noun":
        return False
    word = doc[trigger.token]
    following = doc[word.i + 1] if word.i + 1 < len(doc) else None
    previous = doc[word.i - 1] if word.i > 0 else None
    verbal = (
        word.tag_.startswith("VB")
        or (previous is not None and previous.lower_ in _BEFORE_A_VERB)
        or word.head.lemma_.lower() in ("help", "let", "make")  # "help the government [deal] with ..."
    )
    return word.lower_ == "deal" and following is not None and following.lower_ == "with" and verbal


CONTESTS = {
    *("cup", "league", "final", "semi-final", "quarter-final", "derby", "championship", "round", "tie"),
    *("match", "game", "fixture", "title", "play-off", "tournament", "trophy", "series", "open"),
}
"""What a "clash" in a sporting contest is part of: "the Scottish Cup clash", "the title clash"."""


def _contest(doc: Doc, trigger: Trigger) -> bool:
    """ "before Sunday's Andean Cup clash between the two Lima sides": a clash named by its competition
    is a game, in any article (a politician may speak ahead of one)."""
    noun = doc[trigger.token]
    if trigger.entry.pos != "noun" or trigger.entry.trigger != "clash":
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in CONTESTS for c in noun.children)


def reports_none(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger], sporting: bool) -> bool:
    """Whether the trigger reports no event where it stands; `sporting` says the article is a sports
    report, `by_token` maps a token to the trigger it heads."""
    return (
        (sporting and (_sporting(doc, trigger) or _blocked_shot(doc, trigger)))
        or _source_formula(doc, trigger)
        or _no_request(doc, trigger)
        or _market_demand(doc, trigger)
        or _talk_given(doc, trigger)
        or _briefing(doc, trigger)
        or _signed_up(doc, trigger)
        or _modifier(doc, trigger, by_token)
        or _in_a_title(doc, trigger)
        or _phrasal(doc, trigger)
        or _naming(doc, trigger)
        or _adjectival(doc, trigger)
        or _other_sense(doc, trigger)
        or _dealt_with(doc, trigger)
        or _study(doc, trigger)
        or _contest(doc, trigger)
    )


def _type(trigger: Trigger) -> str | None:
    mapping = plover_for(trigger.entry.cameo)
    return mapping.type if mapping else None
