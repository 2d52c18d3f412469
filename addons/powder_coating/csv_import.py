# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Reading the CSV files a workshop imports (clients, competitor powders):
pure functions giving, per line, the values or the reasons it is refused,
so the preview shows everything before anything is written."""
import csv
import io
import re
from decimal import Decimal, InvalidOperation

from .duplicates import normalize_email

EMAIL_RE = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')

# Accepted column names (lower case, accents kept) for each field.
CLIENT_COLUMNS = {
    'name': ['name', 'nom', 'raison sociale', 'société', 'societe', 'client'],
    'first_name': ['first_name', 'first name', 'prénom', 'prenom'],
    'email': ['email', 'e-mail', 'mail', 'courriel'],
    'phone': ['phone', 'téléphone', 'telephone', 'tél', 'tel', 'mobile'],
    'street': ['street', 'address', 'adresse', 'rue'],
    'postal_code': ['postal_code', 'zip', 'code postal', 'cp'],
    'city': ['city', 'ville', 'commune'],
    'kind': ['kind', 'type'],
    }
POWDER_COLUMNS = {
    'brand': ['brand', 'marque'],
    'reference': ['reference', 'référence', 'ref', 'réf'],
    'name': ['name', 'nom', 'désignation', 'designation'],
    'powder_type': ['type', 'powder_type', 'chimie'],
    'ral': ['ral', 'teinte'],
    'finish': ['finish', 'finition', 'aspect'],
    'specific_gravity': ['specific_gravity', 'densité', 'densite',
        'gravity'],
    'thickness': ['thickness', 'épaisseur', 'epaisseur'],
    'efficiency': ['efficiency', 'rendement'],
    'cure_temperature': ['cure_temperature', 'température', 'temperature',
        'cuisson °c'],
    'cure_minutes': ['cure_minutes', 'durée', 'duree', 'cuisson min'],
    'price_per_kg': ['price_per_kg', 'prix', 'prix/kg', 'prix kg', 'price'],
    }
KINDS = {
    'pro': 'professional', 'professionnel': 'professional',
    'professional': 'professional', 'entreprise': 'professional',
    'particulier': 'private', 'private': 'private', 'part': 'private',
    }
POWDER_TYPES = {
    'epoxy': 'epoxy', 'époxy': 'epoxy', 'polyester': 'polyester',
    'epoxy-polyester': 'epoxy_polyester', 'époxy-polyester':
    'epoxy_polyester', 'hybride': 'epoxy_polyester',
    'polyurethane': 'polyurethane', 'polyuréthane': 'polyurethane',
    'acrylic': 'acrylic', 'acrylique': 'acrylic', 'primer': 'primer',
    'primaire': 'primer', 'varnish': 'varnish', 'vernis': 'varnish',
    }
FINISHES = {
    'mat': 'matt', 'matt': 'matt', 'satiné': 'satin', 'satine': 'satin',
    'satin': 'satin', 'brillant': 'gloss', 'gloss': 'gloss',
    'texturé': 'textured', 'texture': 'textured', 'textured': 'textured',
    'métallisé': 'metallic', 'metallise': 'metallic',
    'metallic': 'metallic', 'sablé': 'sanded', 'sable': 'sanded',
    'sanded': 'sanded', 'martelé': 'hammered', 'martele': 'hammered',
    'hammered': 'hammered',
    }


class Row:
    "One line of the file: its number, its values and its problems."

    def __init__(self, number, values, errors):
        self.number = number
        self.values = values
        self.errors = errors

    @property
    def valid(self):
        return not self.errors

    def __repr__(self):
        return f'Row({self.number}, {self.values!r}, {self.errors!r})'


def read_table(data):
    """The rows of a CSV file as dicts by lower-cased header: UTF-8 (with or
    without BOM) or Latin-1, comma or semicolon separated."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        try:
            text = data.decode('utf-8-sig')
        except UnicodeDecodeError:
            text = data.decode('latin-1')
    else:
        text = data
    sample = text[:4096]
    delimiter = ';' if sample.count(';') > sample.count(',') else ','
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames:
        return []
    rows = []
    for row in reader:
        rows.append({(k or '').strip().lower(): (v or '').strip()
                for k, v in row.items() if k is not None})
    return rows


