"""Image quality measures used by the benchmarks and tests (SSIM as in Wang et al. 2004)."""

from __future__ import annotations

import cv2
import numpy as np


def ssim(a: np.ndarray, b: np.ndarray) -> float:
    """Mean structural similarity of two grey images of the same size (Gaussian window, σ 1.5)."""
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} vs {b.shape}")
    x, y = a.astype(np.float64), b.astype(np.float64)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

    def blur(z: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(z, (11, 11), 1.5)

    mx, my = blur(x), blur(y)
    sxx, syy, sxy = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    num = (2 * mx * my + c1) * (2 * sxy + c2)
    den = (mx * mx + my * my + c1) * (sxx + syy + c2)
    return float(np.mean(num / den))


def decode_grey(data: bytes) -> np.ndarray:
    """JPEG (or any image) bytes as a grey array."""
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if img is None:
        raise ValueError("cannot decode")
    return img


def ssim_against(reference: np.ndarray, data: bytes) -> float:
    """SSIM of an encoded page against the flat reference, compared at the reference's size."""
    ref = reference if reference.ndim == 2 else cv2.cvtColor(reference, cv2.COLOR_BGR2GRAY)
    got = decode_grey(data)
    if got.shape != ref.shape:
        got = cv2.resize(got, (ref.shape[1], ref.shape[0]), interpolation=cv2.INTER_CUBIC)
    return ssim(ref, got)
