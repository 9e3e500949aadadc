#!/usr/bin/env python3
"""Writes made-up service documents of realistic size under FOLDER/v1, for the benchmarks.

The sizes follow the service's April 2024 lists: amazon 93 update servers in 31 regions,
google 126 in 42, microsoft 202 in 68. Names, regions and addresses are invented; the
addresses come from the documentation ranges of RFC 5737 and RFC 3849.

Usage: make-lists.py FOLDER
"""

import json
import pathlib
import random
import sys

PROVIDERS = {
    # name: (servers, regions, host name, region name pattern, types)
    "amazon": (93, 31, "smt-ec2.susecloud.net", "{area}-{side}-{n}", ["smt"]),
    "google": (126, 42, "smt-gce.susecloud.net", "{area}-{side}{n}", ["smt"]),
    "microsoft": (202, 68, "smt-azure.susecloud.net", "{Area} {Side} {n}", ["smt", "smt-sles"]),
}
AREAS = ["europe", "asia", "america", "africa", "oceania", "middleeast"]
SIDES = ["north", "south", "east", "west", "central"]


def addresses():
    for prefix in ("192.0.2.", "198.51.100.", "203.0.113."):
        for host in range(1, 255):
            yield prefix + str(host)


def region_names(pattern, count):
    names = []
    for i in range(count):
        area = AREAS[i % len(AREAS)]
        side = SIDES[(i // len(AREAS)) % len(SIDES)]
        n = i // (len(AREAS) * len(SIDES)) + 1
        names.append(pattern.format(area=area, side=side, n=n,
                                    Area=area.capitalize(), Side=side.capitalize()))
    return names


def main():
    root = pathlib.Path(sys.argv[1]) / "v1"
    rng = random.Random(2024)
    ips = addresses()
    providers = []
    for provider, (count, region_count, host, pattern, types) in PROVIDERS.items():
        providers.append({"name": provider})
        regions = region_names(pattern, region_count)
        servers = []
        for i in range(count):
            servers.append({
                "ip": next(ips),
                "ipv6": "2001:db8::%x" % (i + 1) if rng.random() < 0.2 else "",
                "name": host,
                "region": regions[i % region_count],
                "type": types[i % len(types)],
            })
        servers.sort(key=lambda s: s["region"])
        folder = root / provider
        (folder / "servers").mkdir(parents=True, exist_ok=True)
        (folder / "servers.json").write_text(json.dumps({"servers": servers}))
        (folder / "regions.json").write_text(
            json.dumps({"regions": [{"name": r} for r in sorted(regions)]}))
        (folder / "servers" / "types.json").write_text(
            json.dumps({"types": [{"name": t} for t in types]}))
    (root / "providers.json").write_text(json.dumps({"providers": providers}))


if __name__ == "__main__":
    main()
