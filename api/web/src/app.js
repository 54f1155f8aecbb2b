// The explorer: search → network around an entity → panel with details, analytics and evidence; filters re-query.
import { getJSON, url } from "./api.js";
import { h, replace } from "./dom.js";
import { createGraph } from "./graph.js";
import { renderEntity, renderError, renderItem } from "./panel.js";
import { DEFAULT_TYPES, TYPES } from "./types.js";

const state = {
  centre: null, // the entity the network is drawn around
  centreName: "",
  selected: null, // the entity shown in the panel
  types: new Set(DEFAULT_TYPES),
  depth: 2,
  since: "",
  until: "",
  draws: 0, // finished network requests, so tests (and people) can tell a re-query has landed
};

const $ = (id) => document.getElementById(id);
const panel = $("panel");
const status = $("graph-status");
const graph = createGraph($("cy"), { onSelect: select, onFocus: focus });

function dates() {
  return { since: state.since || null, until: state.until || null };
}

/** Draw the network around the current centre with the current filters. */
async function loadNetwork() {
  if (!state.centre) return;
  status.textContent = "Loading…";
  try {
    const subgraph = await getJSON("/analytics/network", {
      around: state.centre,
      depth: state.depth,
      type: [...state.types],
      ...dates(),
    });
    graph.draw(subgraph, state.centre);
    if (state.selected) graph.select(state.selected);
    const n = subgraph.nodes.length;
    const m = subgraph.edges.length;
    status.textContent = `${n} node${n === 1 ? "" : "s"} · ${m} edge${m === 1 ? "" : "s"} around ${state.centreName}`;
    status.dataset.nodes = String(n);
  } catch (error) {
    status.textContent = `Could not load the network: ${error.message}`;
  }
  state.draws += 1;
  status.dataset.draws = String(state.draws);
  updateExports();
}

/** Show an entity in the panel (details with evidence, and its analytics). */
async function select(id) {
  state.selected = id;
  graph.select(id);
  try {
    const [detail, stats] = await Promise.all([
      getJSON(`/entities/${encodeURIComponent(id)}`),
      getJSON(`/analytics/entities/${encodeURIComponent(id)}`, dates()),
    ]);
    if (state.selected !== id) return; // a later click won
    renderEntity(panel, detail, stats, { onFocus: focus, onItem: showItem });
  } catch (error) {
    renderError(panel, `Could not load ${id}: ${error.message}`);
  }
}

/** Recentre the network on an entity and show it. */
async function focus(id) {
  state.centre = id;
  const node = await getJSON(`/entities/${encodeURIComponent(id)}`).then(
    (d) => d.node,
    () => ({ id, name: id }),
  );
  state.centre = node.id; // a merged-away id resolves to the survivor
  state.centreName = node.name;
  history.replaceState(null, "", `#entity=${encodeURIComponent(node.id)}`);
  await Promise.all([loadNetwork(), select(node.id)]);
}

async function showItem(evidence) {
  try {
    renderItem(panel, await getJSON(`/items/${encodeURIComponent(evidence.item_id)}`), evidence);
  } catch (error) {
    renderError(panel, `Could not load the item: ${error.message}`);
  }
}

// ---- search with as-you-type suggestions
const input = $("search");
const list = $("suggestions");
let hits = [];
let active = -1;
let pending = 0;
let timer = null;

function closeSuggestions() {
  list.hidden = true;
  input.parentElement.setAttribute("aria-expanded", "false");
  active = -1;
}

function renderSuggestions() {
  const rows = hits.map((hit, i) =>
    h(
      "li",
      {
        role: "option",
        "aria-selected": i === active ? "true" : "false",
        "data-id": hit.node.id,
        onmousedown: (event) => {
          event.preventDefault(); // keep focus so blur does not close the list first
          choose(i);
        },
      },
      h("span", { class: "swatch", style: { background: TYPES.find((t) => t.name === hit.node.type)?.color } }),
      h("span", { class: "name" }, hit.node.name),
      h("span", { class: "matched" }, hit.matched !== hit.node.name ? hit.matched : hit.node.type),
    ),
  );
  replace(list, rows.length ? rows : [h("li", { class: "none" }, "No match")]);
  list.hidden = false;
  input.parentElement.setAttribute("aria-expanded", "true");
}

