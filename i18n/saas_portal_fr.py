# French strings of the saas_portal addon (client portal frame), by English
# msgid (see i18n/fill_po.py). The portal speaks to clients: "vous".
FR = {
    # Back office
    'Accent Colour': "Couleur d'accent",
    'Logo': "Logo",
    'Logo ID': "Identifiant du logo",
    'Primary Colour': "Couleur principale",
    'Portal Address': "Adresse du portail",
    'Portal URL': "URL du portail",
    'Company': "Société",
    'The colour of highlights in the portal, as #rrggbb.':
        "La couleur des mises en avant du portail, au format #rrggbb.",
    'A PNG, JPEG, WebP or SVG image shown at the top of the portal.':
        "Une image PNG, JPEG, WebP ou SVG affichée en haut du portail.",
    'The main colour of the portal (header, buttons), as #rrggbb.':
        "La couleur principale du portail (en-tête, boutons), au format "
        "#rrggbb.",
    "The part of the portal's address that names the workshop: "
    "/<database>/portal/<address>/.":
        "La partie de l'adresse du portail qui nomme l'atelier : "
        "/<base>/portal/<adresse>/.",
    'The workshop this record belongs to; other workshops never see it.':
        "L'atelier auquel appartient cet enregistrement ; les autres "
        "ateliers ne le voient jamais.",
    'Portal Appearance': "Apparence du portail",
    'Client Accounts': "Comptes clients",
    'Client Portal': "Portail client",
    'User in companies': "Utilisateur dans les sociétés",
    'No text is readable on the colour "%(colour)s" of the field '
    '"%(field)s" (contrast below 4.5:1, WCAG AA): choose a darker or a '
    'lighter shade.':
        "Aucun texte n'est lisible sur la couleur « %(colour)s » du champ "
        "« %(field)s » (contraste inférieur à 4,5:1, WCAG AA) : choisissez "
        "une teinte plus foncée ou plus claire.",
    'The colour "%(colour)s" of the field "%(field)s" must be written '
    '#rrggbb (e.g. #1e40af).':
        "La couleur « %(colour)s » du champ « %(field)s » doit s'écrire "
        "#rrggbb (par ex. #1e40af).",
    'The logo must be a PNG, JPEG, WebP or SVG image.':
        "Le logo doit être une image PNG, JPEG, WebP ou SVG.",
    'The portal address "%(slug)s" may only contain lowercase letters, '
    'digits and single hyphens (e.g. "thermolaquage-durand").':
        "L'adresse de portail « %(slug)s » ne peut contenir que des "
        "minuscules sans accents, des chiffres et des tirets simples (par "
        "ex. « thermolaquage-durand »).",
    'Another workshop already uses this portal address.':
        "Un autre atelier utilise déjà cette adresse de portail.",
    'This workshop already has a client account with this email.':
        "Cet atelier a déjà un compte client avec cet e-mail.",
    'The client account "%(user)s" must be for a party of its own '
    'workshop, not "%(party)s".':
        "Le compte client « %(user)s » doit être celui d'un tiers de son "
        "propre atelier, pas « %(party)s ».",
    # Portal pages
    'Back': "Retour",
    'Back to sign in': "Retour à la connexion",
    'Choose your password': "Choisissez votre mot de passe",
    'Client area': "Espace client",
    'Confirm the password': "Confirmez le mot de passe",
    'Form expired': "Formulaire expiré",
    'This form has expired or did not come from this site. Go back, reload '
    'the page and try again.':
        "Ce formulaire a expiré ou ne vient pas de ce site. Revenez en "
        "arrière, rechargez la page et réessayez.",
    'Date': "Date",
    'Document': "Document",
    'The documents %(workshop)s shares with you: quotes, invoices and '
    'reports.':
        "Les documents que %(workshop)s partage avec vous : devis, "
        "factures et rapports.",
    'Download': "Télécharger",
    'Email': "E-mail",
    'Enter your email.': "Saisissez votre adresse e-mail.",
    'Something is not right': "Quelque chose ne va pas",
    'Client area of %(workshop)s': "Espace client de %(workshop)s",
    'Language': "Langue",
    'Wrong email or password.': "Adresse e-mail ou mot de passe incorrect.",
    'Too many attempts: for your security, try again in a few minutes.':
        "Trop de tentatives : pour votre sécurité, réessayez dans quelques "
        "minutes.",
    'My documents': "Mes documents",
    'New password': "Nouveau mot de passe",
    'No document yet': "Aucun document pour le moment",
    'Your quotes, invoices and reports will appear here as soon as the '
    'workshop sends them.':
        "Vos devis, factures et rapports apparaîtront ici dès que l'atelier "
        "vous les enverra.",
    'Password': "Mot de passe",
    'Forgot your password?': "Mot de passe oublié ?",
    'Enter the email of your client account: we will send you a link to '
    'choose a new password.':
        "Saisissez l'e-mail de votre compte client : nous vous enverrons un "
        "lien pour choisir un nouveau mot de passe.",
    'This link is no longer valid: ask for a new one from the sign-in '
    'page.':
        "Ce lien n'est plus valable : demandez-en un nouveau depuis la page "
        "de connexion.",
    'The two passwords differ.': "Les deux mots de passe sont différents.",
    'Your password is saved: you can sign in.':
        "Votre mot de passe est enregistré : vous pouvez vous connecter.",
    'If an account exists for this email, a link to choose a password has '
    'just been sent to it.':
        "Si un compte existe pour cet e-mail, un lien pour choisir un mot de "
        "passe vient d'y être envoyé.",
    'Save the password': "Enregistrer le mot de passe",
    'Secure connection: your data stays with your workshop.':
        "Connexion sécurisée : vos données restent chez votre atelier.",
    'Send the link': "Envoyer le lien",
    'Sign in': "Se connecter",
    'Follow your parts, download your quotes and invoices.':
        "Suivez vos pièces, téléchargez vos devis et factures.",
    'Sign out': "Se déconnecter",
    'Signed in as %(name)s': "Connecté : %(name)s",
    'You are signed out.': "Vous êtes déconnecté.",
    'Skip to content': "Aller au contenu",
    # Consents asked in the portal
    'Before you continue': "Avant de continuer",
    '%(workshop)s asks you to read and accept these documents to use your '
    'client area. You will be asked again only when a new version is '
    'published.':
        "%(workshop)s vous demande de lire et d'accepter ces documents pour "
        "utiliser votre espace client. Ils ne vous seront redemandés qu'à "
        "la publication d'une nouvelle version.",
    'Version %(version)s, in force since %(date)s':
        "Version %(version)s, en vigueur depuis le %(date)s",
    'Read the document': "Lire le document",
    'I have read and I accept "%(document)s".':
        "J'ai lu et j'accepte « %(document)s ».",
    'Accept and continue': "Accepter et continuer",
    'Tick each document to accept it: %(documents)s.':
        "Cochez chaque document pour l'accepter : %(documents)s.",
    # The email giving access to the portal (invitation, new password)
    'Your client area': "Votre espace client",
    "A client's password, reset link and email token are never searched "
    "on.":
        "Le mot de passe, le lien de réinitialisation et le jeton d'e-mail "
        "d'un client ne peuvent pas servir de critère de recherche.",
    'Choose my password': "Choisir mon mot de passe",
    'Hello %(name)s,[1:]\n                [2:%(company)s] gives you access '
    'to your client area: follow your parts, download your quotes and '
    'invoices.':
        "Bonjour %(name)s,[1:]\n                [2:%(company)s] vous ouvre "
        "votre espace client : suivez vos pièces, téléchargez vos devis et "
        "factures.",
    'If the button does not work, copy this address into your browser:':
        "Si le bouton ne fonctionne pas, copiez cette adresse dans votre "
        "navigateur :",
    'The link can be used once and expires in [1:%(datetime)s]. If you did '
    'not ask for it, ignore this email: nothing changes.':
        "Le lien ne sert qu'une fois et expire dans [1:%(datetime)s]. Si "
        "vous ne l'avez pas demandé, ignorez cet e-mail : rien ne change.",
    'Your login is your email, [1:%(email)s]. Choose your password with the '
    'button below:':
        "Votre identifiant est votre e-mail, [1:%(email)s]. Choisissez votre "
        "mot de passe avec le bouton ci-dessous :",
}
