"""California (CCPA as amended by the CPRA): the privacy policy's required disclosures."""

from ..base import Rule
from .advertising_disclosure_not_marked import CcpaAdvertisingDisclosureNotMarked
from .annual_update import CcpaAnnualUpdate
from .authorised_agent_missing import CcpaAuthorisedAgentMissing
from .category_missing import CcpaCategoryMissing
from .disclosed_categories_missing import CcpaDisclosedCategoriesMissing
from .disclosure_purpose_missing import CcpaDisclosurePurposeMissing
from .minors_opt_in_missing import CcpaMinorsOptInMissing
from .minors_statement_missing import CcpaMinorsStatementMissing
from .no_sale_statement_missing import CcpaNoSaleStatementMissing
from .non_discrimination_missing import CcpaNonDiscriminationMissing
from .opt_out_link_missing import CcpaOptOutLinkMissing
from .opt_out_right_missing import CcpaOptOutRightMissing
from .preference_signal_missing import CcpaPreferenceSignalMissing
from .right_to_correct_missing import CcpaRightToCorrectMissing
from .right_to_delete_missing import CcpaRightToDeleteMissing
from .right_to_know_missing import CcpaRightToKnowMissing
from .sensitive_flag_mismatch import CcpaSensitiveFlagMismatch
from .sensitive_limit_missing import CcpaSensitiveLimitMissing
from .toll_free_number_missing import CcpaTollFreeNumberMissing
from .too_few_request_methods import CcpaTooFewRequestMethods
from .verification_missing import CcpaVerificationMissing

RULES: tuple[type[Rule], ...] = (
    CcpaCategoryMissing,
    CcpaAdvertisingDisclosureNotMarked,
    CcpaDisclosurePurposeMissing,
    CcpaDisclosedCategoriesMissing,
    CcpaNoSaleStatementMissing,
    CcpaOptOutLinkMissing,
    CcpaOptOutRightMissing,
    CcpaPreferenceSignalMissing,
    CcpaSensitiveLimitMissing,
    CcpaSensitiveFlagMismatch,
    CcpaRightToKnowMissing,
    CcpaRightToDeleteMissing,
    CcpaRightToCorrectMissing,
    CcpaNonDiscriminationMissing,
    CcpaTooFewRequestMethods,
    CcpaTollFreeNumberMissing,
    CcpaAuthorisedAgentMissing,
    CcpaVerificationMissing,
    CcpaAnnualUpdate,
    CcpaMinorsStatementMissing,
    CcpaMinorsOptInMissing,
)
