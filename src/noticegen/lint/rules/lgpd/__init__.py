"""Brazil (LGPD, Lei 13.709/2018): the notice's required information and the rights of Art. 18."""

from ..base import Rule
from .lgpd_access_response_too_slow import LgpdAccessResponseTooSlow
from .lgpd_anpd_petition_missing import LgpdAnpdPetitionMissing
from .lgpd_automated_review_missing import LgpdAutomatedReviewMissing
from .lgpd_children_parental_consent_missing import LgpdChildrenParentalConsentMissing
from .lgpd_controller_contact_missing import LgpdControllerContactMissing
from .lgpd_encarregado_missing import LgpdEncarregadoMissing
from .lgpd_legal_basis_missing import LgpdLegalBasisMissing
from .lgpd_right_access_missing import LgpdRightAccessMissing
from .lgpd_right_anonymisation_missing import LgpdRightAnonymisationMissing
from .lgpd_right_confirmation_missing import LgpdRightConfirmationMissing
from .lgpd_right_consent_information_missing import LgpdRightConsentInformationMissing
from .lgpd_right_correction_missing import LgpdRightCorrectionMissing
from .lgpd_right_deletion_missing import LgpdRightDeletionMissing
from .lgpd_right_portability_missing import LgpdRightPortabilityMissing
from .lgpd_right_sharing_information_missing import LgpdRightSharingInformationMissing
from .lgpd_right_withdraw_consent_missing import LgpdRightWithdrawConsentMissing
from .lgpd_sensitive_on_legitimate_interest import LgpdSensitiveOnLegitimateInterest
from .lgpd_sharing_purpose_missing import LgpdSharingPurposeMissing
from .lgpd_transfer_mechanism_missing import LgpdTransferMechanismMissing

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