function choose(i) {
  const hit = hits[i];
  if (!hit) return;
  input.value = hit.node.name;
  closeSuggestions();
  focus(hit.node.id);
}

async function suggest() {
  const q = input.value.trim();
  if (!q) return closeSuggestions();
  const ticket = ++pending;
  try {
    const page = await getJSON("/entities", { q, limit: 8 });
    if (ticket !== pending) return; // typed on since: a newer answer is coming
    hits = page.hits;
    active = hits.length ? 0 : -1;
    renderSuggestions();
  } catch (error) {
    if (ticket === pending) replace(list, h("li", { class: "none" }, error.message));
  }
}

input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(suggest, 150);
});
input.addEventListener("keydown", (event) => {
  if (list.hidden) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    active = (active + step + hits.length) % Math.max(hits.length, 1);
    renderSuggestions();
  } else if (event.key === "Enter") {
    event.preventDefault();
    choose(Math.max(active, 0));
  } else if (event.key === "Escape") {
    closeSuggestions();
  }
});
input.addEventListener("blur", () => setTimeout(closeSuggestions, 100));

// ---- filters, legend, exports
function buildFilters() {
  replace(
    $("type-filters"),
    TYPES.map((t) =>
      h(
        "label",
        {},
        h("input", {
          type: "checkbox",
          value: t.name,
          checked: state.types.has(t.name),
          "data-type": t.name,
          onchange: (event) => {
            if (event.target.checked) state.types.add(t.name);
            else state.types.delete(t.name);
            loadNetwork();
          },
        }),
        h("span", { class: "swatch", style: { background: t.color } }),
        `${t.name} `,
        h("span", { class: "muted" }, t.zh),
      ),
    ),
  );
  replace(
    $("legend"),
    TYPES.map((t) => h("li", {}, h("span", { class: "swatch", style: { background: t.color } }), t.name)),
  );
  for (const button of $("depth").querySelectorAll("button")) {
    button.setAttribute("aria-checked", String(Number(button.dataset.depth) === state.depth));
  }
  $("since").value = state.since;
  $("until").value = state.until;
}

$("depth").addEventListener("click", (event) => {
  const depth = Number(event.target.dataset?.depth);
  if (!depth) return;
  state.depth = depth;
  buildFilters();
  loadNetwork();
});
$("apply").addEventListener("click", () => {
  state.since = $("since").value;
  state.until = $("until").value;
  loadNetwork();
  if (state.selected) select(state.selected);
});
$("reset").addEventListener("click", () => {
  Object.assign(state, { types: new Set(DEFAULT_TYPES), depth: 2, since: "", until: "" });
  buildFilters();
  loadNetwork();
  if (state.selected) select(state.selected);
});

function updateExports() {
  for (const format of ["graphml", "csv"]) {
    const link = $(`export-${format}`);
    link.href = state.centre ? url("/export", { format, around: state.centre, depth: state.depth }) : url("/export", { format });
  }
}

$("export-png").addEventListener("click", () => {
  const link = h("a", { href: URL.createObjectURL(graph.png()), download: "graph.png" });
  document.body.append(link);
  link.click();
  link.remove();
});

// ---- start: the entity in the address, else the best-connected researcher, so the page never opens empty
async function start() {
  buildFilters();
  updateExports();
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("entity");
  if (fromHash) return focus(fromHash);
  try {
    const [top] = await getJSON("/analytics/centrality", { level: "researcher", by: "degree", top: 1 });
    if (top) await focus(top.node.id);
  } catch (error) {
    status.textContent = `Could not load the graph: ${error.message}`;
  }
}

// for tests and the curious: the Cytoscape instance and the state, read-only by convention
window.explorer = { cy: graph.cy, state };
start();
