package dev.pint.cli.allowlist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shell script of {@code aws ec2 authorize-security-group-egress} commands whose {@code
 * --ip-permissions} JSON follows the EC2 API's {@code IpPermission} structure: one permission per
 * port ({@code IpProtocol} {@code tcp}, {@code FromPort} equal to {@code ToPort}), each with the
 * IPv4 addresses in {@code IpRanges} ({@code CidrIp}, {@code /32}) and the IPv6 addresses in
 * {@code Ipv6Ranges} ({@code CidrIpv6}, {@code /128}), and a {@code Description} per range.
 *
 * <p>Every address counts as one rule per port against the Amazon VPC quota "Inbound or outbound
 * rules per security group": 60 by default, enforced separately for IPv4 and IPv6 rules (Amazon
 * VPC User Guide, "Amazon VPC quotas"). The script therefore fills as many security groups as
 * that quota needs and takes their IDs as arguments.
 *
 * <p>NOTE: the metadata address gets no rule, on the understanding that security groups do not
 * filter link-local traffic. No AWS page stating this was found, so the script's comment asks
 * for a rule where a security group does filter it.
 */
public final class AwsSgTarget implements AllowlistTarget {
  /** The default quota of outbound rules per security group and address family. */
  static final int RULES_PER_GROUP = 60;
  /**
   * The characters and length the EC2 API reference allows in an {@code IpRange} or {@code
   * Ipv6Range} description: up to 255 of a-z, A-Z, 0-9, spaces and {@code ._-:/()#,@[]+=&;{}!$*}.
   */
  static final Pattern DESCRIPTION = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*");
  static final int MAX_DESCRIPTION_LENGTH = 255;

  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String name() {
    return "aws-sg";
  }

  @Override
  public String description() {
    return "aws ec2 authorize-security-group-egress commands, split to fit the rules quota";
  }

  @Override
  public List<GeneratedFile> render(Allowlist allowlist) {
    String fileName = "pint-" + allowlist.provider() + "-aws-sg.sh";
    int addressesPerGroup = RULES_PER_GROUP / allowlist.ports().size();
    List<List<IPAddress>> ipv4 = CloudRules.chunks(allowlist.ipv4Addresses(), addressesPerGroup);
    List<List<IPAddress>> ipv6 = CloudRules.chunks(allowlist.ipv6Addresses(), addressesPerGroup);
    int groups = Math.max(ipv4.size(), ipv6.size());

    StringBuilder text = new StringBuilder(Header.comment(allowlist, name(), "# "));
    text.append("# Adds outbound rules for TCP port ").append(ports(allowlist.ports()))
        .append(" to ").append(groups).append(" security group").append(groups == 1 ? "" : "s")
        .append(", given as arguments:\n");
    text.append("#   sh ").append(fileName).append(groups == 0 ? "" : " sg-ID").append(groups > 1 ? " ..." : "")
        .append('\n');
    text.append("# A security group holds ").append(RULES_PER_GROUP).append(" outbound IPv4 and ")
        .append(RULES_PER_GROUP).append(" outbound IPv6 rules by default, and each address\n");
    text.append("# counts once per port. The metadata address ").append(Allowlist.METADATA_ADDRESS)
        .append(" is left out; add a rule if your\n");
    text.append("# security groups filter it.\n");
    text.append("set -eu\n");
    text.append("if [ \"$#\" -ne ").append(groups).append(" ]; then\n");
    text.append("  echo ").append(ShellQuoting.quote(fileName + ": give " + groups + " security group ID"
        + (groups == 1 ? "" : "s"))).append(" >&2\n");
    text.append("  exit 2\n");
    text.append("fi\n");
    for (int group = 0; group < groups; group++) {
      List<IPAddress> groupIpv4 = group < ipv4.size() ? ipv4.get(group) : List.of();
      List<IPAddress> groupIpv6 = group < ipv6.size() ? ipv6.get(group) : List.of();
      text.append("aws ec2 authorize-security-group-egress --group-id \"${").append(group + 1)
          .append("}\" --ip-permissions ")
          .append(ShellQuoting.quote(ipPermissions(allowlist, groupIpv4, groupIpv6))).append('\n');
    }
    return List.of(new GeneratedFile(fileName, text.toString()));
  }

  /** Returns the {@code --ip-permissions} JSON: one {@code IpPermission} per port. */
  static String ipPermissions(Allowlist allowlist, List<IPAddress> ipv4, List<IPAddress> ipv6) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.setPrettyPrinter(prettyPrinter());
      json.writeStartArray();
      for (int port : allowlist.ports()) {
        json.writeStartObject();
        json.writeStringField("IpProtocol", "tcp");
        json.writeNumberField("FromPort", port);
        json.writeNumberField("ToPort", port);
        writeRanges(json, allowlist, "IpRanges", "CidrIp", ipv4);
        writeRanges(json, allowlist, "Ipv6Ranges", "CidrIpv6", ipv6);
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string failed", e);
    }
    return text.toString();
  }

  private static void writeRanges(JsonGenerator json, Allowlist allowlist, String field,
      String cidrField, List<IPAddress> addresses) throws IOException {
    if (addresses.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart(field);
    for (IPAddress address : addresses) {
      json.writeStartObject();
      json.writeStringField(cidrField, CloudRules.hostPrefix(address));
      json.writeStringField("Description", rangeDescription(allowlist, address));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /**
   * Returns what the address is for, such as {@code "SUSE update server eu-west-1 (pint
   * amazon)"}, checked against the EC2 API's description rules.
   */
  static String rangeDescription(Allowlist allowlist, IPAddress address) {
    String suffix = " (pint " + allowlist.provider() + ")";
    List<String> regions = new ArrayList<>();
    for (Map.Entry<String, List<IPAddress>> entry : allowlist.updateServers().entrySet()) {
      if (entry.getValue().contains(address)) {
        regions.add(entry.getKey());
      }
    }
    boolean regionServer = allowlist.regionServers().contains(address);
    String description;
    if (regions.isEmpty()) {
      description = "SUSE region server" + suffix;
    } else {
      String role = regionServer ? "SUSE region server and update server" : "SUSE update server";
      description = CloudRules.withRegions(role, regions, suffix, MAX_DESCRIPTION_LENGTH);
    }
    return CloudRules.checkDescription(description, DESCRIPTION, MAX_DESCRIPTION_LENGTH, "aws-sg");
  }

  private static String ports(List<Integer> ports) {
    List<String> texts = new ArrayList<>();
    for (int port : ports) {
      texts.add(String.valueOf(port));
    }
    return String.join(" and ", texts);
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
