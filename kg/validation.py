"""SHACL validation of one import batch, and the curator's report it produces.

Cost follows the batch, not the store: the shapes are applied to the batch's triples plus only those stored triples
that the batch's entities touch (their own stored triples, and the classes of the stored entities their relations
point to, as ``kg:storedType``). Results are kept only for the batch's own nodes. Measured in ``bench/``.

Who applies the shapes is the ``engine``: :mod:`kg.shacl_engine` (compiled checks over a :class:`TripleIndex`, the
default) or pySHACL (the reference; the tests hold the two to the same results). See
docs/decisions/20261127-compiled-shacl.md.

"The data does not conform" is a :class:`ValidationReport`; "the shapes are broken" is :class:`kg.errors.OntologyError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal as TypingLiteral

import pyshacl
from pydantic import BaseModel, Field
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import BNode, Node

from kg import shacl_engine
from kg.errors import OntologyError
from kg.model import ValidationSummary
from kg.rdf_terms import KG, SH, load_shapes, local_id
from kg.triple_index import TripleIndex

Severity = TypingLiteral["Violation", "Warning", "Info"]
_SEVERITY: dict[Node, Severity] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SHAPES_NS = "https://w3id.org/science-news-kg/shapes#"
_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")


class ValidationResult(BaseModel):
    """One SHACL result, in the words a curator needs to act on it."""

    severity: Severity
    focus_node: str = Field(description="id of the node the rule fired on (entity, item, fact-…, evidence-…)")
    focus_type: str | None = None
    entity_name: str | None = None
    entity_label_zh: str | None = None
    item_id: str | None = Field(default=None, description="the news item the offending record came from")
    item_title: str | None = None
    sentence: str | None = Field(default=None, description="the evidence sentence (or the sentence of a mention)")
    constraint: str = Field(description="the rule, in plain words")
    constraint_zh: str | None = None
    advice: str | None = Field(default=None, description="what to do")
    shape: str = Field(description="the shape that fired, e.g. kgsh:Name")
    path: str | None = Field(default=None, description="the property path, e.g. kg:name")
    value: str | None = None
    items: list[str] = Field(default_factory=list, description="every batch item implicated (quarantined if Violation)")


class ValidationReport(BaseModel):
    """The outcome of validating a batch: conforms unless a Violation was found (warnings and infos only report)."""

    conforms: bool
    results: list[ValidationResult] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=lambda: {"Violation": 0, "Warning": 0, "Info": 0})
    triples: int = Field(default=0, description="triples given to the validator (batch + touched context)")

    def violating_items(self) -> set[str]:
        """Ids of batch items whose records caused a Violation."""
        return {i for r in self.results if r.severity == "Violation" for i in r.items}

    def summary(self, quarantined: Iterable[str] = ()) -> ValidationSummary:
        """The short form kept on an ImportBatch."""
        return ValidationSummary(
            conforms=self.conforms,
            violations=self.counts.get("Violation", 0),
            warnings=self.counts.get("Warning", 0),
            infos=self.counts.get("Info", 0),
            quarantined_items=sorted(quarantined),
        )

    def merge(self, other: ValidationReport) -> ValidationReport:
        """Two chunks' reports as one."""
        counts = {k: self.counts.get(k, 0) + other.counts.get(k, 0) for k in ("Violation", "Warning", "Info")}
        return ValidationReport(
            conforms=self.conforms and other.conforms,
            results=self.results + other.results,
            counts=counts,
            triples=self.triples + other.triples,
        )


@functools.lru_cache(maxsize=8)
def counted_relations(shapes: Graph) -> frozenset[Node]:
    """The relation predicates some shape counts (sh:minCount / sh:maxCount on that path): only for those do a stored
    entity's own relations change the judgement of a batch (a second journal, a first affiliation). The ranges of the
    other relations are judged on the batch's own triples; the stored ones were judged when they were imported.
    Cached per shapes graph: every chunk asks."""
    return frozenset(
        path
        for shape in (*shapes.subjects(SH.minCount, None), *shapes.subjects(SH.maxCount, None))
        for path in shapes.objects(shape, SH.path)
        if path in _RELATIONS
    )


