"""Batch validation: the report names the item and the evidence, the stored context is read only where the batch
touches it, and broken shapes are an OntologyError, not a report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg.errors import OntologyError
from kg.ids import entity_id
from kg.model import Entity, Evidence, Extraction, Mention, NewsItem, Relation
from kg.rdf import to_graph
from kg.rdf_terms import KG, iri, load_shapes
from kg.validation import ValidationReport, sentence_around, touched_context, validate

SENTENCE = "Ada Quill joined North Lake University in 2019."
TEXT = f"Campus news. {SENTENCE} More later."


def record(
    n: int = 1, name: str = "Ada Quill", institution: str = "North Lake University", **rel: object
) -> Extraction:
    item = NewsItem(id=f"item-{n:012x}", title=f"News {n}", text=TEXT, date="2024-05-01")
    researcher, inst = entity_id("Researcher", name), entity_id("Institution", institution)
    start = TEXT.index(SENTENCE)
    ev = Evidence(item_id=item.id, item_date=item.date, start=start, end=start + len(SENTENCE), sentence=SENTENCE)
    return Extraction(
        item=item,
        entities=[
            Entity(id=researcher, type="Researcher", name=name, labels={"zh": "奎尔"},
                   mentions=[Mention(start=start, end=start + 9, text=TEXT[start : start + 9])]),
            Entity(id=inst, type="Institution", name=institution),
        ],
        relations=[Relation(subject=researcher, predicate="affiliatedWith", object=inst, evidence=ev, **rel)],  # type: ignore[arg-type]
    )  # fmt: skip


def test_validate_good_record_conforms() -> None:
    report = validate(to_graph([record()]))
    assert report.conforms
    assert report.counts == {"Violation": 0, "Warning": 0, "Info": 0}


def test_report_names_item_title_and_evidence_sentence() -> None:
    report = validate(to_graph([record(role="first")]))  # a role on an affiliation
    (result,) = [r for r in report.results if r.shape == "kgsh:RoleOnlyOnAuthorOf"]
    assert result.severity == "Violation"
    assert result.item_id == "item-000000000001"
    assert result.item_title == "News 1"
    assert result.sentence == SENTENCE
    assert result.entity_name == "Ada Quill"
    assert result.entity_label_zh == "奎尔"
    assert result.advice and result.constraint and result.constraint_zh
    assert report.violating_items() == {"item-000000000001"}
    assert not report.conforms


def test_report_finds_the_sentence_of_an_entity_level_result_from_its_mention() -> None:
    graph = to_graph([record()])
    graph.add((iri(entity_id("Researcher", "Ada Quill")), KG.label, Literal("另一个", lang="zh")))
    (result,) = [r for r in validate(graph).results if r.shape == "kgsh:Label"]
    assert result.item_id == "item-000000000001"
    assert result.sentence == SENTENCE


def test_validate_judges_batch_with_the_stored_context_it_touches() -> None:
    stored = record(1)
    stored.entities[0].labels = {"zh": "旧名"}
    batch = to_graph([record(2)])
    assert validate(batch).conforms
    report = validate(batch, to_graph([stored]))
    assert [r.shape for r in report.results if r.severity == "Violation"] == ["kgsh:Label"]
    assert report.violating_items() == {"item-000000000002"}  # never the stored item


def test_validate_reports_only_the_batch_nodes_not_the_stores_own_problems() -> None:
    broken = record(7, name="Bo Reed", institution="Lake Science Union")
    context = to_graph([broken])
    context.remove((iri(entity_id("Researcher", "Bo Reed")), KG.name, None))  # a stored problem, elsewhere
    context.remove((iri(entity_id("Institution", "North Lake University")), KG.name, None))  # a touched neighbour's
    report = validate(to_graph([record(1)]), context)
    assert report.conforms, report.results


def test_touched_context_follows_the_batch_not_the_context() -> None:
    batch = to_graph([record(1)])
    small = to_graph([record(2)])
    large = to_graph([record(2)] + [record(100 + i, name=f"Person {i}", institution=f"Inst {i}") for i in range(40)])
    assert len(large) > 10 * len(small)
    assert len(touched_context(batch, large)) == len(touched_context(batch, small)) > 0


def test_touched_context_leaves_out_the_relations_no_shape_counts() -> None:
    # a prolific researcher's stored collaborations: no shape counts them, so they stay out of the batch's context;
    # affiliations are counted (a researcher should have one), so they come along
    stored = record(1)
    ada = stored.entities[0].id
    ev = stored.relations[0].evidence
    for i in range(30):
        mate = entity_id("Researcher", f"Mate {i}")
        stored.entities.append(Entity(id=mate, type="Researcher", name=f"Mate {i}"))
        stored.relations.append(Relation(subject=ada, predicate="collaboratedWith", object=mate, evidence=ev))
    touched = touched_context(to_graph([record(2)]), to_graph([stored]))
    predicates = {str(p).rsplit("#", 1)[-1] for s, p, _ in touched if s == iri(ada)}
    assert "affiliatedWith" in predicates and "collaboratedWith" not in predicates
    assert "name" in predicates


def _shapes_with(extra: str) -> Graph:
    graph = Graph()
    for triple in load_shapes():
        graph.add(triple)
    return graph.parse(data=extra, format="turtle")


@pytest.mark.parametrize(
    "extra",
    [
        # a SPARQL constraint pySHACL refuses (VALUES is not allowed)
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/science-news-kg/ontology#> .
        <urn:bad> a sh:NodeShape ; sh:targetClass kg:Researcher ;
            sh:sparql [ sh:select "SELECT $this WHERE { VALUES ?x { 1 } }" ] .""",
        # a property shape without a path
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/science-news-kg/ontology#> .
        <urn:bad> a sh:NodeShape ; sh:targetClass kg:Researcher ; sh:property [ sh:minCount 1 ] .""",
    ],
)
def test_validate_broken_shapes_raise_ontology_error(extra: str) -> None:
    with pytest.raises(OntologyError):
        validate(to_graph([record()]), shapes=_shapes_with(extra))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("First one. Ada Quill won. Last.", (11, 20), "Ada Quill won."),
        ("复旦大学发布消息。奎尔获奖！其他。", (9, 11), "奎尔获奖！"),
        ("no end in sight", (3, 6), "no end in sight"),
        ("line one\nQuill here\nline three", (9, 14), "Quill here"),
    ],
)
def test_sentence_around_finds_the_sentence_of_a_span(text: str, span: tuple[int, int], expected: str) -> None:
    assert sentence_around(text, *span) == expected


def test_report_merge_and_summary_add_up() -> None:
    bad = validate(to_graph([record(1, year=1800)]))
    good = validate(to_graph([record(2)]))
    merged = good.merge(bad)
    assert isinstance(merged, ValidationReport)
    assert not merged.conforms
    assert merged.counts["Violation"] == bad.counts["Violation"] >= 1
    summary = merged.summary(["item-000000000001"])
    assert summary.violations == merged.counts["Violation"]
    assert summary.quarantined_items == ["item-000000000001"]


@pytest.fixture
def news_jsonl(tmp_path: Path) -> Path:
    """A one-item JSON Lines file whose URL is not http(s): a Warning, not a Violation."""
    line = {
        "title": "Lakeshore Institute of Technology opens quantum sensing centre",
        "text": "The Lakeshore Institute of Technology has opened a Centre for Quantum Sensing.",
        "date": "2025-03-21",
        "url": "ftp://news.lakeshore.example/q",
    }
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_kg_validate_prints_the_report_as_json_and_writes_nothing(news_jsonl: Path, tmp_path: Path) -> None:
    from kg.cli import app

    before = sorted(tmp_path.rglob("*"))
    result = CliRunner().invoke(app, ["validate", str(news_jsonl), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["conforms"] is True and data["counts"]["Warning"] == 1
    (group,) = data["items"]
    assert group["item_title"] == "Lakeshore Institute of Technology opens quantum sensing centre"
    assert [r["shape"] for r in group["results"]] == ["kgsh:ItemUrl"]
    assert data["batch"]["status"] == "dry_run"
    assert sorted(tmp_path.rglob("*")) == before


def test_kg_validate_engines_give_the_same_report_and_a_wrong_engine_is_a_usage_error(
    news_jsonl: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.cli import app

    reports = []
    for engine in ("compiled", "pyshacl"):
        result = CliRunner().invoke(app, ["validate", str(news_jsonl), "--format", "json", "--engine", engine])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        reports.append((data["counts"], data["items"]))
    assert reports[0] == reports[1]
    # the setting chooses when the option is not given; a bad value names the choices
    monkeypatch.setenv("KG_VALIDATION_ENGINE", "pyshacl")
    assert CliRunner().invoke(app, ["validate", str(news_jsonl), "--format", "json"]).exit_code == 0
    result = CliRunner().invoke(app, ["validate", str(news_jsonl), "--engine", "fast"])
    assert result.exit_code == 2 and "compiled" in result.output and "pyshacl" in result.output


def test_kg_validate_text_report_names_item_and_rule(news_jsonl: Path) -> None:
    from kg.cli import app

    result = CliRunner().invoke(app, ["validate", str(news_jsonl)])
    assert result.exit_code == 0, result.output
    assert "Lakeshore Institute of Technology" in result.stdout
    assert "http(s)" in result.stdout and "dry run, nothing written" in result.stdout


@pytest.mark.parametrize(
    ("stored_type", "violations"), [("Institution", []), ("Journal", ["kgsh:AffiliatedWithRange"])]
)
def test_validate_checks_range_against_a_stored_neighbour(stored_type: str, violations: list[str]) -> None:
    """The batch points to an entity it does not carry itself; its class comes from the store."""
    batch = record(1)
    inst = batch.entities.pop(1)
    stored = Extraction(
        item=NewsItem(id="item-0000000000ff", title="old", text="old"),
        entities=[Entity(id=inst.id, type=stored_type, name=inst.name)],  # type: ignore[arg-type]
    )
    report = validate(to_graph([batch]), to_graph([stored]))
    assert [r.shape for r in report.results if r.severity == "Violation"] == violations
    assert all(r.focus_node != inst.id for r in report.results)  # the stored entity itself is not judged again
