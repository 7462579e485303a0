"""The dashboard (`newsgraph serve`): stories, story pages and articles over a store opened read-only."""

from __future__ import annotations

from newsgraph.web.app import CONTENT_SECURITY_POLICY, create_app

__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]
