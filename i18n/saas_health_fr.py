# French strings of the saas health checks (core_addons/saas/health.py and
# health.xml), by English msgid (see i18n/fill_po.py).
FR = {
    'Health Check': "Contrôle de santé",
    'Health Checks': "Contrôles de santé",
    "Check the Application's Health": "Contrôler la santé de l'application",
    "One round of the application's health checks.":
        "Un passage des contrôles de santé de l'application.",
    'Checked at': "Contrôlé le",
    'When the checks ran.': "Quand les contrôles ont été effectués.",
    'OK': "OK",
    'Every check passed: the service was up.':
        "Tous les contrôles ont réussi : le service était disponible.",
    'Database': "Base de données",
    'The database answered.': "La base de données a répondu.",
    'Database (ms)': "Base de données (ms)",
    'How long the database took to answer.':
        "Le temps de réponse de la base de données.",
    'Outbox': "Boîte d'envoi",
    'No email waited in the outbox for more than an hour.':
        "Aucun e-mail n'a attendu plus d'une heure dans la boîte d'envoi.",
    'Outbox (ms)': "Boîte d'envoi (ms)",
    'Scheduler': "Planificateur",
    'No scheduled action was late by more than an hour.':
        "Aucune action planifiée n'avait plus d'une heure de retard.",
    'Scheduler (ms)': "Planificateur (ms)",
    'File Store': "Stockage des fichiers",
    'A file could be written in the file store.':
        "Un fichier a pu être écrit dans le stockage des fichiers.",
    'File Store (ms)': "Stockage des fichiers (ms)",
    'Detail': "Détail",
    'What failed, check by check.': "Ce qui a échoué, contrôle par contrôle.",
    }
