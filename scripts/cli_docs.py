"""Write docs/cli.md from the commands' own --help, so the reference cannot drift from the code.

Usage: python scripts/cli_docs.py > docs/cli.md   (tests/test_docs.py checks the file is current)
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from newsgraph.cli import cli

INTRO = """# Command-line reference

Generated from `newsgraph --help` by `python scripts/cli_docs.py > docs/cli.md`; do not edit by hand.

Data goes to stdout, progress and problems to stderr. Exit codes: **0** every input was fine,
**1** some inputs failed (each is named on stderr, the rest were processed), **2** nothing usable or a
usage error. `NEWSGRAPH_DB` sets the default `--db`, `NEWSGRAPH_MAX_SIZE` the default `--max-size`.
"""


def commands(group: click.Group, prefix: list[str]) -> list[list[str]]:
    found = []
    for name in sorted(group.commands):
        command = group.commands[name]
        found.append([*prefix, name])
        if isinstance(command, click.Group):
            found.extend(commands(command, [*prefix, name]))
    return found


def render() -> str:
    runner = CliRunner()
    top = runner.invoke(cli, ["--help"], prog_name="newsgraph").output.rstrip()
    parts = [INTRO, "## newsgraph\n", "```", top, "```\n"]
    for path in commands(cli, []):
        output = runner.invoke(cli, [*path, "--help"], prog_name="newsgraph").output.rstrip()
        parts += [f"## newsgraph {' '.join(path)}\n", "```", output, "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
