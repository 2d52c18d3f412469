# French strings of the FEC (Fichier des Écritures Comptables) of
# account_fr_export, by English msgid (see i18n/fill_po.py): the export
# wizard (Tryton's account.fr.fec, extended), the « Vérifier un FEC »
# wizard and the validator's problems (msg_fec_*). The column names of the
# FEC (JournalCode, EcritureNum...) are the article's and stay as they are.
# French spacing (non-breaking spaces before : ; ? ! % and inside « ») is
# applied at the end.
import re

FR = {
    # Menus, actions, wizards
    'Generate FEC': "Générer le FEC",
    'Check a FEC File': "Vérifier un fichier FEC",
    'FEC File Report': "Rapport du fichier FEC",
    'Check': "Vérifier",
    'Cancel': "Annuler",
    'Close': "Fermer",

    # The export's first screen
    'From Period': "De la période",
    'Empty: from the start of the fiscal year.':
        "Vide : depuis le début de l'exercice.",
    'To Period': "À la période",
    'Empty: to the end of the fiscal year.':
        "Vide : jusqu'à la fin de l'exercice.",
    'Optional: the adjustment period whose moves (balancing the '
    'non-deferral accounts) are left out of the file.':
        "Facultative : la période d'ajustement dont les écritures (qui "
        "soldent les comptes de gestion) sont laissées hors du fichier.",

    # The report (export and check)
    'Lines': "Lignes",
    'The lines of entries, without the column names.':
        "Les lignes d'écritures, sans la ligne des noms de colonnes.",
    'Entries': "Écritures",
    'Total Debit': "Total débit",
    'Total Credit': "Total crédit",
    'Problems': "Anomalies",
    'Breaches of the rules of article A47 A-1 of the LPF found by the '
    'validator.':
        "Manquements aux règles de l'article A47 A-1 du LPF relevés par "
        "le contrôle.",
    'Report': "Rapport",
    'Each problem with its line in the file.':
        "Chaque anomalie avec sa ligne dans le fichier.",
    'File Name': "Nom du fichier",

    # Check a FEC file
    'FEC File': "Fichier FEC",
    'A Fichier des Écritures Comptables from any software: text separated '
    'by tabs or « | », UTF-8 or ISO 8859-15.':
        "Un fichier des écritures comptables de n'importe quel logiciel : "
        "texte séparé par des tabulations ou des « | », en UTF-8 ou en "
        "ISO 8859-15.",
    'First Day': "Premier jour",
    'Optional: entry dates must fall in the period.':
        "Facultatif : les dates d'écriture doivent être dans la période.",
    'Last Day': "Dernier jour",
    'Continuous Numbers': "Numérotation continue",
    'Check that entry numbers follow each other without gaps (a whole '
    'fiscal year).':
        "Vérifier que les numéros d'écriture se suivent sans trou (un "
        "exercice entier).",

    # The validator's problems (msg_fec_*)
    'The file is empty.': "Le fichier est vide.",
    'The first line must name the 18 columns in order: column '
    '%(position)s is « %(found)s » where « %(expected)s » is expected.':
        "La première ligne doit nommer les 18 colonnes dans l'ordre : la "
        "colonne %(position)s est « %(found)s » au lieu de "
        "« %(expected)s ».",
    'The first line is not separated by tabs or by « | »: one of them must '
    'separate every field of the whole file.':
        "La première ligne n'est séparée ni par des tabulations ni par des "
        "« | » : l'un des deux doit séparer tous les champs de tout le "
        "fichier.",
    '%(count)s fields instead of 18 (a separator other than the header\'s, '
    'or one inside a text).':
        "%(count)s champs au lieu de 18 (un autre séparateur que celui de "
        "la première ligne, ou un séparateur dans un texte).",
    '%(column)s is empty: it is required on every line.':
        "%(column)s est vide : ce champ est obligatoire sur chaque ligne.",
    '« %(value)s » is not a date written AAAAMMJJ.':
        "« %(value)s » n'est pas une date écrite AAAAMMJJ.",
    '%(column)s is empty: the date is required.':
        "%(column)s est vide : la date est obligatoire.",
    'The entry date %(value)s is outside the exported period (%(start)s '
    'to %(end)s).':
        "La date d'écriture %(value)s est hors de la période exportée (du "
        "%(start)s au %(end)s).",
    '« %(value)s » is not an amount: digits with a comma for decimals, no '
    'thousands separator (1234,56).':
        "« %(value)s » n'est pas un montant : des chiffres avec une virgule "
        "pour les décimales, sans séparateur de milliers (1234,56).",
    '%(column)s is negative (%(value)s): amounts are positive, on the '
    'debit or on the credit side.':
        "%(column)s est négatif (%(value)s) : les montants sont positifs, "
        "au débit ou au crédit.",
    'Both Debit (%(debit)s) and Credit (%(credit)s) are not zero: a line '
    'is either a debit or a credit.':
        "Débit (%(debit)s) et Crédit (%(credit)s) sont tous deux non nuls : "
        "une ligne est soit au débit, soit au crédit.",
    'Entry %(number)s of journal %(journal)s is not balanced: debit '
    '%(debit)s, credit %(credit)s.':
        "L'écriture %(number)s du journal %(journal)s n'est pas "
        "équilibrée : débit %(debit)s, crédit %(credit)s.",
    'Entry number %(number)s follows %(previous)s: the numbers in between '
    'are missing.':
        "L'écriture numéro %(number)s suit la %(previous)s : les numéros "
        "intermédiaires manquent.",
    'Entry %(number)s comes after entry %(previous)s but was validated '
    'earlier (%(date)s): numbers must follow the order of validation.':
        "L'écriture %(number)s vient après l'écriture %(previous)s mais a "
        "été validée avant (%(date)s) : les numéros doivent suivre l'ordre "
        "de validation.",
    'Entry %(number)s of journal %(journal)s comes after entry '
    '%(previous)s: entries follow the order of their numbers, the lines of '
    'each one together.':
        "L'écriture %(number)s du journal %(journal)s vient après "
        "l'écriture %(previous)s : les écritures suivent l'ordre de leurs "
        "numéros, les lignes de chacune groupées.",
    'Account number « %(value)s » must start with a class of the chart '
    '(1 to 8) and have at least 3 characters.':
        "Le numéro de compte « %(value)s » doit commencer par une classe "
        "du plan comptable (1 à 8) et compter au moins 3 caractères.",
    '%(column)s is given without %(other)s: both or neither.':
        "%(column)s est renseigné sans %(other)s : les deux ou aucun.",

    # The report and the refusals
    'Line %(line)s: %(text)s': "Ligne %(line)s : %(text)s",
    'Line %(line)s, %(column)s: %(text)s':
        "Ligne %(line)s, %(column)s : %(text)s",
    '… and %(count)s more problems.': "… et %(count)s autres anomalies.",
    'The file is conform: no problem found.':
        "Le fichier est conforme : aucune anomalie.",
    '%(count)s moves of the period are not posted (the first one: '
    '%(move)s of %(date)s in journal %(journal)s). The FEC only holds '
    'posted entries: post or delete them, then export again.':
        "%(count)s écritures de la période ne sont pas validées (la "
        "première : %(move)s du %(date)s dans le journal %(journal)s). Le "
        "FEC ne contient que des écritures validées : validez-les ou "
        "supprimez-les, puis exportez à nouveau.",
    'The period "%(start)s" starts after the period "%(end)s": choose the '
    'first period, then the last one.':
        "La période « %(start)s » commence après la période « %(end)s » : "
        "choisissez d'abord la première période, puis la dernière.",
    'The fiscal year "%(fiscalyear)s" belongs to another workshop: choose '
    'a fiscal year of the current workshop.':
        "L'exercice « %(fiscalyear)s » appartient à un autre atelier : "
        "choisissez un exercice de l'atelier courant.",
    }


def _typography(text):
    """French spacing: a non-breaking space before : ; ? ! % and inside
    « », never before a %(name)s placeholder."""
    text = re.sub(r' (?=[:;?!»]|%(?!\())', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
