"""analyse_saved: what a saved notebook's execution counts say about the order cells ran in."""

import pytest

from jupyterlab_nbcrash.diagnosis.notebook import SavedOrder, analyse_saved
from jupyterlab_nbcrash.diagnosis.record import Cell


def cells(*counts, kinds=None):
    kinds = kinds or ["code"] * len(counts)
    return [
        Cell(
            id=str(i),
            index=i,
            source="" if c == "empty" else "x = 1",
            execution_count=None if c in (None, "empty") else c,
            cell_type=k,
        )
        for i, (c, k) in enumerate(zip(counts, kinds, strict=True))
    ]


def test_in_order():
    order = analyse_saved(cells(1, 2, 3, 4))
    assert order == SavedOrder(
        code_cells=4, run_cells=4, decreasing=False, gaps=False, skipped=False, in_order=True
    )


def test_decreasing_counts():
    order = analyse_saved(cells(1, 5, 3, 4))
    assert order.decreasing and not order.in_order
    assert order.decreasing_cells == (2,)
    assert order.gap_cells == (1,)  # 2 -> 5 jumps


def test_gaps_and_missing_counts():
    order = analyse_saved(cells(1, 2, 7, 8))
    assert order.gaps and not order.decreasing and not order.skipped
    assert order.gap_cells == (2,)
    assert order.missing_counts == 4  # 3, 4, 5, 6


def test_never_run_cells_among_run_ones():
    order = analyse_saved(cells(None, 1, None, 2, None))
    assert order.skipped and order.skipped_cells == (2,)  # leading/trailing unrun cells are fine
    assert order.run_cells == 2 and order.code_cells == 5


def test_markdown_and_empty_cells_are_ignored():
    order = analyse_saved(cells(1, None, "empty", 2, kinds=["code", "markdown", "code", "code"]))
    assert order.in_order
    assert order.code_cells == 2


@pytest.mark.parametrize("counts", [(), (None, None), ("empty",)])
def test_nothing_run(counts):
    order = analyse_saved(cells(*counts))
    assert order.run_cells == 0 and order.in_order and order.missing_counts == 0


def test_saved_order_is_frozen():
    order = analyse_saved(cells(1))
    with pytest.raises(AttributeError):
        order.in_order = False
