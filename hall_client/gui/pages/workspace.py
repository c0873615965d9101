"""页面: the pages of one application — camera, import, order, corners, sections, package.

Left: the camera's live picture with the sheet outlined (F5 or Space captures; with 自动拍摄 a
page is captured when it has been still for a moment). Middle: the pages as numbered
thumbnails; drag or Ctrl+↑/↓ to reorder, R rotates, Delete deletes (Ctrl+Z brings it back),
F6 re-captures the selected page in place. Right: the selected page's badges (format, pixels,
bytes, aspect, confidence; red says why), F7 opens the corner editor, F8 confirms a
low-confidence page, F4 assigns the selected pages to a section and material, F12 exports the
package. Every change is saved at once (``core.cases.page_set``); nothing is lost on close.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hall_client.gui.jobs import JobRunner, Operation
from hall_client.gui.pages.camera_feed import CameraFeed
from hall_client.gui.pages.corner_editor import CornerEditor, bgr_to_qimage
from hall_client.pages.errors import PageError
from hall_client.pages.page_set import PageEntry, PageSet, PageSetError
from hall_client.pages.profiles import PageProfile


def rule_name(rule: str) -> str:
    """The badge's label for a profile rule (or confidence), in the UI language."""
    names = {
        "format": QCoreApplication.translate("PageWorkspace", "格式"),
        "pixels": QCoreApplication.translate("PageWorkspace", "像素"),
        "bytes": QCoreApplication.translate("PageWorkspace", "大小"),
        "aspect": QCoreApplication.translate("PageWorkspace", "比例"),
        "confidence": QCoreApplication.translate("PageWorkspace", "四角"),
    }
    return names.get(rule, rule)


def _message(exc: BaseException) -> str:
    if isinstance(exc, (PageSetError, PageError)):
        return exc.message
    return QCoreApplication.translate("PageWorkspace", "操作没有完成，请重试；如仍不行请联系管理员")


