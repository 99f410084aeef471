"""The CPU code paths numpy and OpenBLAS may use, pinned so that chapters print the same
numbers on every x86-64 machine.

numpy picks SIMD loops (tanh, exp, …) and OpenBLAS picks matrix kernels for the CPU it
finds; different kernels round differently in the last bit, and a training run of
thousands of SGD steps turns one bit into a different third digit (chapter 2's epoch
counts move).  The committed outputs are made, and checked by nbval, with numpy's
baseline loops (x86-64-v2) and OpenBLAS's Nehalem kernels, which every machine that
runs numpy 2 has.  (Other architectures get no pins: their numbers may differ.)  These variables are read when numpy loads, so they are set in the
environment of the kernel: by ``make test``, ``make lab``, ``make outputs``, Binder's
``binder/start`` and the tests themselves (tests/conftest.py).

Run as a script it starts a command with them set, so no shell has to quote the values
(they hold spaces):  ``python tools/numerics.py jupyter lab book/``.
"""
from __future__ import annotations

import os
import platform
import shutil
import sys

X86_64 = platform.machine().lower() in ("x86_64", "amd64")
PINNED = {
    "NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR",
    "OPENBLAS_CORETYPE": "Nehalem",
} if X86_64 else {}



def run(command: list[str]) -> None:
    """Replace this process by ``command``, with the pinned code paths in its environment."""
    if not command:
        raise SystemExit("usage: python tools/numerics.py COMMAND [ARGS...]")
    program = shutil.which(command[0])
    if program is None:
        raise SystemExit(f"numerics.py: command not found: {command[0]}")
    os.execve(program, command, {**os.environ, **PINNED})


if __name__ == "__main__":
    run(sys.argv[1:])
