"""Options and output helpers shared by the command modules."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import typer
from pydantic import BaseModel


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = typer.Option(OutputFormat.text, "--format", "-f", help="text for people, json for machines")


def print_json(data: Any) -> None:
    """Write data as JSON to stdout (pydantic models dumped in JSON mode, Chinese kept readable)."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
