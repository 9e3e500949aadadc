#!/usr/bin/python3
"""Print a service document the way the reference pint client formats it.

Usage: reference_format.py json|xml LIST_NAME ENTRY_NAME < document.json

The reference client parses the service's JSON with Python's json module and prints either
json.dumps(..., sort_keys=True, indent=2, separators=(',', ': ')) or lxml's pretty-printed
tree with an XML declaration, each followed by print()'s newline. The Java tests compare
their output with this script's, and the golden files were produced with it.
"""
import json
import sys

from lxml import etree


def main():
    output_format, list_name, entry_name = sys.argv[1:4]
    entries = json.load(sys.stdin)[list_name]
    if output_format == 'json':
        text = json.dumps({list_name: entries}, sort_keys=True, indent=2, separators=(',', ': '))
    else:
        root = etree.Element(list_name)
        for entry in entries:
            etree.SubElement(root, entry_name, entry)
        text = etree.tostring(root, xml_declaration=True, encoding='UTF-8', pretty_print=True).decode()
    sys.stdout.buffer.write((text + '\n').encode('utf-8'))


if __name__ == '__main__':
    main()
