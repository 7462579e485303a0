"""Page furniture: the site's own words around an article (share buttons, newsletter appeals, cookie
banners, widget titles, copyright and wire credit lines), trimmed so analysis sees only the story.

Trimming is deliberately conservative, because cutting a paragraph of the story is far worse than
leaving a "Share" button in:

* Only the head and the tail are trimmed, and each edge stops at the first paragraph that is kept.
  In the middle, only a labelled link to another story ("Read also: ...") is removed.
* A paragraph is furniture when it is short and matches one of the patterns of `_FAMILIES`. The
  patterns look for the site talking to its reader ("our newsletter", "your inbox", "sign in"), or
  for a whole-line label ("Advertisement", "Most read"), not for topic words: "The company said 2
  million subscribers had cancelled." is prose and stays.
* A paragraph ending in a full stop is furniture only for the families whose lines are sentences
  ("We use cookies to improve your experience."); a line reporting speech ("said", "told") never is.
* A very short line without sentence punctuation ("Facebook", "World", a related headline at the
  tail) is trimmed only when it sits between the edge and a matching line, never on its own. At the
  head that allowance is two words, so a headline above a share bar is kept; at the tail, where
  related-story headlines pile up between widget titles, it is fifteen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.articles.paragraphs import split_paragraphs

# Lines longer than this are prose for every family but the two below that set their own limit.
_MAX_WORDS = 20
# Wire credit and copyright lines are formulaic and can run long ("Reporting by A in X, B in Y and
# C in Z; Additional reporting by ...; Editing by ..."), so they are recognised up to this length.
_MAX_WORDS_LONG = 40
# Leading and trailing lines this short, with no sentence punctuation, may be trimmed when furniture
# lies further in (see the module docstring).
_WEAK_WORDS_HEAD = 2
_WEAK_WORDS_TAIL = 15
# Lines this short with no sentence punctuation are trimmed even with no furniture further in: at the
# tail a story ends on a sentence, so a trailing label ("In other news", "Open in app") is never prose;
# at the head only one-word labels ("Menu", "World") go, because a headline is also a line without a full stop.
_LABEL_WORDS_HEAD = 1
_LABEL_WORDS_TAIL = 12

_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
# A full stop ending the line (closing quotes allowed), but not an ellipsis ("Read more...").
_FULL_STOP = re.compile(r"(?<!\.)\.[\"'”’)\]]*$")
# Any sentence punctuation ending the line.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# Links to other stories that sites drop between paragraphs ("Read also: Fish catch falls"): the one
# kind of furniture removed from the middle too, because the label and colon make it unambiguous.
_INLINE_LINK = re.compile(
    r"^(?:(?:read|see) (?:also|more)|also (?:read|see)|related(?: (?:story|stories|article|articles))?)\s*:"
    r"(?:\W*\w+){1,20}\W*$",
    re.IGNORECASE,
)
# A quotation is the story's words, however short.
_QUOTE_MARK = re.compile(r"[“”\"«»]")
# Reported speech is the story itself, never the site talking.
_REPORTING = re.compile(r"\b(?:said|says|told|tells|according to|announced)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Family:
    """One kind of furniture: its patterns, how long its lines get, and whether they can be sentences."""

    patterns: tuple[re.Pattern[str], ...]
    sentences: bool
    max_words: int = _MAX_WORDS


def _family(patterns: Sequence[str], *, sentences: bool, max_words: int = _MAX_WORDS) -> _Family:
    compiled = tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
    return _Family(compiled, sentences, max_words)


# Furniture by family. Each pattern is searched (re.search, case-insensitive) in one
# whitespace-normalised line.
_FAMILIES: dict[str, _Family] = {
    "newsletter": _family(
        [
            # A newsletter-like product offered to the reader: needs both the product and an address
            # or call to action, so "The weekly bulletin was cancelled." is not furniture.
            r"^(?=.*\b(?:newsletters?|briefings?|bulletins?|digest|inbox|e-?mail (?:alerts?|updates?))\b)"
            r"(?=.*(?:\b(?:you|your|our|us)\b"
            r"|^(?:sign(?:ing)? up|subscribe|get|join|enter|receive|want|don't miss|never miss|stay)\b))",
            # The bare label or imperative.
            r"^(?:newsletters?|subscribe(?: now| today| here)?)\W*$",
            # A subscribe imperative opening the line or any sentence in it ("Like this story? Subscribe to").
            r"(?:^|[.?!:] )subscribe (?:to|for|now|today)\b",
            r"\benter your e-?mail\b",
            r"^(?:stay|keep) (?:informed|up to date|in the know|ahead of the news)\b",
            r"^(?=.*\bby e-?mail\b)(?=.*\b(?:get|receive|our|sign up|subscribe)\b)",
            # "delivered free", "straight to you": a delivery promise, outside sentences.
            r"\bdelivered (?:free|to (?:you|your)|straight to|direct to|every)\b[^.]*$",
            # Confirmations after signing up.
            r"^(?:thanks|thank you) for (?:signing up|subscribing|registering)\b",
            r"^you(?:'re|’re| are)(?: now)? (?:subscribed|signed up|registered|on the list)\b",
        ],
        sentences=True,
    ),
    "donation": _family(
        [
            # Appeals to fund the outlet's journalism.
            r"^(?:please )?(?:support|fund|back|sustain|help (?:us|fund|support|keep|sustain))\s+"
            r"(?:our|us|independent|quality|local|trusted|public[- ]interest|fearless|free|the)\b"
            r".{0,40}\b(?:journalism|journalists|reporting|newsroom|news|work|mission)\b",
            r"^(?:please )?(?:donate|chip in|pitch in)\b",
            r"^donations?\W*$",
            r"\bdonate (?:today|now|to us|here)\b",
            r"^(?:be|become|join(?: us)?(?: as)?) an? (?:member|supporter|subscriber|patron|friend)\b",
            r"^(?:make|give) an? (?:(?:one-off|single|monthly|annual|recurring) )?"
            r"(?:contribution|gift|donation)\b",
            r"\byour (?:support|contribution|donation|gift) (?:helps|makes|keeps|means|allows)\b",
            r"\b(?:reader|member)-(?:funded|supported)\b",
            r"\b(?:reader|member|listener|viewer)s?['’]? (?:contributions|donations|support|funding)\b[^.]*$",
            r"^(?:give|contribute|donate)(?: (?:monthly|once|today|now|what you can))+\b",
            r"\bhelp us (?:report|keep|stay|continue|remain|investigate|hold)\b",
        ],
        sentences=True,
    ),
    "advertising": _family(
        [
            # Labels on ad slots and paid placements, alone on their line.
            r"^(?:advertisement|advertising|ads?|sponsored(?: content| post| story)?"
            r"|paid (?:content|post|partner)|promoted(?: content| stories)?|partner content)\W*$",
            r"^sponsored by\b",
            r"^ad ?(?:feedback|choices|settings)\W*$",
            r"^(?:the )?(?:story|article) continues (?:below|after)"
            r"(?: (?:the |this )?(?:advertisement|ad))?\W*$",
            r"^scroll (?:down )?to continue(?: reading)?\W*$",
        ],
        sentences=False,
    ),
    "offer": _family(
        [
            # Subscription and membership offers: a price per period, trials, unlocking access.
            r"\b(?:from|for) (?:just |only |as little as )?[$€£]\s?\d",
            r"[$€£]\s?\d+(?:[.,]\d\d)? ?(?:a|per|/) ?(?:month|week|year|mo)\b",
            r"\b(?:free trial|unlimited (?:digital )?access|subscribers? only|subscriber-only"
            r"|for subscribers)\b",
            r"^(?:unlock|continue reading|keep reading)(?: (?:this|the full|unlimited|all) \w+)?\W*$",
        ],
        sentences=False,
    ),
    "share": _family(
        [
            # Share bars: the verb with a target, or a network or action name alone.
            r"^share(?: this| the)?(?: (?:article|story|page|post))?\W*$",
            r"^share (?:this|on|via|to|with)\b",
            r"^(?:share|send|post|tweet|e-?mail|forward|pin)\b.{0,30}\b(?:facebook|twitter|x|whatsapp|linkedin"
            r"|reddit|telegram|pinterest|messenger|bluesky|threads|a friend)\W*$",
            r"^(?:copy|copied)\b.{0,20}\blink\W*$",
            r"^(?:tweet|pin|post|e-?mail|share|print|save) (?:this|it)\W*$",
            r"^(?:copy(?: the)? link|link copied|copied|print(?: this)?(?: (?:article|page|story))?"
            r"|e-?mail(?: this)?(?: (?:article|story))?|facebook|twitter|x|whatsapp|linkedin|reddit|telegram"
            r"|pinterest|flipboard|messenger|bluesky|threads|mastodon|instagram)\W*$",
            r"^(?:save|bookmark|gift)(?: this)?(?: (?:article|story))?(?: for later)?\W*$",
            r"^follow (?:us|\w+) on "
            r"(?:facebook|twitter|x|instagram|bluesky|threads|linkedin|tiktok|youtube)\b",
        ],
        sentences=False,
    ),
    "cookies": _family(
        [
            # Consent banners: cookies together with the site or a choice.
            r"\bcookies?\b.*\b(?:consent|preferences|settings|policy|accept|(?:this|our) (?:site|website)"
            r"|browsing|experience)\b",
            r"\b(?:we|site|website|partners) (?:\w+ ){0,2}uses? cookies\b",
            r"^(?:accept|reject|allow|decline|refuse)(?: all| cookies| necessary| essential)+\W*$",
            r"^(?:manage |your |update )?(?:your )?(?:cookie |privacy |consent |ad )?"
            r"(?:preferences|settings|choices|options)\W*$",
            r"\bdo not sell (?:or share )?my (?:personal )?(?:information|data)\b",
            # Consent buttons.
            r"^(?:i )?(?:agree|accept|consent|ok(?:ay)?|got it|understood)"
            r"(?: (?:and|&) (?:close|continue))?\W*$",
            r"^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|sitemap"
            r"|accessibility|advertise with us)\b.{0,80}$",
        ],
        sentences=True,
    ),
    "app": _family(
        [
            # App download prompts and store badges.
            r"^(?:download|get|install|try)\b.*\bapp\b",
            r"\b(?:download|get|install|try) (?:our|the)(?: free| new| \w+)? app\b",
            # "our app" and "on iOS" only outside sentences: "Our app has 3 million users." is prose.
            r"\bour (?:free |new )?apps?\b[^.]*$",
            r"\bon (?:ios|android|iphone|ipad)(?: (?:and|or) (?:ios|android|iphone|ipad))?$",
            r"^(?:available|download(?: it)?|get it) (?:on|from) (?:the )?(?:app store|google play)\b",
            r"^(?:app store|google play)\W*$",
        ],
        sentences=True,
    ),
    "account": _family(
        [
            # Sign-in greetings and account prompts.
            # The verb, then nothing or a prompt's continuation: "Login problems hit the portal." is news.
            r"^(?:sign|log) ?(?:in|out|up)(?:\W*$|\s+(?:to|or|with|for|here|now|and)\b)",
            r"^welcome back\b",
            r"\bcreate (?:an|a free|your) account\b",
            r"\balready (?:a subscriber|subscribed|a member|have an account|registered)\b",
            r"^(?:register|sign up|log ?in|login|sign ?in)"
            r"(?: (?:now|today|here|for free|free|to continue))*\W*$",
            r"^(?:my |your )?(?:account|profile)\W*$",
            r"^(?:hi|hello|hey)\b[,!]?(?: \w+)?\W*$",
            r"^(?:manage|view|edit|update) (?:your |my )?"
            r"(?:account|profile|subscription|newsletters?|preferences)\W*$",
            r"^(?:subscriber|member|reader|user) (?:log ?in|login|sign[- ]in|account|area)\W*$",
        ],
        sentences=True,
    ),
    "widget": _family(
        [
            # Titles of the lists around an article; whole-line labels only, because a headline such
            # as "Related parties clash over pensions" starts the same way.
            r"^(?:most (?:read|popular|viewed|shared|commented|watched)|popular|trending|latest|top|related"
            r"|recommended|featured|editors?['’]?s?['’]? (?:picks|choice)|don't miss|see also|more)"
            r"(?: (?:right now|now|today|this week|stories|story|articles|news|headlines|videos|coverage"
            r"|reading|reads|content|links|topics|updates|for you))*\W*$",
            r"^(?:what to (?:read|watch|listen to)(?: next)?|in case you missed it|in other news)\W*$",
            r"^(?:explore|discover|see|view|watch|show|load) (?:more|all)"
            r"(?: (?:stories|news|videos|topics))?\W*$",
            r"^you (?:may|might) (?:also )?(?:like|enjoy|be interested in)\b",
            r"^(?:read|see) (?:more|next|also)\b(?:\s*:|\W*$)",
            # A link to another story under a label: "Related: Floods return to the delta".
            r"^(?:related(?: (?:stories|articles|coverage|content|reading))?|also (?:read|see))\s*:",
            # "More from Politics", "More on this story": short only.
            r"^more (?:from|on|about|in)\b(?:\W+\w+){0,3}\W*$",
        ],
        sentences=False,
    ),
    "comments": _family(
        [
            # Comment-section prompts and counters.
            r"^(?:\d+ )?comments?(?: \(\d+\))?\W*$",
            r"^(?:show|view|hide|load|read|see) (?:all )?(?:\d+ )?comments\b",
            r"\bjoin the (?:conversation|discussion|debate)\b",
            r"^(?:leave|add|post|write|submit) (?:a|your) (?:comment|reply|response)\b",
            r"^be the first to (?:comment|reply|respond)\b",
            r"^(?:have your say|what do you think|tell us what you think|share your (?:thoughts|views))\W*$",
            r"\bcomments? (?:are|have been) (?:closed|disabled|open|moderated)\b",
        ],
        sentences=True,
    ),
    "copyright": _family(
        [
            r"^©",
            r"\(c\) ?\d{4}",
            r"^copyright\W*(?:©|\(c\)|(?:19|20)\d\d)",
            r"\ball rights reserved\b",
            # "All content copyright Example Radio 2024": the notice ends with its year.
            r"\bcopyright\b.{0,40}\b(?:19|20)\d\d[^\w.]*$",
        ],
        sentences=True,
        max_words=_MAX_WORDS_LONG,
    ),
    "navigation": _family(
        [
            # Accessibility links and menu chrome.
            r"^skip (?:to|navigation)\b",
            r"^(?:jump|go) to (?:the )?(?:main )?(?:content|navigation|search|footer|menu|article)\W*$",
            r"^(?:back|return|go|scroll|jump) to (?:the )?(?:top|home ?page|main menu)\W*$",
            r"^(?:(?:main|site|primary|open|toggle) )?(?:menu|navigation)\W*$",
            r"^(?:close|search|home)\W*$",
        ],
        sentences=False,
    ),
    "credits": _family(
        [
            # Wire and newsroom credit lines, kept out of analysis.
            r"^\(?(?:additional )?(?:reporting|writing|written|editing|edited|compiled|produced|research"
            r"|researched|translated|translation|graphics|fact-checking|fact-checked|video|photography)"
            r" by (?:the )?(?-i:[A-Z])",
            r"^(?:contributing|contributors?)\s*:",
            r"\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\b",
            r"^our standards\b",
        ],
        sentences=True,
        max_words=_MAX_WORDS_LONG,
    ),
    "metadata": _family(
        [
            # Bylines: "By" then capitalised names (case-sensitive, so "By the numbers" is not one).
            r"^(?:(?:story|words|text|report) )?(?-i:[Bb]y) (?-i:[A-Z][\w'’.\-]*)"
            r"(?:,? (?:(?-i:[A-Z][\w'’.\-]*)|and|&|\||in|for|of|the))*\W*$",
            # Timestamps ("Updated 2 hours ago", "Published: 3 June 2024") and reading aids.
            r"^(?:published|updated|posted|last updated|first published|last modified)(?: on| at)?\W*"
            r"(?:\d|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            r"[a-z]*\.? \d)",
            r"^\d+ (?:min(?:ute)?s?|hours?|days?|weeks?) (?:read|ago)\W*$",
            r"^listen(?: to this (?:article|story))?(?: \W? ?\d+ min(?:utes?)?)?\W*$",
            r"^(?:this|the) (?:story|article) (?:was|has been) (?:updated|corrected|amended)\b",
            # Image credits: a credit label, or a line that ends in an agency's photo credit.
            r"^(?:photo|photograph|image|picture|illustration)s?(?: ?:| (?:by|credit)\b)",
            r"^(?:photo )?credits?\s*:",
            r"/ ?(?:getty images|afp|reuters|ap|ap photo|epa(?:-efe)?|shutterstock|alamy|bloomberg)\)?\W*$",
        ],
        sentences=True,
    ),
}


def trim_furniture(text: str) -> str:
    """`text` without the furniture at its head and tail, paragraphs joined by blank lines.

    Works on text from any source: plain files, HTML extraction, feed entries.
    """
    return "\n\n".join(trim_paragraphs(split_paragraphs(text)))


def trim_paragraphs(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs left after trimming furniture from both edges (see the module docstring)."""
    start = _furniture_run(paragraphs, _WEAK_WORDS_HEAD, _LABEL_WORDS_HEAD)
    body = list(paragraphs[start:])
    end = len(body) - _furniture_run(body[::-1], _WEAK_WORDS_TAIL, _LABEL_WORDS_TAIL)
    if end == 0 and start < len(paragraphs):
        # Nothing but short lines: a note or a lone headline is text, so only real furniture goes.
        start = _furniture_run(paragraphs, _WEAK_WORDS_HEAD, 0)
        body = list(paragraphs[start:])
        end = len(body) - _furniture_run(body[::-1], _WEAK_WORDS_TAIL, 0)
    return [paragraph for paragraph in body[:end] if not _is_inline_link(paragraph)]