def touched_context(
    batch_graph: Graph | TripleIndex, context_graph: Graph | TripleIndex, shapes: Graph | None = None
) -> list[tuple[Node, Node, Node]]:
    """The stored triples the batch's nodes touch, as far as the shapes need them to judge the batch: each batch
    entity's own stored triples (names, labels, identifiers, direct relations) and the types of the entities the
    relations point to (for sh:class). Not the items that mention an entity nor the stored facts about it: a hub
    entity (a big university) has thousands of those, and the batch's own mentions and facts satisfy the shapes.

    Index lookups per batch node, so this costs in proportion to the batch, not to the context or the store.
    """
    # only entities: a batch fact may share its IRI with a stored fact stated by hundreds of other items, and
    # pulling those evidence records in would make the context, not the batch, set the cost
    entities = set(batch_graph.subjects(RDF.type, KG.Entity))
    counted = counted_relations(shapes if shapes is not None else load_shapes())
    keep: list[tuple[Node, Node, Node]] = []
    for node in entities:
        # not the thousands of collaborations of a prolific researcher: no shape counts them
        keep.extend(t for t in context_graph.triples((node, None, None)) if t[1] not in _RELATIONS or t[1] in counted)
    pointed = {o for _, p, o in keep if p in _RELATIONS}
    pointed.update(o for p in _RELATIONS for o in batch_graph.objects(None, p))
    # a stored neighbour's class as kg:storedType, not rdf:type: the range shapes read either, while the class shapes
    # do not make the neighbour a focus node (it would fail "has a name" etc. on the few triples we bring)
    for node in pointed - entities:
        keep.extend((node, KG.storedType, c) for c in context_graph.objects(node, RDF.type))
    return keep


def _run_pyshacl(data: Graph, shapes: Graph) -> Graph:
    try:
        conforms, results, text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",  # the data states every type explicitly; RDFS inference would only add cost
            advanced=False,  # no SHACL-AF rules, functions or custom targets are used
            meta_shacl=False,  # the shapes are checked against SHACL-SHACL once, in the tests, not per batch
            allow_warnings=True,  # Warning and Info report, only Violation blocks
            allow_infos=True,
            abort_on_first=False,  # curators want every problem of the batch at once
            inplace=True,  # the data graph was built for this call; copying it would double the memory
            js=False,
        )
    except Exception as exc:  # pySHACL raises its own errors for unusable shapes
        raise OntologyError(f"the SHACL shapes cannot be applied: {exc}") from exc
    if not isinstance(results, Graph):
        # pySHACL reports a broken shape (e.g. a malformed SPARQL constraint) as a failed validation with a message
        raise OntologyError(f"the SHACL shapes cannot be applied: {text.strip()}")
    return results


def _curie(node: Node | None, shapes: Graph) -> str | None:
    if node is None:
        return None
    text = str(node)
    if text.startswith(_SHAPES_NS):
        return "kgsh:" + text[len(_SHAPES_NS) :]
    if text.startswith(str(KG)):
        return "kg:" + text[len(str(KG)) :]
    if isinstance(node, BNode):
        return None
    return text


def _named_shape(shape: Node, shapes: Graph) -> Node:
    """The named shape that holds a blank property shape (results of nested sh:or report the outer shape anyway)."""
    while isinstance(shape, BNode):
        parent = next(shapes.subjects(SH.property, shape), None)
        if parent is None:
            break
        shape = parent
    return shape


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that contains the span (for mentions, which carry no sentence of their own)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.end() if right_match else len(text)
    return text[left:right].strip()


