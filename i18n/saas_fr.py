# French strings of the saas addon, by English msgid (see i18n/fill_po.py).
FR = {
    'Features': "Fonctionnalités",
    'SIRET': "SIRET",
    'Company': "Société",
    'Action': "Action",
    'Date': "Date",
    'Field': "Champ",
    'Field Label': "Libellé du champ",
    'Model': "Modèle",
    'Document': "Document",
    'New Value': "Nouvelle valeur",
    'Old Value': "Ancienne valeur",
    'Record ID': "ID de l'enregistrement",
    'Record': "Enregistrement",
    'User': "Utilisateur",
    'Enabled': "Activée",
    'Feature': "Fonctionnalité",
    'Code': "Code",
    'Enabled by Default': "Activée par défaut",
    'Description': "Description",
    'Name': "Nom",
    'Workshop': "Atelier",
    'Owner': "Gérant",
    'City': "Ville",
    'Country': "Pays",
    'Currency': "Devise",
    'Workshop Name': "Nom de l'atelier",
    'Owner Email': "E-mail du gérant",
    'Owner Login': "Identifiant du gérant",
    'Owner Name': "Nom du gérant",
    'Phone': "Téléphone",
    'Postal Code': "Code postal",
    'Street': "Rue",
    'Timezone': "Fuseau horaire",
    'Feature flags of this workshop.':
        "Fonctionnalités activées ou non pour cet atelier.",
    "The workshop's SIRET number (14 digits).":
        "Le numéro SIRET de l'atelier (14 chiffres).",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; les autres "
        "ateliers ne le voient jamais.",
    'The workshop the changed record belongs to.':
        "L'atelier auquel appartient l'enregistrement modifié.",
    'When the change was made.': "Quand la modification a été faite.",
    'Technical name of the changed field, or of the button.':
        "Nom technique du champ modifié, ou du bouton.",
    "Technical name of the changed record's model.":
        "Nom technique du modèle de l'enregistrement modifié.",
    'The changed record.': "L'enregistrement modifié.",
    'Who made the change.': "Qui a fait la modification.",
    'The workshop this setting applies to.':
        "L'atelier concerné par ce réglage.",
    'Untick to switch the feature off for this workshop.':
        "Décochez pour désactiver la fonctionnalité pour cet atelier.",
    "Technical code the addons query, e.g. 'powder_coating.portal'.":
        "Code technique interrogé par les modules, par exemple "
        "« powder_coating.portal ».",
    'Whether a workshop without its own setting has the feature.':
        "Si un atelier sans réglage propre dispose de la fonctionnalité.",
    'The trade name of the workshop, as on its invoices.':
        "Le nom commercial de l'atelier, tel qu'il figure sur ses factures.",
    'The welcome email with the link to set the password is sent to this '
    'address.':
        "L'e-mail de bienvenue avec le lien pour choisir le mot de passe "
        "est envoyé à cette adresse.",
    'The login the owner types to sign in.':
        "L'identifiant que le gérant saisit pour se connecter.",
    "First and last name of the workshop's owner.":
        "Prénom et nom du gérant de l'atelier.",
    'The 14 digits of the SIRET number shown on the Kbis extract.':
        "Les 14 chiffres du SIRET figurant sur l'extrait Kbis.",
    'Audit Log': "Journal d'audit",
    'Audit Log Entry': "Entrée du journal d'audit",
    'Workshop Features': "Fonctionnalités par atelier",
    'Workshop Feature': "Fonctionnalité de l'atelier",
    'Workshops': "Ateliers",
    'Welcome to Atelier': "Bienvenue sur Atelier",
    'New Workshop': "Nouvel atelier",
    'New Workshop Created': "Nouvel atelier créé",
    'The audit log is read-only: its entries can be neither changed nor '
    'deleted.':
        "Le journal d'audit est en lecture seule : ses entrées ne peuvent "
        "être ni modifiées ni supprimées.",
    'This feature is already set for this workshop.':
        "Cette fonctionnalité est déjà réglée pour cet atelier.",
    'A feature with this code already exists.':
        "Une fonctionnalité avec ce code existe déjà.",
    'The French chart of accounts is not installed: activate the module '
    '"account_fr".':
        "Le plan comptable français n'est pas installé : activez le module "
        "« account_fr ».",
    'The owner\'s email "%(email)s" is not a valid address.':
        "L'e-mail du gérant « %(email)s » n'est pas une adresse valide.",
    'The login "%(login)s" is already taken. Choose another login for the '
    'owner.':
        "L'identifiant « %(login)s » est déjà pris. Choisissez-en un autre "
        "pour le gérant.",
    'A workshop named "%(name)s" already exists. Choose another name.':
        "Un atelier nommé « %(name)s » existe déjà. Choisissez un autre nom.",
    'Give the workshop a name.': "Donnez un nom à l'atelier.",
    'The SIRET "%(siret)s" is already used by the workshop "%(workshop)s".':
        "Le SIRET « %(siret)s » est déjà utilisé par l'atelier "
        "« %(workshop)s ».",
    'The SIRET "%(siret)s" is not valid: a SIRET has 14 digits and passes '
    'the Luhn check. Check it on the Kbis extract.':
        "Le SIRET « %(siret)s » n'est pas valide : un SIRET compte "
        "14 chiffres et respecte la clé de Luhn. Vérifiez-le sur l'extrait "
        "Kbis.",
    'User in companies': "Utilisateur dans les sociétés",
    'Atelier': "Atelier",
    'Workshop Accounting': "Comptabilité atelier",
    'Workshop Administrator': "Administrateur atelier",
    'Workshop Operator': "Opérateur atelier",
    'Workshop Owner': "Gérant atelier",
    'Atelier Publisher': "Éditeur Atelier",
    'Hello %(name)s,[1:]\n            the workshop [2:%(company)s] is ready '
    'and you are its owner.':
        "Bonjour %(name)s,[1:]\n            l'atelier [2:%(company)s] est "
        "prêt et vous en êtes le gérant.",
    'If the button does not work, copy this address into your browser: '
    '%(http_host)s/#%(database)s':
        "Si le bouton ne fonctionne pas, copiez cette adresse dans votre "
        "navigateur : %(http_host)s/#%(database)s",
    'Set my password': "Choisir mon mot de passe",
    'The temporary password expires in [1:%(datetime)s].':
        "Le mot de passe provisoire expire dans [1:%(datetime)s].",
    'Your login is [1:%(login)s].': "Votre identifiant est [1:%(login)s].",
    'Your temporary password is [1:%(password)s]: sign in with it, then '
    'choose your own password in your preferences.':
        "Votre mot de passe provisoire est [1:%(password)s] : connectez-vous "
        "avec, puis choisissez votre propre mot de passe dans vos "
        "préférences.",
    'Change': "Modification",
    'Creation': "Création",
    'Deletion': "Suppression",
    'Time': "Heure",
    'The workshop is ready: its chart of accounts and fiscal year are '
    'created, and the welcome email is on its way to the owner.':
        "L'atelier est prêt : son plan comptable et son exercice sont créés, "
        "et l'e-mail de bienvenue part vers le gérant.",
    'Close': "Fermer",
    'Create': "Créer",
    'Cancel': "Annuler",
}
