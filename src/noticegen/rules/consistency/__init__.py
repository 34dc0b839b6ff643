"""Consistency: the notice must not contradict itself."""

from ..base import Rule
from .data_not_declared import DataUsedButNotDeclared
from .data_without_purpose import DataWithoutPurpose

RULES: tuple[type[Rule], ...] = (DataUsedButNotDeclared, DataWithoutPurpose)
