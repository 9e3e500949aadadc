/** The {@code pint} command-line tool. */
@NullMarked
package dev.pint.cli;

import org.jspecify.annotations.NullMarked;
