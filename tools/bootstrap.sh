#!/usr/bin/env bash
# Installs the Debian 12 packages sigsift builds, tests and benchmarks
# with, when any is missing, then configures and builds into build/.
# Usage: tools/bootstrap.sh [meson setup options...]
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential meson ninja-build pkg-config python3 bc
  libdpdk-dev dpdk libhyperscan-dev libpcap-dev libcunit1-dev libnuma-dev libsodium-dev
  tshark clang libclang-rt-14-dev
  verilator iverilog yosys
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [ ! -f build/build.ninja ]; then
  meson setup build "$@" >&2
fi
ninja -C build >&2
