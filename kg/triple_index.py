"""A plain in-memory set of RDF triples, indexed by subject and by predicate–object.

It offers the reading methods of :class:`rdflib.Graph` that validation and the curator's report use (``triples``,
``objects``, ``subjects``, ``value``, ``subject_objects``, ``in``, ``len``) with the same terms (rdflib ``URIRef`` and
``Literal``), at a fraction of the cost of adding to a Graph: rdflib's Memory store keeps three indexes, a context
index and an event per triple, which cost ~10 µs per triple added, more than checking the shapes on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from rdflib import Graph, Literal
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
#: the objects of one (subject, predicate): iterate, ``len`` and ``in`` only
Objects = tuple[Node, ...] | dict[Node, None]


class TripleIndex:
    """A set of triples: subject → predicate → objects, and predicate → object → subjects (IRIs and blank nodes only;
    no lookup asks for the subjects of a literal, and hashing a literal costs several times hashing an IRI)."""

    __slots__ = ("_spo", "_pos", "_pending", "_size")

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        # objects of one (subject, predicate): a 1-tuple, or a dict used as an ordered set once there are two
        self._spo: dict[Node, dict[Node, Objects]] = {}
        self._pos: dict[Node, dict[Node, dict[Node, None]]] = {}
        # (subject, object) pairs of predicates nobody has looked up by object yet: most predicates (names, spans,
        # sentences) never are, so their object index is built only when first asked for
        self._pending: dict[Node, list[tuple[Node, Node]]] = {}
        self._size = 0
        self.add_all(triples)

    @classmethod
    def of(cls, graph: Graph | TripleIndex) -> TripleIndex:
        """The index of a graph (an index is returned as it is)."""
        return graph if isinstance(graph, TripleIndex) else cls(graph)

    def add_all(self, triples: Iterable[Triple]) -> None:
        """Add triples (duplicates are kept once)."""
        spo, pos, pending = self._spo, self._pos, self._pending
        added = 0
        for s, p, o in triples:
            by_p = spo.get(s)
            if by_p is None:
                spo[s] = {p: (o,)}
            else:
                objects = by_p.get(p)
                if objects is None:
                    by_p[p] = (o,)
                elif o in objects:
                    continue
                elif type(objects) is tuple:
                    # most (subject, predicate) pairs hold one object: a tuple, until a second one comes
                    by_p[p] = {objects[0]: None, o: None}
                else:
                    objects[o] = None  # type: ignore[index]
            added += 1
            by_o = pos.get(p)
            if by_o is not None:
                _index_object(by_o, s, o)
                continue
            queue = pending.get(p)
            if queue is None:
                pending[p] = [(s, o)]
            else:
                queue.append((s, o))
        self._size += added

    def _by_object(self, predicate: Node) -> dict[Node, dict[Node, None]]:
        by_o = self._pos.get(predicate)
        if by_o is None:
            by_o = self._pos[predicate] = {}
            for s, o in self._pending.pop(predicate, ()):
                _index_object(by_o, s, o)
        return by_o

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Triple]:
        for s, by_p in self._spo.items():
            for p, objects in by_p.items():
                for o in objects:
                    yield s, p, o

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._spo.get(s, _EMPTY).get(p, _EMPTY)

    @property
    def subject_index(self) -> dict[Node, dict[Node, Objects]]:
        """subject → predicate → objects, for loops that read many nodes' own triples (read-only)."""
        return self._spo

    def predicates_of(self, node: Node) -> dict[Node, Objects]:
        """The node's own triples, predicate → objects (read-only; an empty dict for an unknown node)."""
        return self._spo.get(node, _EMPTY)

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """Objects of the triples matching (subject, predicate, *); either may be None for any."""
        if subject is not None:
            by_p = self._spo.get(subject, _EMPTY)
            if predicate is not None:
                yield from by_p.get(predicate, _EMPTY)
                return
            for objects in by_p.values():
                yield from objects
            return
        for _, _, o in self.triples((None, predicate, None)):
            yield o

    def subjects(self, predicate: Node | None = None, obj: Node | None = None) -> Iterator[Node]:
        """Subjects of the triples matching (*, predicate, obj), each once per triple."""
        if predicate is not None and obj is not None and not isinstance(obj, Literal):
            yield from self._by_object(predicate).get(obj, _EMPTY)
            return
        for s, _, _ in self.triples((None, predicate, obj)):
            yield s

    def subjects_of(self, predicate: Node) -> list[Node]:
        """Every subject with at least one ``predicate`` triple, once each."""
        by_o = self._by_object(predicate)
        if not by_o:
            return []
        if len(by_o) == 1:
            return list(next(iter(by_o.values())))
        return list(dict.fromkeys(s for subjects in by_o.values() for s in subjects))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of (subject, predicate, *), or None."""
        objects: Objects = self._spo.get(subject, _EMPTY).get(predicate, _EMPTY)
        return next(iter(objects), None)

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        """(subject, object) of every ``predicate`` triple."""
        for s, _, o in self.triples((None, predicate, None)):
            yield s, o

    def triples(self, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator[Triple]:
        """The triples matching a pattern, None standing for any term (as :meth:`rdflib.Graph.triples`)."""
        s, p, o = pattern
        spo = self._spo
        if s is not None:
            by_p = spo.get(s, _EMPTY)
            for pred, objects in by_p.items() if p is None else ((p, by_p.get(p, _EMPTY)),):
                if o is None:
                    for obj in objects:
                        yield s, pred, obj
                elif o in objects:
                    yield s, pred, o
            return
        if p is not None:
            by_o = self._by_object(p)
            if o is not None and not isinstance(o, Literal):
                for subj in by_o.get(o, _EMPTY):
                    yield subj, p, o
                return
            if o is None:
                for key, subjects in by_o.items():
                    if key is not _LITERALS:
                        for subj in subjects:
                            yield subj, p, key
            # literal objects are found through their subjects
            for subj in by_o.get(_LITERALS, _EMPTY):
                for obj in spo[subj][p]:
                    if isinstance(obj, Literal) and (o is None or obj == o):
                        yield subj, p, obj
            return
        for triple in self:
            if o is None or triple[2] == o:
                yield triple


def _index_object(by_o: dict[Node, dict[Node, None]], s: Node, o: Node) -> None:
    key = _LITERALS if isinstance(o, Literal) else o  # literals are kept per predicate, not by value
    subjects = by_o.get(key)
    if subjects is None:
        by_o[key] = {s: None}
    else:
        subjects[s] = None


class _LiteralsKey:
    """The key under which a predicate's subjects with literal objects are kept."""

    __slots__ = ()


#: typed as a node: it is only ever a key of a predicate's object index, next to the objects themselves
_LITERALS: Node = cast(Node, _LiteralsKey())
_EMPTY: dict[Any, Any] = {}
