"""`update_stories` on a store: incremental placement, copies linked to the earliest version, rebuilds."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import Analysis, Article, Entity, Source
from newsgraph.store import Store
from newsgraph.stories import storage, update_stories
from newsgraph.stories.queries import list_stories, story_detail

from conftest import coded_event

WIRE = (
    "Fishing crews in the southern port of Ilo returned to sea on Thursday after a two-week strike over fuel "
    "prices ended with a deal between the boat owners' association and the regional government.\n\n"
    "Under the agreement, the government will cover a third of the diesel cost for small boats until the end "
    "of the anchovy season, officials said. Owners of larger vessels are excluded from the subsidy.\n\n"
    "Processing plants along the coast had warned that they would lay off seasonal workers if the strike "
    "lasted into the next month."
)
REPRINT = WIRE.replace("returned to sea", "went back to sea").replace("officials said", "officials told reporters")


def _add(store: Store, article_id: str, text: str, published: str, outlet: str) -> None:
    article = Article(id=article_id, text=text, published=published, title=None, source=Source(outlet=outlet))
    assert store.add_analysis(Analysis(article=article))[0] == "added"


def test_an_older_version_stored_later_becomes_the_original(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, "reprint", REPRINT, "2024-06-07", "Harbour Weekly")
        assert update_stories(store).copies == 0
        _add(store, "wire", WIRE, "2024-06-06", "Coastal Wire")
        update = update_stories(store)
        assert update.copies == 1
        rows = dict(store.conn.execute("SELECT id, duplicate_of FROM articles").fetchall())
        assert rows == {"reprint": "wire", "wire": None}
        [story] = list_stories(store)
        assert sorted(story.articles) == ["reprint", "wire"]


def test_an_update_with_nothing_new_changes_nothing_and_a_rebuild_is_stable(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _add(store, "wire", WIRE, "2024-06-06", "Coastal Wire")
        _add(store, "reprint", REPRINT, "2024-06-07", "Harbour Weekly")
        first = update_stories(store)
        assert (first.articles, first.copies, first.new_stories) == (2, 1, 1)
        assert update_stories(store).articles == 0
        before = [(s.label, s.articles) for s in list_stories(store)]
        update_stories(store, rebuild=True)
        assert [(s.label, s.articles) for s in list_stories(store)] == before
        detail = story_detail(store, list_stories(store)[0].id)
        assert detail is not None and detail.summary.num_articles == 1 and detail.summary.copies == 1


def test_a_person_some_reports_give_no_country_is_one_party_in_merged_events(tmp_path: Path) -> None:
    """ "Halvorsen met Norway's foreign minister" twice, once with her nationality and once without: the
    report that omits it takes the country the other gives, so both name the same parties."""
    texts = {
        "with": "Sweden's envoy Ingrid Halvorsen met Norway's foreign minister in Oslo on Monday about fish quotas.",
        "without": "Ingrid Halvorsen met the Norwegian foreign minister on Monday, officials in Oslo said of quotas.",
    }
    with Store(tmp_path / "people.db") as store:
        for article_id, text in texts.items():
            country = "SWE" if article_id == "with" else None
            article = Article(id=article_id, text=text, published="2025-06-02", source=Source(outlet=article_id))
            halvorsen = ("Ingrid Halvorsen", country, "GOV")
            analysis = Analysis(
                article=article,
                entities=[Entity(id="e1", name="Ingrid Halvorsen", kind="person", country=country)],
                events=[coded_event(text, text, "met", "CONSULT", "asserted", halvorsen, ("Norway", "NOR", "GOV"))],
            )
            store.add_analysis(analysis)
        update_stories(store)
        story = store.conn.execute("SELECT story_id FROM story_articles WHERE article_id = 'without'").fetchone()[0]
        mentions = storage.event_mentions(store, story, storage.reports(store, story))
        assert [m.actor_country for m in mentions if m.report.article == "without"] == ["SWE"]
        stored = store.conn.execute("SELECT actor_country FROM events WHERE article_id = 'without'").fetchone()
        assert stored[0] is None, "the article's own event keeps what the article says"
