#!/usr/bin/env node
// The `flowmachine` binary: runs the built CLI from dist/ (built by `npm install` through `prepare`).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