def _pick(row, aliases):
    for alias in aliases:
        if row.get(alias):
            return row[alias]
    return ''


def _decimal(value):
    try:
        return Decimal(value.replace(' ', '').replace(',', '.'))
    except (InvalidOperation, AttributeError):
        return None


def parse_clients(data):
    """The client lines of a CSV file. Errors are message keys with their
    values: ('missing_name', {}), ('bad_email', {'email': ...}),
    ('bad_kind', {'kind': ...}), ('duplicate_in_file', {'line': n})."""
    result, seen = [], {}
    for number, row in enumerate(read_table(data), start=2):
        values = {k: _pick(row, v) for k, v in CLIENT_COLUMNS.items()}
        if not any(values.values()):
            continue
        errors = []
        name = ' '.join(p for p in [values.pop('first_name'),
                values['name']] if p).strip()
        values['name'] = name
        if not name:
            errors.append(('missing_name', {}))
        email = normalize_email(values['email'])
        values['email'] = email
        if email and not EMAIL_RE.match(email):
            errors.append(('bad_email', {'email': email}))
        kind = values['kind'].lower()
        if kind and kind not in KINDS:
            errors.append(('bad_kind', {'kind': values['kind']}))
        values['kind'] = KINDS.get(kind)
        if email and email in seen:
            errors.append(('duplicate_in_file', {'line': seen[email]}))
        elif email:
            seen[email] = number
        result.append(Row(number, values, errors))
    return result


def parse_powders(data, ral_codes=None):
    """The powder lines of a CSV file, with per-line errors: missing brand
    or reference, unknown type, finish or RAL shade, numbers that are not
    numbers or not positive."""
    result = []
    for number, row in enumerate(read_table(data), start=2):
        raw = {k: _pick(row, v) for k, v in POWDER_COLUMNS.items()}
        if not any(raw.values()):
            continue
        errors = []
        values = {'brand': raw['brand'], 'reference': raw['reference'],
            'name': raw['name'] or None}
        for name in ['brand', 'reference']:
            if not raw[name]:
                errors.append(('missing', {'field': name}))
        kind = raw['powder_type'].lower()
        values['powder_type'] = POWDER_TYPES.get(kind, 'polyester'
            if not kind else None)
        if values['powder_type'] is None:
            errors.append(('bad_choice', {'field': 'powder_type',
                        'value': raw['powder_type']}))
        finish = raw['finish'].lower()
        values['finish'] = FINISHES.get(finish, 'gloss'
            if not finish else None)
        if values['finish'] is None:
            errors.append(('bad_choice', {'field': 'finish',
                        'value': raw['finish']}))
        ral = raw['ral'].upper().replace('RAL', '').strip()
        values['ral'] = f'RAL {ral}' if ral else None
        if ral and ral_codes is not None and values['ral'] not in ral_codes:
            errors.append(('bad_ral', {'value': raw['ral']}))
        for name, integer in [('specific_gravity', False),
                ('thickness', True), ('efficiency', False),
                ('cure_temperature', True), ('cure_minutes', True),
                ('price_per_kg', False)]:
            value = _decimal(raw[name]) if raw[name] else None
            if raw[name] and (value is None or value <= 0):
                errors.append(('bad_number', {'field': name,
                            'value': raw[name]}))
                value = None
            if value is not None and integer:
                value = int(value)
            values[name] = value
        if values['efficiency'] is not None and values['efficiency'] <= 1:
            values['efficiency'] *= 100  # 0.65 written as a fraction
        if values['price_per_kg'] is None and not any(
                e[0] == 'bad_number' and e[1]['field'] == 'price_per_kg'
                for e in errors):
            errors.append(('missing', {'field': 'price_per_kg'}))
        result.append(Row(number, values, errors))
    return result
