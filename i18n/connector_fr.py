# French strings of the connector addon, by English msgid (see i18n/fill_po.py).
FR = {
    'Company': "Société",
    'Name': "Nom",
    'Value': "Valeur",
    'Setting': "Paramétrage",
    'Attempts': "Tentatives",
    'Body': "Texte",
    'Last Error': "Dernière erreur",
    'Message': "Message",
    'Message-ID': "Message-ID",
    'Next Attempt': "Prochaine tentative",
    'Provider': "Fournisseur",
    'Sent at': "Envoyé le",
    'State': "État",
    'Subject': "Objet",
    'To': "Destinataires",
    'Capability': "Service",
    'Credentials': "Identifiants",
    'Email': "E-mail",
    'Company Register': "Registre des entreprises",
    'VAT Number Check': "Vérification du numéro de TVA",
    'Queued': "En attente",
    'Sent': "Envoyé",
    'Failed': "Échec",
    'Connectors': "Connecteurs",
    'Connector Settings': "Paramétrage des connecteurs",
    'Connector Setting': "Paramétrage de connecteur",
    'Connector Credential': "Identifiant de connecteur",
    'Connector Email': "E-mail du connecteur",
    'Outbox': "Boîte d'envoi",
    'Retry Queued Emails': "Réessayer les e-mails en attente",
    'Send Test Email': "Envoyer un e-mail de test",
    'Retry': "Réessayer",
    'User in companies': "Utilisateur dans les sociétés",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; "
        "les autres ateliers ne le voient jamais.",
    'What the provider calls this value.':
        "Le nom que le fournisseur donne à cette valeur.",
    'Kept for this workshop only; shown masked.':
        "Conservé pour cet atelier seulement ; affiché masqué.",
    'How many times sending failed.':
        "Nombre d'échecs d'envoi.",
    'The text of the email.': "Le texte de l'e-mail.",
    'Why the last attempt failed.':
        "Pourquoi la dernière tentative a échoué.",
    'The whole email as sent, attachments included.':
        "L'e-mail complet tel qu'envoyé, pièces jointes comprises.",
    'The identifier of the email, to find it in the mail server.':
        "L'identifiant de l'e-mail, pour le retrouver sur le serveur "
        "de messagerie.",
    'When the email will be tried again.':
        "Quand l'envoi de l'e-mail sera retenté.",
    'The provider that sent the email.':
        "Le fournisseur qui a envoyé l'e-mail.",
    'Queued: waiting to be sent or retried. Sent: the provider accepted '
    'it. Failed: refused, it will not be retried.':
        "En attente : attend d'être envoyé ou réessayé. Envoyé : le "
        "fournisseur l'a accepté. Échec : refusé, il ne sera pas réessayé.",
    'The recipients.': "Les destinataires.",
    'The outside service this setting is for.':
        "Le service extérieur concerné par ce paramétrage.",
    'What the provider needs to connect: server, login, key...':
        "Ce dont le fournisseur a besoin pour se connecter : serveur, "
        "identifiant, clé...",
    'Who does the work: the offline provider keeps everything inside '
    'Atelier, the others talk to a real service.':
        "Qui fait le travail : le fournisseur hors ligne garde tout dans "
        "Atelier, les autres parlent à un vrai service.",
    'The mail server "%(service)s" refused the email (%(error)s). Check '
    'the recipients and the login in the connector settings.':
        "Le serveur de messagerie « %(service)s » a refusé l'e-mail "
        "(%(error)s). Vérifiez les destinataires et l'identifiant dans le "
        "paramétrage des connecteurs.",
    'The service "%(service)s" cannot be reached (%(error)s). Atelier '
    'will try again later; check the connector settings if it lasts.':
        "Le service « %(service)s » est injoignable (%(error)s). Atelier "
        "réessaiera plus tard ; vérifiez le paramétrage des connecteurs si "
        "cela dure.",
    'This workshop already has a provider for this capability: change '
    'that setting instead.':
        "Cet atelier a déjà un fournisseur pour ce service : modifiez ce "
        "paramétrage.",
    'This email was sent by Atelier with the provider "%(provider)s": '
    'the email connector works.':
        "Cet e-mail a été envoyé par Atelier avec le fournisseur "
        "« %(provider)s » : le connecteur e-mail fonctionne.",
    'Atelier test email': "E-mail de test Atelier",
    'Your user has no email address: add one in your preferences to '
    'receive the test email.':
        "Votre utilisateur n'a pas d'adresse e-mail : ajoutez-en une dans "
        "vos préférences pour recevoir l'e-mail de test.",

    # Company register and VAT check on parties
    'Sent by Atelier': "Envoyé par Atelier",
    "Atelier's own email to the workshop (as the welcome email of a new "
    "owner): it leaves through Atelier's mail server, not through the "
    "workshop's provider.":
        "E-mail d'Atelier lui-même à l'atelier (comme l'e-mail de bienvenue "
        "d'un nouveau gérant) : il part par le serveur de messagerie "
        "d'Atelier, pas par le fournisseur de l'atelier.",
    'Add the VAT Number': "Ajouter le numéro de TVA",
    'Party to Fill': "Tiers à compléter",
    'Results': "Résultats",
    'SIREN, SIRET or Name': "SIREN, SIRET ou nom",
    'VAT Check': "Vérification de TVA",
    'Address Registered for VAT': "Adresse enregistrée pour la TVA",
    'VAT Checked at': "TVA vérifiée le",
    'Name Registered for VAT': "Nom enregistré pour la TVA",
    'Checked VAT Number': "Numéro de TVA vérifié",
    'Add the intra-community VAT number (made from the SIREN when the '
    'register does not give it) if the party has none; check it afterwards '
    'with the VAT check button.':
        "Ajouter le numéro de TVA intracommunautaire (calculé à partir du "
        "SIREN quand le registre ne le donne pas) si le tiers n'en a pas ; "
        "vérifiez-le ensuite avec le bouton de vérification de TVA.",
    'The company found in the register, or the establishment for a SIRET, '
    'with its address.':
        "L'entreprise trouvée dans le registre, ou l'établissement pour un "
        "SIRET, avec son adresse.",
    'The party that gets the name, SIREN, address and VAT number from the '
    'register. Leave empty to create a new party.':
        "Le tiers qui reçoit le nom, le SIREN, l'adresse et le numéro de TVA "
        "du registre. Laissez vide pour créer un nouveau tiers.",
    "The 9 digits of the SIREN, the 14 digits of the SIRET (spaces allowed) "
    "or at least 3 letters of the company's name.":
        "Les 9 chiffres du SIREN, les 14 chiffres du SIRET (espaces "
        "acceptées) ou au moins 3 lettres du nom de l'entreprise.",
    'The answer of the VAT number check: valid, or invalid when the number '
    'is unknown or no longer registered.':
        "La réponse de la vérification du numéro de TVA : valide, ou "
        "invalide quand le numéro est inconnu ou n'est plus enregistré.",
    'The address the VAT register gives for this number, when the member '
    'state shares it.':
        "L'adresse que le registre de TVA donne pour ce numéro, quand l'État "
        "membre la communique.",
    'When the VAT number was last checked.':
        "Date de la dernière vérification du numéro de TVA.",
    'The name the VAT register gives for this number, when the member '
    'state shares it.':
        "Le nom que le registre de TVA donne pour ce numéro, quand l'État "
        "membre le communique.",
    'The VAT number that was checked.': "Le numéro de TVA vérifié.",
    'Connector Party Lookup Result': "Entreprises trouvées",
    'Connector Party Lookup Start': "Rechercher une entreprise",
    'Look up a Company': "Rechercher une entreprise",
    'Enter at least 3 characters of the company name, or its SIREN or '
    'SIRET (field "%(field)s").':
        "Saisissez au moins 3 caractères du nom de l'entreprise, ou son SIREN "
        "ou son SIRET (champ « %(field)s »).",
    'The number "%(number)s" is neither a SIREN (9 digits) nor a SIRET '
    '(14 digits) (field "%(field)s").':
        "Le numéro « %(number)s » n'est ni un SIREN (9 chiffres) ni un SIRET "
        "(14 chiffres) (champ « %(field)s »).",
    'No provider sent the email: check the email settings in the connector '
    'settings.':
        "Aucun fournisseur n'a envoyé l'e-mail : vérifiez le service E-mail "
        "dans le paramétrage des connecteurs.",
    'Choose one of the companies found (field "%(field)s").':
        "Choisissez une des entreprises trouvées (champ « %(field)s »).",
    '%(company)s (closed)': "%(company)s (fermée)",
    'No company found in the register for "%(query)s" (field "%(field)s"): '
    'check the number or try another name.':
        "Aucune entreprise trouvée dans le registre pour « %(query)s » "
        "(champ « %(field)s ») : vérifiez le numéro ou essayez un autre nom.",
    'The party "%(party)s" already has the SIREN "%(siren)s": open it and '
    'look the company up from its form to update it.':
        "Le tiers « %(party)s » a déjà le SIREN « %(siren)s » : ouvrez-le et "
        "recherchez l'entreprise depuis sa fiche pour le mettre à jour.",
    'No provider answered for the service "%(capability)s": check the '
    'connector settings.':
        "Aucun fournisseur n'a répondu pour le service « %(capability)s » : "
        "vérifiez le paramétrage des connecteurs.",
    'The party "%(party)s" has no VAT number to check: add an identifier of '
    'type "%(type)s" (field "%(field)s").':
        "Le tiers « %(party)s » n'a pas de numéro de TVA à vérifier : "
        "ajoutez un identifiant de type « %(type)s » (champ « %(field)s »).",
    'The VAT number "%(number)s" of "%(party)s" is not valid: check its '
    'country code and digits (field "%(field)s").':
        "Le numéro de TVA « %(number)s » de « %(party)s » n'est pas valide : "
        "vérifiez son code pays et ses chiffres (champ « %(field)s »).",
    'Demo companies (offline)': "Entreprises de démonstration (hors ligne)",
    'Outbox (offline, nothing leaves Atelier)':
        "Boîte d'envoi (hors ligne, rien ne sort d'Atelier)",
    'SMTP server': "Serveur SMTP",
    "Recherche d'entreprises (api.gouv.fr)":
        "Recherche d'entreprises (api.gouv.fr)",
    'Check digits only (offline)': "Clé de contrôle seulement (hors ligne)",
    'VIES (European Commission)': "VIES (Commission européenne)",
    'The company register "%(service)s" refused the search "%(query)s" '
    '(HTTP error %(status)s). %(detail)s':
        "Le registre des entreprises « %(service)s » a refusé la recherche "
        "« %(query)s » (erreur HTTP %(status)s). %(detail)s",
    'The company register "%(service)s" cannot be reached; try again later.':
        "Le registre des entreprises « %(service)s » est injoignable ; "
        "réessayez plus tard.",
    'The company register "%(service)s" cannot be reached (HTTP error '
    '%(status)s); try again later.':
        "Le registre des entreprises « %(service)s » est injoignable (erreur "
        "HTTP %(status)s) ; réessayez plus tard.",
    'The company register "%(service)s" sent an answer that cannot be read.':
        "Le registre des entreprises « %(service)s » a envoyé une réponse "
        "illisible.",
    'The SIREN "%(number)s" is not valid: check its 9 digits (field '
    '"%(field)s").':
        "Le SIREN « %(number)s » n'est pas valide : vérifiez ses 9 chiffres "
        "(champ « %(field)s »).",
    'The SIRET "%(number)s" is not valid: check its 14 digits (field '
    '"%(field)s").':
        "Le SIRET « %(number)s » n'est pas valide : vérifiez ses 14 chiffres "
        "(champ « %(field)s »).",
    'VAT Number': "Numéro de TVA",
    'The VAT number "%(number)s" is not valid: check its country code and '
    'digits (field "%(field)s").':
        "Le numéro de TVA « %(number)s » n'est pas valide : vérifiez son code "
        "pays et ses chiffres (champ « %(field)s »).",
    'The VAT register of the member state "%(country)s" cannot be reached '
    'through the VIES service of the European Commission; try again later.':
        "Le registre de TVA de l'État membre « %(country)s » est injoignable "
        "par le service VIES de la Commission européenne ; réessayez plus "
        "tard.",
    'The VIES service of the European Commission refused to check the VAT '
    'number "%(number)s" (%(code)s).':
        "Le service VIES de la Commission européenne a refusé de vérifier le "
        "numéro de TVA « %(number)s » (%(code)s).",
    'The VIES service of the European Commission refused the request (HTTP '
    'error %(status)s).':
        "Le service VIES de la Commission européenne a refusé la demande "
        "(erreur HTTP %(status)s).",
    'The VIES service of the European Commission cannot be reached; try '
    'again later.':
        "Le service VIES de la Commission européenne est injoignable ; "
        "réessayez plus tard.",
    'The VIES service of the European Commission cannot be reached '
    '(%(code)s); try again later.':
        "Le service VIES de la Commission européenne est injoignable "
        "(%(code)s) ; réessayez plus tard.",
    'The VIES service of the European Commission sent an answer that '
    'cannot be read.':
        "Le service VIES de la Commission européenne a envoyé une réponse "
        "illisible.",
    'The VIES service of the European Commission sent a service '
    'description that cannot be read.':
        "Le service VIES de la Commission européenne a envoyé une "
        "description de service illisible.",
    "Ask the VAT register whether the party's VAT number is valid.":
        "Demander au registre de TVA si le numéro de TVA du tiers est "
        "valide.",
    'Fill the party from the company register, by SIREN, SIRET or name.':
        "Compléter le tiers depuis le registre des entreprises, par SIREN, "
        "SIRET ou nom.",
    'Check the VAT Number': "Vérifier le numéro de TVA",
    'Valid': "Valide",
    'Invalid': "Invalide",
    'Type the SIREN, the SIRET or the name of the company: Atelier looks it '
    'up in the company register chosen in the connector settings.':
        "Saisissez le SIREN, le SIRET ou le nom de l'entreprise : Atelier la "
        "recherche dans le registre des entreprises choisi dans le "
        "paramétrage des connecteurs.",
    'Cancel': "Annuler",
    'Fill the Party': "Compléter le tiers",
    'Search Again': "Nouvelle recherche",
    'Search': "Rechercher",
    # Confidential emails
    'Confidential': "Confidentiel",
    'The email holds a secret (a temporary password, a link to choose a '
    'password): only the server reads its content, to send it; people see '
    'who it went to and when.':
        "L'e-mail contient un secret (un mot de passe temporaire, un lien "
        "pour choisir un mot de passe) : seul le serveur lit son contenu, "
        "pour l'envoyer ; on voit à qui et quand il est parti.",
    # Powder catalogue
    'Powder Catalogue': "Catalogue de poudres",
    'Thermopoudre (demo catalogue, offline)':
        "Thermopoudre (catalogue de démonstration, hors ligne)",
    "Supplier's PrestaShop shop (webservice)":
        "Boutique PrestaShop du fournisseur (webservice)",
    'The powder catalogue setting has no "%(key)s": fill it in the '
    'connector settings.':
        "Le paramétrage du catalogue de poudres n'a pas de « %(key)s » : "
        "renseignez-le dans le paramétrage des connecteurs.",
    'The reference "%(reference)s" cannot be searched in the catalogue: '
    'remove its brackets, vertical bars, percent signs and commas.':
        "La référence « %(reference)s » ne peut pas être cherchée dans le "
        "catalogue : retirez-en les crochets, barres verticales, signes "
        "pour cent et virgules.",
    'The catalogue "%(service)s" cannot be reached; try again later.':
        "Le catalogue « %(service)s » est injoignable ; réessayez plus tard.",
    'The catalogue "%(service)s" cannot be reached (HTTP error '
    '%(status)s); try again later.':
        "Le catalogue « %(service)s » est injoignable (erreur HTTP "
        "%(status)s) ; réessayez plus tard.",
    'The catalogue "%(service)s" refused the webservice key: check '
    '"ws_key" in the connector settings (the key must be active and allowed '
    'to read products, product features and feature values).':
        "Le catalogue « %(service)s » a refusé la clé du webservice : "
        "vérifiez « ws_key » dans le paramétrage des connecteurs (la clé "
        "doit être active et autorisée à lire les produits, les "
        "caractéristiques et leurs valeurs).",
    'The catalogue "%(service)s" refused the request (HTTP error '
    '%(status)s). %(detail)s':
        "Le catalogue « %(service)s » a refusé la demande (erreur HTTP "
        "%(status)s). %(detail)s",
    'The catalogue "%(service)s" sent an answer that cannot be read.':
        "Le catalogue « %(service)s » a envoyé une réponse illisible.",
}
