"""GDPR and UK GDPR: each disclosure Art. 13 and 14 require, and rights that follow the legal
bases."""

from ..base import Rule
from .automated_decision_information_empty import AutomatedDecisionInformationEmpty
from .automated_decision_right_missing import AutomatedDecisionRightMissing
from .changes_not_explained import ChangesNotExplained
from .children_not_addressed import ChildrenNotAddressed
from .complaint_right_missing import ComplaintRightMissing
from .controller_identity_incomplete import ControllerIdentityIncomplete
from .data_requirement_not_stated import DataRequirementNotStated
from .direct_marketing_objection_not_separate import DirectMarketingObjectionNotSeparate
from .dpo_not_stated import DpoNotStated
from .eu_representative_missing import EuRepresentativeMissing
from .ico_not_named import IcoNotNamed
from .joint_arrangement_missing import JointArrangementMissing
from .marketing_on_contract import MarketingOnContract
from .purpose_without_legal_basis import PurposeWithoutLegalBasis
from .recipient_abroad_without_transfer import RecipientAbroadWithoutTransfer
from .recipient_location_not_stated import RecipientLocationNotStated
from .recipients_not_disclosed import RecipientsNotDisclosed
from .representative_not_named import RepresentativeNotNamed
from .response_time_too_long import ResponseTimeTooLong
from .retention_without_period import RetentionWithoutPeriod
from .right_of_access_missing import RightOfAccessMissing
from .right_that_does_not_apply import RightThatDoesNotApply
from .right_to_erasure_missing import RightToErasureMissing
from .right_to_object_missing import RightToObjectMissing
from .right_to_portability_missing import RightToPortabilityMissing
from .right_to_rectification_missing import RightToRectificationMissing
from .right_to_restriction_missing import RightToRestrictionMissing
from .safeguard_copy_missing import SafeguardCopyMissing
from .safeguard_not_available import SafeguardNotAvailable
from .security_not_described import SecurityNotDescribed
from .transfer_without_safeguard import TransferWithoutSafeguard
from .uk_representative_missing import UkRepresentativeMissing

RULES: tuple[type[Rule], ...] = (
    ControllerIdentityIncomplete,
    DpoNotStated,
    JointArrangementMissing,
    EuRepresentativeMissing,
    UkRepresentativeMissing,
    RepresentativeNotNamed,
    PurposeWithoutLegalBasis,
    RecipientsNotDisclosed,
    TransferWithoutSafeguard,
    SafeguardCopyMissing,
    RecipientAbroadWithoutTransfer,
    RetentionWithoutPeriod,
    RightOfAccessMissing,
    RightToRectificationMissing,
    RightToErasureMissing,
    RightToRestrictionMissing,
    RightToPortabilityMissing,
    RightToObjectMissing,
    RightThatDoesNotApply,
    DirectMarketingObjectionNotSeparate,
    ComplaintRightMissing,
    IcoNotNamed,
    DataRequirementNotStated,
    AutomatedDecisionRightMissing,
    AutomatedDecisionInformationEmpty,
    SafeguardNotAvailable,
    RecipientLocationNotStated,
    ChildrenNotAddressed,
    ChangesNotExplained,
    SecurityNotDescribed,
    MarketingOnContract,
    ResponseTimeTooLong,
)
