"""Story clustering: reports of one happening join one story, in publication order, within a time window."""

from __future__ import annotations

from newsgraph.stories.clustering import ArticleDoc, assign

STRIKE_1 = ArticleDoc(
    "strike-1",
    "Fishing crews in Ilo stayed in port for a second week as boat owners demanded a diesel subsidy from the "
    "regional government. The owners' association said talks with the governor had broken down.",
    "Ilo fishing strike enters second week over diesel prices",
    "2024-06-03",
    ["Ilo", "Julio Paredes"],
)
STRIKE_2 = ArticleDoc(
    "strike-2",
    "The fishing strike in Ilo ended after the regional government agreed to pay a third of the diesel cost "
    "for small boats. Julio Paredes, who leads the boat owners, called it a partial victory.",
    "Ilo fishing strike ends with diesel subsidy deal",
    "2024-06-06",
    ["Ilo", "Julio Paredes"],
)
VOTE_1 = ArticleDoc(
    "vote-1",
    "Kenya's parliament passed a housing levy on Tuesday after a heated debate, with opposition members walking "
    "out before the final vote. The levy takes 1.5 percent of gross salaries.",
    "Kenyan MPs pass housing levy as opposition walks out",
    "2024-06-04",
    ["Kenya", "National Assembly"],
)
VOTE_2 = ArticleDoc(
    "vote-2",
    "Opposition leaders in Kenya said they would challenge the new housing levy in court, a day after "
    "parliament approved the salary deduction in a vote they boycotted.",
    "Kenya opposition to challenge housing levy in court",
    "2024-06-05",
    ["Kenya"],
)


def _stories(assignments) -> list[set[str]]:  # type: ignore[no-untyped-def]
    groups: dict[object, set[str]] = {}
    for placed in assignments:
        groups.setdefault((placed.story, placed.new_story), set()).add(placed.article)
    return sorted(groups.values(), key=sorted)


def test_interleaved_reports_of_two_stories_form_two_stories() -> None:
    placed = assign({}, [STRIKE_1, VOTE_1, VOTE_2, STRIKE_2])
    assert _stories(placed) == [{"strike-1", "strike-2"}, {"vote-1", "vote-2"}]


def test_the_same_input_always_gives_the_same_stories() -> None:
    articles = [STRIKE_1, VOTE_1, VOTE_2, STRIKE_2]
    assert [vars(p) for p in assign({}, articles)] == [vars(p) for p in assign({}, articles)]


def test_a_new_article_joins_an_existing_story() -> None:
    placed = assign({7: [STRIKE_1], 9: [VOTE_1]}, [STRIKE_2])
    assert (placed[0].story, placed[0].new_story) == (7, None)
    assert placed[0].score > 0


def test_a_report_months_later_starts_a_new_story() -> None:
    later = ArticleDoc(STRIKE_2.id, STRIKE_2.text, STRIKE_2.title, "2024-10-01", STRIKE_2.entities)
    placed = assign({7: [STRIKE_1]}, [later])
    assert placed[0].story is None and placed[0].new_story == 0


def test_undated_articles_are_compared_with_everything() -> None:
    undated = ArticleDoc(STRIKE_2.id, STRIKE_2.text, STRIKE_2.title, None, STRIKE_2.entities)
    assert assign({7: [STRIKE_1]}, [undated])[0].story == 7


def test_nothing_new_places_nothing() -> None:
    assert assign({7: [STRIKE_1]}, []) == []
