# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Pure functions to recognise the same client typed twice: by email, by
phone (French numbers in any notation) or by last name + first name."""
import re
import unicodedata

CRITERIA = ('email', 'phone', 'name')


def normalize_email(value):
    return (value or '').strip().lower() or None


def normalize_phone(value):
    """The phone as digits in international French form: "06 12 34 56 78",
    "+33 6 12 34 56 78" and "0033612345678" give "33612345678"."""
    digits = re.sub(r'\D', '', value or '')
    if not digits:
        return None
    if digits.startswith('0033'):
        digits = '33' + digits[4:]
    elif digits.startswith('00'):
        digits = digits[2:]
    elif digits.startswith('0') and len(digits) == 10:
        digits = '33' + digits[1:]
    if digits.startswith('330'):
        digits = '33' + digits[3:]
    return digits if len(digits) >= 8 else None


def normalize_name(value):
    """A name without accents, case, punctuation or word order:
    "Dupont Jean", "JEAN DUPONT" and "Jean-Dupont" match."""
    text = unicodedata.normalize('NFKD', value or '')
    text = text.encode('ascii', 'ignore').decode('ascii').lower()
    words = [w for w in re.split(r'[^a-z0-9]+', text)
        if w and w not in {'m', 'mme', 'mr', 'mlle', 'monsieur', 'madame'}]
    return ' '.join(sorted(words)) or None


def keys(name=None, email=None, phone=None, criteria=CRITERIA):
    "The matching keys of a client for the criteria the workshop chose."
    result = set()
    if 'email' in criteria and normalize_email(email):
        result.add(('email', normalize_email(email)))
    if 'phone' in criteria and normalize_phone(phone):
        result.add(('phone', normalize_phone(phone)))
    if 'name' in criteria and normalize_name(name):
        result.add(('name', normalize_name(name)))
    return result
