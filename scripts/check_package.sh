#!/usr/bin/env bash
# The package as PyPI would get it: `python -m build` makes a wheel and an sdist; each is installed
# (with its dependencies, from pip's cache or the index) into a fresh virtual environment, where the
# shipped files must be present, `radio --version` must name the package's version and a fake-engine
# episode must come out as an MP3. Run by .ci/run after the tests; about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/venv.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/radio-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

version=$(.venv/bin/python -c 'import radio; print(radio.__version__)')
.venv/bin/python -m build --outdir "$work/dist" . >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; fail "python -m build failed"; }
wheel=$(ls "$work"/dist/*.whl)
sdist=$(ls "$work"/dist/*.tar.gz)
case "$(basename "$wheel")" in radio_bulletin-"$version"-py3-none-any.whl) ;; *) fail "unexpected wheel $(basename "$wheel")" ;; esac
case "$(basename "$sdist")" in radio_bulletin-"$version".tar.gz) ;; *) fail "unexpected sdist $(basename "$sdist")" ;; esac

# Every file radio reads at run time (assets, quote data, py.typed) is in both archives.
.venv/bin/python - "$wheel" "$sdist" <<'PY'
import sys, tarfile, zipfile
from pathlib import Path

shipped = sorted(
    str(p) for p in [*Path("radio/assets").iterdir(), *Path("radio/words/quotes/data").iterdir(), Path("radio/py.typed")]
    if p.is_file()
)
wheel = set(zipfile.ZipFile(sys.argv[1]).namelist())
with tarfile.open(sys.argv[2]) as tar:
    sdist = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
missing = [f"{name} (wheel)" for name in shipped if name not in wheel]
missing += [f"{name} (sdist)" for name in shipped if name not in sdist]
if missing:
    sys.exit("check_package: not packaged: " + ", ".join(missing))
print(f"check_package: {len(shipped)} shipped files in the wheel and the sdist")
PY

for artifact in "$wheel" "$sdist"; do
    kind=$([ "$artifact" = "$wheel" ] && echo wheel || echo sdist)
    venv="$work/venv-$kind"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "$artifact" >"$work/pip-$kind.log" 2>&1 \
        || { cat "$work/pip-$kind.log" >&2; fail "the $kind does not install"; }
    run="$work/run-$kind"  # away from the source tree, so `import radio` is the installed copy
    mkdir -p "$run"
    where=$(cd "$run" && "$venv/bin/python" -c 'import radio; print(radio.__file__)')
    case "$where" in "$venv"/*) ;; *) fail "the $kind's radio is imported from $where" ;; esac
    shown=$(cd "$run" && "$venv/bin/radio" --version)
    [ "$shown" = "radio $version" ] || fail "the $kind says '$shown', not 'radio $version'"
    mp3=$(cd "$run" && XDG_CONFIG_HOME="$run/config" XDG_CACHE_HOME="$run/cache" \
        "$venv/bin/radio" -q episode "$root/scripts/articles/bus-route.txt" --engine fake --out "$run/out" \
        2>"$work/episode-$kind.log") || { cat "$work/episode-$kind.log" >&2; fail "the $kind's episode failed"; }
    [ -s "$mp3" ] && [ "${mp3##*.}" = mp3 ] || fail "the $kind's episode made no MP3 ($mp3)"
    echo "check_package: $kind installs; radio $version; episode $(basename "$mp3")"
done
