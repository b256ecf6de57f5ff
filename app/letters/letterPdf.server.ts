// A letter as a PDF (pdfkit, on the server, no network): tagged (headings and paragraphs in a
// structure tree, so screen readers read it in order), with its title shown and its language set,
// and the USWDS's Public Sans embedded (subset) rather than a font the reader may not have.
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { LetterFacts } from "./letterFacts.server";

const COUNTY = "County Communications Department (COM)";
const SERVICE = "3-1-1 Contact Center · 3-1-1 Number Use Portal";

function fontFile(name: string): string {
  // The package exports no font paths: go from its script to its fonts folder.
  const script = createRequire(import.meta.url).resolve("@uswds/uswds");
  return path.resolve(path.dirname(script), "../fonts/public-sans", name);
}

export function letterTitle(facts: Pick<LetterFacts, "kind" | "reference">): string {
  return `${facts.kind === "approval" ? "Approval" : "Rejection"} letter for ${facts.reference}`;
}

export function letterFileName(facts: Pick<LetterFacts, "kind" | "reference">): string {
  return `${facts.reference}-${facts.kind}-letter.pdf`;
}

export function renderLetter(facts: LetterFacts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 64,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-US",
    displayTitle: true,
    info: { Title: letterTitle(facts), Author: COUNTY, Subject: facts.title, Creator: "3-1-1 Number Use Portal" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("body", fontFile("PublicSans-Regular.ttf"));
  doc.registerFont("bold", fontFile("PublicSans-Bold.ttf"));

  const root = doc.struct("Document");
  doc.addStructure(root);
  const block = (tag: string, font: "body" | "bold", size: number, text: string, gap = 0.4) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(font).fontSize(size).fillColor("#1b1b1b").text(text);
      }),
    );
    doc.moveDown(gap);
  };
  const heading = (text: string) => {
    doc.moveDown(0.4);
    block("H2", "bold", 13, text, 0.2);
  };
  const fact = (label: string, value: string) => {
    root.add(
      doc.struct("P", {}, () => {
        doc.font("bold").fontSize(10.5).text(`${label}: `, { continued: true }).font("body").text(value);
      }),
    );
    doc.moveDown(0.15);
  };

  block("P", "bold", 11, COUNTY, 0);
  block("P", "body", 10, SERVICE, 1);
  block("H1", "bold", 20, letterTitle(facts), 0.6);
  fact("Reference", facts.reference);
  fact("Department", facts.department);
  fact("Title", facts.title);
  fact("Type", facts.typeLabel);
  fact("Submitted by", facts.submittedBy);
  for (const [label, value] of facts.dates) fact(label, value);
  fact("Decided", facts.decidedOn);

  if (facts.kind === "approval") {
    heading("Decision");
    block("P", "body", 10.5, `The Communications Department approves the use of 3-1-1 described in request ${facts.reference}, as submitted and with the materials listed below.`);
    if (facts.conditions.length > 0) {
      heading("Conditions");
      for (const condition of facts.conditions) block("P", "body", 10.5, condition, 0.2);
    }
    heading("Fee");
    block("P", "body", 10.5, facts.fee ?? "No fee.");
    if (facts.analysis) {
      heading("Call volume analysis");
      block("P", "body", 10.5, facts.analysis);
    }
    heading("Signed off by");
    for (const s of facts.signOffs) {
      block("P", "body", 10.5, `${s.name}, ${s.acting ? `acting ${s.role}` : s.role}. Signed ${s.signedAt}.`, 0.2);
    }
    heading("Approved materials");
    if (facts.files.length === 0) block("P", "body", 10.5, "No files were attached to the request.");
    for (const f of facts.files) {
      root.add(
        doc.struct("P", {}, () => {
          doc.font("bold").fontSize(10.5).text(f.fileName).font("body").fontSize(8.5).text(`SHA-256 ${f.sha256}`);
        }),
      );
      doc.moveDown(0.3);
    }
  } else if (facts.rejection) {
    heading("Decision");
    block("P", "body", 10.5, `The Communications Department does not approve request ${facts.reference}.`);
    heading("Reason");
    block("P", "body", 10.5, facts.rejection.reason || "No reason was recorded.");
    heading("Rejected by");
    block("P", "body", 10.5, `${facts.rejection.by}, ${facts.decidedOn}.`);
  }

  heading("Verification");
  block(
    "P",
    "body",
    10.5,
    `Reference ${facts.reference}, verification code ${facts.code}. Signed-in county staff can confirm that this letter matches the portal's record at /verify/${facts.reference} with this code.`,
  );
  root.end();
  doc.end();
  return done;
}
