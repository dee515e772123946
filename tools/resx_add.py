#!/usr/bin/env python3
"""Adds or replaces entries in a .resx file, keeping it sorted: resx_add.py FILE KEY=VALUE ... (or lines of KEY=VALUE on stdin)."""
import sys, html, re, os

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    entries = {}
    if os.path.exists(path):
        text = open(path, encoding='utf-8').read()
        for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve">\s*<value>(.*?)</value>\s*</data>', text, re.S):
            entries[html.unescape(m.group(1))] = html.unescape(m.group(2))
    return entries

def save(path, entries):
    out = [HEADER]
    for k in sorted(entries, key=str.casefold):
        out.append(f'  <data name="{html.escape(k)}" xml:space="preserve">\n    <value>{html.escape(entries[k], quote=False)}</value>\n  </data>\n')
    out.append('</root>\n')
    open(path, 'w', encoding='utf-8').write(''.join(out))

if __name__ == '__main__':
    path, pairs = sys.argv[1], sys.argv[2:]
    if not pairs:
        pairs = [l.rstrip('\n') for l in sys.stdin if '=' in l and not l.startswith('#')]
    entries = load(path)
    for p in pairs:
        k, v = p.split('=', 1)
        entries[k.strip()] = v
    save(path, entries)
