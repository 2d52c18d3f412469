# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import unittest
from decimal import Decimal

from trytond.modules.powder_coating.csv_import import (
    parse_clients, parse_powders, read_table)


class CSVImportTestCase(unittest.TestCase):
    "Reading the clients and powders a workshop imports"

    def test_read_table_semicolon_latin1(self):
        "A spreadsheet's French CSV (semicolons, Latin-1) is read"
        data = "Nom;Prénom;Ville\nDupont;Jean;Lyon\n".encode('latin-1')
        self.assertEqual(read_table(data),
            [{'nom': 'Dupont', 'prénom': 'Jean', 'ville': 'Lyon'}])

    def test_clients(self):
        "Each line gives a client or says why not"
        data = (
            "nom,prénom,email,téléphone,type\n"
            "Dupont,Jean,Jean@Dupont.fr,06 12 34 56 78,particulier\n"
            ",,nobody@example.com,,\n"
            "Garage Martin,,not-an-email,,pro\n"
            "Durand,Paul,jean@dupont.fr,,inconnu\n"
            ",,,,\n").encode()
        rows = parse_clients(data)
        self.assertEqual([r.number for r in rows], [2, 3, 4, 5])
        first = rows[0]
        self.assertTrue(first.valid)
        self.assertEqual(first.values['name'], "Jean Dupont")
        self.assertEqual(first.values['email'], 'jean@dupont.fr')
        self.assertEqual(first.values['kind'], 'private')
        self.assertEqual(rows[1].errors, [('missing_name', {})])
        self.assertEqual(rows[2].errors,
            [('bad_email', {'email': 'not-an-email'})])
        self.assertEqual(rows[2].values['kind'], 'professional')
        self.assertEqual(rows[3].errors, [
                ('bad_kind', {'kind': 'inconnu'}),
                ('duplicate_in_file', {'line': 2})])

    def test_powders(self):
        "Numbers in French notation, RAL checked, bad values per line"
        data = (
            "marque;référence;type;ral;finition;densité;épaisseur;"
            "rendement;température;durée;prix/kg\n"
            "Axalta;AX-9010-M;polyester;9010;mat;1,45;70;0,65;190;12;16,90\n"
            "Tiger;T-1;vinyle;7016;brillant;1,5;70;65;200;10;15\n"
            "Tiger;T-2;polyester;9999;brillant;-1;70;65;200;10;\n"
            ";;;;;;;;;;\n").encode()
        rows = parse_powders(data, ral_codes={'RAL 9010', 'RAL 7016'})
        self.assertEqual(len(rows), 3)
        axalta = rows[0]
        self.assertTrue(axalta.valid, axalta.errors)
        self.assertEqual(axalta.values['specific_gravity'], Decimal('1.45'))
        self.assertEqual(axalta.values['efficiency'], Decimal('65.00'))
        self.assertEqual(axalta.values['finish'], 'matt')
        self.assertEqual(axalta.values['ral'], 'RAL 9010')
        self.assertEqual(axalta.values['price_per_kg'], Decimal('16.90'))
        self.assertEqual(rows[1].errors, [('bad_choice',
                    {'field': 'powder_type', 'value': 'vinyle'})])
        self.assertEqual([e[0] for e in rows[2].errors],
            ['bad_ral', 'bad_number', 'missing'])
