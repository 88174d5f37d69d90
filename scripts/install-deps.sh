#!/usr/bin/env bash
# Installs the Debian 12 packages staffsim needs to build and test, skipping those already present.
#   bash scripts/install-deps.sh          what a build needs (libjs-chart.js: Chart.js, embedded in
#                                         report.html at build time)
#   bash scripts/install-deps.sh --test   also what only the tests use: clang and libFuzzer (the
#                                         sanitizer build and its fuzz targets), clang-tidy, and
#                                         chromium, the headless browser of the report.html
#                                         tests. If chromium cannot be installed, say so and go
#                                         on: those tests are skipped.
#   bash scripts/install-deps.sh --fuzz   also clang and libFuzzer, for scripts/fuzz.sh
set -euo pipefail
packages=(cmake make g++ libeigen3-dev libboost-dev libboost-math-dev libboost-random-dev
          libcli11-dev libyaml-cpp-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
          libjs-chart.js python3)
test_packages=()
case "${1:-}" in
  "") ;;
  --test)
    packages+=(clang libclang-rt-dev clang-tidy)
    test_packages=(chromium)
    ;;
  --fuzz) packages+=(clang libclang-rt-dev) ;;
  *) echo "usage: bash scripts/install-deps.sh [--test|--fuzz]" >&2; exit 2 ;;
esac

missing_of() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
updated=no
install() {
  if [ "$updated" = no ]; then
    $sudo apt-get update -qq
    updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

mapfile -t missing < <(missing_of "${packages[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  install "${missing[@]}"
fi
if [ ${#test_packages[@]} -gt 0 ]; then
  mapfile -t missing < <(missing_of "${test_packages[@]}")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing for the tests: ${missing[*]}"
    install "${missing[@]}" ||
      echo "warning: could not install ${missing[*]}: the browser tests of report.html will be skipped" >&2
  fi
fi
