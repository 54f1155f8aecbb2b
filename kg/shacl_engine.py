"""SHACL Core, compiled: a shapes graph turned once into Python checks that run over a :class:`TripleIndex`.

Why: pySHACL costs ~15 µs per triple it checks and needs an rdflib Graph (~10 µs per triple added); an import maps
~170 triples per news item, so validating cost more than reading, extracting and storing the item together. These
checks read the same shapes and give the same results (tests/kg/test_shacl_engine.py runs both engines on the same
crafted records and compares every result), at a small fraction of the cost. pySHACL stays the reference engine and
can be chosen with ``KG_VALIDATION_ENGINE=pyshacl``.

Supported (what ``ontology/shapes.ttl`` uses, and the cheap neighbours of it): node and property shapes with
``sh:targetClass``, ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode`` and implicit class targets;
paths made of predicates, ``sh:inversePath``, ``sh:alternativePath`` and sequences; ``sh:minCount``, ``sh:maxCount``,
``sh:datatype``, ``sh:class``, ``sh:nodeKind``, ``sh:pattern`` (+ ``sh:flags``), ``sh:minLength``, ``sh:maxLength``,
``sh:in``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:maxInclusive``, ``sh:minExclusive``, ``sh:maxExclusive``,
``sh:uniqueLang``, ``sh:lessThan``, ``sh:lessThanOrEquals``; ``sh:severity``, ``sh:deactivated``. A shape with any
other constraint (nested shapes, closed shapes, active SPARQL constraints, …) is refused with an
:class:`~kg.errors.OntologyError` that names it, rather than silently not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection as RdfList
from rdflib.term import BNode, Node

from kg.errors import OntologyError
from kg.rdf_terms import SH, canonical
from kg.triple_index import TripleIndex

Values = Collection[Node]
#: where focus nodes come from: ("class" | "subjectsOf" | "objectsOf" | "node", the class, predicate or node)
Target = tuple[str, Node]
PathFn = Callable[[TripleIndex, Node], Values]
#: a compiled constraint: (index, [(focus, value nodes)]) → (focus, offending value or None) per result
Check = Callable[[TripleIndex, list[tuple[Node, Values]]], Iterator[tuple[Node, Node | None]]]

_EMPTY: dict[Node, None] = {}
_NO_PROPS: dict[Node, dict[Node, None]] = {}
# rdflib resolves RDF.type and kin in Python on every access; these are read per focus node
_TYPE, _LANG_STRING = RDF.type, RDF.langString
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
_DESCRIPTIVE = {
    RDF.type,
    SH.message,
    SH.severity,
    SH.deactivated,
    SH.path,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.flags,  # read with sh:pattern
    RDFS.label,
    RDFS.comment,
}


@dataclass(frozen=True, slots=True)
class RawResult:
    """One validation result as SHACL states it (the report's words are added by :mod:`kg.validation`)."""

    focus: Node
    shape: Node
    path: Node | None
    value: Node | None
    severity: Node


@dataclass(frozen=True)
class CompiledShape:
    """A shape reduced to where its focus nodes come from, how to reach its value nodes and what to check."""

    node: Node
    targets: tuple[Target, ...]
    path_node: Node | None
    path: PathFn | None
    checks: tuple[Check, ...]
    severity: Node


# ------------------------------------------------------------------------------------------------------ paths


def _rdf_list(shapes: Graph, head: Node, shape: Node) -> list[Node]:
    try:
        return list(RdfList(shapes, head))
    except Exception as exc:  # a malformed list (rdflib raises several types)
        raise OntologyError(f"shape {shape}: malformed RDF list ({exc})") from exc


def _unique(nodes: Iterable[Node]) -> list[Node]:
    return list(dict.fromkeys(nodes))


def _forward_steps(shapes: Graph, node: Node, shape: Node) -> list[tuple[Node, ...]] | None:
    """A path that only follows predicates forwards, as its steps (each a tuple of alternative predicates), or None."""

    def step(part: Node) -> tuple[Node, ...] | None:
        if isinstance(part, URIRef):
            return (canonical(part),)
        alternatives = shapes.value(part, SH.alternativePath)
        if alternatives is None:
            return None
        members = _rdf_list(shapes, alternatives, shape)
        return tuple(canonical(m) for m in members) if all(isinstance(m, URIRef) for m in members) else None

    parts = _rdf_list(shapes, node, shape) if (node, RDF.first, None) in shapes else [node]
    steps = [step(p) for p in parts]
    return None if any(s is None for s in steps) else steps  # type: ignore[return-value]


def _path(shapes: Graph, node: Node, shape: Node) -> PathFn:
    forward_steps = None if isinstance(node, URIRef) else _forward_steps(shapes, node, shape)
    if forward_steps is not None:
        hops = forward_steps
        # the range shapes' path (a relation, then rdf:type or kg:storedType): dictionary reads, no generators

        def follow(index: TripleIndex, focus: Node) -> Values:
            spo = index.subject_index
            current: Values = (focus,)
            for predicates in hops:
                reached: dict[Node, None] = {}
                for n in current:
                    own = spo.get(n)
                    if own:
                        for p in predicates:
                            objects = own.get(p)
                            if objects:
                                reached.update(dict.fromkeys(objects))
                current = reached
            return current

        return follow
    if isinstance(node, URIRef):
        predicate = canonical(node)

        def forward(index: TripleIndex, focus: Node) -> Values:
            return index.predicates_of(focus).get(predicate, _EMPTY)

        return forward
    inverse = shapes.value(node, SH.inversePath)
    if inverse is not None:
        if not isinstance(inverse, URIRef):
            raise OntologyError(f"shape {shape}: only a predicate can be inverted by the compiled engine")
        predicate = canonical(inverse)

        def backward(index: TripleIndex, focus: Node) -> Values:
            return _unique(index.subjects(predicate, focus))

        return backward
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        parts = [_path(shapes, p, shape) for p in _rdf_list(shapes, alternatives, shape)]

        def either(index: TripleIndex, focus: Node) -> Values:
            return _unique(v for part in parts for v in part(index, focus))

        return either
    if (node, RDF.first, None) in shapes:
        steps = [_path(shapes, p, shape) for p in _rdf_list(shapes, node, shape)]

        def sequence(index: TripleIndex, focus: Node) -> Values:
            current: Values = [focus]
            for step in steps:
                current = _unique(v for n in current for v in step(index, n))
            return current

        return sequence
    raise OntologyError(
        f"shape {shape}: this kind of sh:path is not supported by the compiled engine "
        "(set KG_VALIDATION_ENGINE=pyshacl to use it)"
    )


# -------------------------------------------------------------------------------------------------- instances


def _instances(index: TripleIndex, cls: Node) -> list[Node]:
    """SHACL instances of ``cls``: rdf:type, following rdfs:subClassOf in the data (none in ours, so one lookup)."""
    classes = _subclasses(index, cls)
    if len(classes) == 1:
        return list(dict.fromkeys(index.subjects(_TYPE, cls)))
    return _unique(s for c in classes for s in index.subjects(_TYPE, c))


def _subclasses(index: TripleIndex, cls: Node) -> list[Node]:
    found, todo = [cls], [cls]
    while todo:
        for sub in index.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in found:
                found.append(sub)
                todo.append(sub)
    return found


# ------------------------------------------------------------------------------------------------ constraints


def _count(minimum: int | None, maximum: int | None) -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        for focus, values in pairs:
            n = len(values)
            if (minimum is not None and n < minimum) or (maximum is not None and n > maximum):
                yield focus, None

    return check


def _per_value(ok: Callable[[Node], bool]) -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        # a value's verdict does not depend on its focus node, and the mapping shares literals (spans, years,
        # names): each object is judged once per run (ids are stable while the index holds the objects)
        good: set[int] = set()
        for focus, values in pairs:
            for v in values:
                if id(v) in good:
                    continue
                if ok(v):
                    good.add(id(v))
                else:
                    yield focus, v

    return check


_PYTHON_TYPE: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def _datatype(datatype: Node) -> Check:
    python_type = _PYTHON_TYPE.get(datatype)
    # a literal's datatype is a fresh URIRef each time: compare the text (URIRef's own == runs in Python)
    text = str(datatype)
    same = str.__eq__
    any_literal, any_typed = datatype == RDFS.Literal, datatype == RDFS.Datatype
    plain, tagged = datatype == XSD.string, datatype == _LANG_STRING

    def well_formed(v: Literal) -> bool:
        return python_type is None or isinstance(v.value, python_type)

    def ok(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        found = v.datatype
        if found is not None and same(found, text):
            return getattr(v, "ill_typed", None) is not True and well_formed(v)
        if any_literal:
            return True
        if any_typed:
            return v.datatype is not None
        if plain and v.datatype is None and v.language is None:
            return well_formed(v)
        if tagged and v.language:
            return well_formed(v)
        return False

    return _per_value(ok)


def _class(cls: Node) -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        own = index.subject_index
        subclasses: list[Node] | None = None  # looked up once, and only if a value lacks the class itself
        for focus, values in pairs:
            for v in values:
                types = own.get(v, _NO_PROPS).get(_TYPE, _EMPTY)
                if cls in types and not isinstance(v, Literal):
                    continue
                if subclasses is None:
                    subclasses = _subclasses(index, cls)[1:]
                if isinstance(v, Literal) or not any(t in types for t in subclasses):
                    yield focus, v

    return check


_NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _node_kind(kind: Node, shape: Node) -> Check:
    kinds = _NODE_KINDS.get(kind)
    if kinds is None:
        raise OntologyError(f"shape {shape}: unknown sh:nodeKind {kind}")

    return _per_value(lambda v: isinstance(v, kinds))


_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def _pattern(pattern: Node, flags: Node | None, shape: Node) -> Check:
    try:
        regex = re.compile(str(pattern), sum(_FLAGS.get(f, 0) for f in str(flags or "")))
    except re.error as exc:
        raise OntologyError(f"shape {shape}: sh:pattern {pattern!s} is not a regular expression ({exc})") from exc
    search = regex.search

    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        for focus, values in pairs:
            for v in values:
                # IRIs and literals are strings (their lexical form): searched as they are, no call per value
                if type(v) is BNode or search(v) is None:  # type: ignore[call-overload]
                    yield focus, v

    return check


def _length(minimum: int | None, maximum: int | None) -> Check:
    def ok(v: Node) -> bool:
        if isinstance(v, BNode):
            return False
        n = len(str(v))
        return (minimum is None or n >= minimum) and (maximum is None or n <= maximum)

    return _per_value(ok)


def _in(members: list[Node]) -> Check:
    return _per_value(set(members).__contains__)


def _has_value(wanted: Node) -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        for focus, values in pairs:
            if wanted not in values:
                yield focus, None

    return check


def _range(bound: Node, holds: Callable[[int], bool]) -> Check:
    """sh:minInclusive and kin, with SHACL's (and pySHACL's) literal ordering; incomparable values fail."""
    bound_is_string = isinstance(bound, Literal) and isinstance(bound.value, str)

    bound_int = bound.value if isinstance(bound, Literal) and type(bound.value) is int else None

    def ok(v: Node) -> bool:
        if not isinstance(v, Literal) or isinstance(v.value, str) != bound_is_string:
            return False
        if bound_int is not None and type(v.value) is int:  # spans and years: plain integers, compared as such
            return holds((v.value > bound_int) - (v.value < bound_int))
        try:
            return holds(compare_literal(v, bound))  # type: ignore[no-untyped-call]
        except (TypeError, NotImplementedError):
            return False

    return _per_value(ok)


def _ordered(node: Node) -> tuple[bool, Any]:
    """(is a string, the thing to compare): IRIs and string literals by their text, other literals as literals."""
    if isinstance(node, URIRef):
        return True, str(node)
    if isinstance(node, Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def _less_than(other: Node, or_equal: bool) -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        own = index.subject_index
        for focus, values in pairs:
            others = own.get(focus, _NO_PROPS).get(other, _EMPTY)
            if len(values) == 1 and len(others) == 1:  # one start, one end: the common case, compared inline
                (v,), (w,) = values, others
                if type(v) is Literal and type(w) is Literal:
                    x, y = v.value, w.value
                    if type(x) is int and type(y) is int:
                        if not (x <= y if or_equal else x < y):
                            yield focus, v
                        continue
            for v in values:
                x = v.value if type(v) is Literal else None
                if type(x) is int:  # spans: integers on both sides, the comparison SHACL defines for them
                    ints = [w.value for w in others if type(w) is Literal and type(w.value) is int]
                    if len(ints) == len(others):
                        for y in ints:
                            if not (x <= y if or_equal else x < y):
                                yield focus, v
                        continue
                v_string, a = _ordered(v)
                for w in others:
                    w_string, b = _ordered(w)
                    try:
                        holds = v_string == w_string and (a <= b if or_equal else a < b)
                    except TypeError:
                        holds = False
                    if not holds:
                        yield focus, v

    return check


def _unique_lang() -> Check:
    def check(index: TripleIndex, pairs: list[tuple[Node, Values]]) -> Iterator[tuple[Node, Node | None]]:
        for focus, values in pairs:
            if len(values) < 2:
                continue
            seen: dict[str, int] = {}
            for v in values:
                if isinstance(v, Literal) and v.language:
                    seen[v.language] = seen.get(v.language, 0) + 1
            for _ in (lang for lang, n in seen.items() if n > 1):
                yield focus, None

    return check


# ------------------------------------------------------------------------------------------------- compiling


def _int(shapes: Graph, shape: Node, param: Node) -> int | None:
    value = shapes.value(shape, param)
    if value is None:
        return None
    if not isinstance(value, Literal) or not isinstance(value.value, int):
        raise OntologyError(f"shape {shape}: {param} must be an integer")
    return int(value.value)


def _checks(shapes: Graph, shape: Node) -> list[Check]:
    value = shapes.value
    checks: list[Check] = []
    low, high = _int(shapes, shape, SH.minCount), _int(shapes, shape, SH.maxCount)
    if low is not None or high is not None:
        checks.append(_count(low, high))
    checks += [_class(canonical(c)) for c in shapes.objects(shape, SH["class"])]
    checks += [_datatype(d) for d in shapes.objects(shape, SH.datatype)]
    checks += [_node_kind(k, shape) for k in shapes.objects(shape, SH.nodeKind)]
    low, high = _int(shapes, shape, SH.minLength), _int(shapes, shape, SH.maxLength)
    if low is not None or high is not None:
        checks.append(_length(low, high))
    checks += [_pattern(p, value(shape, SH.flags), shape) for p in shapes.objects(shape, SH.pattern)]
    for members in shapes.objects(shape, SH["in"]):
        checks.append(_in([canonical(m) for m in _rdf_list(shapes, members, shape)]))
    checks += [_has_value(canonical(v)) for v in shapes.objects(shape, SH.hasValue)]
    comparisons: list[tuple[Node, Callable[[int], bool]]] = [
        (SH.minInclusive, lambda order: order >= 0),
        (SH.maxInclusive, lambda order: order <= 0),
        (SH.minExclusive, lambda order: order > 0),
        (SH.maxExclusive, lambda order: order < 0),
    ]
    for param, holds in comparisons:
        checks += [_range(bound, holds) for bound in shapes.objects(shape, param)]
    checks += [_less_than(canonical(o), False) for o in shapes.objects(shape, SH.lessThan)]
    checks += [_less_than(canonical(o), True) for o in shapes.objects(shape, SH.lessThanOrEquals)]
    if value(shape, SH.uniqueLang) == Literal(True):
        checks.append(_unique_lang())
    return checks


_SUPPORTED = (
    _DESCRIPTIVE
    | _TARGETS
    | {
        SH[name]
        for name in [
            "minCount",
            "maxCount",
            "class",
            "datatype",
            "nodeKind",
            "minLength",
            "maxLength",
            "pattern",
            "in",
            "hasValue",
            "minInclusive",
            "maxInclusive",
            "minExclusive",
            "maxExclusive",
            "lessThan",
            "lessThanOrEquals",
            "uniqueLang",
        ]
    }
)


def _targets(shapes: Graph, shape: Node) -> tuple[Target, ...]:
    """The shape's targets as (kind, node) pairs, in a canonical order so that shapes with the same targets share
    their focus nodes."""
    targets: list[Target] = [("class", canonical(c)) for c in shapes.objects(shape, SH.targetClass)]
    if (shape, RDF.type, RDFS.Class) in shapes:
        targets.append(("class", shape))  # an implicit class target
    targets += [("subjectsOf", canonical(p)) for p in shapes.objects(shape, SH.targetSubjectsOf)]
    targets += [("objectsOf", canonical(p)) for p in shapes.objects(shape, SH.targetObjectsOf)]
    targets += [("node", canonical(n)) for n in shapes.objects(shape, SH.targetNode)]
    return tuple(sorted(set(targets), key=lambda t: (t[0], str(t[1]))))


def _focus_nodes(index: TripleIndex, target: Target) -> Iterable[Node]:
    kind, node = target
    if kind == "class":
        return _instances(index, node)
    if kind == "subjectsOf":
        return index.subjects_of(node)
    if kind == "objectsOf":
        return _unique(index.objects(None, node))
    return (node,)


def _is_shape(shapes: Graph, node: Node) -> bool:
    return (
        (node, RDF.type, SH.NodeShape) in shapes
        or (node, RDF.type, SH.PropertyShape) in shapes
        or any((node, t, None) in shapes for t in _TARGETS)
    )


def compile_shapes(shapes: Graph) -> list[CompiledShape]:
    """The shapes with targets of a shapes graph, compiled; deactivated shapes are left out.

    Raises :class:`OntologyError` for a shape that uses a constraint this engine does not implement."""
    compiled: list[CompiledShape] = []
    candidates = _unique(
        [*shapes.subjects(RDF.type, SH.NodeShape), *shapes.subjects(RDF.type, SH.PropertyShape)]
        + [s for t in _TARGETS for s in shapes.subjects(t, None)]
    )
    for shape in sorted(candidates, key=str):
        if not _is_shape(shapes, shape) or shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        unsupported = sorted(
            {str(p) for p in shapes.predicates(shape, None) if str(p).startswith(str(SH)) and p not in _SUPPORTED}
        )
        if unsupported:
            raise OntologyError(
                f"shape {shape} uses {', '.join(unsupported)}, which the compiled SHACL engine does not implement "
                "(set KG_VALIDATION_ENGINE=pyshacl to validate with pySHACL)"
            )
        path_node = shapes.value(shape, SH.path)
        compiled.append(
            CompiledShape(
                node=shape,
                targets=_targets(shapes, shape),
                path_node=canonical(path_node) if path_node is not None else None,
                path=None if path_node is None else _path(shapes, path_node, shape),
                checks=tuple(_checks(shapes, shape)),
                severity=shapes.value(shape, SH.severity) or SH.Violation,
            )
        )
    return compiled


def run(shapes: list[CompiledShape], data: TripleIndex) -> list[RawResult]:
    """Every result of the compiled shapes on ``data``."""
    results: list[RawResult] = []
    # shapes share targets (a dozen look at every kg:Evidence): find each target's focus nodes once
    found: dict[tuple[Target, ...], list[Node]] = {}
    for shape in shapes:
        if not shape.checks or not shape.targets:
            continue
        focus_nodes = found.get(shape.targets)
        if focus_nodes is None:
            if len(shape.targets) == 1:
                focus_nodes = list(_focus_nodes(data, shape.targets[0]))
            else:
                focus_nodes = _unique(n for t in shape.targets for n in _focus_nodes(data, t))
            found[shape.targets] = focus_nodes
        if not focus_nodes:
            continue
        path = shape.path
        if path is None:
            pairs: list[tuple[Node, Values]] = [(f, (f,)) for f in focus_nodes]
        elif isinstance(shape.path_node, URIRef):  # a plain predicate: read the index inline, once per focus node
            own, predicate = data.subject_index, shape.path_node
            pairs = [(f, own.get(f, _NO_PROPS).get(predicate, _EMPTY)) for f in focus_nodes]
        else:
            pairs = [(f, path(data, f)) for f in focus_nodes]
        for check in shape.checks:
            for focus, value in check(data, pairs):
                results.append(RawResult(focus, shape.node, shape.path_node, value, shape.severity))
    return results
