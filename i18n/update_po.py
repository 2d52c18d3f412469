#!/usr/bin/env python3
"""Write an addon's locale/<lang>.po from a database where it is activated.

    python i18n/update_po.py -c config/trytond.conf -d demo saas fr

It runs Tryton's "Set Translations" (which collects every string of the
module: fields, help, selections, views, menus, messages, reports) and
"Export Translations", then keeps the msgstr already in the .po file.
"""
import argparse
import os

import polib


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-c', '--config', dest='config_file')
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('module')
    parser.add_argument('lang', nargs='?', default='fr')
    args = parser.parse_args()

    import trytond.config as config
    config.update_etc(args.config_file)
    from trytond.pool import Pool
    from trytond.tools import find_dir
    from trytond.transaction import Transaction

    Pool.start()
    pool = Pool(args.database)
    pool.init()
    with Transaction().start(args.database, 0) as transaction:
        Translation = pool.get('ir.translation')
        TranslationSet = pool.get('ir.translation.set', type='wizard')
        session_id, _, _ = TranslationSet.create()
        TranslationSet(session_id).transition_set_()
        TranslationSet.delete(session_id)
        Lang = pool.get('ir.lang')
        TranslationUpdate = pool.get('ir.translation.update', type='wizard')
        session_id, _, _ = TranslationUpdate.create()
        update = TranslationUpdate(session_id)
        update.start.language, = Lang.search([('code', '=', args.lang)])
        update.do_update({})
        TranslationUpdate.delete(session_id)
        content = Translation.translation_export(args.lang, args.module)
        transaction.rollback()

    path = os.path.join(find_dir(args.module), 'locale', f'{args.lang}.po')
    new = polib.pofile(content.decode('utf-8'))
    if os.path.exists(path):
        old = {(e.msgctxt, e.msgid): e for e in polib.pofile(path)}
        for entry in new:
            previous = old.get((entry.msgctxt, entry.msgid))
            if previous and previous.msgstr and not entry.msgstr:
                entry.msgstr = previous.msgstr
                entry.flags = previous.flags
    new.save(path)
    missing = [e for e in new if not e.msgstr]
    print(f'{path}: {len(new)} strings, {len(missing)} untranslated')


if __name__ == '__main__':
    main()
