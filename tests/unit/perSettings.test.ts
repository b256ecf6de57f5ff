// The process's services (session store, sign-in, stores) are made from the settings once, and
// made again when the settings are replaced: the integration tests share workers, each file with
// its own database and secrets, and a service kept from an earlier file would use its database.
import { afterEach, describe, expect, it } from "vitest";
import { getSettings, loadSettings, perSettings, resetSettings } from "../../app/settings.server";

const settings = (url: string) => ({ ...loadSettings({ NODE_ENV: "test", SESSION_SECRET: "s".repeat(40), DATABASE_URL: url }), databaseUrl: url });

afterEach(() => resetSettings());

describe("perSettings", () => {
  it("makes the service once while the settings stay, and again from the new ones when they are replaced", () => {
    let made = 0;
    const service = perSettings((s) => ({ url: s.databaseUrl, n: ++made }));
    resetSettings(settings("file:./a.db"));
    const first = service();
    expect(service()).toBe(first);
    expect(first).toEqual({ url: "file:./a.db", n: 1 });
    resetSettings(settings("file:./b.db"));
    expect(service()).toEqual({ url: "file:./b.db", n: 2 });
    expect(getSettings().databaseUrl).toBe("file:./b.db");
  });
});
