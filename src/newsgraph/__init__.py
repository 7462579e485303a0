"""newsgraph: who did what to whom, and who said what, from your own news corpus, offline.

The Python API is three functions: `read(path)` yields clean Articles from any news file or folder,
`analyze(text_or_article)` returns the Analysis of the data contract, and `to_json(analysis)` turns it
into the JSON that `newsgraph analyze` prints.
"""

import logging

__version__ = "0.1.0"

from newsgraph.model import Analysis, Article, from_json, to_json
from newsgraph.pipeline import analyze, read

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Analysis", "Article", "__version__", "analyze", "from_json", "read", "to_json"]
