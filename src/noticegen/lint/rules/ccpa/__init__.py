"""California (CCPA as amended by the CPRA): the privacy policy's required disclosures."""

from ..base import Rule
from .ccpa_advertising_disclosure_not_marked import CcpaAdvertisingDisclosureNotMarked
from .ccpa_annual_update import CcpaAnnualUpdate
from .ccpa_authorised_agent_missing import CcpaAuthorisedAgentMissing
from .ccpa_category_missing import CcpaCategoryMissing
from .ccpa_disclosed_categories_missing import CcpaDisclosedCategoriesMissing
from .ccpa_disclosure_purpose_missing import CcpaDisclosurePurposeMissing
from .ccpa_last_updated_missing import CcpaLastUpdatedMissing
from .ccpa_minors_opt_in_missing import CcpaMinorsOptInMissing
from .ccpa_minors_statement_missing import CcpaMinorsStatementMissing
from .ccpa_no_sale_statement_missing import CcpaNoSaleStatementMissing
from .ccpa_non_discrimination_missing import CcpaNonDiscriminationMissing
from .ccpa_online_only_not_stated import CcpaOnlineOnlyNotStated
from .ccpa_opt_out_link_missing import CcpaOptOutLinkMissing
from .ccpa_opt_out_right_missing import CcpaOptOutRightMissing
from .ccpa_preference_signal_missing import CcpaPreferenceSignalMissing
from .ccpa_right_to_correct_missing import CcpaRightToCorrectMissing
from .ccpa_right_to_delete_missing import CcpaRightToDeleteMissing
from .ccpa_right_to_know_missing import CcpaRightToKnowMissing
from .ccpa_sensitive_flag_mismatch import CcpaSensitiveFlagMismatch
from .ccpa_sensitive_limit_missing import CcpaSensitiveLimitMissing
from .ccpa_toll_free_number_missing import CcpaTollFreeNumberMissing
from .ccpa_too_few_request_methods import CcpaTooFewRequestMethods
from .ccpa_verification_missing import CcpaVerificationMissing

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
    CcpaOnlineOnlyNotStated,
    CcpaAuthorisedAgentMissing,
    CcpaVerificationMissing,
    CcpaAnnualUpdate,
    CcpaLastUpdatedMissing,
    CcpaMinorsStatementMissing,
    CcpaMinorsOptInMissing,
)
