// The process's services (session store, sign-in, stores) are made from the settings once, and
// made again when the settings are replaced: the integration tests share workers, each file with
// its own database and secrets, and a service kept from an earlier file would use its database.
import { afterEach, describe, expect, it } from "vitest";
import { getSettings, perSettings, resetSettings } from "../../app/settings.server";
import { useTestDatabase } from "../support/routes";

afterEach(() => resetSettings());

describe("perSettings", () => {
  it("makes the service once while the settings stay, and again from the new ones when they are replaced", () => {
    let made = 0;
    const service = perSettings((s) => ({ url: s.databaseUrl, n: ++made }));
    useTestDatabase("file:./a.db");
    const first = service();
    expect(service()).toBe(first);
    expect(first).toEqual({ url: "file:./a.db", n: 1 });
    useTestDatabase("file:./b.db");
    expect(service()).toEqual({ url: "file:./b.db", n: 2 });
    expect(getSettings().databaseUrl).toBe("file:./b.db");
  });
});
