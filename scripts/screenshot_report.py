"""Look at the HTML report as a person would: render it in headless Chromium and save a screenshot.

Needs Debian's `chromium` (`apt-get install chromium fonts-noto-cjk`); the tests do
not.  Usage: ``python scripts/screenshot_report.py [PATH...] [--out shot.png]``
(default: the 台前 sample as PDF and as text).  Prints the report and screenshot
paths, and how many page images the report embeds.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "samples/pdf/taiqian-2023.pdf"),
                                                      str(ROOT / "samples/text/taiqian-2023.txt")])
    parser.add_argument("--out", type=Path, default=Path("budgetlint-report.png"))
    parser.add_argument("--height", type=int, default=4000)
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        sys.exit("no chromium found: apt-get install chromium fonts-noto-cjk")
    report = args.out.with_suffix(".html")
    subprocess.run([sys.executable, "-m", "budgetlint", "check", "--format", "html", "--output", str(report),
                    *args.paths], check=False)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size=1200,{args.height}",
                        f"--screenshot={args.out.resolve()}", report.resolve().as_uri()],
                       check=True, capture_output=True)
    images = len(re.findall(r"data:image/png;base64,", report.read_text(encoding="utf-8")))
    print(f"{report}: {images} page images; screenshot {args.out}")


if __name__ == "__main__":
    main()
