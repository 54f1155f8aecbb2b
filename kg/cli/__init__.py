"""The ``kg`` command: a composition root that wires settings, ingest, validation and the store.

Each command is a thin wrapper over a plain function in ``kg`` or ``ingest``. Data goes to stdout, logs and progress
to stderr. Errors are mapped once, here, to the exit codes documented in the README:
0 ok, 1 data does not conform, 2 usage or input error, 3 store unavailable.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from kg.errors import KgError, exit_code

app = typer.Typer(
    name="kg",
    help="Knowledge graph of science news: ingest, extract, validate, store and serve researchers, institutions, "
    "journals, funders and awards.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err_console = Console(stderr=True)

# Command modules register themselves on ``app`` when imported; the order is the order of ``kg --help``.
from kg.cli import ingest_cmds, extract_cmds, validate_cmds, serve_cmd, export_cmds, store_cmds, neo4j_cmd  # noqa: E402,F401,I001


def main() -> None:
    """Entry point of the ``kg`` script: run the app and map our errors to exit codes.

    Click's standalone mode handles usage errors (exit 2) and ``--help`` itself and lets other exceptions through, so
    the mapping of our own errors happens here, once.
    """
    try:
        app()
    except KgError as error:
        err_console.print(f"[bold red]error:[/] {error}")
        sys.exit(exit_code(error))
