# French strings of the powder_coating SEPA direct debit (prélèvement SEPA),
# by English msgid (see i18n/fill_po.py). The mandate text is the French
# wording of the EPC rulebook's mandate (« En signant ce formulaire de
# mandat… »). The typography of powder_coating_fr.py (non-breaking spaces)
# is applied at the end.
import os
import runpy

FR = {
    # Messages (sepa.xml)
    "%(workshop)s cannot take SEPA direct debits yet: enter the workshop's "
    "IBAN (Bank Accounts) and its SEPA creditor identifier (Identifiers, "
    "type SEPA Creditor Identifier) on the workshop's party (Company), then "
    "try again.":
        "%(workshop)s ne peut pas encore prélever : saisissez l'IBAN de "
        "l'atelier (Comptes bancaires) et son identifiant créancier SEPA "
        "(ICS ; Identifiants, type « SEPA Creditor Identifier ») sur le tiers "
        "de l'atelier (Société), puis réessayez.",
    "%(workshop)s does not take SEPA direct debits yet. You can pay by card "
    "or by bank transfer.":
        "%(workshop)s ne propose pas encore le prélèvement SEPA. Vous "
        "pouvez payer par carte ou par virement.",
    "Direct debit planned: %(amount)s will be debited from the account "
    "%(account)s. Nothing more to pay with this link.":
        "Prélèvement programmé : %(amount)s sera prélevé sur le compte "
        "%(account)s. Plus rien à payer avec ce lien.",
    "Enter the name of the account holder.":
        "Saisissez le nom du titulaire du compte.",
    "This IBAN is not valid: check it on your bank details (RIB), for "
    "example FR76 3000 6000 0112 3456 7890 189.":
        "Cet IBAN n'est pas valide : vérifiez-le sur votre RIB, par exemple "
        "FR76 3000 6000 0112 3456 7890 189.",
    "This account is outside the SEPA area: it cannot be debited. Pay by "
    "card or by bank transfer.":
        "Ce compte est hors de la zone SEPA : il ne peut pas être prélevé. "
        "Payez par carte ou par virement.",
    "This BIC is not valid (8 or 11 letters and digits, for example "
    "AGRIFRPP): correct it or leave it empty.":
        "Ce BIC n'est pas valide (8 ou 11 lettres et chiffres, par exemple "
        "AGRIFRPP) : corrigez-le ou laissez-le vide.",
    "Choose the type of direct debit: business to business (B2B) or core "
    "(CORE).":
        "Choisissez le type de prélèvement : interentreprises (B2B) ou "
        "standard (CORE).",
    "Tick the box to sign the mandate: without it nothing is debited.":
        "Cochez la case pour signer le mandat : sans elle, rien n'est "
        "prélevé.",
    "SEPA direct debit to %(workshop)s":
        "Prélèvement SEPA au profit de %(workshop)s",
    "Pay by SEPA direct debit": "Payer par prélèvement SEPA",
    "For businesses: sign a SEPA mandate online and the amount is debited "
    "from your account, with no card.":
        "Pour les professionnels : signez un mandat SEPA en ligne et le "
        "montant est prélevé sur votre compte, sans carte.",
    "Your bank rejected the last direct debit: nothing was paid. You can "
    "pay by card or sign a new mandate.":
        "Votre banque a rejeté le dernier prélèvement : rien n'a été payé. "
        "Vous pouvez payer par carte ou signer un nouveau mandat.",
    "Account holder": "Titulaire du compte",
    "IBAN": "IBAN",
    "As on your bank details (RIB); spaces do not matter.":
        "Comme sur votre RIB ; les espaces sont sans importance.",
    "BIC (optional)": "BIC (facultatif)",
    "Type of direct debit": "Type de prélèvement",
    "Business to business (B2B): for companies; no refund after the debit. "
    "Tell your bank about this mandate.":
        "Interentreprises (B2B) : pour les entreprises ; pas de "
        "remboursement après le prélèvement. Signalez ce mandat à votre "
        "banque.",
    "Core (CORE): refund possible within 8 weeks.":
        "Standard (CORE) : remboursement possible pendant 8 semaines.",
    "SEPA direct debit mandate": "Mandat de prélèvement SEPA",
    "Creditor: %(workshop)s, SEPA creditor identifier (ICS) %(ics)s.":
        "Créancier : %(workshop)s, identifiant créancier SEPA (ICS) "
        "%(ics)s.",
    "By signing this mandate form, you authorise (A) %(workshop)s to send "
    "instructions to your bank to debit your account and (B) your bank to "
    "debit your account in accordance with the instructions from "
    "%(workshop)s.":
        "En signant ce formulaire de mandat, vous autorisez (A) "
        "%(workshop)s à envoyer des instructions à votre banque pour débiter "
        "votre compte, et (B) votre banque à débiter votre compte "
        "conformément aux instructions de %(workshop)s.",
    "Business to business (B2B): this mandate is only intended for "
    "business-to-business transactions. You are not entitled to a refund "
    "from your bank after your account has been debited, but you are "
    "entitled to request your bank not to debit your account up until the "
    "day on which the payment is due.":
        "Interentreprises (B2B) : ce mandat est destiné uniquement aux "
        "transactions interentreprises. Vous n'avez pas le droit d'être "
        "remboursé par votre banque après que votre compte a été débité, "
        "mais vous pouvez demander à votre banque de ne pas débiter votre "
        "compte jusqu'au jour de l'échéance.",
    "Core (CORE): as part of your rights, you are entitled to a refund from "
    "your bank under the terms and conditions of your agreement with your "
    "bank. A refund must be claimed within 8 weeks starting from the date "
    "on which your account was debited.":
        "Standard (CORE) : vous bénéficiez du droit d'être remboursé par "
        "votre banque selon les conditions décrites dans la convention que "
        "vous avez passée avec elle. Une demande de remboursement doit être "
        "présentée dans les 8 semaines suivant la date de débit de votre "
        "compte pour un prélèvement autorisé.",
    "I sign this mandate and authorise %(workshop)s to debit %(amount)s "
    "from this account.":
        "Je signe ce mandat et autorise %(workshop)s à prélever %(amount)s "
        "sur ce compte.",
    "Sign the mandate": "Signer le mandat",
    "Back to the other means of payment":
        "Revenir aux autres moyens de paiement",
    "Direct debit planned": "Prélèvement programmé",
    "Thank you. %(amount)s will be debited from the account %(account)s by "
    "%(workshop)s with its next direct debits. Your rights regarding this "
    "mandate are explained in a statement that you can obtain from your "
    "bank.":
        "Merci. %(amount)s sera prélevé sur le compte %(account)s par "
        "%(workshop)s lors de ses prochains prélèvements. Vos droits "
        "concernant ce mandat sont expliqués dans un document que vous "
        "pouvez obtenir auprès de votre banque.",
    "Mandate reference": "Référence unique du mandat (RUM)",
    "Creditor identifier": "Identifiant créancier (ICS)",

    # Model fields and states (sepa.py)
    "SEPA Debit Planned": "Prélèvement SEPA programmé",
    "SEPA Mandate": "Mandat SEPA",
    "The mandate the client signed on the link's page.":
        "Le mandat signé par le client sur la page du lien.",
    "SEPA Debit": "Prélèvement SEPA",
    "The debit planned with the mandate; collected with the next SEPA "
    "payment group.":
        "Le prélèvement programmé avec le mandat ; encaissé avec le prochain "
        "groupe de paiements SEPA.",
    "Mandate Signed By": "Mandat signé par",
    "The account holder named by the client on the mandate.":
        "Le titulaire du compte indiqué par le client sur le mandat.",
    "Mandate Signed At": "Mandat signé le",
    "Mandate Signed From": "Mandat signé depuis",
    "The IP address the mandate was signed from (evidence).":
        "L'adresse IP depuis laquelle le mandat a été signé (preuve).",
    "SEPA Debit Rejected": "Prélèvement SEPA rejeté",
    "The bank rejected the debit: the client may pay again.":
        "La banque a rejeté le prélèvement : le client peut payer à "
        "nouveau.",
    "Bank accounts of the user's workshops' parties":
        "Comptes bancaires des tiers des ateliers de l'utilisateur",
    "Bank account numbers of the user's workshops' parties":
        "Numéros de compte des tiers des ateliers de l'utilisateur",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
