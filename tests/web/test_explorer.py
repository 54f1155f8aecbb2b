"""The explorer in a real headless Chromium, over the real app and a LadybugDB store holding the sample newsletter.

Names and ids are read from the store the page is served from, never written into the tests: the page must work for
whatever the extractors find.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def node_count(page) -> int:
    return page.evaluate("() => window.explorer.cy.nodes().length")


def draws(page) -> int:
    """How many network requests the page has finished."""
    return page.evaluate("() => window.explorer.state.draws")


def wait_for_redraw(page, before: int) -> None:
    """Until a network request started after ``before`` draws has been answered and drawn."""
    page.wait_for_function("n => window.explorer.state.draws > n", arg=before)


def chinese_institution(store) -> str:
    """The best-connected institution of the sample with a Chinese name."""
    names = [n.name for n in store.stats(top=50).top_institutions if CJK.search(n.name)]
    assert names, "the sample should yield Chinese institutions"
    return names[0]


def collaborating_researcher(store) -> tuple[str, str]:
    """A researcher with a collaborator (ids of both), from the store's collaboration graph."""
    edges = store.collaboration(level="researcher").edges
    assert edges, "the sample should yield collaborations"
    return edges[0].source, edges[0].target


def focus(page, explorer, entity_id: str) -> None:
    """Open the explorer on an entity through its address (#entity=...), as a shared link would."""
    page.goto(f"{explorer.url}/#entity={entity_id}")
    page.reload()  # a hash change alone does not reload the page
    page.wait_for_function(
        "id => window.explorer.state.centre === id && document.querySelector('#graph-status').dataset.nodes"
        " && window.explorer.cy.getElementById(id).length === 1",
        arg=entity_id,
    )
    page.wait_for_selector("[data-testid=entity-name]")


def click_node(page, entity_id: str) -> None:
    """A real mouse click on a node where Cytoscape drew it."""
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("id => window.explorer.cy.getElementById(id).renderedPosition()", entity_id)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def test_explorer_loads_offline_without_console_errors(page, console, explorer) -> None:
    assert node_count(page) > 1
    assert page.locator("[data-testid=entity-name]").inner_text().strip()
    assert page.locator("#legend li").count() == 6
    # every request stayed on the app's own origin: nothing from a CDN
    foreign = [u for u in console.requests if not u.startswith((explorer.url, "data:", "blob:"))]
    assert foreign == []
    # Chinese is drawn with a CJK font (fonts-noto-cjk), not as boxes
    assert page.evaluate("() => document.fonts.check('16px \"Noto Sans CJK SC\"', '机构')")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    assert console.errors == []


def test_explorer_search_suggests_a_chinese_institution_and_draws_it(page, console, explorer) -> None:
    name = chinese_institution(explorer.store)
    before = draws(page)
    page.locator("#search").press_sequentially(name[:4], delay=30)
    suggestion = page.locator("#suggestions li[data-id]", has_text=name).first
    suggestion.wait_for()
    institution_id = suggestion.get_attribute("data-id")
    suggestion.click()
    wait_for_redraw(page, before)

    assert name in page.locator("#graph-status").inner_text()
    drawn = page.evaluate(
        "id => { const n = window.explorer.cy.getElementById(id);"
        " return n.length && [n.data('label'), n.hasClass('centre')] }",
        institution_id,
    )
    assert drawn == [name, True]
    page.wait_for_function("n => document.querySelector('[data-testid=entity-name]').textContent === n", arg=name)
    page.screenshot(path=str(ARTIFACTS / "explorer-search.png"))
    assert console.errors == []


def test_explorer_click_on_a_node_shows_its_evidence_sentence(page, console, explorer) -> None:
    centre, other = collaborating_researcher(explorer.store)
    focus(page, explorer, centre)
    click_node(page, other)
    detail = explorer.store.entity(other)
    page.wait_for_function(
        "n => document.querySelector('[data-testid=entity-name]').textContent === n", arg=detail.node.name
    )

    stored = {ev.sentence for edge in detail.edges for ev in edge.evidence}
    shown = page.locator(".evidence .sentence").all_inner_texts()
    assert shown and set(shown) <= stored
    assert page.locator("[data-testid=metrics]").count() == 1  # degree, betweenness, community of the node

    # the evidence links to its news item, shown in the panel with the evidence span marked
    link = page.locator(".evidence .item-link").first
    assert re.fullmatch(r"/items/item-[0-9a-f]+", link.get_attribute("href"))
    link.click()
    item = page.locator("[data-testid=item-view]")
    item.wait_for()
    marked = item.locator("mark").inner_text()
    assert marked and any(marked in sentence for sentence in stored)

    # the items that mention the entity are listed too, and open in the same place
    titles = {i.title for i in detail.items}
    page.locator(".items a").last.click()
    page.wait_for_function("() => !document.querySelector('[data-testid=item-view] mark')")
    assert item.locator("h3").inner_text() in titles
    assert console.errors == []


def test_explorer_type_filter_changes_the_drawing(page, console, explorer) -> None:
    centre, _ = collaborating_researcher(explorer.store)
    focus(page, explorer, centre)
    before_count = node_count(page)
    types = page.evaluate("() => window.explorer.cy.nodes().map(n => n.data('type'))")
    assert "Institution" in types

    before = draws(page)
    page.locator("input[data-type=Institution]").uncheck()
    wait_for_redraw(page, before)
    after = page.evaluate("() => window.explorer.cy.nodes().map(n => n.data('type'))")
    assert len(after) < before_count
    assert set(after) == {"Researcher"}
    assert page.locator("#graph-status").get_attribute("data-nodes") == str(len(after))
    assert console.errors == []


def test_explorer_date_range_requeries(page, console, explorer) -> None:
    centre, _ = collaborating_researcher(explorer.store)
    focus(page, explorer, centre)
    assert node_count(page) > 1
    before = draws(page)
    page.locator("#since").fill("2099-01-01")
    page.locator("#apply").click()
    wait_for_redraw(page, before)
    # nothing in the sample is dated that late: only the centre is left
    assert page.evaluate("() => window.explorer.cy.nodes().map(n => n.id())") == [centre]
    assert console.errors == []


def test_explorer_exports_png_graphml_and_csv(page, console, explorer) -> None:
    with page.expect_download() as png:
        page.locator("#export-png").click()
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    centre = page.evaluate("() => window.explorer.state.centre")
    for fmt, marker in (("graphml", "<graphml"), ("csv", ",")):
        href = page.locator(f"#export-{fmt}").get_attribute("href")
        assert f"around={centre}" in href
        response = page.request.get(explorer.url + href)
        assert response.ok, response.status
        assert marker in response.text()
    assert console.errors == []
