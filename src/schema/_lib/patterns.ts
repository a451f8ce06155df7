// Regular expressions for the JSON Schemas. They are written for every JSON Schema validator:
// ECMA-262 syntax without Unicode property classes (`\p{L}`), which Python's `re` lacks, and
// no nested quantifiers, so they run in linear time.

const SUFFIX = "(?:[%％‰]|(?:万亿|千万|百万|亿|万|千)?元?)";
const DIGITS = "(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,4})?";

/** An amount as `parseAmount` reads it: `"8000"`, `"1,200.50"`, `"-3.5"`, `"25%"`, `"1.2亿"`, `"¥8,000元"`. */
export const AMOUNT_PATTERN = `^\\s*[¥￥]?[+\\-−]?(?=\\.?[0-9])${DIGITS} *${SUFFIX}\\s*$`;

/** An amount without a minus sign. */
export const NON_NEGATIVE_AMOUNT_PATTERN = `^\\s*[¥￥]?[+]?(?=\\.?[0-9])${DIGITS} *${SUFFIX}\\s*$`;

/** A real-looking ISO date, `YYYY-MM-DD`, years 1000–9999 (day counts per month are checked in code). */
export const ISO_DATE_PATTERN = "^[1-9][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$";

/** An ISO date or an inclusive run of dates, `"2026-02-15/2026-02-23"`. */
export const DATE_OR_RUN_PATTERN = `${ISO_DATE_PATTERN.slice(0, -1)}(?:/${ISO_DATE_PATTERN.slice(1, -1)})?$`;

/** Bidirectional controls and zero-width characters, as regex escapes. */
const INVISIBLE = "\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF";

/** A part key (weights, shares, tree names): anything but invisible and bidi control characters. */
export const KEY_PATTERN = `^[^${INVISIBLE}]*$`;

const KEYWORD = "(?:[Aa][Nn][Dd]|[Oo][Rr]|[Nn][Oo][Tt]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])";

/**
 * A model name: not a keyword, no ASCII punctuation, space or control character, no leading
 * digit, no invisible character, at most 1000 characters. (The zod schema checks the exact
 * rule, Unicode letters and marks; this pattern catches the usual mistakes portably.)
 */
export const NAME_PATTERN = `^(?!${KEYWORD}$)[^\\x00-\\x40\\x5B-\\x5E\\x60\\x7B-\\x7F\\u00A0\\u3000${INVISIBLE}][^\\x00-\\x2F\\x3A-\\x40\\x5B-\\x5E\\x60\\x7B-\\x7F\\u00A0\\u3000${INVISIBLE}]{0,999}$`;
