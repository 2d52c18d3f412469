# French strings of the saas addon's two-factor login (totp.py, totp.xml,
# view/totp_*.xml, view/user_form*.xml, message.xml), by English msgid
# (see i18n/fill_po.py).
FR = {
    # res.user
    'Authenticator Secret': "Secret de l'application d'authentification",
    'The shared secret of the authenticator app; never shown.':
        "Le secret partagé avec l'application d'authentification ; "
        "jamais affiché.",
    'Last Code Step': "Pas du dernier code",
    'The time step of the last code accepted: '
    'a code is accepted only once.':
        "Le pas de temps du dernier code accepté : "
        "un code n'est accepté qu'une fois.",
    'Two-Factor Login': "Double authentification",
    'A code from an authenticator app is asked after the password.':
        "Un code de l'application d'authentification est demandé après "
        "le mot de passe.",
    'Two-Factor Login Required': "Double authentification obligatoire",
    'Owners and administrators must log in with a code from an '
    'authenticator app.':
        "Les gérants et les administrateurs doivent se connecter avec un "
        "code de leur application d'authentification.",
    # res.user.totp.recovery_code
    'Two-Factor Recovery Code': "Code de secours",
    'User': "Utilisateur",
    'The user who may log in once with this code.':
        "L'utilisateur qui peut se connecter une fois avec ce code.",
    'Code Hash': "Empreinte du code",
    'The SHA-256 of the code; the code itself is shown only once.':
        "Le SHA-256 du code ; le code lui-même n'est affiché qu'une fois.",
    # res.user.totp.enrol (wizard) and its views
    'Set Up Two-Factor Login': "Configurer la double authentification",
    'Set Up the Authenticator App':
        "Configurer l'application d'authentification",
    'The user who logs in with this authenticator app.':
        "L'utilisateur qui se connecte avec cette application "
        "d'authentification.",
    'Secret Key': "Clé secrète",
    'Type this key in the authenticator app if it cannot read the QR code.':
        "Saisissez cette clé dans l'application d'authentification si elle "
        "ne peut pas lire le QR code.",
    'QR Code': "QR code",
    'Scan it with an authenticator app (FreeOTP, Aegis, Google '
    'Authenticator, Microsoft Authenticator...).':
        "Scannez-le avec une application d'authentification (FreeOTP, "
        "Aegis, Google Authenticator, Microsoft Authenticator…).",
    'Code': "Code",
    'The 6-digit code the app shows now, to confirm it is set up.':
        "Le code à 6 chiffres affiché maintenant par l'application, pour "
        "confirmer qu'elle est configurée.",
    'Two-Factor Recovery Codes': "Codes de secours",
    'Recovery Codes': "Codes de secours",
    'Each code replaces the app once, e.g. if the phone is lost. They are '
    'shown only now: print them or keep them in a safe place.':
        "Chaque code remplace l'application une fois, par exemple si le "
        "téléphone est perdu. Ils ne sont affichés que maintenant : "
        "imprimez-les ou gardez-les en lieu sûr.",
    'Cancel': "Annuler",
    'Confirm': "Confirmer",
    'I Have Saved the Codes': "J'ai conservé les codes",
    'Scan this QR code with an authenticator app on your phone, then enter '
    'the 6-digit code it shows.':
        "Scannez ce QR code avec une application d'authentification sur "
        "votre téléphone, puis saisissez le code à 6 chiffres qu'elle "
        "affiche.",
    'Two-factor login is set up. Keep these recovery codes in a safe place: '
    'each one replaces the app once, and they will not be shown again.':
        "La double authentification est configurée. Gardez ces codes de "
        "secours en lieu sûr : chacun remplace l'application une fois, et "
        "ils ne seront plus affichés.",
    'Set it up from the menu "Set Up Two-Factor Login".':
        "Configurez-la depuis le menu « Configurer la double "
        "authentification ».",
    # message.xml
    'Enter the 6-digit code shown by your authenticator app (or one of '
    'your recovery codes).':
        "Saisissez le code à 6 chiffres affiché par votre application "
        "d'authentification (ou l'un de vos codes de secours).",
    "This code is not right. Check that your phone's clock is on time, "
    "then enter the code shown now by your authenticator app.":
        "Ce code n'est pas le bon. Vérifiez que l'horloge de votre "
        "téléphone est à l'heure, puis saisissez le code affiché maintenant "
        "par votre application d'authentification.",
    'This code has already been used. Wait for the next code of your '
    'authenticator app and enter it.':
        "Ce code a déjà été utilisé. Attendez le code suivant de votre "
        "application d'authentification et saisissez-le.",
    'This recovery code is not valid or has already been used. Enter the '
    '6-digit code of your authenticator app or another recovery code.':
        "Ce code de secours n'est pas valide ou a déjà été utilisé. "
        "Saisissez le code à 6 chiffres de votre application "
        "d'authentification ou un autre code de secours.",
    'The account "%(login)s" must log in with a second factor '
    '(authenticator app), and none is set up yet. Ask your workshop\'s '
    'administrator or Atelier support to set it up with you.':
        "Le compte « %(login)s » doit se connecter avec une double "
        "authentification (application d'authentification), et aucune "
        "n'est encore configurée. Demandez à l'administrateur de votre "
        "atelier ou au support Atelier de la configurer avec vous.",
    'This code does not match: scan the QR code again or type the secret '
    'key in your authenticator app, then enter the 6-digit code it shows '
    'now.':
        "Ce code ne correspond pas : scannez à nouveau le QR code ou "
        "saisissez la clé secrète dans votre application d'authentification, "
        "puis saisissez le code à 6 chiffres qu'elle affiche maintenant.",
        'The authenticator secret of a user cannot be searched.':
        "Le secret d'authentification d'un utilisateur ne peut pas servir "
        "de critère de recherche.",
    }
