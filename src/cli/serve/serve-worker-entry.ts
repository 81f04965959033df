/**
 * The script a `flowmachine serve --workers N` primary forks (node:cluster): it runs the CLI with the
 * arguments the primary passes (`serve ...`), which recognises the worker by its environment marker.
 */
import { main } from "../main.js";

process.exitCode = await main(process.argv.slice(2));
