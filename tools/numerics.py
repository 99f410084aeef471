"""The CPU code paths numpy and OpenBLAS may use, pinned so that chapters print the same
numbers on every x86-64 machine.

numpy picks SIMD loops (tanh, exp, …) and OpenBLAS picks matrix kernels for the CPU it
finds; different kernels round differently in the last bit, and a training run of
thousands of SGD steps turns one bit into a different third digit (chapter 2's epoch
counts move).  The committed outputs are made, and checked by nbval, with numpy's
baseline loops (x86-64-v2) and OpenBLAS's Nehalem kernels, which every machine that
runs numpy 2 has.  (Other architectures get no pins: their numbers may differ.)  These variables are read when numpy loads, so they are set in the
environment of the kernel: by ``make test``, ``make lab``, ``make outputs`` and the
tests themselves (tests/conftest.py).

Run as a script, it prints them as ``KEY=VALUE`` words for ``env``.
"""
from __future__ import annotations

import platform

X86_64 = platform.machine().lower() in ("x86_64", "amd64")
PINNED = {
    "NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR",
    "OPENBLAS_CORETYPE": "Nehalem",
} if X86_64 else {}

if __name__ == "__main__":
    print(" ".join(f"'{k}={v}'" for k, v in PINNED.items()))
