package dev.pint.cli.allowlist;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A shell script of {@code az network nsg rule create} commands: outbound allow rules for TCP to
 * the addresses on the allowlist's ports, one rule per address family, because Azure rejects a
 * rule whose prefixes mix IPv4 and IPv6 ({@code
 * ResourceCannotContainAddressPrefixesFromDifferentAddressFamilies}).
 *
 * <p>Azure's networking limits allow 4,000 IP addresses and ranges as destinations in a network
 * security group ("Azure subscription and service limits, quotas, and constraints", networking
 * limits for Azure Resource Manager), so a family with more addresses is split into several
 * rules. NOTE: that limit counts the whole group, so rules beyond it would still be rejected.
 * The service lists a few hundred addresses per provider, far below it.
 */
public final class AzureNsgTarget implements AllowlistTarget {
  /** Destination addresses and ranges per network security group. */
  static final int MAX_PREFIXES_PER_RULE = 4000;
  /** Azure's security rule reference restricts descriptions to 140 characters. */
  static final int MAX_DESCRIPTION_LENGTH = 140;
  /**
   * Rule names: up to 80 word characters, dots, hyphens and underscores, starting with a word
   * character and ending with a word character or an underscore (Azure network security groups
   * overview, "Security rules").
   */
  static final Pattern RULE_NAME = Pattern.compile("\\w(?:[\\w.-]{0,78}\\w)?");
  /**
   * The characters written into descriptions. NOTE: Azure documents the length only; this
   * conservative set keeps every description plain.
   */
  static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9 ._,:()-]*");

  @Override
  public String name() {
    return "azure-nsg";
  }

  @Override
  public String description() {
    return "az network nsg rule create commands, one rule per address family";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String fileName = "pint-" + allowlist.provider() + "-azure-nsg.sh";
    List<Rule> rules = new ArrayList<>();
    addRules(rules, allowlist, "ipv4", allowlist.ipv4Addresses());
    addRules(rules, allowlist, "ipv6", allowlist.ipv6Addresses());

    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    text.append("# Creates ").append(rules.size()).append(" outbound rule").append(rules.size() == 1 ? "" : "s")
        .append(" in a network security group. Set PINT_RESOURCE_GROUP and PINT_NSG_NAME,\n");
    text.append("# and PINT_NSG_PRIORITY to the first free priority (default 1000; rule n gets it plus n-1),\n");
    text.append("# then run: sh ").append(fileName).append('\n');
    text.append("# The metadata address ").append(Allowlist.METADATA_ADDRESS)
        .append(" is left out; add a rule if your security group filters it.\n");
    text.append("set -eu\n");
    text.append(": \"${PINT_RESOURCE_GROUP:?set PINT_RESOURCE_GROUP to the resource group of the network security group}\"\n");
    text.append(": \"${PINT_NSG_NAME:?set PINT_NSG_NAME to the name of the network security group}\"\n");
    text.append("priority=\"${PINT_NSG_PRIORITY:-1000}\"\n");
    text.append("case \"$priority\" in\n");
    text.append("  ''|*[!0-9]*) echo 'PINT_NSG_PRIORITY must be a number from 100 to 4096' >&2; exit 2 ;;\n");
    text.append("esac\n");
    for (int i = 0; i < rules.size(); i++) {
      appendRule(text, allowlist, rules.get(i), i);
    }
    return List.of(new GeneratedFile(fileName, text.toString()));
  }

  private static void addRules(List<Rule> rules, Allowlist allowlist, String family, List<IPAddress> addresses) {
    List<List<IPAddress>> chunks = CloudRules.chunks(addresses, MAX_PREFIXES_PER_RULE);
    String base = Identifiers.lowerWithHyphens(allowlist.provider(), 60) + "-" + family;
    for (int i = 0; i < chunks.size(); i++) {
      String name = chunks.size() == 1 ? base : base + "-" + (i + 1);
      String description = CloudRules.withRegions("SUSE update infrastructure " + family + " for",
          allowlist.regions(), " (pint " + allowlist.provider() + ")", MAX_DESCRIPTION_LENGTH);
      rules.add(new Rule(name, description, chunks.get(i)));
    }
  }

  private static void appendRule(StringBuilder text, Allowlist allowlist, Rule rule, int index) {
    if (!RULE_NAME.matcher(rule.name()).matches()) {
      throw new IllegalStateException("invalid rule name: " + rule.name());
    }
    String description = CloudRules.checkDescription(rule.description(), DESCRIPTION,
        MAX_DESCRIPTION_LENGTH, "azure-nsg");

    text.append("az network nsg rule create --resource-group \"$PINT_RESOURCE_GROUP\"")
        .append(" --nsg-name \"$PINT_NSG_NAME\" \\\n");
    text.append("  --name ").append(ShellQuoting.quote(rule.name()))
        .append(" --priority \"$((priority + ").append(index).append("))\" \\\n");
    text.append("  --direction Outbound --access Allow --protocol Tcp \\\n");
    text.append("  --source-address-prefixes '*' --source-port-ranges '*' \\\n");
    text.append("  --destination-port-ranges");
    for (int port : allowlist.ports()) {
      text.append(' ').append(port);
    }
    text.append(" \\\n");
    text.append("  --description ").append(ShellQuoting.quote(description)).append(" \\\n");
    text.append("  --destination-address-prefixes");
    for (IPAddress address : rule.addresses()) {
      text.append(" \\\n    ").append(ShellQuoting.quote(CloudRules.hostPrefix(address)));
    }
    text.append('\n');
  }

  private record Rule(String name, String description, List<IPAddress> addresses) {}
}
