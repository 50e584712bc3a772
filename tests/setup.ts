/**
 * Loaded by mocha before every test file (.mocharc.json `require`). Every program the tests plan is also compiled
 * by `npm run build` (tsconfig includes tests/**), so the plan's own type check — Pulumi's, skipped by Pulumi's
 * own switch `PULUMI_NODEJS_TRANSPILE_ONLY` — would only repeat it, at seconds per program. The tests of the type
 * check itself (tests/plan/type-check.test.ts) turn it back on.
 */
process.env.PULUMI_NODEJS_TRANSPILE_ONLY ??= "true";
