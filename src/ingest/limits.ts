// Documented limits of what Parallax takes in (README, "Privacy and safety"; docs/privacy-and-safety.md).
// The per-file byte limit lives in decode.ts (MAX_FILE_BYTES, 12 MB) beside the code that enforces it.

/** Most sources in one workspace. The engine's budget (core options `budgets.maxSources`) is the same number. */
export const MAX_SOURCES = 200;

/**
 * Largest workspace JSON file that is imported: 200 MB. A workspace holds the full text of every source, so it may
 * legitimately be much bigger than one article; beyond this the browser is likely to run out of memory parsing it.
 */
export const MAX_WORKSPACE_BYTES = 200 * 1024 * 1024;

/** Longest outlet name / title / byline / date / URL kept from any input (longer values are cut with "…"). */
export const MAX_FIELD_CHARS = 300;
