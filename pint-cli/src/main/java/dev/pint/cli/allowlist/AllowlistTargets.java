package dev.pint.cli.allowlist;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Every target {@code pint <provider> allowlist --target} accepts, in the order of {@code --help}. */
public final class AllowlistTargets {
  private static final List<AllowlistTarget> ALL = List.of(
      new HostsTarget(),
      new NoProxyTarget(),
      new JavaTarget(),
      new MitmproxyTarget(),
      new SquidTarget(),
      new NftablesTarget(),
      new IptablesTarget(),
      new PacTarget(),
      new AwsSgTarget(),
      new AzureNsgTarget(),
      new GcloudTarget(),
      new PlainTarget(),
      new JsonTarget());

  private AllowlistTargets() {}

  /** Returns every target. */
  public static List<AllowlistTarget> all() {
    return ALL;
  }

  /** Returns the target named {@code name}, ignoring case. */
  public static Optional<AllowlistTarget> byName(String name) {
    for (AllowlistTarget target : ALL) {
      if (target.name().equalsIgnoreCase(name)) {
        return Optional.of(target);
      }
    }
    return Optional.empty();
  }

  /** Returns the target names, for {@code --help} and error messages. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (AllowlistTarget target : ALL) {
      names.add(target.name());
    }
    return names;
  }

  /** Supplies the target names to picocli's {@code ${COMPLETION-CANDIDATES}}. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