def _is_furniture(line: str) -> bool:
    """Whether one line, on its own, matches a furniture family."""
    words = len(_WORD.findall(line))
    if words == 0 or _REPORTING.search(line):
        return False
    sentence = bool(_FULL_STOP.search(line))
    return any(
        words <= family.max_words
        and (family.sentences or not sentence)
        and any(pattern.search(line) for pattern in family.patterns)
        for family in _FAMILIES.values()
    )


def _furniture_run(paragraphs: Sequence[str], weak_words: int, label_words: int) -> int:
    """How many paragraphs from the start of `paragraphs` are furniture.

    The run goes on through furniture and short non-sentences, and ends just after the last
    furniture line or label (a non-sentence of at most `label_words` words) in it, so longer short
    lines are trimmed only between the edge and real furniture.
    """
    cut = 0
    for index, paragraph in enumerate(paragraphs):
        if _is_furniture(paragraph) or _is_short_fragment(paragraph, label_words):
            cut = index + 1
        elif not _is_short_fragment(paragraph, weak_words):
            break
    return cut


def _is_inline_link(line: str) -> bool:
    """A labelled link to another story: the label, then a headline rather than a sentence."""
    return bool(_INLINE_LINK.search(line)) and _is_short_fragment(line, _MAX_WORDS)


def _is_short_fragment(line: str, max_words: int) -> bool:
    """A line of at most `max_words` words that is not a sentence and does not report speech."""
    return (
        len(_WORD.findall(line)) <= max_words
        and not _SENTENCE_END.search(line)
        and not _REPORTING.search(line)
        and not _QUOTE_MARK.search(line)
    )
