"""Scoring of an extraction against a gold annotation, as ``/work/shared/eval/README.md`` describes it.

1. Items are aligned one-to-one by title (normalised titles that contain one another, or similarity >= 0.6), best
   pairs first; a gold item left unaligned counts all its facts as missed, a predicted item left unaligned counts
   neither way (the gold annotates only part of a newsletter).
2. Entities match when the type is equal (or in the gold entity's ``alt_types``) and some normalised form (name or
   alias) is equal; Publication titles match at similarity >= 0.9. Matching is one-to-one; a prediction matching an
   optional gold entity, or one whose own type is not scored, counts neither way.
3. A relation counts when the predicate is equal and both ends are matched to the ends of a gold relation
   (symmetric for collaboratedWith); optional or extended gold relations count neither way.
4. Precision, recall and F1 are micro-averaged over the items per type, per predicate and overall.

Predictions are plain dicts in the ``kg extract --format json`` shape, so any system's output can be scored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from kg.ids import normalize_name
from kg.model import ENTITY_TYPES, PREDICATES, SYMMETRIC_PREDICATES

TITLE_SIMILARITY = 0.6
PUBLICATION_SIMILARITY = 0.9
_TITLE_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
_SPACE_NEXT_TO_NON_LATIN = re.compile(r"\s+(?=[^\sA-Za-z0-9])|(?<=[^\sA-Za-z0-9])\s+")
_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·"})


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type or predicate."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Add another table's counts (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rounded scores, JSON-ready."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """The scores, plus what was missed and invented, for reading the errors."""

    entities: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in ENTITY_TYPES})
    relations: dict[str, Counts] = field(default_factory=lambda: {p: Counts() for p in PREDICATES})
    aligned: list[tuple[str, str]] = field(default_factory=list)
    unaligned_gold: list[str] = field(default_factory=list)
    #: gold items that name no Researcher, with the Researchers the prediction invented there
    invented_researchers: dict[str, list[str]] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)

    def total(self, table: Mapping[str, Counts]) -> Counts:
        """Micro-average over one table."""
        out = Counts()
        for counts in table.values():
            out.add(counts)
        return out

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        overall = self.total(self.entities)
        overall.add(self.total(self.relations))
        return {
            "entities": {t: c.as_dict() for t, c in self.entities.items()},
            "relations": {p: c.as_dict() for p, c in self.relations.items()},
            "entities_overall": self.total(self.entities).as_dict(),
            "relations_overall": self.total(self.relations).as_dict(),
            "overall": overall.as_dict(),
            "items": {"aligned": len(self.aligned), "unaligned_gold": self.unaligned_gold},
            "researchers_in_items_naming_none": self.invented_researchers,
            "errors": self.errors,
        }


def normalize_title(title: str) -> str:
    """NFKC, lower case, whitespace and punctuation removed."""
    return _TITLE_NOISE.sub("", unicodedata.normalize("NFKC", title).casefold())


def normalize_form(form: str) -> str:
    """The normalised form entity names are compared in (ids' normalisation, plus spacing next to CJK and dots)."""
    text = normalize_name(form).translate(_DOTS)
    return _SPACE_NEXT_TO_NON_LATIN.sub("", text)


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def align_items(gold_titles: list[str], predicted_titles: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best pairs first."""
    gold_norm = [normalize_title(t) for t in gold_titles]
    pred_norm = [normalize_title(t) for t in predicted_titles]
    candidates: list[tuple[float, float, int, int]] = []
    for gi, g in enumerate(gold_norm):
        for pi, p in enumerate(pred_norm):
            if not g or not p:
                continue
            ratio = _similarity(g, p)
            contains = g in p or p in g
            if contains or ratio >= TITLE_SIMILARITY:
                candidates.append((1.0 if contains else 0.0, ratio, gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class _GoldEntity:
    type: str
    name: str
    forms: set[str]
    alt_types: tuple[str, ...]
    optional: bool


def _gold_entities(item: Mapping[str, Any]) -> list[_GoldEntity]:
    out = []
    for etype, entities in item.get("entities", {}).items():
        for e in entities:
            forms = {normalize_form(f) for f in [e["name"], *e.get("aliases", [])] if f}
            out.append(_GoldEntity(etype, e["name"], forms, tuple(e.get("alt_types", ())), bool(e.get("optional"))))
    return out


def _forms(entity: Mapping[str, Any]) -> set[str]:
    return {normalize_form(f) for f in [entity["name"], *entity.get("aliases", [])] if f}


def _forms_match(etype: str, pred: set[str], gold: set[str]) -> bool:
    if pred & gold:
        return True
    if etype == "Publication":
        return any(_similarity(p, g) >= PUBLICATION_SIMILARITY for p in pred for g in gold)
    return False


def _match_entities(
    gold: list[_GoldEntity], predicted: list[Mapping[str, Any]]
) -> tuple[dict[str, int], list[Mapping[str, Any]]]:
    """Map predicted entity id -> gold index, one-to-one; exact types first, then alternative types."""
    matched: dict[str, int] = {}
    taken: set[int] = set()
    unmatched: list[Mapping[str, Any]] = []
    forms = {p["id"]: _forms(p) for p in predicted}
    pending = list(predicted)
    for use_alt in (False, True):
        rest = []
        for p in pending:
            hit = None
            for gi, g in enumerate(gold):
                type_ok = (p["type"] in g.alt_types) if use_alt else (p["type"] == g.type)
                if type_ok and _forms_match(p["type"], forms[p["id"]], g.forms) and gi not in taken:
                    hit = gi
                    break
            if hit is None:
                rest.append(p)
            else:
                taken.add(hit)
                matched[p["id"]] = hit
        pending = rest
    # a repeated prediction of an entity already matched counts neither way
    for p in pending:
        again = next(
            (
                gi
                for gi in taken
                if (p["type"] == gold[gi].type or p["type"] in gold[gi].alt_types)
                and _forms_match(p["type"], forms[p["id"]], gold[gi].forms)
            ),
            None,
        )
        if again is None:
            unmatched.append(p)
        else:
            matched[p["id"]] = again
    return matched, unmatched


def _relation_key(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    if predicate in SYMMETRIC_PREDICATES:
        a, b = sorted((subject, obj))
        return (a, predicate, b)
    return (subject, predicate, obj)


def _gold_relations(item: Mapping[str, Any]) -> list[tuple[tuple[str, str, str], bool]]:
    out = []
    for r in item.get("relations", []):
        if isinstance(r, list | tuple):
            subject, predicate, obj = r[:3]
            counted = True
        else:
            subject, predicate, obj = r["subject"], r["predicate"], r["object"]
            counted = not r.get("optional") and r.get("scope", "core") != "extended"
        out.append((_relation_key(normalize_form(subject), predicate, normalize_form(obj)), counted))
    return out


def score_item(gold_item: Mapping[str, Any], predicted_item: Mapping[str, Any], report: Report) -> None:
    """Add the counts of one aligned pair of items to the report."""
    gold = _gold_entities(gold_item)
    predicted = [e for e in predicted_item.get("entities", []) if e.get("type") in ENTITY_TYPES]
    matched, unmatched = _match_entities(gold, predicted)
    seen_gold: set[int] = set()
    for gi in matched.values():
        g = gold[gi]
        if gi in seen_gold:
            continue
        seen_gold.add(gi)
        if g.type in report.entities and not g.optional:
            report.entities[g.type].tp += 1
    for p in unmatched:
        report.entities[p["type"]].fp += 1
        report.errors.append({"item": gold_item.get("id", ""), "kind": "fp", "type": p["type"], "name": p["name"]})
    for gi, g in enumerate(gold):
        if gi not in seen_gold and g.type in report.entities and not g.optional:
            report.entities[g.type].fn += 1
            report.errors.append({"item": gold_item.get("id", ""), "kind": "fn", "type": g.type, "name": g.name})

    if not any(g.type == "Researcher" and not g.optional for g in gold):
        invented = [p["name"] for p in predicted if p["type"] == "Researcher" and p["id"] not in matched]
        if invented:
            report.invented_researchers[gold_item.get("id", gold_item.get("title", ""))] = invented

    gold_rel = _gold_relations(gold_item)
    names = {pid: normalize_form(gold[gi].name) for pid, gi in matched.items()}
    written = {e.get("id"): e.get("name", "") for e in predicted_item.get("entities", [])}
    found: set[tuple[str, str, str]] = set()
    for r in predicted_item.get("relations", []):
        predicate = r["predicate"]
        if predicate not in report.relations:
            continue
        s, o = names.get(r["subject"]), names.get(r["object"])
        hit = None
        if s is not None and o is not None:
            key = _relation_key(s, predicate, o)
            hit = next((counted for k, counted in gold_rel if k == key), None)
        if hit is None:
            report.relations[predicate].fp += 1
            report.errors.append(
                {
                    "item": gold_item.get("id", ""),
                    "kind": "fp",
                    "type": predicate,
                    "name": f"{written.get(r['subject'], r['subject'])} -> {written.get(r['object'], r['object'])}",
                }
            )
        elif hit:
            key = _relation_key(s or "", predicate, o or "")
            if key not in found:
                found.add(key)
                report.relations[predicate].tp += 1
    for key, counted in gold_rel:
        if counted and key not in found and key[1] in report.relations:
            report.relations[key[1]].fn += 1
            report.errors.append(
                {"item": gold_item.get("id", ""), "kind": "fn", "type": key[1], "name": f"{key[0]} -> {key[2]}"}
            )


def score(gold: Mapping[str, Any], predicted_items: Iterable[Mapping[str, Any]]) -> Report:
    """Score predicted items (``kg extract`` JSON shape) against a gold annotation (``dev_gold.json`` shape)."""
    gold_items = list(gold.get("items", []))
    predicted = list(predicted_items)
    report = Report()
    pairs = align_items([g["title"] for g in gold_items], [p.get("title", "") for p in predicted])
    aligned = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        report.aligned.append((gold_items[gi].get("id", ""), predicted[pi].get("id", "")))
        score_item(gold_items[gi], predicted[pi], report)
    for gi, g in enumerate(gold_items):
        if gi in aligned:
            continue
        report.unaligned_gold.append(g.get("id", g["title"]))
        score_item(g, {"entities": [], "relations": []}, report)
    return report