class _Locator:
    """Finds, for a focus node, the batch items and the evidence sentence a curator should look at."""

    def __init__(self, data: TripleIndex, batch_items: set[Node]) -> None:
        self.data = data
        self.batch_items = batch_items

    def _facts(self, focus: Node, path: Node | None, value: Node | None) -> list[Node]:
        facts = list(self.data.subjects(KG.subject, focus))
        if path is not None:
            facts = [f for f in facts if (f, KG.predicate, path) in self.data] or facts
        if value is not None:
            facts = [f for f in facts if (f, KG.object, value) in self.data] or facts
        return facts

    def locate(
        self, focus: Node, types: set[Node], path: Node | None, value: Node | None
    ) -> tuple[list[Node], str | None]:
        data = self.data
        evidence: list[Node] = []
        if KG.NewsItem in types:
            return [focus], None
        if KG.Evidence in types:
            evidence = [focus]
        elif KG.Fact in types:
            evidence = list(data.objects(focus, KG.evidence))
        elif KG.Mention in types:
            item = data.value(focus, KG.item)
            return ([item] if item is not None else []), self._mention_sentence(focus, item)
        else:
            facts = self._facts(focus, path, value) if path is None or path in _RELATIONS else []
            evidence = [ev for f in facts for ev in data.objects(f, KG.evidence)]
        if evidence:
            items = [i for ev in evidence if (i := data.value(ev, KG.item)) is not None]
            sentence = data.value(evidence[0], KG.sentence)
            return items, None if sentence is None else str(sentence)
        items = [i for i in data.subjects(KG.mentions, focus) if i in self.batch_items]
        mention = next((m for m in data.subjects(KG.mentionOf, focus) if data.value(m, KG.item) in items), None)
        return items, self._mention_sentence(mention, items[0]) if mention is not None and items else None

    def _mention_sentence(self, mention: Node | None, item: Node | None) -> str | None:
        if mention is None or item is None:
            return None
        text, start, end = (
            self.data.value(x, p) for x, p in ((item, KG.text), (mention, KG.spanStart), (mention, KG.spanEnd))
        )
        offsets = [v.value for v in (start, end) if isinstance(v, Literal) and type(v.value) is int]
        if text is None or len(offsets) != 2:
            return None  # a missing or malformed span is what the shapes report; there is no sentence to show
        return sentence_around(str(text), offsets[0], offsets[1])


_RELATIONS = {
    KG[p] for p in ("affiliatedWith", "authorOf", "publishedIn", "fundedBy", "received", "partOf", "collaboratedWith")
}


def _entity_of(data: TripleIndex, focus: Node, types: set[Node]) -> Node:
    """The entity a result is about: the focus itself, or the subject of a fact / the entity of a mention."""
    if KG.Fact in types:
        return data.value(focus, KG.subject) or focus
    if KG.Evidence in types:
        fact = next(data.subjects(KG.evidence, focus), None)
        return (data.value(fact, KG.subject) if fact is not None else None) or focus
    if KG.Mention in types:
        return data.value(focus, KG.mentionOf) or focus
    return focus


