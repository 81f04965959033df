/**
 * Runs the `flowmachine` CLI from source, for tests that need it as a real process without a build:
 * `node --import tsx test/helpers/run-cli.ts serve flow.ts --port 0` (see serve-process.ts).
 */
import { main } from "../../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
