// Turns one structured message into the subject, plain text and HTML of an e-mail, so every
// template reads the same and the two bodies never drift apart. React renders the HTML,
// which escapes every value: request titles and comments are typed by users.
import { renderToStaticMarkup } from "react-dom/server";
import type { EmailContent } from "./types";

export const PORTAL_NAME = "3-1-1 Number Use Portal";

export interface MessageParts {
  subject: string;
  heading: string;
  /** Omitted when the message goes to several people. */
  recipientName?: string;
  /** What happened, one paragraph each. */
  paragraphs: string[];
  /** Label and value pairs about the request; empty for account e-mails. */
  facts: Array<[label: string, value: string]>;
  /** What the reader must do next. */
  next: string;
  /** The deep link; its label says where it goes, for screen-reader users who list links. */
  action: { href: string; label: string };
  /** A closing line, e.g. why the reader got this e-mail. */
  footer: string;
}

/** Subjects are one line: a newline in a value must not start a new header. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function greeting(name: string | undefined): string {
  return name ? `Hello ${name},` : "Hello,";
}

// Inline styles only: many e-mail clients drop <style> blocks.
const bodyStyle = { fontFamily: "Arial, Helvetica, sans-serif", fontSize: "16px", lineHeight: 1.5, color: "#1b1b1b" };
const linkStyle = { color: "#005ea2", textDecoration: "underline" };

function HtmlMessage({ parts }: { parts: MessageParts }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{oneLine(parts.subject)}</title>
      </head>
      <body style={{ margin: 0, padding: "16px" }}>
        <main style={{ maxWidth: "40em", margin: "0 auto" }}>
          <div style={bodyStyle}>
            <h1 style={{ fontSize: "22px", margin: "0 0 16px" }}>{parts.heading}</h1>
            <p>{greeting(parts.recipientName)}</p>
            {parts.paragraphs.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
            {parts.facts.length > 0 && (
              <table style={{ borderCollapse: "collapse", margin: "0 0 16px" }}>
                <tbody>
                  {parts.facts.map(([label, value]) => (
                    <tr key={label}>
                      <th scope="row" style={{ textAlign: "left", padding: "4px 16px 4px 0", verticalAlign: "top" }}>
                        {label}
                      </th>
                      <td style={{ padding: "4px 0", whiteSpace: "pre-line" }}>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2 style={{ fontSize: "18px", margin: "16px 0 8px" }}>What happens next</h2>
            <p>{parts.next}</p>
            <p>
              <a href={parts.action.href} style={linkStyle}>
                {parts.action.label}
              </a>
            </p>
            <p style={{ fontSize: "14px", color: "#565c65" }}>{parts.footer}</p>
          </div>
        </main>
      </body>
    </html>
  );
}

function textMessage(parts: MessageParts): string {
  const lines = [greeting(parts.recipientName), "", ...parts.paragraphs.flatMap((p) => [p, ""])];
  if (parts.facts.length > 0) {
    lines.push(...parts.facts.map(([label, value]) => `${label}: ${value}`), "");
  }
  lines.push("What happens next:", parts.next, "", `${parts.action.label}:`, parts.action.href, "", "--", parts.footer);
  return lines.join("\n") + "\n";
}

export function composeEmail(parts: MessageParts): EmailContent {
  return {
    subject: oneLine(parts.subject),
    text: textMessage(parts),
    html: "<!DOCTYPE html>" + renderToStaticMarkup(<HtmlMessage parts={parts} />),
  };
}