class _Builder:
    """Turns (focus, shape, path, value) into a curator's :class:`ValidationResult`."""

    def __init__(self, data: TripleIndex, shapes: Graph, in_batch: _BatchMembership) -> None:
        self.data, self.shapes = data, shapes
        self.in_batch = in_batch
        self._locator: _Locator | None = None

    @property
    def batch_items(self) -> set[Node]:
        return self.locator.batch_items

    @property
    def locator(self) -> _Locator:
        # built at the first result: a clean batch never pays for listing its items
        if self._locator is None:
            items = {n for n in self.data.subjects(RDF.type, KG.NewsItem) if self.in_batch(n)}
            self._locator = _Locator(self.data, items)
        return self._locator

    def build(
        self,
        severity: Severity,
        focus: Node,
        source: Node | None,
        path: Node | None,
        value: Node | None,
        messages: dict[str, str],
    ) -> ValidationResult:
        data, shapes = self.data, self.shapes
        named = _named_shape(source, shapes) if source is not None else None
        types = set(data.objects(focus, RDF.type))
        items, sentence = self.locator.locate(focus, types, path, value)
        items = [i for i in dict.fromkeys(items) if i in self.batch_items]
        entity = _entity_of(data, focus, types)
        label_zh = next(
            (str(v) for v in data.objects(entity, KG.label) if isinstance(v, Literal) and v.language == "zh"), None
        )
        item = items[0] if items else None
        advice = shapes.value(source, KG.advice) if source is not None else None
        if advice is None and named is not None:
            advice = shapes.value(named, KG.advice)
        for holder in (source, named):
            for msg in shapes.objects(holder, SH.message) if holder is not None else ():
                if isinstance(msg, Literal):
                    messages.setdefault(msg.language or "en", str(msg))
        # the specific class (kg:Researcher …), not the kg:Entity every entity also carries
        type_node = next((t for t in sorted(types, key=str) if str(t).startswith(str(KG)) and t != KG.Entity), None)
        return ValidationResult(
            severity=severity,
            focus_node=local_id(focus),
            focus_type=None if type_node is None else str(type_node)[len(str(KG)) :],
            entity_name=_opt(data.value(entity, KG.name)),
            entity_label_zh=label_zh,
            item_id=None if item is None else local_id(item),
            item_title=None if item is None else _opt(data.value(item, KG.title)),
            sentence=sentence,
            constraint=messages.get("en", "a SHACL constraint"),
            constraint_zh=messages.get("zh"),
            advice=_opt(advice),
            shape=_curie(named, shapes) or _curie(source, shapes) or "?",
            path=_curie(path, shapes) if isinstance(path, URIRef) else None,
            value=None if value is None else (local_id(value) if isinstance(value, URIRef) else str(value)),
            items=[local_id(i) for i in items],
        )


def _results(builder: _Builder, results: Graph, in_batch: _BatchMembership) -> list[ValidationResult]:
    out: list[ValidationResult] = []
    for node in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(node, SH.focusNode)
        if focus is None or not in_batch(focus):
            continue  # a stored node's own problem, not this batch's
        messages = {
            (m.language or "en"): str(m) for m in results.objects(node, SH.resultMessage) if isinstance(m, Literal)
        }
        found_severity = results.value(node, SH.resultSeverity)
        severity: Severity = _SEVERITY.get(found_severity, "Violation") if found_severity is not None else "Violation"
        source = results.value(node, SH.sourceShape)
        out.append(
            builder.build(
                severity, focus, source, results.value(node, SH.resultPath), results.value(node, SH.value), messages
            )
        )
    return out


RELATION_BACKED = URIRef(_SHAPES_NS + "RelationBacked")


Triple = tuple[Node, Node, Node]


def _batch_relations(batch_graph: TripleIndex) -> tuple[list[Triple], list[tuple[Node, Node]]]:
    """The batch's own direct relation triples and (fact, subject) pairs, read before any context is added."""
    direct: list[Triple] = [(s, p, o) for p in sorted(_RELATIONS) for s, o in batch_graph.subject_objects(p)]
    return direct, list(batch_graph.subject_objects(KG.subject))


def _unbacked_relations(
    builder: _Builder, direct: list[Triple], facts: list[tuple[Node, Node]]
) -> list[ValidationResult]:
    """kgsh:RelationBacked, applied natively: every direct relation triple of the batch has a kg:Fact with evidence
    from a news item (one pass; pySHACL would re-parse the SPARQL query for every focus node). Stored direct triples
    were checked when they were imported."""
    own = builder.data.subject_index
    evidence, item, predicate, obj = KG.evidence, KG.item, KG.predicate, KG.object
    backed: set[Triple] = set()
    for fact, s in facts:
        props = own.get(fact, _NOTHING)
        if any(own.get(ev, _NOTHING).get(item) for ev in props.get(evidence, ())):
            p, o = next(iter(props.get(predicate, ())), None), next(iter(props.get(obj, ())), None)
            if p is not None and o is not None:
                backed.add((s, p, o))
    return [builder.build("Violation", s, RELATION_BACKED, p, o, {}) for s, p, o in direct if (s, p, o) not in backed]


