// The PostgreSQL harness itself: the global setup (or .ci/run) gives the tests a live server.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { POSTGRES_URL, warnPostgresSkipped } from "../_support/postgres.js";

warnPostgresSkipped("test/sql/postgres.test.ts");

describe.skipIf(POSTGRES_URL === undefined)("the PostgreSQL test server", () => {
  it("answers on loopback with arbitrary-precision NUMERIC", async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const result = await client.query(
        "SELECT (10000000000000000000::numeric * 1000000000000000000000 + 1)::text AS big",
      );
      expect(result.rows[0].big).toBe(`1${"0".repeat(39)}1`);
    } finally {
      await client.end();
    }
  });
});
