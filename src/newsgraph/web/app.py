"""The dashboard: FastAPI routes over a store opened read-only, pages from Jinja2 templates with
autoescaping, and a JSON API under /api/ that mirrors each page (FastAPI documents it at /docs).

Safety, by construction: the store is opened read-only for each request; every piece of article text
reaches a page through autoescaping; every response carries a Content-Security-Policy that allows no
inline script and nothing from another origin; the only files served are the package's own static files,
named in a fixed table, never a path from the request.
"""

from __future__ import annotations

import dataclasses
import functools
from importlib import resources
from pathlib import Path

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsgraph.report import build_briefing, to_html
from newsgraph.report.html import goldstein_figure
from newsgraph.store import Store
from newsgraph.stories.queries import list_stories, story_detail
from newsgraph.web import tables
from newsgraph.web.article import article_view
from newsgraph.web.views import dyad_view, entity_view

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_STATIC = {"site.css": "text/css", "chart.js": "text/javascript"}


def create_app(db: str | Path) -> FastAPI:
    """The dashboard over the store at `db`, which must exist; nothing is ever written to it."""
    path = Path(db)
    with Store(path, readonly=True):
        pass  # refuse a missing or foreign file now, not at the first request
    app = FastAPI(title="newsgraph", description="Stories, events and quotes from a newsgraph store.")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(q: str = Query("", max_length=200)) -> str:
        with Store(path, readonly=True) as opened:
            rows = list_stories(opened, q or None)
        return _page("stories.html", stories=rows, query=q, database=path.name)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: int) -> str:
        with Store(path, readonly=True) as opened:
            briefing = build_briefing(opened, story_id)
        if briefing is None:
            raise HTTPException(404, f"no story {story_id}")
        return to_html(briefing, article_links=True)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, at: str = Query("", pattern=r"^(\d+-\d+)?$")) -> str:
        evidence = tuple(int(n) for n in at.split("-")) if at else None
        with Store(path, readonly=True) as opened:
            view = article_view(opened, article_id, evidence)  # type: ignore[arg-type]
        if view is None:
            raise HTTPException(404, "no such article")
        return _page("article.html", **view)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(name: str = Query(..., min_length=1, max_length=200)) -> str:
        with Store(path, readonly=True) as opened:
            view = entity_view(opened, name)
        return _page("entity.html", **view)

    @app.get("/dyads/{dyad}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(dyad: str) -> str:
        with Store(path, readonly=True) as opened:
            view = _dyad_or_404(opened, dyad)
        figure = goldstein_figure(view["points"]).to_json() if view["points"] else None
        return _page("dyad.html", dyad=view["dyad"], events=view["events"], top=view["top"], figure=figure)

    @app.get("/api/entities")
    def api_entity(name: str = Query(..., min_length=1, max_length=200)) -> dict:
        """What a person or organisation said (quotes by that speaker) and did (events with that party)."""
        with Store(path, readonly=True) as opened:
            view = entity_view(opened, name)
        return {
            "name": view["name"],
            "entities": [dataclasses.asdict(e) for e in view["entities"]],
            "quotes": [dataclasses.asdict(q) for q in view["quotes"]],
            "events": [dataclasses.asdict(e) for e in view["events"]],
        }

    @app.get("/api/dyads/{dyad}")
    def api_dyad(dyad: str) -> dict:
        """Events between two countries ("USA:CHN", either direction) and their Goldstein sum per day."""
        with Store(path, readonly=True) as opened:
            view = _dyad_or_404(opened, dyad)
        return {
            "dyad": view["dyad"],
            "events": [dataclasses.asdict(e) for e in view["events"]],
            "per_day": [dataclasses.asdict(p) for p in view["points"]],
        }

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request) -> str:
        return _table_page("events", request, tables.EVENT_FILTERS, tables.event_rows, tables.event_table)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request) -> str:
        return _table_page("quotes", request, tables.QUOTE_FILTERS, tables.quote_rows, tables.quote_table)

    @app.get("/events.csv", include_in_schema=False)
    def events_download(request: Request) -> Response:
        return _download("events", request, tables.EVENT_FILTERS, tables.event_rows, tables.events_csv)

    @app.get("/quotes.csv", include_in_schema=False)
    def quotes_download(request: Request) -> Response:
        return _download("quotes", request, tables.QUOTE_FILTERS, tables.quote_rows, tables.quotes_csv)

    @app.get("/api/events")
    def api_events(
        actor: str = "",
        recipient: str = "",
        dyad: str = "",
        type: str = "",
        status: str = "",
        since: str = "",
        until: str = "",
        search: str = "",
    ) -> list[dict]:
        """Events (first 500) filtered as `newsgraph events` filters them; /events.csv gives all of them."""
        filters = {"actor": actor, "recipient": recipient, "dyad": dyad, "type": type, "status": status}
        filters |= {"since": since, "until": until, "search": search}
        return [dataclasses.asdict(row) for row in _rows(tables.event_rows, filters)]

    @app.get("/api/quotes")
    def api_quotes(speaker: str = "", outlet: str = "", search: str = "", kind: str = "") -> list[dict]:
        """Quotes (first 500) filtered as `newsgraph quotes` filters them; /quotes.csv gives all of them."""
        filters = {"speaker": speaker, "outlet": outlet, "search": search, "kind": kind}
        return [dataclasses.asdict(row) for row in _rows(tables.quote_rows, filters)]

    def _rows(query, filters: dict[str, str], limit: int | None = tables.PAGE_LIMIT) -> list:  # type: ignore[no-untyped-def]
        with Store(path, readonly=True) as opened:
            try:
                return query(opened, filters, limit)
            except ValueError as exc:
                raise HTTPException(400, str(exc)) from None

    def _table_page(title, request, fields, query, table) -> str:  # type: ignore[no-untyped-def]
        filters = {name: request.query_params.get(name, "").strip() for name, _ in fields}
        error, rows = None, []
        try:
            rows = _rows(query, filters)
        except HTTPException as exc:
            error = exc.detail
        headings, table_rows = table(rows)
        return _page(
            "table.html",
            title=title,
            path=f"/{title}",
            fields=fields,
            filters=filters,
            query=tables.query_string(filters),
            rows=table_rows,
            headings=headings,
            limit=tables.PAGE_LIMIT,
            error=error,
        )

    def _download(title, request, fields, query, writer) -> Response:  # type: ignore[no-untyped-def]
        filters = {name: request.query_params.get(name, "").strip() for name, _ in fields}
        text = writer(_rows(query, filters, None))
        headers = {"Content-Disposition": f'attachment; filename="newsgraph-{title}.csv"'}
        return Response(text, media_type="text/csv; charset=utf-8", headers=headers)

    @app.get("/api/stories")
    def api_stories(q: str = Query("", max_length=200)) -> list[dict]:
        """Every story: id, label, first and last date, outlets, article ids, articles, near copies."""
        with Store(path, readonly=True) as opened:
            return [dataclasses.asdict(row) for row in list_stories(opened, q or None)]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: int) -> dict:
        """One story: its articles, merged events and quotes with every mention, and its ledger."""
        with Store(path, readonly=True) as opened:
            detail = story_detail(opened, story_id)
        if detail is None:
            raise HTTPException(404, f"no story {story_id}")
        return dataclasses.asdict(detail)

    @app.get("/api/articles/{article_id:path}")
    def api_article(article_id: str) -> dict:
        """One stored article with its text and the spans the article page highlights."""
        with Store(path, readonly=True) as opened:
            view = article_view(opened, article_id)
        if view is None:
            raise HTTPException(404, "no such article")
        return {"article": view["article"], "spans": view["spans"], "story": view["story"]}

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name == "plotly.js":
            return Response(_plotly_js(), media_type="text/javascript")
        if name not in _STATIC:
            raise HTTPException(404, "no such file")
        text = (resources.files("newsgraph.web") / "static" / name).read_text(encoding="utf-8")
        return Response(text, media_type=_STATIC[name])

    return app


def _dyad_or_404(store: Store, dyad: str) -> dict:
    try:
        return dyad_view(store, dyad)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None


@functools.cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsgraph.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _page(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**context)
