"""Rules of the publishing family: what the published outputs need that the model lacks."""

from ..base import Rule
from .ropa_controller_details import RopaControllerDetails
from .store_label_answer import StoreLabelAnswer
from .store_label_data_type import StoreLabelDataType
from .store_label_optional import StoreLabelOptional
from .store_label_purpose import StoreLabelPurpose

RULES: tuple[type[Rule], ...] = (
    StoreLabelDataType,
    StoreLabelOptional,
    StoreLabelPurpose,
    StoreLabelAnswer,
    RopaControllerDetails,
)
