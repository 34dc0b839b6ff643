"""Consistency: the notice must not contradict itself."""

from ..base import Rule
from .automated_decision_without_human_review import AutomatedDecisionWithoutHumanReview
from .basis_jurisdiction_not_declared import BasisJurisdictionNotDeclared
from .consent_without_withdrawal import ConsentWithoutWithdrawal
from .cookie_data_not_used_by_purpose import CookieDataNotUsedByPurpose
from .cookie_without_consent import CookieWithoutConsent
from .data_used_but_not_declared import DataUsedButNotDeclared
from .data_without_purpose import DataWithoutPurpose
from .data_without_retention import DataWithoutRetention
from .direct_marketing_without_objection import DirectMarketingWithoutObjection
from .legitimate_interest_not_stated import LegitimateInterestNotStated
from .promise_contradicted_by_processing import PromiseContradictedByProcessing
from .promise_contradicted_by_recipient import PromiseContradictedByRecipient
from .promise_contradicted_by_transfer import PromiseContradictedByTransfer
from .purpose_without_data import PurposeWithoutData
from .recipient_data_mismatch import RecipientDataMismatch
from .retention_only_hides_data import RetentionOnlyHidesData
from .right_limited_without_reason import RightLimitedWithoutReason
from .source_not_named import SourceNotNamed
from .source_not_stated import SourceNotStated
from .special_category_without_condition import SpecialCategoryWithoutCondition
from .transfer_outside_recipient_countries import TransferOutsideRecipientCountries

RULES: tuple[type[Rule], ...] = (
    DataUsedButNotDeclared,
    DataWithoutPurpose,
    DataWithoutRetention,
    TransferOutsideRecipientCountries,
    PromiseContradictedByRecipient,
    ConsentWithoutWithdrawal,
    LegitimateInterestNotStated,
    SpecialCategoryWithoutCondition,
    DirectMarketingWithoutObjection,
    PurposeWithoutData,
    RecipientDataMismatch,
    CookieWithoutConsent,
    SourceNotNamed,
    SourceNotStated,
    AutomatedDecisionWithoutHumanReview,
    RetentionOnlyHidesData,
    PromiseContradictedByProcessing,
    PromiseContradictedByTransfer,
    CookieDataNotUsedByPurpose,
    BasisJurisdictionNotDeclared,
    RightLimitedWithoutReason,
)
