"""The record table model, without any widget."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from hall_client.gui.table_model import Column, RecordTableModel


def test_rows_arrive_in_batches(qapp: object) -> None:
    model: RecordTableModel[int] = RecordTableModel(
        [Column("n", lambda n: n), Column("square", lambda n: n * n, lambda n: f"{n}²")])
    model.set_rows(list(range(450)))
    assert model.rowCount() == RecordTableModel.BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and not model.canFetchMore(QModelIndex())
    assert model.data(model.index(12, 1)) == 144
    assert model.data(model.index(12, 1), Qt.ItemDataRole.ToolTipRole) == "12²"
    assert model.data(model.index(12, 0), Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "square"
    assert model.columnCount() == 2


def test_reset_replaces_rows(qapp: object) -> None:
    model: RecordTableModel[str] = RecordTableModel([Column("s", lambda s: s)])
    model.set_rows(["a", "b"])
    model.set_rows(["c"])
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "c"
