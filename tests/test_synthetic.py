"""The synthetic store `newsgraph bench` times the dashboard on: built through the product's own path."""

from __future__ import annotations

from pathlib import Path

from newsgraph.report import build_briefing, to_html
from newsgraph.store import Store
from newsgraph.synthetic import build_store


def test_synthetic_articles_form_their_stories_with_merged_events(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.db"
    assert build_store(path, stories=3, articles_per_story=6, events_per_article=4) == 72
    with Store(path, readonly=True) as store:
        counts = [row[0] for row in store.conn.execute("SELECT articles FROM stories ORDER BY id")]
        assert counts == [6, 6, 6]
        assert store.conn.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0
        instances = store.conn.execute("SELECT MAX(num_articles) FROM event_instances").fetchone()[0]
        assert instances > 1
        briefing = build_briefing(store, 1)
        assert briefing is not None and briefing.timeline
        assert 'id="dyad-chart"' in to_html(briefing, article_links=True)