_NOTHING: dict[Node, dict[Node, None]] = {}


def _opt(value: Node | None) -> str | None:
    return None if value is None else str(value)


class _BatchMembership:
    """Whether a node belongs to the batch (has triples of its own in it) rather than only to the stored context.

    Asked only for the few nodes a result names, so a clean batch never pays for listing all its subjects (which
    cost as much as a tenth of validating it)."""

    def __init__(self, data: TripleIndex, touched: list[Triple]) -> None:
        self.data = data
        self.context: dict[Node, set[Triple]] = {}
        for triple in touched:
            self.context.setdefault(triple[0], set()).add(triple)

    def __call__(self, node: Node) -> bool:
        if not isinstance(node, URIRef):
            return False
        from_context = self.context.get(node)
        own = self.data.triples((node, None, None))
        if from_context is None:
            return next(own, None) is not None
        return any(t not in from_context for t in own)


Engine = TypingLiteral["compiled", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("compiled", "pyshacl")


@functools.lru_cache(maxsize=8)
def _compiled(shapes: Graph) -> list[shacl_engine.CompiledShape]:
    return shacl_engine.compile_shapes(shapes)


def validate(
    batch_graph: Graph | TripleIndex,
    context_graph: Graph | TripleIndex | None = None,
    shapes: Graph | None = None,
    *,
    inplace: bool = False,
    engine: Engine = "compiled",
) -> ValidationReport:
    """Validate a batch's triples, judged together with the stored triples they touch (``context_graph``).

    Only results about the batch's own nodes are reported. ``engine`` picks who applies the shapes: ``compiled``
    (:mod:`kg.shacl_engine`, the default: the same results at a fraction of the cost) or ``pyshacl`` (the reference).
    With ``inplace=True`` a :class:`TripleIndex` batch receives the touched context triples itself instead of a copy
    (the pipeline owns its chunk indexes and uses this). Raises :class:`kg.errors.OntologyError` if the shapes cannot
    be loaded or applied.
    """
    if engine not in ENGINES:
        raise OntologyError(f"unknown validation engine {engine!r}: use one of {', '.join(ENGINES)}")
    shapes = shapes if shapes is not None else load_shapes()
    batch = TripleIndex.of(batch_graph)
    context = TripleIndex.of(context_graph) if context_graph is not None and len(context_graph) else None
    touched = touched_context(batch, context, shapes) if context is not None else []
    # a context triple the batch states itself is the batch's too: keep only what the batch lacks
    touched = [t for t in touched if t not in batch]
    direct, facts = _batch_relations(batch)  # before the context joins an in-place batch
    data = batch if inplace or batch is not batch_graph else TripleIndex(batch)
    data.add_all(touched)
    in_batch = _BatchMembership(data, touched)
    builder = _Builder(data, shapes, in_batch)
    if engine == "pyshacl":
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in data)
        found = _results(builder, _run_pyshacl(graph, shapes), in_batch)
    else:
        found = [
            builder.build(_SEVERITY.get(r.severity, "Violation"), r.focus, r.shape, r.path, r.value, {})
            for r in shacl_engine.run(_compiled(shapes), data)
            if in_batch(r.focus)
        ]
    if (RELATION_BACKED, RDF.type, SH.NodeShape) in shapes:
        found += _unbacked_relations(builder, direct, facts)
    found.sort(key=lambda r: (r.item_id or "", _ORDER[r.severity], r.focus_node, r.shape, r.path or "", r.value or ""))
    counts = {k: sum(1 for r in found if r.severity == k) for k in ("Violation", "Warning", "Info")}
    return ValidationReport(conforms=counts["Violation"] == 0, results=found, counts=counts, triples=len(data))
