# French strings of the invoice PDF, its Factur-X and its email
# (addons/account_fr_export: report/invoice.html, invoice_email.py,
# invoice_email.xml), by English msgid (see i18n/fill_po.py). The legal
# wording follows the Commercial Code (articles L441-9, L441-10, D441-5):
# « Pas d'escompte pour paiement anticipé », « Indemnité forfaitaire pour
# frais de recouvrement ». French typography (non-breaking spaces before
# : ; ? ! % and inside « ») is applied at the end.
import os
import re
import xml.etree.ElementTree as ET

FR = {
    # The report (ir.action.report) and its PDF
    'Invoice': "Facture",
    'INVOICE': "FACTURE",
    'DEPOSIT INVOICE': "FACTURE D'ACOMPTE",
    'CREDIT NOTE': "AVOIR",
    'Share capital': "Capital social",
    'with a share capital of': "au capital de",
    'SIREN': "SIREN",
    'SIRET': "SIRET",
    'VAT number': "N° TVA intracommunautaire",
    'Date': "Date",
    'Date of service': "Date de la prestation",
    'Due date': "Date d'échéance",
    'Your reference': "Votre référence",
    'Seller': "Vendeur",
    'Client': "Client",
    'Credit note for invoice': "Avoir sur la facture",
    'dated': "du",
    'Description': "Désignation",
    'Qty': "Qté",
    'Unit price excl. VAT': "Prix unitaire HT",
    'VAT': "TVA",
    'VAT rate': "Taux de TVA",
    'Base excl. VAT': "Base HT",
    'Total excl. VAT': "Total HT",
    'Total incl. VAT': "Total TTC",
    'Already paid': "Déjà réglé",
    'Amount due': "Net à payer",
    'Amount credited': "Montant de l'avoir",
    'Payment': "Règlement",
    'Payment due by': "À régler au plus tard le",
    'No discount for early payment.':
        "Pas d'escompte pour paiement anticipé.",
    'Late payment interest:': "Pénalités de retard :",
    'per year, from the day after the due date.':
        "par an, exigibles dès le lendemain de la date d'échéance.",
    "Late payment interest: the European Central Bank's refinancing rate "
    "plus 10 points (art. L441-10 of the Commercial Code), from the day "
    "after the due date.":
        "Pénalités de retard : taux de refinancement de la Banque centrale "
        "européenne majoré de 10 points (art. L441-10 du Code de "
        "commerce), exigibles dès le lendemain de la date d'échéance.",
    'Fixed indemnity for recovery costs:':
        "Indemnité forfaitaire pour frais de recouvrement :",
    '(art. D441-5 of the Commercial Code).':
        "(art. D441-5 du Code de commerce).",
    'Thank you for your trust.': "Merci de votre confiance.",

    # The invoice's email (fields and view)
    'Invoice Email': "E-mail de la facture",
    'The email that sent the invoice (Factur-X PDF) to the client.':
        "L'e-mail qui a envoyé la facture (PDF Factur-X) au client.",
    'Emailed To': "Envoyée à",
    'The address the invoice was emailed to.':
        "L'adresse à laquelle la facture a été envoyée.",
    'Email State': "État de l'envoi",
    'Queued: waiting for the mail server (retried). Sent: the mail server '
    'accepted it.':
        "En attente : le serveur de messagerie n'a pas encore accepté "
        "l'e-mail (nouvel essai automatique). Envoyé : le serveur de "
        "messagerie l'a accepté.",
    'Emailed at': "Envoyée le",
    "When the mail server accepted the invoice's email.":
        "Quand le serveur de messagerie a accepté l'e-mail de la facture.",
    'Email': "E-mail",
    'Invoice to the Client': "Facture au client",
    "${'Credit note' if record.email_is_credit_note else 'Invoice'} "
    "${record.number} – ${record.company.rec_name}":
        "${'Avoir' if record.email_is_credit_note else 'Facture'} "
        "${record.number} – ${record.company.rec_name}",
    }

# Phrases of the email's MJML body, replaced in place (like
# powder_coating_fr.py does for its emails).
EMAIL_PHRASES = [
    ("${'Your credit note' if record.email_is_credit_note "
        "else 'Your invoice'}",
        "${'Votre avoir' if record.email_is_credit_note "
        "else 'Votre facture'}"),
    ("Hello ${record.party.rec_name},", "Bonjour ${record.party.rec_name},"),
    ("Please find attached ${'our credit note' if record.email_is_credit_note "
        "else 'our invoice'} ${record.number} of "
        "${format_date(record.invoice_date)}, "
        "${format_currency(record.email_amount, None, "
        "record.currency)} incl. VAT.",
        "Veuillez trouver ci-joint ${'notre avoir' if "
        "record.email_is_credit_note else 'notre facture'} "
        "${record.number} du "
        "${format_date(record.invoice_date)}, d'un montant de "
        "${format_currency(record.email_amount, None, "
        "record.currency)} TTC."),
    ("' Payment is due by %s.'", "' À régler au plus tard le %s.'"),
    ("The PDF is a Factur-X electronic invoice: your accounting software "
        "can read its data directly.",
        "Le PDF est une facture électronique Factur-X : votre logiciel "
        "comptable peut en lire directement les données."),
    ("Any question? Reply to this email. Thank you for your trust, the team "
        "of ${record.company.rec_name}.",
        "Une question ? Répondez simplement à cet e-mail. Merci de votre "
        "confiance, l'équipe de ${record.company.rec_name}."),
    ]


def _typography(text):
    """French spacing: a non-breaking space before : ; ? ! % and inside
    « », never before a %(name)s placeholder or %s."""
    text = re.sub(r' (?=[:;?!»]|%(?![(s]))', '\u00a0', text)
    return text.replace('« ', '«\u00a0')


def _email_body():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
        'addons', 'account_fr_export', 'invoice_email.xml')
    for record in ET.parse(path).iter('record'):
        if record.get('id') == 'email_invoice':
            for field in record.iter('field'):
                if field.get('name') == 'body':
                    return field.text


FR = {english: _typography(french) for english, french in FR.items()}
_body = _email_body()
_french = _body
for _english, _translation in EMAIL_PHRASES:
    assert _english in _french, _english
    _french = _french.replace(_english, _typography(_translation))
FR[_body] = _french
