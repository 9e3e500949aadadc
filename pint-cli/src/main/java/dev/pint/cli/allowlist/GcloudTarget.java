package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shell script of {@code gcloud compute firewall-rules create} commands: egress allow rules for
 * TCP to the addresses on the allowlist's ports. A VPC firewall rule contains either IPv4 or IPv6
 * ranges, not both, and at most 5,000 destination ranges (Cloud NGFW "Quotas and limits", per
 * rule), so each family gets its own rules, split at that limit.
 */
public final class GcloudTarget implements AllowlistTarget {
  /** Destination IP address ranges per firewall rule, a limit that cannot be increased. */
  static final int MAX_RANGES_PER_RULE = 5000;
  /** Resource names: 1 to 63 characters, RFC 1035 ({@code [a-z]([-a-z0-9]*[a-z0-9])?}). */
  static final Pattern RULE_NAME = Pattern.compile("[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?");
  /**
   * The characters written into descriptions. NOTE: the Compute Engine API documents no limit for
   * a firewall rule's description; this conservative set and length keep every description plain.
   */
  static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9 ._,:()-]*");
  static final int MAX_DESCRIPTION_LENGTH = 256;

  @Override
  public String name() {
    return "gcloud";
  }

  @Override
  public String description() {
    return "gcloud compute firewall-rules create egress rules, one per address family";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String fileName = "pint-" + allowlist.provider() + "-gcloud.sh";
    List<Rule> rules = new ArrayList<>();
    addRules(rules, allowlist, "ipv4", allowlist.ipv4Addresses());
    addRules(rules, allowlist, "ipv6", allowlist.ipv6Addresses());

    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    text.append("# Creates ").append(rules.size()).append(" egress firewall rule").append(rules.size() == 1 ? "" : "s")
        .append(" in the current gcloud project. Set PINT_GCP_NETWORK to the\n");
    text.append("# VPC network and optionally PINT_GCP_PRIORITY (default 1000), then run: sh ").append(fileName)
        .append('\n');
    text.append("# The metadata address ").append(Allowlist.METADATA_ADDRESS)
        .append(" is left out; add a rule if your firewall filters it.\n");
    text.append("set -eu\n");
    text.append(": \"${PINT_GCP_NETWORK:?set PINT_GCP_NETWORK to the name of the VPC network}\"\n");
    text.append("priority=\"${PINT_GCP_PRIORITY:-1000}\"\n");
    text.append("case \"$priority\" in\n");
    text.append("  ''|*[!0-9]*) echo 'PINT_GCP_PRIORITY must be a number from 0 to 65535' >&2; exit 2 ;;\n");
    text.append("esac\n");
    for (Rule rule : rules) {
      appendRule(text, allowlist, rule);
    }
    return List.of(new GeneratedFile(fileName, text.toString()));
  }

  private static void addRules(List<Rule> rules, Allowlist allowlist, String family, List<IPAddress> addresses) {
    List<List<IPAddress>> chunks = CloudRules.chunks(addresses, MAX_RANGES_PER_RULE);
    String provider = allowlist.provider().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    String base = "pint-" + (provider.length() > 40 ? provider.substring(0, 40) : provider) + "-" + family;
    for (int i = 0; i < chunks.size(); i++) {
      String name = chunks.size() == 1 ? base : base + "-" + (i + 1);
      String description = CloudRules.withRegions("SUSE update infrastructure " + family + " for",
          allowlist.regions(), " (pint " + allowlist.provider() + ")", MAX_DESCRIPTION_LENGTH);
      rules.add(new Rule(name, description, chunks.get(i)));
    }
  }

  private static void appendRule(StringBuilder text, Allowlist allowlist, Rule rule) {
    if (!RULE_NAME.matcher(rule.name()).matches()) {
      throw new IllegalStateException("invalid rule name: " + rule.name());
    }
    String description = CloudRules.checkDescription(rule.description(), DESCRIPTION,
        MAX_DESCRIPTION_LENGTH, "gcloud");
    List<String> protocols = new ArrayList<>();
    for (int port : allowlist.ports()) {
      protocols.add("tcp:" + port);
    }
    List<String> ranges = new ArrayList<>();
    for (IPAddress address : rule.addresses()) {
      ranges.add(CloudRules.hostPrefix(address));
    }

    text.append("gcloud compute firewall-rules create ").append(ShellQuoting.quote(rule.name()))
        .append(" \\\n");
    text.append("  --network=\"$PINT_GCP_NETWORK\" --direction=EGRESS --action=ALLOW")
        .append(" --priority=\"$priority\" \\\n");
    text.append("  --rules=").append(ShellQuoting.quote(String.join(",", protocols))).append(" \\\n");
    text.append("  --description=").append(ShellQuoting.quote(description)).append(" \\\n");
    text.append("  --destination-ranges=").append(ShellQuoting.quote(String.join(",", ranges))).append('\n');
  }

  private record Rule(String name, String description, List<IPAddress> addresses) {}
}
