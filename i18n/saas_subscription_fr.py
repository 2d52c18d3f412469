# French strings of saas_subscription's software, plans, subscriptions,
# rules and wizards (the lead's part), by English msgid (see
# i18n/fill_po.py). A plan is a « formule », an option an « option », the
# publisher « l'éditeur », a trial « l'essai gratuit ». The typography of
# powder_coating_fr.py (non-breaking spaces) is applied at the end.
import os
import runpy

FR = {
    # Models, menus, actions
    'Software': "Logiciel",
    'Software ': "Logiciel",
    'Plan': "Formule",
    'Plans': "Formules",
    'Plans and Options': "Formules et options",
    'Plan Tier': "Palier de formule",
    'Plan Feature': "Fonctionnalité de formule",
    'Feature Model': "Modèle couvert par une fonctionnalité",
    'Subscription': "Abonnement",
    'Subscriptions': "Abonnements",
    'My Subscription': "Mon abonnement",
    'Subscription Option': "Option d'abonnement",
    'Subscription Event': "Événement d'abonnement",
    'Subscription History': "Historique des abonnements",
    'Subscription Rules': "Règles des abonnements",
    'Publisher': "Éditeur SaaS",
    'Choose a Plan': "Choisir une formule",
    'Cancel the Subscription': "Résilier l'abonnement",
    'Cancel at Period End': "Résilier en fin de période",
    'Keep my Subscription': "Conserver mon abonnement",
    'Suspend': "Suspendre",
    'Reactivate': "Réactiver",
    'Confirm': "Confirmer",
    'Cancel': "Annuler",
    'Send the Trial Emails and End the Trials':
        "Envoyer les emails d'essai et terminer les essais",
    # Software and plans
    'Name': "Nom",
    'Code': "Code",
    'Trial Plan': "Formule d'essai",
    'The plan a free trial gives (the most complete one).':
        "La formule que donne l'essai gratuit (la plus complète).",
    'As the workshops know it: ThermoGestion, VitroLib...':
        "Tel que les ateliers le connaissent : ThermoGestion, VitroLib…",
    'Kind': "Type",
    'Option': "Option",
    'An option is sold on top of a plan.':
        "Une option se vend en plus d'une formule.",
    'Description': "Description",
    'Pricing': "Tarification",
    'Flat Monthly Price': "Prix mensuel fixe",
    'Per Unit, by Tiers': "À l'unité, par paliers",
    'Monthly Price': "Prix mensuel",
    'Excluding VAT. A change that applies to subscribers is scheduled with '
    'a notice (Price Changes).':
        "Hors TVA. Un changement qui touche des abonnés se programme avec "
        "un préavis (Changements de prix).",
    'Currency': "Devise",
    'Unit': "Unité",
    'What is counted, e.g. contact.': "Ce qui est compté, p. ex. contact.",
    'Tier Mode': "Mode des paliers",
    'Graduated': "Progressif",
    'Volume': "Volume",
    'Graduated: each unit at the price of its tier. Volume: every unit at '
    'the price of the tier the total reaches.':
        "Progressif : chaque unité au prix de son palier. Volume : toutes "
        "les unités au prix du palier qu'atteint le total.",
    'Tiers': "Paliers",
    'Credits per Month': "Crédits par mois",
    'Prepaid credits given with each monthly period (consumed by use, '
    'e.g. contacts reached).':
        "Crédits prépayés donnés à chaque période mensuelle (consommés à "
        "l'usage, p. ex. contacts joints).",
    'Prorate Changes': "Changements au prorata",
    'A change of plan during a period is billed or credited for the days '
    'left; otherwise it applies from the next period.':
        "Un changement de formule en cours de période est facturé ou "
        "crédité pour les jours restants ; sinon il s'applique à la période "
        "suivante.",
    'Promised Uptime (%)': "Disponibilité garantie (%)",
    'Under it in a month, the next invoice gets a credit of up to 10 % '
    '(99.5 for Lite, 99.9 for Pro).':
        "En dessous sur un mois, la facture suivante reçoit un crédit "
        "jusqu'à 10 % (99,5 pour Lite, 99,9 pour Pro).",
    'Storage Quota (GB)': "Quota de stockage (Go)",
    'Given to a workshop when it takes the plan.':
        "Donné à l'atelier quand il prend la formule.",
    'Features': "Fonctionnalités",
    'The feature flags the plan switches on.':
        "Les fonctionnalités qu'active la formule.",
    'Invoice Product': "Produit facturé",
    'The service the SaaS invoices carry for this plan (its account and '
    'VAT).':
        "La prestation que portent les factures SaaS de cette formule (son "
        "compte et sa TVA).",
    'Price': "Prix",
    'Service': "Service",
    'Sequence': "Séquence",
    'Active': "Actif",
    'Up To': "Jusqu'à",
    'Empty for the last tier (no upper limit).':
        "Vide pour le dernier palier (sans limite).",
    'Unit Price': "Prix unitaire",
    'Flat Fee': "Forfait",
    'Feature': "Fonctionnalité",
    'Models': "Modèles",
    'Model': "Modèle",
    'The documents of the feature: a workshop without it does not see '
    'their menus and cannot read or write them.':
        "Les documents de la fonctionnalité : un atelier qui ne l'a pas "
        "n'en voit pas les menus et ne peut ni les lire ni les écrire.",
    # Subscription
    'Company': "Société",
    'During the trial, the plan the trial gives.':
        "Pendant l'essai, la formule que donne l'essai.",
    'Options': "Options",
    'Quantity': "Quantité",
    'The units a per-unit plan is priced on.':
        "Les unités sur lesquelles une formule à l'unité est facturée.",
    'The units a per-unit plan is priced on (e.g. contacts).':
        "Les unités sur lesquelles une formule à l'unité est facturée "
        "(p. ex. contacts).",
    'State': "État",
    'Trial': "Essai",
    'Past Due': "Impayé",
    'Suspended': "Suspendu",
    'Trial Ended': "Essai terminé",
    'Cancelled': "Résilié",
    'Read Only': "Lecture seule",
    'The workshop can read and export its data, not create or change it.':
        "L'atelier peut consulter et exporter ses données, pas en créer ni "
        "en modifier.",
    'Trial Start': "Début de l'essai",
    'Trial End': "Fin de l'essai",
    'Trial Emails Sent': "Emails d'essai envoyés",
    'The days of the trial whose email was sent.':
        "Les jours de l'essai dont l'email est parti.",
    'Subscribed On': "Abonné le",
    'Period Start': "Début de période",
    'The first day of the current billing period.':
        "Le premier jour de la période de facturation en cours.",
    'Period End': "Fin de période",
    'The first day of the next billing period (renewal date).':
        "Le premier jour de la période suivante (date de renouvellement).",
    'Billing Day': "Jour de facturation",
    'Ends at Period End': "Se termine en fin de période",
    'Cancellation Cause': "Motif de résiliation",
    'What the owner answered when cancelling (exit survey).':
        "Ce qu'a répondu le gérant en résiliant (questionnaire de départ).",
    'Cancellation Reason': "Précisions sur la résiliation",
    'Too expensive': "Trop cher",
    'A feature is missing': "Il manque une fonctionnalité",
    'Not used enough': "Pas assez utilisé",
    'Moving to another software': "Passage à un autre logiciel",
    'Closing or selling the business': "Cessation ou vente de l'activité",
    'Other': "Autre",
    'Ended On': "Terminé le",
    'Payment Method': "Moyen de paiement",
    'Card': "Carte",
    'SEPA Direct Debit': "Prélèvement SEPA",
    'Bank Transfer': "Virement",
    'Past Due Since': "Impayé depuis",
    'The day the first payment failed; cleared when it is paid.':
        "Le jour du premier échec de paiement ; effacé au paiement.",
    'Suspended On': "Suspendu le",
    'Credits Left': "Crédits restants",
    'Prepaid credits of the period not used yet.':
        "Crédits prépayés de la période pas encore utilisés.",
    'Monthly Amount': "Montant mensuel",
    'Excluding VAT: plan and options.': "Hors TVA : formule et options.",
    'Next Invoice': "Prochaine facture",
    'The renewal date, when the next period is invoiced.':
        "La date de renouvellement, quand la période suivante est facturée.",
    'Getting Started': "Bien démarrer",
    'Getting Started (%)': "Bien démarrer (%)",
    'History': "Historique",
    'Created': "Créé le",
    # Events
    'Date': "Date",
    'Event': "Événement",
    'Trial Started': "Essai commencé",
    'Subscribed': "Abonné",
    'Upgraded': "Formule supérieure",
    'Downgraded': "Formule inférieure",
    'Options or Quantity Changed': "Options ou quantité modifiées",
    'Cancellation Requested': "Résiliation demandée",
    'Cancellation Withdrawn': "Résiliation retirée",
    'Ended': "Terminé",
    'Payment Failed': "Paiement échoué",
    'Reactivated': "Réactivé",
    'Renewed': "Renouvelé",
    'Price Changed': "Prix modifié",
    'MRR': "MRR",
    'The monthly recurring revenue after the event.':
        "Le revenu mensuel récurrent après l'événement.",
    'Previous MRR': "MRR précédent",
    # Rules
    "New Workshops' Software": "Logiciel des nouveaux ateliers",
    'The software whose trial a new workshop starts.':
        "Le logiciel dont un nouvel atelier commence l'essai.",
    'Trial Days': "Jours d'essai",
    'The length of the free trial (the public website announces the same).':
        "La durée de l'essai gratuit (le site public annonce la même).",
    'Trial Emails (Days)': "Emails d'essai (jours)",
    'The days of the trial on which the workshop is emailed, e.g. 7, 15, '
    '25.':
        "Les jours de l'essai où l'atelier reçoit un email, p. ex. 7, 15, "
        "25.",
    'Payment Retries (Days)': "Nouvelles tentatives de paiement (jours)",
    'The days after a failed payment on which it is tried again, each time '
    'with a reminder, e.g. 1, 3, 7.':
        "Les jours après un échec de paiement où il est retenté, chaque "
        "fois avec une relance, p. ex. 1, 3, 7.",
    'Suspension After (Days)': "Suspension après (jours)",
    'Days after the first failed payment when a workshop that has not paid '
    'is suspended (read and export only).':
        "Jours après le premier échec de paiement au bout desquels un "
        "atelier qui n'a pas payé est suspendu (consultation et export "
        "seulement).",
    'Price Change Notice (Days)': "Préavis de changement de prix (jours)",
    'How long before it applies a price change must be announced to the '
    'workshops it concerns.':
        "Combien de temps avant qu'il s'applique un changement de prix "
        "doit être annoncé aux ateliers concernés.",
    'Unpaid Invoices': "Factures impayées",
    'Prices': "Prix",
    # Wizards
    'Each Month': "Chaque mois",
    'Excluding VAT.': "Hors TVA.",
    'Due Now': "À payer maintenant",
    'Excluding VAT: the first month, or the days left of the current '
    'period (negative: credited on the next invoice).':
        "Hors TVA : le premier mois, ou les jours restants de la période en "
        "cours (négatif : crédité sur la prochaine facture).",
    'Summary': "Récapitulatif",
    'Ends On': "Se termine le",
    'Everything works until this day; then the workshop can still read '
    'and export its data.':
        "Tout fonctionne jusqu'à ce jour ; ensuite l'atelier peut encore "
        "consulter et exporter ses données.",
    'Main Reason': "Raison principale",
    'Tell Us More': "Dites-nous en plus",
    'Optional: what would have made you stay.':
        "Facultatif : ce qui vous aurait fait rester.",
    # Messages
    'Each software has its own code.': "Chaque logiciel a son propre code.",
    'The plans of a software have different codes.':
        "Les formules d'un logiciel ont des codes différents.",
    'A workshop has one subscription per software.':
        "Un atelier a un abonnement par logiciel.",
    'A subscription is never deleted: cancel it, its history and invoices '
    'are kept.':
        "Un abonnement ne se supprime pas : résiliez-le, son historique et "
        "ses factures sont conservés.",
    'A subscription cannot be copied: a workshop has one per software.':
        "Un abonnement ne se copie pas : un atelier en a un par logiciel.",
    'The history of a subscription cannot be changed.':
        "L'historique d'un abonnement ne peut pas être modifié.",
    '"%(field)s" lists days separated by commas (e.g. 7, 15, 25): '
    '"%(value)s" is not a number of days.':
        "« %(field)s » liste des jours séparés par des virgules (p. ex. 7, "
        "15, 25) : « %(value)s » n'est pas un nombre de jours.",
    'The plan "%(plan)s" does not include "%(feature)s": your %(count)s '
    'record(s) of "%(model)s" would no longer be visible. Export or remove '
    'them first, or choose a plan that includes it.':
        "La formule « %(plan)s » ne comprend pas « %(feature)s » : vos "
        "%(count)s enregistrement(s) de « %(model)s » ne seraient plus "
        "visibles. Exportez-les ou supprimez-les d'abord, ou choisissez une "
        "formule qui l'inclut.",
    "Only the workshop's owner can change its subscription.":
        "Seul le gérant de l'atelier peut modifier son abonnement.",
    'The subscription is suspended for an unpaid invoice: pay it first, '
    'the suspension is lifted at once.':
        "L'abonnement est suspendu pour une facture impayée : réglez-la "
        "d'abord, la suspension est levée aussitôt.",
    "The plan and options must be those of the subscription's software.":
        "La formule et les options doivent être celles du logiciel de "
        "l'abonnement.",
    'The plan "%(plan)s" is priced per %(unit)s: enter how many.':
        "La formule « %(plan)s » est facturée par %(unit)s : indiquez "
        "combien.",
    '%(plan)s: %(monthly)s excl. VAT per month; due now: %(due)s excl. '
    'VAT.':
        "%(plan)s : %(monthly)s HT par mois ; à payer maintenant : %(due)s "
        "HT.",
    'Only a running subscription can be cancelled, once.':
        "Seul un abonnement en cours peut être résilié, une fois.",
    "Complete the workshop's details (address, SIRET)":
        "Compléter les informations de l'atelier (adresse, SIRET)",
    'Invite a colleague': "Inviter un collègue",
    '%(software)s: %(days)s days left in your free trial':
        "%(software)s : plus que %(days)s jours d'essai gratuit",
    'Hello,\n\nYour free trial of %(software)s (%(plan)s) ends in %(days)s '
    'days.\n\nGetting started (%(progress)s %% done):\n%(checklist)s\n\n'
    'To keep working without interruption, choose a plan and a payment '
    'method under Atelier > My Subscription. No card was needed for the '
    'trial; nothing is charged before you choose.':
        "Bonjour,\n\nVotre essai gratuit de %(software)s (%(plan)s) se "
        "termine dans %(days)s jours.\n\nBien démarrer (%(progress)s %% "
        "fait) :\n%(checklist)s\n\nPour continuer sans interruption, "
        "choisissez une formule et un moyen de paiement dans Atelier > Mon "
        "abonnement. Aucune carte n'a été demandée pour l'essai ; rien "
        "n'est prélevé avant votre choix.",
    'Your free trial has ended': "Votre essai gratuit est terminé",
    'Hello,\n\nYour free trial of %(software)s has ended. Your data is '
    'safe: you can still read and export it. To create quotes and projects '
    'again, choose a plan under Atelier > My Subscription.':
        "Bonjour,\n\nVotre essai gratuit de %(software)s est terminé. Vos "
        "données sont en sécurité : vous pouvez toujours les consulter et "
        "les exporter. Pour créer à nouveau devis et projets, choisissez une "
        "formule dans Atelier > Mon abonnement.",
    }
del FR['Software ']

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
