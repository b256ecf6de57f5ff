// Drops from a stylesheet the selectors no page can match because they need a class the portal's
// code never names (issue 20: a USWDS package brings every variant of its component, the utilities
// every value). Only classes decide: a selector naming an element or attribute no page has is kept,
// which costs a few bytes and can never lose a style.
// Not PurgeCSS: it also judges elements and attributes, and it drops selectors that can match,
// such as USWDS's `.usa-form a:where(:not(.usa-button))` (FullHuman/purgecss#978, #1197, open),
// which styles every link in a form.
import postcss from "postcss";
import selectorParser from "postcss-selector-parser";

/**
 * The words of a source file that can name a class: runs of letters, digits, `_` and `-`, and such
 * runs joined by colons for USWDS's breakpoint classes (`tablet:grid-col-8`).
 */
export function classWords(source: string): string[] {
  return [...(source.match(/[\w-]+/g) ?? []), ...(source.match(/[\w-]+(?::[\w-]+)+/g) ?? [])];
}

type Node = selectorParser.Node;

/**
 * Whether an element could match `selector` when only the classes in `named` exist. A class inside
 * `:not()` is never needed; `:is()` and `:where()` need one of their selectors to be possible.
 */
function possible(selector: selectorParser.Selector, named: ReadonlySet<string>): boolean {
  return selector.nodes.every((node: Node) => {
    if (node.type === "class") return named.has(node.value);
    if (node.type === "pseudo" && (node.value === ":is" || node.value === ":where")) {
      return node.nodes.some((inner) => possible(inner, named));
    }
    return true;
  });
}

/** The stylesheet without the selectors that need a class outside `named`, nor rules left empty. */
export function trimUnmatchable(css: string, named: ReadonlySet<string>): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    // A keyframe's steps (from, 50%) are not selectors.
    if (rule.parent?.type === "atrule" && /keyframes$/i.test((rule.parent as postcss.AtRule).name)) return;
    const kept: string[] = [];
    selectorParser((selectors) => {
      selectors.each((selector) => {
        if (possible(selector, named)) kept.push(selector.toString().trim());
      });
    }).processSync(rule.selector);
    if (kept.length === 0) rule.remove();
    else rule.selector = kept.join(",");
  });
  // A media query whose rules all went; inner ones first (the walk lists a parent before its children).
  const atRules: postcss.AtRule[] = [];
  root.walkAtRules((atRule) => {
    atRules.push(atRule);
  });
  for (const atRule of atRules.reverse()) {
    if (atRule.nodes !== undefined && atRule.nodes.length === 0) atRule.remove();
  }
  return root.toString();
}
