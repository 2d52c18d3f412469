# French strings of the powder_coating payments (acomptes, soldes, liens de
# paiement, paiements au comptoir), by English msgid (see i18n/fill_po.py),
# with the words of powder_coating_fr.py: quote is « devis », deposit
# « acompte », balance « solde ». The typography of powder_coating_fr.py
# (non-breaking spaces) is applied at the end.
import os
import runpy

FR = {
    # Menus, actions, wizards and buttons
    'Payment Links': "Liens de paiement",
    'Send a Payment Link': "Envoyer un lien de paiement",
    'Record a Payment': "Enregistrer un paiement",
    'Send': "Envoyer",
    'Record the Payment': "Enregistrer le paiement",
    'Cancel': "Annuler",
    'Payments': "Paiements",

    # Models
    'Payment Link': "Lien de paiement",
    'Payment Notification': "Notification de paiement",

    # Settings
    'Deposit': "Acompte",
    'What is asked before the work: nothing, a fixed amount or a '
    "percentage of the quote's total (VAT included).":
        "Ce qui est demandé avant les travaux : rien, un montant fixe ou un "
        "pourcentage du total du devis (TTC).",
    'No Deposit': "Pas d'acompte",
    'Fixed Amount': "Montant fixe",
    'Percentage of the Total': "Pourcentage du total",
    'Deposit Amount': "Montant de l'acompte",
    'The deposit asked on every quote, VAT included.':
        "L'acompte demandé sur chaque devis, TTC.",
    'Deposit (%)': "Acompte (%)",
    "The part of the quote's total asked as deposit.":
        "La part du total du devis demandée en acompte.",
    'Deposit Before Work': "Acompte avant travaux",
    'The work starts only once the deposit is paid.':
        "Les travaux ne commencent qu'une fois l'acompte payé.",
    'Online Payment': "Paiement en ligne",

    # Quote and project
    'Deposit Asked': "Acompte demandé",
    "Leave empty for the workshop's usual deposit; 0 asks none.":
        "Laisser vide pour l'acompte habituel de l'atelier ; 0 n'en demande "
        "aucun.",
    'The deposit asked before the work, VAT included.':
        "L'acompte demandé avant les travaux, TTC.",
    'Paid': "Payé",
    'What the client paid, refunds deducted.':
        "Ce que le client a payé, remboursements déduits.",
    'Balance Due': "Reste à payer",
    'What is left to pay: total minus paid.':
        "Ce qui reste à payer : le total moins ce qui est payé.",
    'Payment': "Paiement",
    'Unpaid, deposit paid, paid or refunded, from the payments received.':
        "Non payé, acompte payé, payé ou remboursé, d'après les paiements "
        "reçus.",
    'Waiting for Deposit': "En attente d'acompte",
    'The workshop asks the deposit before the work and it is not paid yet.':
        "L'atelier demande l'acompte avant les travaux et il n'est pas "
        "encore payé.",
    'Unpaid': "Non payé",
    'Deposit Paid': "Acompte payé",
    'Refunded': "Remboursé",

    # Payments and journals
    'Means': "Moyen de paiement",
    'How the workshop is paid on this journal.':
        "Comment l'atelier est payé sur ce journal.",
    'Card Online (Stripe)': "Carte en ligne (Stripe)",
    'Card Terminal': "Carte bancaire (TPE)",
    'Cash': "Espèces",
    'Cheque': "Chèque",
    'Bank Transfer': "Virement",
    'SEPA Direct Debit': "Prélèvement SEPA",
    'Purpose': "Objet",
    'What this payment settles on the quote or project.':
        "Ce que ce paiement règle sur le devis ou le projet.",
    'Balance': "Solde",
    'Refund': "Remboursement",
    'Receipt': "Justificatif",
    'A photo or scan of the cheque, ticket or transfer notice.':
        "Une photo ou un scan du chèque, du ticket ou de l'avis de virement.",
    'Receipt Name': "Nom du justificatif",
    'Receipt ID': "Identifiant du justificatif",
    'Provider': "Fournisseur",
    'Event': "Événement",

    # Payment links
    'Quote': "Devis",
    'Project': "Projet",
    'Client': "Client",
    'For': "Pour",
    'The deposit before the work or the balance at the end.':
        "L'acompte avant les travaux ou le solde à la fin.",
    'Amount': "Montant",
    'What the client pays, VAT included.': "Ce que le client paie, TTC.",
    'Token Hash': "Empreinte du jeton",
    'Expires': "Expire le",
    'After this, the link says it expired; send a new one.':
        "Ensuite, le lien indique qu'il a expiré ; envoyez-en un nouveau.",
    'State': "État",
    'Open': "En cours",
    'Expired': "Expiré",
    'Cancelled': "Annulé",
    'Checkout Session': "Session de paiement",
    "The provider's payment page for this link.":
        "La page de paiement du prestataire pour ce lien.",
    'Checkout Page': "Page de paiement",
    'Checkout Opened': "Page de paiement ouverte le",
    'Stripe closes its payment page after 24 hours: an older one is opened '
    'again.':
        "Stripe ferme sa page de paiement au bout de 24 heures : une page "
        "plus ancienne est rouverte.",
    'Provider Payment': "Paiement chez le fournisseur",
    'Sent': "Envoyé",

    # Wizards
    'Email': "E-mail",
    "The client's address the link is sent to.":
        "L'adresse du client à laquelle le lien est envoyé.",
    'What the client pays online, VAT included.':
        "Ce que le client paie en ligne, TTC.",
    'Date': "Date",
    "Optional: a photo of the cheque or the terminal's ticket.":
        "Facultatif : une photo du chèque ou du ticket du TPE.",

    # Messages (errors, email, portal)
    'Stripe payments need the credential "%(key)s" (the secret key and the '
    'webhook signing secret of your Stripe account): without the signing '
    'secret, the payment notifications could not be checked.':
        "Les paiements Stripe demandent l'identifiant « %(key)s » (la clé "
        "secrète et le secret de signature du webhook de votre compte "
        "Stripe) : sans le secret de signature, les notifications de "
        "paiement ne pourraient pas être vérifiées.",
    'This payment notification was already processed.':
        "Cette notification de paiement a déjà été traitée.",
    'This payment link already exists.': "Ce lien de paiement existe déjà.",
    'The amount to pay must be more than zero.':
        "Le montant à payer doit être supérieur à zéro.",
    'This payment link was already paid: nothing more to pay. Thank you!':
        "Ce lien de paiement a déjà été payé : plus rien à régler. Merci !",
    'This payment link has expired. Ask the workshop for a new one.':
        "Ce lien de paiement a expiré. Demandez-en un nouveau à l'atelier.",
    'This payment link was cancelled by the workshop. Ask them for a new '
    'one if you still have to pay.':
        "Ce lien de paiement a été annulé par l'atelier. Demandez-en un "
        "nouveau si vous avez encore à payer.",
    'The workshop has no portal address yet: set it in the company '
    '(portal) before sending payment links.':
        "L'atelier n'a pas encore d'adresse de portail : renseignez-la dans "
        "la société (portail) avant d'envoyer des liens de paiement.",
    'Deposit for %(number)s at %(workshop)s':
        "Acompte pour %(number)s chez %(workshop)s",
    'Balance of %(number)s at %(workshop)s':
        "Solde de %(number)s chez %(workshop)s",
    '%(workshop)s: payment for %(number)s':
        "%(workshop)s : paiement pour %(number)s",
    'Hello,\n\n%(description)s: %(amount)s.\nYou can pay by card online at '
    'this address (valid %(days)s days):\n%(url)s\n\n%(workshop)s':
        "Bonjour,\n\n%(description)s : %(amount)s.\nVous pouvez payer par "
        "carte en ligne à cette adresse (valable %(days)s jours) :\n"
        "%(url)s\n\n%(workshop)s",
    "The online payment is not set up: the workshop's payment provider has "
    "no secret key.":
        "Le paiement en ligne n'est pas configuré : le prestataire de "
        "paiement de l'atelier n'a pas de clé secrète.",
    'The payment provider has no webhook signing secret: every '
    'notification is refused until it is entered.':
        "Le prestataire de paiement n'a pas de secret de signature du "
        "webhook : toutes les notifications sont refusées tant qu'il n'est "
        "pas saisi.",
    'The payment notification is not signed by the payment provider: it '
    'was ignored.':
        "La notification de paiement n'est pas signée par le prestataire "
        "de paiement : elle a été ignorée.",
    'The payment notification is too old (more than 5 minutes): it was '
    'ignored.':
        "La notification de paiement est trop ancienne (plus de "
        "5 minutes) : elle a été ignorée.",
    'The payment notification is unreadable: it was ignored.':
        "La notification de paiement est illisible : elle a été ignorée.",
    'The payment provider refused to open the payment page: %(detail)s':
        "Le prestataire de paiement a refusé d'ouvrir la page de "
        "paiement : %(detail)s",
    'The payment service cannot be reached right now; nothing was charged. '
    'Please try again in a few minutes.':
        "Le service de paiement est injoignable pour le moment ; rien n'a "
        "été débité. Réessayez dans quelques minutes.",
    'Demo payments are confirmed on the portal page, not by notification.':
        "Les paiements de démonstration se confirment sur la page du "
        "portail, pas par notification.",
    'This notification is about no payment of this application: nothing '
    'was changed.':
        "Cette notification ne concerne aucun paiement de cette "
        "application : rien n'a été modifié.",
    'This notification does not come from the payment provider the '
    'workshop chose: nothing was changed.':
        "Cette notification ne vient pas du prestataire de paiement choisi "
        "par l'atelier : rien n'a été modifié.",
    'Payment to %(workshop)s': "Paiement à %(workshop)s",
    'Deposit for %(number)s': "Acompte pour %(number)s",
    'Balance of %(number)s': "Solde de %(number)s",
    'Amount to pay': "Montant à payer",
    'This link is valid until %(date)s.':
        "Ce lien est valable jusqu'au %(date)s.",
    'Pay by card': "Payer par carte",
    'You will enter your card on the secure page of our payment provider, '
    'then come back here.':
        "Vous saisirez votre carte sur la page sécurisée de notre "
        "prestataire de paiement, puis reviendrez ici.",
    'Pay by bank transfer (professionals)':
        "Payer par virement (professionnels)",
    'Transfer the amount to the account below, with the reference.':
        "Virez le montant sur le compte ci-dessous, avec la référence.",
    'IBAN': "IBAN",
    'Reference': "Référence",
    'Ask the workshop for its bank details.':
        "Demandez ses coordonnées bancaires à l'atelier.",
    'Thank you for your payment': "Merci pour votre paiement",
    'Your payment of %(amount)s is received. The workshop is informed.':
        "Votre paiement de %(amount)s est bien reçu. L'atelier est "
        "informé.",
    'Your payment of %(amount)s is being confirmed by the bank; the '
    'workshop will see it in a few moments.':
        "Votre paiement de %(amount)s est en cours de confirmation par la "
        "banque ; l'atelier le verra dans quelques instants.",
    'Demo payment': "Paiement de démonstration",
    'This workshop takes demo payments: no card is charged. Confirm to '
    'mark %(amount)s as paid.':
        "Cet atelier prend des paiements de démonstration : aucune carte "
        "n'est débitée. Confirmez pour marquer %(amount)s comme payé.",
    'Confirm the demo payment': "Confirmer le paiement de démonstration",
    'Payment cancelled': "Paiement annulé",
    'Opening the secure payment page': "Ouverture de la page de paiement sécurisée",
    'Continue to the payment page': "Continuer vers la page de paiement",
    'Nothing was charged. You can try again whenever you like.':
        "Rien n'a été débité. Vous pouvez réessayer quand vous voulez.",
    'Back to the payment': "Revenir au paiement",
    'Payment not possible': "Paiement impossible",
    'Total incl. VAT': "Total TTC",
    'Balance due': "Reste à payer",
    'A payment link of %(amount)s was sent to you by email (valid until '
    '%(date)s).':
        "Un lien de paiement de %(amount)s vous a été envoyé par e-mail "
        "(valable jusqu'au %(date)s).",
    'Deposit paid': "Acompte payé",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
