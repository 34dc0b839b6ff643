"""Brazil (LGPD, Lei 13.709/2018): the notice's required information and the rights of Art. 18."""

from ..base import Rule
from .access_response_too_slow import LgpdAccessResponseTooSlow
from .anpd_petition_missing import LgpdAnpdPetitionMissing
from .automated_review_missing import LgpdAutomatedReviewMissing
from .children_parental_consent_missing import LgpdChildrenParentalConsentMissing
from .controller_contact_missing import LgpdControllerContactMissing
from .encarregado_missing import LgpdEncarregadoMissing
from .legal_basis_missing import LgpdLegalBasisMissing
from .right_access_missing import LgpdRightAccessMissing
from .right_anonymisation_missing import LgpdRightAnonymisationMissing
from .right_confirmation_missing import LgpdRightConfirmationMissing
from .right_consent_information_missing import LgpdRightConsentInformationMissing
from .right_correction_missing import LgpdRightCorrectionMissing
from .right_deletion_missing import LgpdRightDeletionMissing
from .right_portability_missing import LgpdRightPortabilityMissing
from .right_sharing_information_missing import LgpdRightSharingInformationMissing
from .right_withdraw_consent_missing import LgpdRightWithdrawConsentMissing
from .sensitive_on_legitimate_interest import LgpdSensitiveOnLegitimateInterest
from .sharing_purpose_missing import LgpdSharingPurposeMissing
from .transfer_mechanism_missing import LgpdTransferMechanismMissing

RULES: tuple[type[Rule], ...] = (
    LgpdEncarregadoMissing,
    LgpdLegalBasisMissing,
    LgpdControllerContactMissing,
    LgpdSharingPurposeMissing,
    LgpdAnpdPetitionMissing,
    LgpdTransferMechanismMissing,
    LgpdAutomatedReviewMissing,
    LgpdChildrenParentalConsentMissing,
    LgpdSensitiveOnLegitimateInterest,
    LgpdRightConfirmationMissing,
    LgpdRightAccessMissing,
    LgpdRightCorrectionMissing,
    LgpdRightAnonymisationMissing,
    LgpdRightPortabilityMissing,
    LgpdRightDeletionMissing,
    LgpdRightSharingInformationMissing,
    LgpdRightConsentInformationMissing,
    LgpdRightWithdrawConsentMissing,
    LgpdAccessResponseTooSlow,
)
