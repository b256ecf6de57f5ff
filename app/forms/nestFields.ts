// Forms name grouped fields with dots ("setupFees.materials"), as react-hook-form does; a
// posted form is flat, so the action nests the values again before the schema reads them.

export function nestFields(flat: Record<string, unknown>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = key.split(".");
    let node = nested;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = (node[part] = typeof next === "object" && next !== null ? next : {}) as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return nested;
}
