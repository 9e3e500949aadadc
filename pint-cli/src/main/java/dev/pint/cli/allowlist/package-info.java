/**
 * Allowlists for the update infrastructure: the model {@link dev.pint.cli.allowlist.Allowlist}
 * and one {@link dev.pint.cli.allowlist.AllowlistTarget} per artefact it can be written as
 * (hosts lines, proxy exemptions, firewall rules and more).
 *
 * <p>Every target is a pure function of the model, so other commands can call a target's static
 * helpers, such as {@link dev.pint.cli.allowlist.NoProxyTarget#value}, without running {@code
 * allowlist}.
 */
@NullMarked
package dev.pint.cli.allowlist;

import org.jspecify.annotations.NullMarked;
