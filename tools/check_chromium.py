"""Say how to get Chromium when the browser tests cannot run (CI requires them)."""
import os
import sys
from pathlib import Path

chromium = Path(os.environ.get("NNBOOK_CHROMIUM", "/usr/bin/chromium"))
if not chromium.exists():
    print(f"note: {chromium} is missing, so the browser tests will be skipped.\n"
          "      Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set NNBOOK_CHROMIUM.")
    if os.environ.get("NNBOOK_REQUIRE_BROWSER") == "1":
        sys.exit("error: NNBOOK_REQUIRE_BROWSER=1 and Chromium is missing")
