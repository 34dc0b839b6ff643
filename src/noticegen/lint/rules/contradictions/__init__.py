"""Contradictions: prose that denies what the structure declares, and supplements that take
back what the notice offers."""

from ..base import Rule
from .account_active_but_hidden import AccountActiveButHidden
from .no_sale_claim_at_risk import NoSaleClaimAtRisk
from .prose_contradicts_prose import ProseContradictsProse
from .prose_denies_advertising import ProseDeniesAdvertising
from .prose_denies_collection import ProseDeniesCollection
from .prose_denies_cookies import ProseDeniesCookies
from .prose_denies_keeping import ProseDeniesKeeping
from .prose_denies_linking import ProseDeniesLinking
from .prose_denies_profiling import ProseDeniesProfiling
from .prose_denies_sale import ProseDeniesSale
from .prose_denies_sending import ProseDeniesSending
from .prose_denies_sharing import ProseDeniesSharing
from .prose_denies_transfer import ProseDeniesTransfer
from .prose_denies_use import ProseDeniesUse
from .prose_hides_structure_deletes import ProseHidesStructureDeletes
from .supplement_denies_right import SupplementDeniesRight

RULES: tuple[type[Rule], ...] = (
    ProseHidesStructureDeletes,
    ProseDeniesSale,
    ProseDeniesSharing,
    ProseDeniesCollection,
    ProseDeniesTransfer,
    NoSaleClaimAtRisk,
    SupplementDeniesRight,
    AccountActiveButHidden,
    ProseDeniesCookies,
    ProseDeniesProfiling,
    ProseDeniesUse,
    ProseDeniesAdvertising,
    ProseDeniesSending,
    ProseDeniesLinking,
    ProseDeniesKeeping,
    ProseContradictsProse,
)
