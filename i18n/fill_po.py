#!/usr/bin/env python3
"""Fill an addon's locale/fr.po from a glossary module, and check it.

    python i18n/fill_po.py core_addons/saas/locale/fr.po i18n/saas_fr.py \
        [i18n/saas_fr_more.py ...]
    python i18n/fill_po.py --check core_addons/*/locale/fr.po

With --check it exits non-zero when a string is untranslated or fuzzy, or
when a %(name)s placeholder of the English text is missing in French.
"""
import re
import runpy
import sys

import polib

PLACEHOLDER = re.compile(r'%\([a-z_]+\)s|\[\d+:|\[\d+\]')


def problems(path):
    for entry in polib.pofile(path):
        if not entry.msgstr:
            yield f'{path}: untranslated {entry.msgctxt} {entry.msgid!r}'
        elif 'fuzzy' in entry.flags:
            yield f'{path}: fuzzy {entry.msgctxt} {entry.msgid!r}'
        elif (sorted(PLACEHOLDER.findall(entry.msgid))
                != sorted(PLACEHOLDER.findall(entry.msgstr))):
            yield f'{path}: placeholders differ in {entry.msgid!r}'


def fill(path, glossary):
    po = polib.pofile(path)
    for entry in po:
        if entry.msgid in glossary:
            entry.msgstr = glossary[entry.msgid]
            if 'fuzzy' in entry.flags:
                entry.flags.remove('fuzzy')
    po.save(path)


def main(argv):
    if argv[:1] == ['--check']:
        errors = [p for path in argv[1:] for p in problems(path)]
        print('\n'.join(errors) or f'{len(argv) - 1} catalogue(s) complete')
        return 1 if errors else 0
    path, *glossaries = argv
    glossary = {}
    for name in glossaries:
        glossary.update(runpy.run_path(name)['FR'])
    fill(path, glossary)
    return main(['--check', path])


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
