package dev.pint.cli;

/** The output formats of the listing commands. */
enum OutputFormat {
  /** The reference client's XML, its default. */
  XML,
  /** The reference client's JSON. */
  JSON
}
