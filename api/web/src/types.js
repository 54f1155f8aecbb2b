// Entity types, their colours (shared by graph, legend and badges) and how relations read in each direction.

export const TYPES = [
  { name: "Researcher", zh: "学者", color: "#2563eb" },
  { name: "Institution", zh: "机构", color: "#059669" },
  { name: "Journal", zh: "期刊", color: "#7c3aed" },
  { name: "Funder", zh: "资助方", color: "#ea580c" },
  { name: "Award", zh: "奖项", color: "#ca8a04" },
  { name: "Publication", zh: "论文", color: "#0891b2" },
];

/** What a collaboration network shows unless the analyst asks for more. */
export const DEFAULT_TYPES = ["Researcher", "Institution"];

export function colorOf(type) {
  return (TYPES.find((t) => t.name === type) || { color: "#64748b" }).color;
}

// [as subject, as object]: "X affiliated with Y" reads "Y has member X" from Y's side
const PHRASES = {
  affiliatedWith: ["affiliated with", "has member"],
  authorOf: ["author of", "authored by"],
  publishedIn: ["published in", "publishes"],
  fundedBy: ["funded by", "funds"],
  received: ["received", "awarded to"],
  partOf: ["part of", "has part"],
  collaboratedWith: ["collaborated with", "collaborated with"],
};

export function phrase(predicate, asSubject) {
  const pair = PHRASES[predicate] || [predicate, `${predicate} (inverse)`];
  return asSubject ? pair[0] : pair[1];
}
