# French strings of saas_subscription's figures for the publisher
# (chiffres : MRR, churn, conversion des essais, répartition par formule)
# and of the workshops' storage on the list of subscriptions, by English
# msgid (see i18n/fill_po.py). A plan is a « formule », the publisher
# « l'éditeur »; MRR and ARR stay as SaaS people say them. The typography
# of powder_coating_fr.py (non-breaking spaces) is applied at the end.
import os
import runpy

FR = {
    # Menus and actions
    'Figures': "Chiffres",
    'Monthly Figures': "Chiffres du mois",
    'Plan Mix': "Répartition par formule",

    # The period (context)
    'Figures Period': "Période des chiffres",
    'Software': "Logiciel",
    'The software whose subscriptions are counted; empty: all.':
        "Le logiciel dont les abonnements sont comptés ; vide : tous.",
    'From Month': "Du mois",
    'The figures start with the month of this day.':
        "Les chiffres commencent au mois de ce jour.",
    'To Month': "Au mois",
    'The figures end with the month of this day; the plan mix is the one '
    'at the end of this month.':
        "Les chiffres s'arrêtent au mois de ce jour ; la répartition par "
        "formule est celle de la fin de ce mois.",

    # Monthly figures
    'Month': "Mois",
    'Currency': "Devise",
    'MRR': "MRR",
    'Monthly recurring revenue at the end of the month (excluding VAT): '
    'what the paying subscriptions bring each month.':
        "Revenu mensuel récurrent à la fin du mois (HT) : ce que les "
        "abonnements payants rapportent chaque mois.",
    'ARR': "ARR",
    'Annual run rate: 12 × MRR.': "Revenu annuel récurrent : 12 × MRR.",
    'New MRR': "MRR nouveau",
    'MRR of the subscriptions that paid for the first time in the month '
    '(converted trials, new customers).':
        "MRR des abonnements qui ont payé pour la première fois dans le "
        "mois (essais convertis, nouveaux clients).",
    'Reactivation MRR': "MRR réactivé",
    'MRR of the workshops that came back (after a cancellation or a '
    'suspension).':
        "MRR des ateliers revenus (après une résiliation ou une "
        "suspension).",
    'Expansion MRR': "MRR d'expansion",
    'MRR added by upgrades, options and quantities.':
        "MRR ajouté par les montées en gamme, les options et les "
        "quantités.",
    'Contraction MRR': "MRR de contraction",
    'MRR lost by downgrades.': "MRR perdu par les descentes en gamme.",
    'Churned MRR': "MRR perdu (churn)",
    'MRR lost by subscriptions that ended or were suspended for '
    'non-payment.':
        "MRR perdu par les abonnements terminés ou suspendus pour "
        "impayé.",
    'Net New MRR': "MRR net gagné",
    'New + reactivation + expansion − contraction − churned: how much the '
    'MRR moved in the month.':
        "Nouveau + réactivé + expansion − contraction − perdu : de combien "
        "le MRR a bougé dans le mois.",
    'Revenue Churn (%)': "Churn de revenu (%)",
    'MRR lost in the month (downgrades and ends) divided by the MRR at '
    'its start.':
        "MRR perdu dans le mois (descentes en gamme et fins) divisé par le "
        "MRR à son début.",
    'Logo Churn (%)': "Churn de clients (%)",
    'Subscriptions paying at the start of the month that no longer pay at '
    'its end, divided by those paying at its start.':
        "Abonnements payants au début du mois qui ne paient plus à sa fin, "
        "divisés par ceux qui payaient à son début.",
    'Trial Conversion (%)': "Conversion des essais (%)",
    'Of the trials that finished in the month, the share that '
    'subscribed.':
        "Parmi les essais terminés dans le mois, la part qui s'est "
        "abonnée.",
    'Active': "Actifs",
    'Subscriptions active at the end of the month.':
        "Abonnements actifs à la fin du mois.",
    'Trials': "Essais",
    'Workshops in their free trial at the end of the month.':
        "Ateliers en essai gratuit à la fin du mois.",
    'Past Due': "Impayés",
    'Subscriptions whose payment failed, not suspended yet.':
        "Abonnements dont le paiement a échoué, pas encore suspendus.",
    'Suspended': "Suspendus",
    'Workshops suspended for non-payment (read-only).':
        "Ateliers suspendus pour impayé (lecture seule).",

    # Plan mix
    'Plan': "Formule",
    'Paying Subscriptions': "Abonnements payants",
    'Subscriptions on the plan paying at the end of the month.':
        "Abonnements à la formule payants à la fin du mois.",
    'Share (%)': "Part (%)",
    'Of all paying subscriptions.': "De tous les abonnements payants.",
    "What the plan's subscriptions bring each month, their options "
    'included.':
        "Ce que les abonnements à la formule rapportent chaque mois, "
        "options comprises.",

    # The workshops' list: tabs
    'All': "Tous",
    'Cancelled': "Résiliés",
    'Trials Ended': "Essais terminés",
    'Near the Quota (≥ 80 %)': "Proche du quota (≥ 80 %)",

    # Storage
    'Storage': "Stockage",
    'Storage Used (GB)': "Stockage utilisé (Go)",
    "What the workshop's files (photos) take.":
        "Ce que prennent les fichiers de l'atelier (photos).",
    'Storage Quota (GB)': "Quota de stockage (Go)",
    'The storage the workshop may use; the publisher changes it here (the '
    'owners are told).':
        "Le stockage que l'atelier peut utiliser ; l'éditeur le change ici "
        "(les propriétaires sont prévenus).",
    'Storage Used (%)': "Stockage utilisé (%)",
    'Storage Alert': "Alerte de stockage",
    'The storage threshold the workshop crossed (the publisher was '
    'emailed).':
        "Le seuil de stockage que l'atelier a franchi (l'éditeur a reçu un "
        "e-mail).",
    'The last storage threshold the publisher was told about.':
        "Le dernier seuil de stockage signalé à l'éditeur.",
    '80 % reached': "80 % atteints",
    '90 % reached': "90 % atteints",
    '%(workshop)s has used %(percent)s %% of its storage':
        "%(workshop)s a utilisé %(percent)s %% de son stockage",
    '%(workshop)s uses %(used)s GB of its %(quota)s GB of storage '
    '(%(percent)s %%).\n\n'
    'Its owners are told; from 90 %% the photos of its oldest projects are '
    'removed to free space. You can raise its quota from the list of '
    'subscriptions (Publisher ▸ Subscriptions, tab "Near the Quota").':
        "%(workshop)s utilise %(used)s Go de ses %(quota)s Go de stockage "
        "(%(percent)s %%).\n\n"
        "Ses propriétaires sont prévenus ; à partir de 90 %% les photos de "
        "ses projets les plus anciens sont supprimées pour libérer de la "
        "place. Vous pouvez relever son quota depuis la liste des "
        "abonnements (Éditeur SaaS ▸ Abonnements, onglet « Proche du "
        "quota »).",
    }

_typography = runpy.run_path(os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'powder_coating_fr.py'))['_typography']
FR = {english: _typography(french) for english, french in FR.items()}
