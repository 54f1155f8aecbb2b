"""Fixtures of the API tests: a small fictional graph written into each real store, and an app over it.

The graph (people and institutions invented for the tests): two items, one Chinese and one English.

- item 1 (zh, 2025-03-10): 林晓风 (青川大学物理学院, part of 青川大学) and 周明远 (海岳研究所) publish 量子材料的新相 in
  《自然》(Nature, ISSN-L 0028-0836), funded by 国家自然科学基金委员会; the two researchers and the two institutions
  collaborate.
- item 2 (en, 2024-11-02): Anna Berglund (Northwind University) and Lin Xiaofeng (an alias of 林晓风) receive the
  Aurora Prize in 2024 and collaborate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from kg.ids import batch_id, entity_id, item_id
from kg.model import Entity, Evidence, Extraction, ImportBatch, Mention, NewsItem, Relation
from kg.settings import Settings

CURATOR_KEY = "curator-test-key-1"
OTHER_KEY = "curator-test-key-2"
ORIGIN = "https://explorer.example"

ZH_TEXT = (
    "青川大学物理学院的林晓风教授与海岳研究所的周明远研究员合作，在《自然》（Nature）上发表论文《量子材料的新相》。"
    "该研究获得国家自然科学基金委员会资助。"
)
EN_TEXT = "Anna Berglund of Northwind University and Lin Xiaofeng received the Aurora Prize in 2024 for their work."


@dataclass(frozen=True)
class Ids:
    """Ids of the test graph, derived the way ingest derives them."""

    lin: str = entity_id("Researcher", "林晓风")
    zhou: str = entity_id("Researcher", "周明远")
    anna: str = entity_id("Researcher", "Anna Berglund")
    physics: str = entity_id("Institution", "青川大学物理学院")
    qingchuan: str = entity_id("Institution", "青川大学")
    haiyue: str = entity_id("Institution", "海岳研究所")
    northwind: str = entity_id("Institution", "Northwind University")
    nature: str = entity_id("Journal", "自然")
    paper: str = entity_id("Publication", "量子材料的新相")
    nsfc: str = entity_id("Funder", "国家自然科学基金委员会")
    aurora: str = entity_id("Award", "Aurora Prize")
    item_zh: str = item_id("青川大学在量子材料研究中取得进展", ZH_TEXT)
    item_en: str = item_id("Northwind and Qingchuan researchers share the Aurora Prize", EN_TEXT)


IDS = Ids()


def _record(
    item: NewsItem, entities: list[tuple[str, str, str, list[str], dict[str, str]]], facts: list[tuple]
) -> Extraction:
    """One extraction: entities as (id, type, name, aliases, identifiers) found by their first surface form in the text,
    facts as (subject, predicate, object, role, year, evidence span text)."""
    text = item.text
    built = []
    for eid, etype, name, aliases, identifiers in entities:
        forms = [f for f in (name, *aliases) if f in text]
        mentions = [Mention(start=text.index(f), end=text.index(f) + len(f), text=f) for f in forms]
        built.append(Entity(id=eid, type=etype, name=name, aliases=aliases, identifiers=identifiers, mentions=mentions))
    relations = []
    for subject, predicate, obj, role, year, span in facts:
        start = text.index(span)
        evidence = Evidence(item_id=item.id, item_date=item.date, start=start, end=start + len(span), sentence=text)
        relations.append(
            Relation(subject=subject, predicate=predicate, object=obj, role=role, year=year, evidence=evidence)
        )
    return Extraction(item=item, entities=built, relations=relations)


def sample_records() -> list[Extraction]:
    """The two items of the test graph as extraction records."""
    i = IDS
    zh = NewsItem(
        id=i.item_zh,
        title="青川大学在量子材料研究中取得进展",
        text=ZH_TEXT,
        date="2025-03-10",
        source="来源：测试报",
        lang="zh",
    )
    en = NewsItem(
        id=i.item_en,
        title="Northwind and Qingchuan researchers share the Aurora Prize",
        text=EN_TEXT,
        date="2024-11-02",
        lang="en",
    )
    zh_record = _record(
        zh,
        [
            (i.lin, "Researcher", "林晓风", [], {}),
            (i.zhou, "Researcher", "周明远", [], {}),
            (i.physics, "Institution", "青川大学物理学院", [], {}),
            (i.qingchuan, "Institution", "青川大学", [], {}),
            (i.haiyue, "Institution", "海岳研究所", [], {}),
            (i.nature, "Journal", "自然", ["Nature"], {"issn_l": "0028-0836", "wikidata": "Q180445"}),
            (i.paper, "Publication", "量子材料的新相", [], {}),
            (i.nsfc, "Funder", "国家自然科学基金委员会", [], {"crossref_funder": "501100001809"}),
        ],
        [
            (i.lin, "affiliatedWith", i.physics, None, None, "青川大学物理学院的林晓风教授"),
            (i.zhou, "affiliatedWith", i.haiyue, None, None, "海岳研究所的周明远研究员"),
            (i.physics, "partOf", i.qingchuan, None, None, "青川大学物理学院"),
            (i.lin, "authorOf", i.paper, "corresponding", None, "林晓风教授"),
            (i.zhou, "authorOf", i.paper, "co-author", None, "周明远研究员"),
            (i.paper, "publishedIn", i.nature, None, None, "在《自然》（Nature）上发表论文《量子材料的新相》"),
            (i.paper, "fundedBy", i.nsfc, None, None, "该研究获得国家自然科学基金委员会资助"),
            (i.lin, "collaboratedWith", i.zhou, None, None, "林晓风教授与海岳研究所的周明远研究员合作"),
            (i.physics, "collaboratedWith", i.haiyue, None, None, "青川大学物理学院的林晓风教授与海岳研究所"),
        ],
    )
    en_record = _record(
        en,
        [
            (i.anna, "Researcher", "Anna Berglund", [], {}),
            (i.lin, "Researcher", "林晓风", ["Lin Xiaofeng"], {}),
            (i.northwind, "Institution", "Northwind University", [], {}),
            (i.aurora, "Award", "Aurora Prize", [], {}),
        ],
        [
            (i.anna, "affiliatedWith", i.northwind, None, None, "Anna Berglund of Northwind University"),
            (
                i.anna,
                "received",
                i.aurora,
                None,
                2024,
                "Anna Berglund of Northwind University and Lin Xiaofeng received",
            ),
            (i.lin, "received", i.aurora, None, 2024, "Lin Xiaofeng received the Aurora Prize in 2024"),
            (i.anna, "collaboratedWith", i.lin, None, None, "Anna Berglund of Northwind University and Lin Xiaofeng"),
        ],
    )
    return [zh_record, en_record]


def load(store: object, records: list[Extraction], salt: str = "api-tests") -> ImportBatch:
    """Write records into a store as one committed batch."""
    batch = ImportBatch(
        id=batch_id([r.item.id for r in records], salt=salt),
        created_at=datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        sources=["tests/api/conftest.py"],
        status="committed",
        counts={"items": len(records)},
    )
    return store.apply(batch, records).batch  # type: ignore[attr-defined]


def make_settings(tmp_path, **overrides: object) -> Settings:
    """Settings for a test app: two curator keys, a CORS origin, a small upload limit, a generous rate limit."""
    values: dict[str, object] = {
        "data_dir": tmp_path / "data",
        "api_keys": [SecretStr(CURATOR_KEY), SecretStr(OTHER_KEY)],
        "cors_origins": [ORIGIN],
        "max_upload_bytes": 64 * 1024,
        "rate_limit": 10_000,
        "query_timeout": 10.0,
        "query_row_limit": 1000,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def ids() -> Ids:
    """Ids of the test graph."""
    return IDS


@pytest.fixture
def loaded_store(store: object) -> object:
    """Each real store (the ``store`` fixture), holding the test graph."""
    load(store, sample_records())
    return store


@pytest.fixture
def api_settings(tmp_path) -> Settings:
    """Settings of the test app."""
    return make_settings(tmp_path)


@pytest.fixture
def make_client(loaded_store: object, tmp_path) -> Iterator[Callable[..., TestClient]]:
    """``make_client(**settings overrides)``: a client of an app with other settings over the loaded store."""
    clients: list[TestClient] = []

    def build(**overrides: object) -> TestClient:
        test_client = TestClient(create_app(loaded_store, make_settings(tmp_path, **overrides)))  # type: ignore[arg-type]
        clients.append(test_client.__enter__())
        return test_client

    yield build
    for test_client in clients:
        test_client.__exit__(None, None, None)


@pytest.fixture
def origin() -> str:
    """The CORS origin the test app allows."""
    return ORIGIN


@pytest.fixture
def client(loaded_store: object, api_settings: Settings) -> Iterator[TestClient]:
    """Real HTTP (ASGI) against the app over a loaded real store."""
    with TestClient(create_app(loaded_store, api_settings)) as test_client:  # type: ignore[arg-type]
        yield test_client


@pytest.fixture
def keys() -> tuple[str, str]:
    """The two curator keys the test app accepts."""
    return (CURATOR_KEY, OTHER_KEY)


@pytest.fixture
def curator() -> dict[str, str]:
    """Headers of an authorised curator."""
    return {"Authorization": f"Bearer {CURATOR_KEY}"}


def check_problem(response, status: int, code: str | None = None) -> dict:
    """Assert the RFC 9457 shape of an error response and return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("/problems/")
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["instance"] == response.request.url.path
    if code is not None:
        assert body["type"] == f"/problems/{code}"
    return body


@pytest.fixture
def problem():
    """``problem(response, status, code=None)`` asserts the problem+json shape and returns the body."""
    return check_problem
