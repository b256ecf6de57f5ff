// Issue 14 (R20): attachment settings, file names as shown and downloaded, the rules of who may
// attach and remove, and letters' verification codes.
import os from "node:os";
import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition } from "../../app/attachments/fileName";
import { normalizeCode, verificationCode } from "../../app/letters/verificationCode";
import { loadSettings, MEGABYTE, SettingsError } from "../../app/settings.server";
import { attachCheck, removalKind, removeCheck, type Actor } from "workflows";

const env = { SESSION_SECRET: "s".repeat(40) };

describe("settings", () => {
  it("10 MB a file and 25 MB a request by default; set in whole megabytes", () => {
    expect(loadSettings(env, os.tmpdir())).toMatchObject({ attachmentMaxFileBytes: 10 * MEGABYTE, attachmentMaxRequestBytes: 25 * MEGABYTE });
    expect(loadSettings({ ...env, ATTACHMENT_MAX_FILE_MB: "2", ATTACHMENT_MAX_REQUEST_MB: "5" }, os.tmpdir())).toMatchObject({
      attachmentMaxFileBytes: 2 * MEGABYTE,
      attachmentMaxRequestBytes: 5 * MEGABYTE,
    });
  });

  it.each([
    [{ ATTACHMENT_MAX_FILE_MB: "0" }, "ATTACHMENT_MAX_FILE_MB"],
    [{ ATTACHMENT_MAX_FILE_MB: "ten" }, "ATTACHMENT_MAX_FILE_MB"],
    [{ ATTACHMENT_MAX_FILE_MB: "20", ATTACHMENT_MAX_REQUEST_MB: "10" }, "ATTACHMENT_MAX_REQUEST_MB"],
  ])("refuses %o, naming %s", (bad, variable) => {
    expect(() => loadSettings({ ...env, ...bad }, os.tmpdir())).toThrow(SettingsError);
    expect(() => loadSettings({ ...env, ...bad }, os.tmpdir())).toThrow(variable);
  });
});

describe("file names", () => {
  it.each([
    ["mailer.pdf", ["pdf"], "mailer.pdf"],
    ["C:\\Users\\pat\\Flyer FINAL.PNG", ["png"], "Flyer FINAL.png"],
    ["../../etc/passwd", ["txt"], "passwd.txt"],
    ["invoice\u202Efdp.exe", ["pdf"], "invoicefdp.exe.pdf"],
    ['a<b>c:"d"|e?.docx', ["docx"], "a_b_c__d__e_.docx"],
    ["...", ["pdf"], "file.pdf"],
    ["photo.jpeg", ["jpg", "jpeg"], "photo.jpeg"],
    ["tab\there\u0000.txt", ["txt"], "tab here.txt"],
  ])("%j as %j is shown as %j", (raw, extensions, cleaned) => {
    expect(cleanFileName(raw, extensions)).toBe(cleaned);
  });

  it("a long name is shortened, keeping its extension", () => {
    const name = cleanFileName(`${"x".repeat(300)}.pdf`, ["pdf"]);
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("Content-Disposition: attachment, an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("Résumé (draft).pdf")).toBe(`attachment; filename="Resume (draft).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%28draft%29.pdf`);
    expect(contentDisposition("通知.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf`);
    expect(contentDisposition('say "hi".txt')).toMatch(/^attachment; filename="say _hi_.txt"; filename\*=UTF-8''say%20%22hi%22.txt$/);
  });
});

describe("who may attach and remove (workflows/attachments.ts)", () => {
  const requester: Actor = { userId: "u-r", name: "Pat", departmentId: "dpw", roles: [{ role: "requester", acting: false }] };
  const otherRequester: Actor = { ...requester, userId: "u-o", departmentId: "lib" };
  const finance: Actor = { userId: "u-f", name: "Fin", departmentId: "fin", roles: [{ role: "finance", acting: false }] };
  const admin: Actor = { userId: "u-a", name: "Addy", departmentId: "com", roles: [{ role: "admin", acting: false }] };
  const ctx = { departmentId: "dpw" };

  it("the department on a draft or when changes are asked for; reviewers, analysts and Finance in any state", () => {
    expect(attachCheck("draft", ctx, requester)).toBeNull();
    expect(attachCheck("changesRequested", ctx, requester)).toBeNull();
    expect(attachCheck("screening", ctx, requester)).toMatch(/draft or when changes are asked for/);
    expect(attachCheck("draft", ctx, otherRequester)).toMatch(/Only the department's requesters/);
    expect(attachCheck("approved", ctx, finance)).toBeNull();
    expect(attachCheck("screening", ctx, admin)).toMatch(/Only/);
  });

  it("only the person who added a file takes it off; deleted before the first submission, withdrawn after", () => {
    expect(removeCheck("draft", ctx, requester, { addedById: "u-r", withdrawn: false })).toBeNull();
    expect(removeCheck("draft", ctx, requester, { addedById: "u-x", withdrawn: false })).toMatch(/who added/);
    expect(removeCheck("changesRequested", ctx, requester, { addedById: "u-r", withdrawn: true })).toMatch(/already withdrawn/);
    expect(removalKind(null)).toBe("delete");
    expect(removalKind("2026-11-22T15:00:00.000Z")).toBe("withdraw");
  });
});

describe("verification codes", () => {
  it("8 Crockford base-32 characters in two groups, fixed by the reference and the deciding entry", () => {
    const code = verificationCode("311-2026-0001", "ab".repeat(32));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(verificationCode("311-2026-0001", "ab".repeat(32))).toBe(code);
    expect(verificationCode("311-2026-0002", "ab".repeat(32))).not.toBe(code);
    expect(verificationCode("311-2026-0001", "ac".repeat(32))).not.toBe(code);
  });

  it("reads a typed code loosely", () => {
    expect(normalizeCode(" 7k2m qx9d ")).toBe("7K2M-QX9D");
    expect(normalizeCode("o1l0-abcd")).toBe("0110-ABCD");
  });
});
