"""Documentation that lives next to the features: the CLI reference and the contract fields."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsgraph.model import Analysis, Article, to_json

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_generated_from_the_current_help() -> None:
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "scripts" / "cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "cli.md").read_text() == module.render(), (
        "docs/cli.md is stale: run `python scripts/cli_docs.py > docs/cli.md`"
    )


def test_every_contract_field_is_documented() -> None:
    contract = (ROOT / "docs" / "contract.md").read_text()
    fields = to_json(Analysis(Article(id="x", text="y")))
    for field in [*fields, *(f"source.{key}" for key in fields["source"])]:
        assert f"| `{field}` |" in contract, f"docs/contract.md has no row for `{field}`"
