"""Commands of `kg` (placeholder: filled by the issue that owns these commands)."""

from __future__ import annotations

from kg.cli import app  # noqa: F401
