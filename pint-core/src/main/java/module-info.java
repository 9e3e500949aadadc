/**
 * Client for the SUSE Public Cloud Information Service. The API is the package {@code dev.pint};
 * {@code dev.pint.internal} is the implementation, open only to the pint command-line tool.
 */
@SuppressWarnings("module") // dev.pint.cli is a module only when the CLI is run as one.
module dev.pint {
  requires com.fasterxml.jackson.core;
  requires com.github.benmanes.caffeine;
  requires org.apache.commons.text;
  requires static org.jspecify;

  exports dev.pint;
  exports dev.pint.internal to dev.pint.cli;
}
