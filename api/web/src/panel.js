// The side panel: an entity's details, its analytics, and every relation with the news sentences behind it.
import { h, replace } from "./dom.js";
import { colorOf, phrase } from "./types.js";

function badge(type) {
  return h("span", { class: "badge", style: { background: colorOf(type) } }, type);
}

function metric(value, label) {
  return h("div", { class: "metric" }, h("div", { class: "value" }, value), h("div", { class: "label" }, label));
}

/** A bar per year, heights relative to the busiest year. */
function yearBars(years) {
  if (!years.length) return h("p", { class: "muted" }, "No dated collaboration.");
  const most = Math.max(...years.map((y) => y.collaborations), 1);
  return h(
    "div",
    { class: "years", "data-testid": "years" },
    years.map((y) =>
      h(
        "div",
        { class: "year", title: `${y.collaborations} collaborations in ${y.items} items` },
        h("span", { class: "count" }, y.collaborations),
        h("div", { class: "bar", style: { height: `${Math.round((48 * y.collaborations) / most)}px` } }),
        h("span", { class: "label" }, y.year),
      ),
    ),
  );
}

function chips(nodes, onFocus, weightOf = null) {
  return h(
    "div",
    { class: "chips" },
    nodes.map((n) =>
      h(
        "button",
        { type: "button", class: "chip", title: `${n.type} · ${n.id}`, onclick: () => onFocus(n.id) },
        n.name,
        weightOf ? h("span", { class: "weight" }, `×${weightOf(n)}`) : null,
      ),
    ),
  );
}

function analyticsSection(stats, onFocus) {
  const parts = [h("h3", {}, "Analytics")];
  if (stats.level && stats.metrics) {
    const m = stats.metrics;
    parts.push(
      h(
        "div",
        { class: "metrics", "data-testid": "metrics" },
        metric(m.degree, "collaborators (degree)"),
        metric(m.betweenness.toFixed(3), "betweenness"),
        metric(stats.community ? `#${stats.community.id + 1}` : "–", `community (${stats.community?.size ?? 0})`),
      ),
      h("p", { class: "muted" }, `Within the ${stats.level} collaboration graph (${stats.graph_nodes} nodes).`),
    );
    if (stats.community && stats.community.nodes.length > 1) {
      const others = stats.community.nodes.filter((n) => n.id !== stats.node.id).slice(0, 12);
      parts.push(h("h3", {}, "Community members"), chips(others, onFocus));
    }
  } else if (stats.level) {
    parts.push(h("p", { class: "muted" }, `No collaboration recorded in the ${stats.level} graph for this range.`));
  } else {
    parts.push(h("p", { class: "muted" }, "Collaboration analytics apply to researchers and institutions."));
  }
  if (stats.collaborators.length) {
    const weights = new Map(stats.collaborators.map((c) => [c.node.id, c.weight]));
    parts.push(
      h("h3", {}, "Top collaborators"),
      chips(
        stats.collaborators.map((c) => c.node),
        onFocus,
        (n) => weights.get(n.id),
      ),
    );
  }
  parts.push(h("h3", {}, "Collaborations per year"), yearBars(stats.years));
  return parts;
}

function evidenceBlock(ev, onItem) {
  const link = h(
    "a",
    {
      href: `/items/${encodeURIComponent(ev.item_id)}`,
      class: "item-link",
      onclick: (event) => {
        event.preventDefault();
        onItem(ev);
      },
    },
    "news item",
  );
  return h(
    "blockquote",
    { class: "evidence" },
    h("p", { class: "sentence" }, ev.sentence),
    h("div", { class: "source" }, ev.item_date ? `${ev.item_date} · ` : "", link),
  );
}

