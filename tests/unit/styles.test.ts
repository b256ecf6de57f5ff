// The USWDS stylesheet the pages load (issue 20): scripts/build-styles.ts compiles the packages
// listed in app/styles/uswds.scss, then drops the selectors that need a class the portal's code
// never names (scripts/trimStyles.ts). No page may lose a style. tests/support/globalSetup.ts
// builds both files.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { appSources, USWDS_CSS, USWDS_FULL_CSS } from "../../scripts/build-styles";
import { classWords, trimUnmatchable } from "../../scripts/trimStyles";

describe("trimUnmatchable", () => {
  const named = new Set(["usa-form", "usa-button", "tablet:grid-col-8"]);
  const trim = (css: string) => trimUnmatchable(css, named);

  it("drops a selector that needs a class no code names, and keeps the others of its list", () => {
    expect(trim(".usa-button,.usa-search{color:red}.usa-search .usa-button{color:blue}")).toBe(".usa-button{color:red}");
  });

  it("never needs a class inside :not(); :is() and :where() need one of theirs", () => {
    expect(trim(".usa-form a:where(:not(.usa-button)){color:red}")).toBe(".usa-form a:where(:not(.usa-button)){color:red}");
    expect(trim(".usa-button:not(.usa-search){color:red}")).toBe(".usa-button:not(.usa-search){color:red}");
    expect(trim(".usa-form :where(.usa-input,.usa-button){color:red}")).toBe(".usa-form :where(.usa-input,.usa-button){color:red}");
    expect(trim(".usa-form :is(.usa-input,.usa-select){color:red}")).toBe("");
  });

  it("reads escaped breakpoint classes, and drops a media query left empty", () => {
    const css = "@media all and (min-width:40em){.tablet\\:grid-col-8{width:66%}.tablet\\:grid-col-6{width:50%}}@media print{.usa-search{display:none}}";
    expect(trim(css)).toBe("@media all and (min-width:40em){.tablet\\:grid-col-8{width:66%}}");
  });

  it("keeps elements, attributes, font faces, keyframes and custom properties", () => {
    const css = "@font-face{font-family:X;src:url(x.woff2)}:root{--a:1}abbr[title]{cursor:help}@keyframes spin{from{opacity:0}to{opacity:1}}";
    expect(trim(css)).toBe(css);
  });
});

describe("classWords", () => {
  it("takes whole class names from code, breakpoint classes and names in template strings too", () => {
    const words = classWords('className={`usa-input${error ? " usa-input--error" : ""} tablet:grid-col-8`}');
    expect(words).toEqual(expect.arrayContaining(["usa-input", "usa-input--error", "tablet:grid-col-8", "tablet", "grid-col-8"]));
  });
});

describe("the stylesheet the pages load", () => {
  const full = fs.readFileSync(USWDS_FULL_CSS, "utf8");
  const trimmed = fs.readFileSync(USWDS_CSS, "utf8");
  const named = new Set(appSources().flatMap((file) => classWords(fs.readFileSync(file, "utf8"))));

  /**
   * Class names in selectors, unescaped, leaving out those inside :not(), :is() and :where(), which
   * a selector can match without (file names in url() are not selectors).
   */
  const classesOutsideNot = (css: string) =>
    new Set(
      [...css.replace(/url\([^)]*\)/g, "").replace(/:(not|is|where)\([^()]*\)/g, "").matchAll(/\.(-?[_a-zA-Z](?:[\w-]|\\:)*)/g)].map((m) =>
        m[1].replaceAll("\\:", ":"),
      ),
    );
  const count = (css: string, text: string) => css.split(text).length - 1;

  it("is what trimming the compiled packages by the portal's class names makes", () => {
    expect(trimmed === trimUnmatchable(full, named)).toBe(true);
  });

  it("keeps the classes the pages use, with their states and breakpoints, and drops the rest", () => {
    const kept = classesOutsideNot(trimmed);
    for (const name of ["usa-input--error", "usa-button--outline", "usa-form-group--error", "usa-tag", "margin-top-1", "tablet:grid-col-8", "desktop:grid-col-6"]) {
      expect(named, name).toContain(name);
      expect(kept, name).toContain(name);
    }
    for (const rule of [".usa-button:hover{", ".usa-input--error{", ".usa-form a:where(:not(.usa-button)){"]) {
      expect(full.includes(rule.slice(0, -1)), rule).toBe(true);
      expect(trimmed.includes(rule), rule).toBe(true);
    }
    const dropped = [...classesOutsideNot(full)].filter((name) => !named.has(name));
    expect(dropped.length).toBeGreaterThan(100);
    expect(dropped.filter((name) => kept.has(name))).toEqual([]);
    expect(count(trimmed, "@font-face")).toBe(count(full, "@font-face"));
    expect(trimmed.length).toBeLessThan(full.length / 2);
  });
});
