# French strings of the account_fr_export CSV exports and Pennylane sync,
# by English msgid (see i18n/fill_po.py). Non-breaking spaces before
# « : ; ? ! % » and inside « » are applied at the end.
import re

FR = {
    # CSV export wizard
    'Export to CSV': "Exporter en CSV",
    'Workshop': "Atelier",
    'Only this workshop\'s records are exported.':
        "Seules les données de cet atelier sont exportées.",
    'Export': "Exporter",
    'Invoices and credit notes, payments received, or the clients '
    'invoiced in the period.':
        "Les factures et avoirs, les paiements reçus, ou les clients "
        "facturés sur la période.",
    'Invoices': "Factures",
    'Payments': "Paiements",
    'Clients': "Clients",
    'From': "Du",
    'To': "Au",
    'First day of the period, included.':
        "Premier jour de la période, inclus.",
    'Last day of the period, included.':
        "Dernier jour de la période, inclus.",
    'Invoice State': "État des factures",
    'All but Drafts': "Toutes sauf les brouillons",
    'Posted (Unpaid)': "Validées (non payées)",
    'Paid': "Payées",
    'Which invoices: posted and not yet paid, paid, or every numbered '
    'invoice.':
        "Quelles factures : validées et pas encore payées, payées, ou "
        "toutes les factures numérotées.",
    'Client': "Client",
    'Leave empty for every client.': "Laissez vide pour tous les clients.",
    'Payment Journal': "Journal de paiement",
    'Leave empty for every journal.': "Laissez vide pour tous les journaux.",
    'Payment Method': "Moyen de paiement",
    'Card (Stripe), SEPA debit, manual... Leave empty for all.':
        "Carte (Stripe), prélèvement SEPA, manuel… Laissez vide pour "
        "tous.",
    'Filters': "Filtres",
    'File': "Fichier",
    'File Name': "Nom du fichier",
    'Lines': "Lignes",
    'The number of records in the file, header excluded.':
        "Le nombre de lignes du fichier, en-tête non compris.",
    'Cancel': "Annuler",
    'Close': "Fermer",
    # CSV columns
    'Number': "Numéro",
    'Date': "Date",
    'Due Date': "Échéance",
    'SIREN': "SIREN",
    'VAT Number': "N° TVA intracommunautaire",
    'Excl. VAT': "Montant HT",
    'VAT': "TVA",
    'Incl. VAT': "Montant TTC",
    'Amount to Pay': "Reste à payer",
    'State': "État",
    'Journal': "Journal",
    'Method': "Moyen",
    'Amount': "Montant",
    'Origin': "Origine",
    'Name': "Nom",
    'Email': "E-mail",
    'Phone': "Téléphone",
    'Address': "Adresse",
    'Postal Code': "Code postal",
    'City': "Ville",
    'Country': "Pays",
    # CSV errors
    "The period's first day must come before its last day.":
        "Le premier jour de la période doit précéder le dernier.",
    'Nothing to export for %(period)s with these filters: no file was made. '
    'Widen the period or clear a filter.':
        "Rien à exporter pour %(period)s avec ces filtres : aucun fichier "
        "n'a été créé. Élargissez la période ou retirez un filtre.",
    # Pennylane sync on invoices
    'Accounting Sync': "Synchronisation comptable",
    'Whether the invoice and its PDF reached the workshop\'s accounting '
    'software (Pennylane).':
        "Si la facture et son PDF sont arrivés dans le logiciel comptable "
        "de l'atelier (Pennylane).",
    'Not Sent': "Non envoyée",
    'Sent': "Envoyée",
    'To Resend': "À renvoyer",
    'Pennylane ID': "Identifiant Pennylane",
    "The invoice's id in the accounting software.":
        "L'identifiant de la facture dans le logiciel comptable.",
    'Sync Message': "Message d'envoi",
    'Why the last sending failed.': "Pourquoi le dernier envoi a échoué.",
    'Sync Attempts': "Tentatives d'envoi",
    'Next Sync Attempt': "Prochain envoi",
    'When the cron sends the invoice again; empty when the accounting '
    'software refused it (correct, then send again).':
        "Quand la facture sera renvoyée automatiquement ; vide si le "
        "logiciel comptable l'a refusée (corrigez, puis renvoyez-la).",
    'Send to Pennylane': "Envoyer à Pennylane",
    'Send Invoices to Accounting Again':
        "Renvoyer les factures en comptabilité",
    'No accounting software answered for this workshop: choose a provider '
    'for « Accounting Sync » in the connector settings.':
        "Aucun logiciel comptable n'a répondu pour cet atelier : choisissez "
        "un fournisseur pour « Synchronisation comptable » dans les "
        "connecteurs.",
    }


def _typography(text):
    """French spacing: a non-breaking space before : ; ? ! % and inside
    « », never before a %(name)s placeholder."""
    text = re.sub(r' (?=[:;?!»]|%(?!\())', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


FR = {english: _typography(french) for english, french in FR.items()}
