"""Prose hygiene: template leftovers, references to nothing, and claims no one can keep."""

from ..base import Rule
from .absolute_security_claim import AbsoluteSecurityClaim
from .dangling_contact_reference import DanglingContactReference
from .dangling_document_reference import DanglingDocumentReference
from .dangling_supplement_reference import DanglingSupplementReference
from .identifiable_data_called_anonymous import IdentifiableDataCalledAnonymous
from .template_leftover import TemplateLeftover
from .undefined_acronym import UndefinedAcronym
from .vague_purpose_wording import VaguePurposeWording

RULES: tuple[type[Rule], ...] = (
    TemplateLeftover,
    DanglingContactReference,
    DanglingSupplementReference,
    DanglingDocumentReference,
    AbsoluteSecurityClaim,
    VaguePurposeWording,
    UndefinedAcronym,
    IdentifiableDataCalledAnonymous,
)
