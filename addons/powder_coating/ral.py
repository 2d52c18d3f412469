# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The RAL Classic shades, loaded from the project's data/ral table."""
import csv
import os
import struct
import zlib

from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.transaction import Transaction

from .tools import match_any

RAL_FILE = os.path.join(os.path.dirname(__file__), 'data', 'ral_classic.csv')


def read_ral_table(path=RAL_FILE):
    "The rows of the RAL table: dicts with code, name_fr, name_en, hex."
    with open(path, newline='', encoding='utf-8') as file:
        return [row for row in csv.DictReader(file) if row.get('code')]


def swatch_png(hex_colour, width=48, height=24):
    "A plain PNG of the colour, shown next to the shade's name."
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    row = b'\x00' + bytes([red, green, blue]) * width
    raw = row * height

    def chunk(kind, data):
        body = kind + data
        return (struct.pack('>I', len(data)) + body
            + struct.pack('>I', zlib.crc32(body) & 0xffffffff))
    return (b'\x89PNG\r\n\x1a\n'
        + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
        + chunk(b'IDAT', zlib.compress(raw))
        + chunk(b'IEND', b''))


class RAL(ModelSQL, ModelView):
    "RAL Shade"
    __name__ = 'powder_coating.ral'
    __string__ = "RAL Shade"

    code = fields.Char("Code", required=True, readonly=True)
    name_fr = fields.Char("French Name", readonly=True)
    name_en = fields.Char("English Name", readonly=True)
    name = fields.Function(fields.Char("Name"), 'get_name',
        searcher='search_name')
    hex = fields.Char("Colour", readonly=True,
        help="An sRGB approximation: the printed RAL card is the reference.")
    swatch = fields.Function(fields.Binary("Swatch"), 'get_swatch')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'powder_coating.msg_ral_code_unique'),
            ]
        cls._order = [('code', 'ASC'), ('id', 'ASC')]

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        cls.load_table()

    @classmethod
    def load_table(cls, path=RAL_FILE):
        "Insert or update every shade of the shipped table."
        if not os.path.exists(path):
            return
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.id, table.code))
        existing = {code: id_ for id_, code in cursor}
        for row in read_ral_table(path):
            values = [row['name_fr'], row['name_en'], row['hex'].lower()]
            columns = [table.name_fr, table.name_en, table.hex]
            if row['code'] in existing:
                cursor.execute(*table.update(columns, values,
                        where=table.id == existing[row['code']]))
            else:
                cursor.execute(*table.insert(
                        [table.code] + columns, [[row['code']] + values]))

    def get_name(self, name):
        language = Transaction().language or 'fr'
        if language.startswith('fr'):
            return self.name_fr or self.name_en
        return self.name_en or self.name_fr

    @classmethod
    def search_name(cls, name, clause):
        return match_any(clause, ['name_fr', 'name_en'])

    def get_rec_name(self, name):
        return f'{self.code} {self.name or ""}'.strip()

    @classmethod
    def search_rec_name(cls, name, clause):
        value = clause[2]
        code_value = value
        if isinstance(value, str) and value.strip().isdigit():
            code_value = value.replace(value.strip(), 'RAL ' + value.strip())
        return match_any(clause[:3], ['code', 'name'],
            values={'code': code_value})

    def get_swatch(self, name):
        if self.hex:
            return swatch_png(self.hex)