function relationList(detail, onFocus, onItem) {
  const names = new Map(detail.neighbors.map((n) => [n.id, n]));
  const order = ["collaboratedWith", "affiliatedWith", "partOf", "authorOf", "received", "fundedBy", "publishedIn"];
  const edges = [...detail.edges].sort((a, b) => order.indexOf(a.predicate) - order.indexOf(b.predicate));
  if (!edges.length) return h("p", { class: "muted" }, "No relations.");
  return h(
    "ul",
    { class: "relations" },
    edges.map((edge) => {
      const asSubject = edge.source === detail.node.id;
      const other = names.get(asSubject ? edge.target : edge.source) || { id: edge.target, name: edge.target };
      const extra = [edge.role, edge.year].filter(Boolean).join(", ");
      return h(
        "li",
        { class: "relation" },
        h(
          "div",
          { class: "what" },
          h("span", { class: "predicate" }, `${phrase(edge.predicate, asSubject)} `),
          h("span", { class: "other", onclick: () => onFocus(other.id), title: "explore from here" }, other.name),
          other.type ? " " : null,
          other.type ? badge(other.type) : null,
          extra ? h("span", { class: "muted" }, ` (${extra})`) : null,
        ),
        edge.evidence.map((ev) => evidenceBlock(ev, onItem)),
      );
    }),
  );
}

function itemList(items, onItem) {
  return h(
    "ul",
    { class: "items" },
    items.map((item) =>
      h(
        "li",
        {},
        h(
          "a",
          {
            href: `/items/${encodeURIComponent(item.id)}`,
            onclick: (event) => {
              event.preventDefault();
              onItem({ item_id: item.id });
            },
          },
          item.title,
        ),
        item.date ? h("span", { class: "muted" }, ` · ${item.date}`) : null,
      ),
    ),
  );
}

/** Render an entity: ``detail`` from /entities/{id}, ``stats`` from /analytics/entities/{id}. */
export function renderEntity(panel, detail, stats, { onFocus, onItem }) {
  const node = detail.node;
  const identifiers = Object.entries(node.identifiers || {});
  replace(
    panel,
    h("div", { class: "entity-head" }, h("h1", { "data-testid": "entity-name" }, node.name), badge(node.type)),
    h(
      "dl",
      { class: "kv" },
      node.aliases.length ? [h("dt", {}, "Aliases"), h("dd", {}, node.aliases.join(" · "))] : null,
      identifiers.map(([scheme, value]) => [h("dt", {}, scheme), h("dd", {}, value)]),
      h("dt", {}, "Mentioned in"),
      h("dd", {}, `${detail.items.length} news item${detail.items.length === 1 ? "" : "s"}`),
    ),
    h(
      "button",
      { type: "button", onclick: () => onFocus(node.id), title: "draw the network around this entity" },
      "Explore from here",
    ),
    analyticsSection(stats, onFocus),
    h("div", { id: "item-view" }),
    h("h3", {}, `Relations and evidence (${detail.edges.length})`),
    relationList(detail, onFocus, onItem),
    detail.items.length ? h("h3", {}, `News items (${detail.items.length})`) : null,
    detail.items.length ? itemList(detail.items, onItem) : null,
  );
}

/** Show a news item (from /items/{id}) in the panel, the evidence span marked in its text. */
export function renderItem(panel, itemDetail, evidence) {
  const box = panel.querySelector("#item-view");
  if (!box) return;
  const { item } = itemDetail;
  const text = item.text || "";
  const inside = evidence && evidence.end <= text.length && text.slice(evidence.start, evidence.end);
  const body = inside
    ? [text.slice(0, evidence.start), h("mark", {}, inside), text.slice(evidence.end)]
    : [text];
  replace(
    box,
    h(
      "section",
      { class: "item-view", "data-testid": "item-view" },
      h("button", { type: "button", class: "close", title: "close", onclick: () => replace(box) }, "×"),
      h("h3", {}, item.title),
      h(
        "p",
        { class: "muted" },
        [item.date, item.source, item.section].filter(Boolean).join(" · "),
        " · ",
        h("a", { href: `/items/${encodeURIComponent(item.id)}`, target: "_blank", rel: "noopener" }, item.id),
      ),
      h("div", { class: "text" }, body),
    ),
  );
  box.scrollIntoView({ block: "nearest" });
  box.querySelector("mark")?.scrollIntoView({ block: "nearest" });
}

export function renderError(panel, message) {
  replace(panel, h("div", { class: "error", role: "alert" }, message));
}
