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
