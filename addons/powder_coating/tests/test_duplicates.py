# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import unittest

from trytond.modules.powder_coating.duplicates import (
    keys, normalize_name, normalize_phone)


class DuplicatesTestCase(unittest.TestCase):
    "Recognising the same client typed twice"

    def test_phone(self):
        "French numbers match in any notation"
        for value in ['06 12 34 56 78', '+33 6 12 34 56 78',
                '0033612345678', '+33 (0)6 12 34 56 78', '06.12.34.56.78']:
            with self.subTest(value=value):
                self.assertEqual(normalize_phone(value), '33612345678')
        self.assertIsNone(normalize_phone('12'))
        self.assertIsNone(normalize_phone(None))

    def test_name(self):
        "Case, accents, word order and civility do not matter"
        self.assertEqual(normalize_name("Dupont Jean"),
            normalize_name("JEAN DUPONT"))
        self.assertEqual(normalize_name("Mme Hélène Lefèvre"),
            normalize_name("lefevre helene"))
        self.assertNotEqual(normalize_name("Jean Dupont"),
            normalize_name("Jeanne Dupont"))

    def test_keys_follow_criteria(self):
        "Only the workshop's criteria count"
        both = keys("Jean Dupont", "J@D.fr", "06 12 34 56 78")
        self.assertEqual({k for k, _ in both}, {'email', 'phone', 'name'})
        self.assertEqual(
            keys("Jean Dupont", "j@d.fr", None, criteria=('email',)),
            {('email', 'j@d.fr')})
        self.assertEqual(keys(None, None, None), set())
