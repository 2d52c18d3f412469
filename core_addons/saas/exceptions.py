# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError, ValidationError


class AuditLogReadOnlyError(AccessError):
    "The audit log is append-only: nobody edits or deletes its entries."


class WorkshopValidationError(ValidationError):
    "The data given to the New workshop wizard is not acceptable."


class FeatureDisabledError(UserError):
    "A feature the tenant's plan does not include was used."


class ConsentReadOnlyError(AccessError):
    "A recorded consent is proof: nobody edits or deletes it."


class ConsentValidationError(ValidationError):
    "A consent or a consent document is not acceptable."


class TOTPCodeError(UserError):
    "The code typed to set up the authenticator app is not right."


class TOTPRequiredError(UserError):
    "A user who must log in with a second factor has none set up."
