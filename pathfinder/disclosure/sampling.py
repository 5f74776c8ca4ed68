"""A sample of cases for inspectors to track, chosen reproducibly: the same sample key gives the same children.

Why a key and a hash, not a random draw: an inspector who asks "which cases did you give us?" weeks later must get
the same answer, and nobody may pick the cases (a hand-picked sample hides the bad ones). Each child's place in
the order is the SHA-256 of the key and the child's reference, so the order is fixed by the key alone, cannot be
steered, and does not change when other children are added.

Stratified: the sample is shared between the lists in proportion to their size (largest remainders, at least one
from each list that has anyone on it while places remain), so a small list such as refusals is not left out. A
child already chosen for one list is not chosen again for another.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from pathfinder.disclosure.inspection import LISTS, InspectionList

MAX_SAMPLE = 100


@dataclass(frozen=True)
class SampledCase:
    child_id: int
    first_name: str
    last_name: str
    date_of_birth: date
    list_key: str
    list_title: str


def sample_rank(key: str, child_id: int) -> str:
    """The child's place in the order for this key (lowest first)."""
    return hashlib.sha256(f"{key}\x1f{child_id}".encode()).hexdigest()


def _shares(sizes: dict[str, int], size: int) -> dict[str, int]:
    """How many places each list gets: in proportion to its size (largest remainders), at least one for each list
    with anyone on it, and never more than it holds. Fewer places than lists: one each for the largest lists."""
    shares = dict.fromkeys(sizes, 0)
    filled = [k for k, n in sizes.items() if n]
    if not filled or size <= 0:
        return shares
    if size <= len(filled):
        for k in sorted(filled, key=lambda k: (-sizes[k], k))[:size]:
            shares[k] = 1
        return shares
    total = sum(sizes[k] for k in filled)
    exact = {k: size * sizes[k] / total for k in filled}
    for k in filled:
        shares[k] = min(sizes[k], max(1, int(exact[k])))
    while sum(shares.values()) > size:  # the floor of one took places from the larger lists: give them back
        shares[max(filled, key=lambda k: (shares[k] - exact[k], k))] -= 1
    for k in sorted(filled, key=lambda k: (-(exact[k] - shares[k]), k)):
        if sum(shares.values()) >= size:
            break
        if shares[k] < sizes[k]:
            shares[k] += 1
    return shares


def tracking_sample(key: str, size: int, today: date, lists: tuple[InspectionList, ...] = LISTS) -> list[SampledCase]:
    """``size`` children, stratified across the lists, in a fixed order for ``key``."""
    by_list: dict[str, dict[int, dict]] = {}
    for item in lists:
        children: dict[int, dict] = {}
        for row in item.rows(today):
            children.setdefault(row["child_id"], row)
        by_list[item.key] = children
    shares = _shares({k: len(v) for k, v in by_list.items()}, min(size, MAX_SAMPLE))
    chosen: list[SampledCase] = []
    seen: set[int] = set()
    for item in lists:
        rows = by_list[item.key]
        taken = 0
        for child_id in sorted(rows, key=lambda c: sample_rank(key, c)):
            if taken >= shares[item.key]:
                break
            if child_id in seen:
                continue
            row = rows[child_id]
            seen.add(child_id)
            taken += 1
            chosen.append(SampledCase(child_id, row["first_name"], row["last_name"], row["date_of_birth"],
                                      item.key, item.title))
    return chosen
