"""spaCy pipelines and word segmentation, loaded once per process.

The extraction rules scan whole texts with compiled regular expressions (tens of MB/s) and ask for word boundaries
only in short windows where a rule needs them (the left edge of an institution name, a person name next to a cue):
segmenting every sentence with jieba (~1.2 MB/s) or tagging it (~0.25 MB/s) would miss the 1 MB/s target.

``pipeline(lang, model)`` gives a blank ``zh`` (jieba segmenter) or ``en`` pipeline with an EntityRuler built from the
gazetteer, or a trained pipeline by name or path; when a trained pipeline is given its PERSON/ORG entities are
offered to the rules as extra candidates (see ``model_entities``). Nothing is downloaded at run time.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import jieba

from ingest.gazetteers import load_gazetteer

jieba.setLogLevel(logging.WARNING)

#: gazetteer types as EntityRuler labels
_RULER_LABELS = {"Journal": "JOURNAL", "Award": "AWARD", "Institution": "ORG", "Funder": "FUNDER"}


@lru_cache(maxsize=1)
def _jieba_ready() -> bool:
    jieba.initialize()
    return True


@lru_cache(maxsize=65536)
def words(window: str) -> tuple[str, ...]:
    """The jieba words of a short window of Chinese text (no HMM, so unknown names stay split into characters)."""
    _jieba_ready()
    return tuple(jieba.cut(window, HMM=False))


def words_freq(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` as a word (0 when unknown): common words are not names."""
    _jieba_ready()
    return int(jieba.dt.FREQ.get(word) or 0)


def _word_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (None for a word it does not know)."""
    import jieba.posseg

    tag: str | None = jieba.posseg.dt.word_tag_tab.get(word)
    return tag


def tagged_person(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as a person's name (王平, 李强): a common word that is also a name.
    The tags are loose (周转 is tagged so too), so a rule asks this only where a cue word says a name follows."""
    return _word_tag(word) in {"nr", "nrfg"}


def tagged_verb(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as a verb (支持, 祝贺): before a title it is what is done to a
    person, not a name."""
    return _word_tag(word) in {"v", "vn", "vd"}


def tagged_noun(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` as a common noun (土壤, 能源): a field, not a place or a person."""
    return _word_tag(word) in {"n", "nz"}


@lru_cache(maxsize=4)
def pipeline(lang: str, model: str | None = None) -> Any:
    """A spaCy pipeline for ``lang``: ``model`` (a package name or a path) if given, else a blank one with rules.

    The blank Chinese pipeline segments with jieba; both get an EntityRuler whose patterns are the gazetteer's
    surface forms, so ``pipeline(...)(text).ents`` shows gazetteer hits to anyone who wants spaCy docs.
    """
    import spacy

    if model:
        return spacy.load(model)
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER" if lang == "en" else "ORTH"})
    patterns = [
        {"label": _RULER_LABELS[entry.type], "pattern": form, "id": entry.name}
        for form, entry in load_gazetteer().surface_forms()
        if entry.type in _RULER_LABELS
    ]
    ruler.add_patterns(patterns)
    return nlp


def model_entities(text: str, lang: str, model: str | None) -> list[tuple[int, int, str]]:
    """(start, end, label) of PERSON and ORG entities a trained pipeline finds; nothing without a model."""
    if not model:
        return []
    doc = pipeline(lang, model)(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in {"PERSON", "PER", "ORG"}]
