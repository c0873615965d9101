"""Reach the printing tests' ESC/POS decoder from core tests (tests have no packages)."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "printing"))

from escpos_decoder import decode

from hall_client.printing.signing import VerifiedReceipt, verify_payload

__all__ = ["decode", "scan_qr"]


def scan_qr(raster: np.ndarray, key: bytes) -> VerifiedReceipt:
    gray = np.where(raster, 0, 255).astype(np.uint8)
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(gray)
    assert text, "no QR code in the printed raster"
    return verify_payload(str(text), key)
