# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The user messages of the connectors, translated with Tryton's ir.message.

The providers also run without a database (a partner's tools, the provider
tests): there the English text of the module's XML files is used."""
import functools
import glob
import os
import xml.etree.ElementTree as ET

from trytond.i18n import gettext as tryton_gettext
from trytond.pool import Pool
from trytond.transaction import Transaction

MODULE = 'connector'
XML_FILES = os.path.join(os.path.dirname(__file__), '*.xml')


@functools.lru_cache(maxsize=None)
def english_messages():
    "The English text of every ir.message of the module's XML, by id."
    messages = {}
    for path in sorted(glob.glob(XML_FILES)):
        for record in ET.parse(path).iter('record'):
            if record.get('model') != 'ir.message':
                continue
            for field in record.iter('field'):
                if field.get('name') == 'text':
                    messages[record.get('id')] = field.text or ''
    return messages


def gettext(message_id, **variables):
    """The message `message_id` of this module (e.g. 'msg_siret_invalid')
    in the user's language, with `variables` filled in; in English when
    the database does not know it yet."""
    if Transaction().database and Pool().ready:
        try:
            return tryton_gettext(
                '%s.%s' % (MODULE, message_id), **variables)
        except (KeyError, ValueError):
            pass
    text = english_messages()[message_id]
    return text % variables if variables else text