class PageWorkspace(QWidget):
    """The page workspace for one application (a draft page set under the data directory)."""

    def __init__(
        self,
        pages: PageSet,
        jobs: JobRunner,
        camera: int | str | None = 0,
        project: str = "",
        materials: list[tuple[int, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pages, self.jobs, self.project = pages, jobs, project
        self.materials = materials or []
        self.profile: PageProfile = pages.profile
        self.entries: list[PageEntry] = []
        self.feed: CameraFeed | None = None
        self.import_op: Operation | None = None
        self.last_export: Path | None = None
        self.setAcceptDrops(True)

        # camera
        self.preview = QLabel(self.tr("摄像头未打开"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.preview.setStyleSheet("background:#222;color:#ddd")
        self.camera_status = QLabel()
        self.camera_status.setWordWrap(True)
        self.capture_button = QPushButton(self.tr("拍摄 (F5)"))
        self.capture_button.clicked.connect(self.capture)
        self.auto = QCheckBox(self.tr("静止时自动拍摄"))
        self.import_button = QPushButton(self.tr("导入文件… (Ctrl+O)"))
        self.import_button.clicked.connect(self.choose_files)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消导入"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_import)
        cam_box = QGroupBox(self.tr("摄像头"))
        cam = QVBoxLayout(cam_box)
        cam.addWidget(self.preview, 1)
        cam.addWidget(self.camera_status)
        row = QHBoxLayout()
        row.addWidget(self.capture_button)
        row.addWidget(self.auto)
        cam.addLayout(row)
        cam.addWidget(self.import_button)
        cam.addWidget(self.progress)
        cam.addWidget(self.cancel_button)

        # page list
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(96, 128))
        self.list.setGridSize(QSize(116, 168))
        self.list.setMovement(QListWidget.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.currentRowChanged.connect(self._show_current)

        # detail
        self.badges = QLabel()
        self.badges.setWordWrap(True)
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        self.section = QComboBox()
        self.section.setObjectName("pageSection")  # data: the agency profile's section names
        self.section.addItems(list(self.profile.sections))
        self.material = QComboBox()
        self.material.addItem(self.tr("（不指定材料）"), None)
        for pos, name in self.materials:
            self.material.addItem(name, pos)
        self.assign_button = QPushButton(self.tr("分到分册 (F4)"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.corners_button = QPushButton(self.tr("调整四角 (F7)"))
        self.corners_button.clicked.connect(self.edit_corners)
        self.confirm_button = QPushButton(self.tr("确认四角无误 (F8)"))
        self.confirm_button.clicked.connect(self.confirm_current)
        self.rotate_button = QPushButton(self.tr("旋转 (R)"))
        self.rotate_button.clicked.connect(self.rotate_current)
        self.delete_button = QPushButton(self.tr("删除 (Del)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(self.tr("撤销删除 (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_delete)
        self.recapture_button = QPushButton(self.tr("重拍此页 (F6)"))
        self.recapture_button.clicked.connect(self.recapture)
        self.export_button = QPushButton(self.tr("导出材料包 (F12)"))
        self.export_button.clicked.connect(self.choose_export)
        self.message = QLabel()
        self.message.setWordWrap(True)
        detail_box = QGroupBox(self.tr("本页"))
        grid = QGridLayout(detail_box)
        grid.addWidget(self.badges, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("分册")), 1, 0)
        grid.addWidget(self.section, 1, 1)
        grid.addWidget(QLabel(self.tr("材料")), 2, 0)
        grid.addWidget(self.material, 2, 1)
        grid.addWidget(self.assign_button, 3, 0, 1, 2)
        grid.addWidget(self.corners_button, 4, 0)
        grid.addWidget(self.confirm_button, 4, 1)
        grid.addWidget(self.rotate_button, 5, 0)
        grid.addWidget(self.recapture_button, 5, 1)
        grid.addWidget(self.delete_button, 6, 0)
        grid.addWidget(self.undo_button, 6, 1)
        grid.addWidget(self.export_button, 7, 0, 1, 2)
        grid.addWidget(self.message, 8, 0, 1, 2)
        grid.setRowStretch(9, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(cam_box, 3)
        layout.addWidget(self.list, 3)
        layout.addWidget(detail_box, 2)

        for key, slot in (
            ("F5", self.capture),
            ("Space", self.capture),
            ("Ctrl+O", self.choose_files),
            ("F4", self.assign_selected),
            ("F6", self.recapture),
            ("F7", self.edit_corners),
            ("F8", self.confirm_current),
            ("R", self.rotate_current),
            ("Delete", self.delete_current),
            ("Ctrl+Z", self.undo_delete),
            ("Ctrl+Up", lambda: self.move_current(-1)),
            ("Ctrl+Down", lambda: self.move_current(1)),
            ("F12", self.choose_export),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self._pending_recapture: str | None = None
        self.refresh()
        if camera is not None:
            self.open_camera(camera)

    # --- camera ---------------------------------------------------------------------

    def open_camera(self, source: int | str) -> None:
        self.close_camera()
        self.feed = CameraFeed(source, self)
        self.feed.frame.connect(self._show_frame)
        self.feed.still.connect(self._still)
        self.feed.lost.connect(self._camera_lost)
        self.camera_status.setText(self.tr("正在打开摄像头 %1…").replace("%1", str(source)))
        self.feed.start()

    def close_camera(self) -> None:
        if self.feed is not None:
            self.feed.stop()
            self.feed = None

    def closeEvent(self, event: Any) -> None:
        self.close_camera()
        super().closeEvent(event)

    def _show_frame(self, frame: np.ndarray, corners: np.ndarray | None) -> None:
        if self.camera_status.text().startswith(self.tr("正在打开")):
            self.camera_status.setText(self.tr("摄像头已就绪"))
        h, w = frame.shape[:2]
        target = self.preview.size()
        s = min(target.width() / w, target.height() / h)
        pix = QPixmap.fromImage(bgr_to_qimage(frame[:: max(1, int(1 / s)), :: max(1, int(1 / s))]))
        pix = pix.scaled(
            target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
        if corners is not None:
            k = pix.width() / w
            painter = QPainter(pix)
            painter.setPen(QPen(QColor(0, 220, 0), 3))
            painter.drawPolygon(
                QPolygonF([QPointF(float(x) * k, float(y) * k) for x, y in corners])
            )
            painter.end()
        self.preview.setPixmap(pix)

    def _still(self) -> None:
        if self.auto.isChecked():
            self.capture()

    def _camera_lost(self, message: str) -> None:
        self.camera_status.setText(message)
        self.camera_status.setStyleSheet("color:#b00020")
        self.feed = None

    def capture(self) -> None:
        frame = self.feed.latest() if self.feed is not None else None
        if frame is None:
            self._say(self.tr("没有摄像头画面，无法拍摄；可导入文件"), error=True)
            return
        replace_id, self._pending_recapture = self._pending_recapture, None
        pages = self.pages

        def work(ctx: Any) -> PageEntry:
            entry = pages.prepare_photo(frame)
            if replace_id is not None:
                pages.replace(replace_id, entry)
            else:
                pages.add(entry)
            return entry

        self.jobs.background(
            work, success=lambda _e: self._changed(self.tr("已拍摄")), failure=self._failed
        )

    def recapture(self) -> None:
        entry = self.current()
        if entry is None:
            self._say(self.tr("请先选中要重拍的页面"), error=True)
            return
        self._pending_recapture = entry.id
        self._say(
            self.tr("把第 %1 页放好后按 F5 拍摄，新照片替换此页").replace(
                "%1", str(self.list.currentRow() + 1)
            )
        )

    # --- import ---------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("导入页面"),
            "",
            self.tr("图片和 PDF (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf)"),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_files(paths)
            event.acceptProposedAction()

    def import_files(self, paths: list[Path]) -> None:
        if self.import_op is not None:
            self._say(self.tr("上一次导入还没有结束"), error=True)
            return
        pages = self.pages
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()

        def work(ctx: Any) -> tuple[int, list[PageError]]:
            return pages.import_files(paths, ctx.progress, lambda: ctx.cancelled)

        self.import_op = self.jobs.background(
            work,
            success=self._imported,
            failure=self._import_failed,
            progress=self._import_progress,
        )

    def _import_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v / %m 页"))
        self.refresh_soon()

    def cancel_import(self) -> None:
        if self.import_op is not None:
            self.import_op.cancel()
            self._say(self.tr("正在取消导入…"))

    def _import_done(self) -> None:
        self.import_op = None
        self.progress.hide()
        self.cancel_button.hide()

    def _imported(self, result: tuple[int, list[PageError]]) -> None:
        cancelled = self.import_op is not None and self.import_op.context.cancelled
        self._import_done()
        added, errors = result
        text = self.tr("已导入 %1 页").replace("%1", str(added))
        if cancelled:
            text += self.tr("，其余已取消（已导入的页面保留，可删除）")
        if errors:
            text += "；" + "；".join(f"{Path(e.source).name}：{e.message}" for e in errors[:3])
        self._changed(text, error=bool(errors))

    def _import_failed(self, exc: BaseException) -> None:
        self._import_done()
        self._failed(exc)

    # --- the list -------------------------------------------------------------------

    def refresh_soon(self) -> None:
        QTimer.singleShot(0, self.refresh)

    def refresh(self) -> None:
        current = self.current()
        self.entries = self.pages.snapshot()
        self.list.blockSignals(True)
        self.list.clear()
        for n, e in enumerate(self.entries, 1):
            item = QListWidgetItem(self._thumbnail(e), self._caption(n, e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            bad = [why for _rule, ok, why in e.badges() if not ok]
            item.setToolTip("\n".join(bad) if bad else self.tr("符合规则"))
            if bad:
                item.setForeground(QColor(176, 0, 32))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, e in enumerate(self.entries) if current and e.id == current.id), 0)
        if self.entries:
            self.list.setCurrentRow(min(row, len(self.entries) - 1))
        self._show_current(self.list.currentRow())

    def _caption(self, n: int, e: PageEntry) -> str:
        marks = "✓" if all(ok for _r, ok, _w in e.badges()) else "✗"
        section = e.section or self.tr("未分册")
        return f"{n} {marks} {section}"

    def _thumbnail(self, e: PageEntry) -> QIcon:
        pix = QPixmap(str(self.pages.data_dir / e.file))
        pix = pix.scaled(
            96, 128, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        if any(not ok for _r, ok, _w in e.badges()):
            painter = QPainter(pix)
            painter.setPen(QPen(QColor(200, 0, 30), 6))
            painter.drawRect(pix.rect().adjusted(2, 2, -3, -3))
            painter.end()
        return QIcon(pix)

    def current(self) -> PageEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _show_current(self, row: int) -> None:
        e = self.entries[row] if 0 <= row < len(self.entries) else None
        if e is None:
            self.badges.setText(self.tr("还没有页面：拍摄 (F5) 或导入 (Ctrl+O)"))
            return
        parts = []
        for rule, ok, why in e.badges():
            colour = "#1b7f3b" if ok else "#b00020"
            mark = "✓" if ok else "✗"
            text = f"<span style='color:{colour};font-weight:bold'>{mark} {rule_name(rule)}</span>"
            if not ok:
                text += f"<br><span style='color:{colour}'>{why}</span>"
            parts.append(text)
        head = self.tr("第 %1 页，%2×%3，%4 字节，置信度 %5").replace("%1", str(row + 1))
        head = (
            head.replace("%2", str(e.width))
            .replace("%3", str(e.height))
            .replace("%4", f"{e.size:,}")
        )
        head = head.replace("%5", f"{e.confidence:.2f}")
        self.badges.setText(head + "<br>" + "&nbsp; ".join(parts))
        self.confirm_button.setEnabled(e.needs_clerk)

    def selected_ids(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]

    def _dragged(self, *args: Any) -> None:
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        pages = self.pages
        self.jobs.db(
            lambda ctx: pages.reorder(ids),
            success=lambda _r: self._changed(self.tr("已调整顺序")),
            failure=self._failed,
        )

    def move_current(self, step: int) -> None:
        e = self.current()
        if e is None:
            return
        to = self.list.currentRow() + step
        pages = self.pages
        self.jobs.db(
            lambda ctx: pages.move(e.id, to),
            success=lambda _r: self._changed(self.tr("已调整顺序")),
            failure=self._failed,
        )

    def _act(self, fn: Any, done: str) -> None:
        e = self.current()
        if e is None:
            self._say(self.tr("请先选中一页"), error=True)
            return
        self.jobs.db(
            lambda ctx: fn(e), success=lambda _r: self._changed(done), failure=self._failed
        )

    def rotate_current(self) -> None:
        self._act(lambda e: self.pages.rotate(e.id, 90), self.tr("已旋转 90°"))

    def delete_current(self) -> None:
        n = self.list.currentRow() + 1
        self._act(
            lambda e: self.pages.delete(e.id),
            self.tr("已删除第 %1 页（Ctrl+Z 撤销）").replace("%1", str(n)),
        )

    def undo_delete(self) -> None:
        pages = self.pages
        self.jobs.db(
            lambda ctx: pages.undo_delete(),
            success=lambda e: self._changed(
                self.tr("已恢复删除的页面") if e else self.tr("没有可撤销的删除")
            ),
            failure=self._failed,
        )

    def confirm_current(self) -> None:
        self._act(lambda e: self.pages.confirm(e.id), self.tr("已确认四角"))

    def assign_selected(self) -> None:
        ids = self.selected_ids() or ([self.current().id] if self.current() else [])
        if not ids:
            self._say(self.tr("请先选中页面"), error=True)
            return
        section, pos = self.section.currentText(), self.material.currentData()
        name = self.material.currentText() if pos is not None else ""
        pages = self.pages
        self.jobs.db(
            lambda ctx: pages.assign(ids, section, pos, name),
            success=lambda _r: self._changed(
                self.tr("%1 页已分到 %2").replace("%1", str(len(ids))).replace("%2", section)
            ),
            failure=self._failed,
        )

    # --- corners --------------------------------------------------------------------

    def edit_corners(self) -> None:
        e = self.current()
        if e is None:
            self._say(self.tr("请先选中一页"), error=True)
            return
        pages = self.pages
        self.jobs.background(
            lambda ctx: pages.original_pixels(e),
            success=lambda px: self._open_editor(e, px),
            failure=self._failed,
        )

    def _open_editor(self, e: PageEntry, photo: np.ndarray) -> None:
        self.editor = CornerEditor(photo, e.corners, self)
        self.editor.accepted.connect(lambda: self._corners_chosen(e, self.editor.corners()))
        self.editor.open()

    def _corners_chosen(self, e: PageEntry, corners: list[list[float]]) -> None:
        pages = self.pages
        self.jobs.background(
            lambda ctx: pages.set_corners(e.id, corners),
            success=lambda _r: self._changed(self.tr("已按新的四角重新处理")),
            failure=self._failed,
        )

    # --- the package ----------------------------------------------------------------

    def choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出材料包到"))
        if folder:
            self.export(Path(folder))

    def export(self, out_dir: Path) -> None:
        blockers = self.pages.blockers()
        if blockers:
            self._say("；".join(blockers[:3]), error=True)
            return
        pages, project = self.pages, self.project
        self.jobs.background(
            lambda ctx: pages.export_package(project, out_dir),
            success=self._exported,
            failure=self._failed,
        )

    def _exported(self, folder: Path) -> None:
        self.last_export = folder
        self._say(self.tr("材料包已导出到 %1").replace("%1", str(folder)))

    # --- messages -------------------------------------------------------------------

    def _changed(self, text: str, error: bool = False) -> None:
        self.refresh()
        self._say(text, error)

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        self._say(_message(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color:#b00020;font-weight:bold" if error else "color:#1b7f3b")
