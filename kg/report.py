"""The curator's report: SHACL results grouped by news item, for the terminal (rich) and as JSON (for the API)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.validation import ValidationReport, ValidationResult

_STYLE = {"Violation": "bold red", "Warning": "yellow", "Info": "cyan"}
_NO_ITEM = "(no news item)"


def _by_item(report: ValidationReport) -> dict[str, list[ValidationResult]]:
    groups: dict[str, list[ValidationResult]] = defaultdict(list)
    for result in report.results:
        groups[result.item_id or ""].append(result)
    return dict(groups)


def report_json(report: ValidationReport) -> dict[str, Any]:
    """The report as plain JSON data: counts, and results grouped by the news item they came from."""
    groups = []
    for item_id, results in _by_item(report).items():
        groups.append(
            {
                "item_id": item_id or None,
                "item_title": results[0].item_title,
                "results": [r.model_dump(mode="json", exclude={"item_id", "item_title"}) for r in results],
            }
        )
    return {"conforms": report.conforms, "counts": report.counts, "triples": report.triples, "items": groups}


def _entity(result: ValidationResult) -> Text:
    text = Text(result.entity_name or result.focus_node)
    if result.entity_label_zh and result.entity_label_zh != result.entity_name:
        text.append(f"\n{result.entity_label_zh}")
    if result.focus_type:
        text.append(f"\n{result.focus_type}", style="dim")
    return text


def render_report(report: ValidationReport, console: Console | None = None, *, show_info: bool = False) -> None:
    """Print the report for a curator: one table per news item (severity, entity, rule, evidence, what to do)."""
    console = console or Console()
    counts = report.counts
    verdict = "[green]conforms[/]" if report.conforms else "[bold red]does not conform[/]"
    console.print(
        f"Validation: {verdict} — {counts.get('Violation', 0)} violation(s), "
        f"{counts.get('Warning', 0)} warning(s), {counts.get('Info', 0)} info"
    )
    for item_id, results in _by_item(report).items():
        shown = [r for r in results if show_info or r.severity != "Info"]
        if not shown:
            continue
        title = f"{item_id} {shown[0].item_title or ''}".strip() if item_id else _NO_ITEM
        table = Table(title=title, title_justify="left", show_lines=True, expand=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("entity", ratio=2)
        table.add_column("rule", ratio=3)
        table.add_column("evidence", ratio=4)
        table.add_column("what to do", ratio=3)
        for r in shown:
            rule = Text(r.constraint)
            if r.constraint_zh:
                rule.append(f"\n{r.constraint_zh}")
            rule.append(f"\n{r.shape}" + (f" {r.path}" if r.path else "") + (f" = {r.value}" if r.value else ""), "dim")
            table.add_row(
                Text(r.severity, style=_STYLE[r.severity]), _entity(r), rule, r.sentence or "", r.advice or ""
            )
        console.print(table)
