package dev.pint.cli.allowlist;

import java.util.List;

/**
 * One kind of artefact an {@link Allowlist} can be written as, such as {@code /etc/hosts} lines
 * or a Squid configuration fragment.
 *
 * <p>An implementation is stateless and its {@link #render} is a pure function of the
 * allowlist: the same allowlist always gives the same bytes, so a {@code diff} of two outputs
 * shows real changes only. Each file begins with {@link Header} in the file's comment syntax,
 * except where the syntax has none (JSON carries it as a field instead).
 */
public interface AllowlistTarget {
  /** The name given to {@code --target}, in lower case, such as {@code squid}. */
  String name();

  /** One line for {@code --help}, such as {@code "Squid ACLs, ssl_bump splice and http_access rules"}. */
  String description();

  /**
   * Renders the allowlist as one or more files. Targets that write several files (such as
   * {@code iptables}) return them in the order a person should apply them.
   *
   * @throws dev.pint.cli.UnrepresentableDataException when a value cannot be written safely in
   *     this target's syntax
   */
  List<GeneratedFile> render(Allowlist allowlist);
}
