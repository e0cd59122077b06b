"""A bounded cache for pure functions whose result depends on less than their arguments carry
(a step of the dose path depends on the person only through the older-adult ladders, so it is
remembered by that, not by the whole profile). Oldest entries go first when full."""

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Memo(Generic[T]):
    def __init__(self, size: int) -> None:
        self.size = size
        self.found: dict[Hashable, T] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The remembered result for `key`, else `compute()`'s, remembered."""
        if key in self.found:
            return self.found[key]
        if len(self.found) >= self.size:
            del self.found[next(iter(self.found))]  # dicts keep insertion order: the oldest
        result = self.found[key] = compute()
        return result
