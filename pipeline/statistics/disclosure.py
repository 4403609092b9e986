"""Statistical disclosure control for published tables: cell suppression.

Primary suppression hides every cell counting fewer than ``threshold`` respondents (but more
than none). When the table's row and column totals are published too, a single hidden cell
in a row is the row total minus the cells shown, so complementary suppression hides more
cells until none can be worked out: every row and column with a hidden cell gets at least a
second one (the smallest other cell), and then an audit by linear programming (the attack
an analyst would make: the least and greatest value each hidden cell can take, given the
totals and the shown cells, all counts non-negative) adds cells until every hidden cell can
take more than one value. Counts are unweighted n (respondents), as the threshold is.

The totals themselves are assumed publishable: a row or column whose total is below the
threshold needs its own decision (merge categories, or leave the row out).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

TOLERANCE = 1e-6


def primary(counts: np.ndarray, threshold: int) -> np.ndarray:
    """Cells with 0 < n < threshold."""
    counts = np.asarray(counts)
    return (counts > 0) & (counts < threshold)


def suppress(counts: np.ndarray, threshold: int, with_margins: bool = True) -> np.ndarray:
    """Mask (rows x cols, True = suppressed) of the cells of ``counts`` to hide.

    ``counts``: rows x cols of unweighted n. ``with_margins``: the row and column totals are
    published beside the table, so hidden cells must not be recoverable from them
    (complementary suppression); without margins only the primary cells are hidden.
    """
    counts = _check(counts, threshold)
    mask = primary(counts, threshold)
    if not with_margins or not mask.any():
        return mask
    while True:
        changed = _second_in_every_line(counts, mask)
        if not changed:
            changed = _protect_exposed(counts, mask)
        if not changed:
            return mask


def suppress_estimates(bases: np.ndarray, threshold: int) -> np.ndarray:
    """Mask (True = suppressed) of subgroup estimates whose unweighted base n is below
    ``threshold`` (a base of 0 has no estimate to show either)."""
    bases = _check(bases, threshold)
    return bases < threshold


def exposed_cells(counts: np.ndarray, mask: np.ndarray) -> list[tuple[int, int]]:
    """Suppressed cells whose value follows from the shown cells and the row and column
    totals: the least and greatest values they can take (counts >= 0) coincide."""
    counts = np.asarray(counts, dtype=float)
    hidden = [tuple(int(i) for i in cell) for cell in np.argwhere(mask)]
    if not hidden:
        return []
    a_eq, b_eq = _margin_equations(counts, mask, hidden)
    exposed = []
    for k, cell in enumerate(hidden):
        low, high = _range_of(k, len(hidden), a_eq, b_eq)
        if high - low <= TOLERANCE:
            exposed.append(cell)
    return exposed


# ---- steps -------------------------------------------------------------------------------


def _check(values: np.ndarray, threshold: int) -> np.ndarray:
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(f"expected a rows x cols table of counts, got {values.ndim} dimensions")
    if (values < 0).any():
        raise ValueError("counts must be non-negative")
    if threshold < 1:
        raise ValueError(f"the threshold must be at least 1, got {threshold}")
    return values


def _second_in_every_line(counts: np.ndarray, mask: np.ndarray) -> bool:
    """Give each row and column holding exactly one suppressed cell a second one."""
    changed = False
    for axis in (1, 0):  # rows, then columns
        lines = mask if axis == 1 else mask.T
        values = counts if axis == 1 else counts.T
        for i in np.flatnonzero(lines.sum(axis=1) == 1):
            j = _smallest_other(values[i], lines[i])
            if j is not None:
                lines[i, j] = True  # lines is a view of mask
                changed = True
    return changed


def _smallest_other(values: np.ndarray, hidden: np.ndarray) -> int | None:
    """The shown cell to hide next: the smallest positive one, else a zero (a hidden zero
    still leaves the partner cell a range of values), None if every cell is hidden."""
    candidates = np.flatnonzero(~hidden)
    if candidates.size == 0:
        return None
    # positive cells first: a hidden zero next to zero totals can pin its partner down
    order = sorted(candidates, key=lambda j: (values[j] == 0, values[j], j))
    return int(order[0])


def _protect_exposed(counts: np.ndarray, mask: np.ndarray) -> bool:
    """Hide one more cell beside the first exposed cell (in its row, else its column)."""
    exposed = exposed_cells(counts, mask)
    if not exposed:
        return False
    i, j = exposed[0]
    for line_values, line_mask, set_cell in (
        (counts[i], mask[i], lambda k: (i, k)),
        (counts[:, j], mask[:, j], lambda k: (k, j)),
    ):
        k = _smallest_other(line_values, line_mask)
        if k is not None:
            mask[set_cell(k)] = True
            return True
    return False


def _margin_equations(
    counts: np.ndarray, mask: np.ndarray, hidden: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Row and column totals as equations in the hidden cells: the sum of a line's hidden
    cells is its total minus its shown cells."""
    rows, cols = counts.shape
    hidden_part = np.where(mask, counts, 0.0)  # what the totals hold beyond the shown cells
    right = np.concatenate([hidden_part.sum(axis=1), hidden_part.sum(axis=0)])
    a_eq = np.zeros((rows + cols, len(hidden)))
    for k, (i, j) in enumerate(hidden):
        a_eq[i, k] = 1.0
        a_eq[rows + j, k] = 1.0
    return a_eq, right


def _range_of(k: int, n: int, a_eq: np.ndarray, b_eq: np.ndarray) -> tuple[float, float]:
    objective = np.zeros(n)
    objective[k] = 1.0
    low = linprog(objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    high = linprog(-objective, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    if low.status != 0 or high.status != 0:
        raise RuntimeError(f"the margin equations have no solution ({low.message})")
    return low.fun, -high.fun
