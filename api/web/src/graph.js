// The graph view: Cytoscape.js drawing a SubGraph from /analytics/network (colours by type, thickness by weight).
import cytoscape from "cytoscape";
import { colorOf } from "./types.js";

const FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      width: "data(size)",
      height: "data(size)",
      label: "data(label)",
      "font-family": FONT,
      "font-size": 11,
      color: "#1f2933",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": "130px",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  { selector: "node.centre", style: { "border-width": 4, "border-color": "#0f172a", "font-weight": "bold" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#f59e0b" } },
  { selector: "node.faded", style: { opacity: 0.35 } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-color": "#a3acb8",
      "line-style": "dotted",
      "curve-style": "bezier",
      opacity: 0.85,
    },
  },
  { selector: 'edge[predicate = "collaboratedWith"]', style: { "line-color": "#5b6675", "line-style": "solid" } },
  { selector: 'edge[predicate = "affiliatedWith"]', style: { "line-color": "#8a94a3", "line-style": "dashed" } },
  { selector: "edge.faded", style: { opacity: 0.15 } },
];

/** Elements for Cytoscape: node size grows with degree, edge width with the number of items (1.5 to 8 px). */
function elements(subgraph, centre) {
  const nodes = subgraph.nodes.map((n) => ({
    group: "nodes",
    data: {
      id: n.id,
      label: n.name,
      type: n.type,
      color: colorOf(n.type),
      size: Math.min(56, 20 + 7 * Math.sqrt(n.properties.degree || 0)),
    },
    classes: n.id === centre ? "centre" : "",
  }));
  const ids = new Set(nodes.map((n) => n.data.id));
  const edges = subgraph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({
      group: "edges",
      data: {
        id: `${e.source}|${e.predicate}|${e.target}`,
        source: e.source,
        target: e.target,
        predicate: e.predicate,
        weight: e.weight || 1,
        // absolute, not relative to the view's heaviest edge: one item always looks the same
        width: Math.min(8, 1.5 + 1.6 * ((e.weight || 1) - 1)),
      },
    }));
  return [...nodes, ...edges];
}

/** Create the view; onSelect(id) on a click, onFocus(id) on a double click (recentre there). */
export function createGraph(container, { onSelect, onFocus }) {
  const cy = cytoscape({ container, style: STYLE, minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false });
  cy.on("tap", "node", (event) => onSelect(event.target.id()));
  cy.on("dbltap", "node", (event) => onFocus(event.target.id()));
  // neighbourhood highlight on hover: an analyst reads a dense view one node at a time
  cy.on("mouseover", "node", (event) => {
    const keep = event.target.closedNeighborhood();
    cy.elements().not(keep).addClass("faded");
  });
  cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));

  return {
    cy,
    /** Replace the drawing with a SubGraph centred on ``centre``. */
    draw(subgraph, centre) {
      cy.elements().remove();
      cy.add(elements(subgraph, centre));
      const layout = cy.elements().length > 1
        ? {
            name: "cose",
            animate: false,
            padding: 48,
            nodeDimensionsIncludeLabels: true, // long Chinese institution names must not overlap
            nodeRepulsion: () => 40000,
            idealEdgeLength: () => 80,
            edgeElasticity: () => 80,
            componentSpacing: 80,
          }
        : { name: "grid", padding: 48 };
      cy.layout(layout).run();
      cy.fit(undefined, 48);
      // a handful of nodes would otherwise be blown up to fill the screen
      if (cy.zoom() > 1.6) {
        cy.zoom(1.6);
        cy.center();
      }
    },
    /** Mark one node selected (and no other). */
    select(id) {
      cy.$(":selected").unselect();
      cy.getElementById(id).select();
    },
    /** A PNG of the whole drawing, as a Blob. */
    png() {
      return cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob" });
    },
  };
}
