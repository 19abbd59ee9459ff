#!/usr/bin/env bash
# Builds, packs and installs the hdnr .NET tool; re-running it upgrades in place.
#   scripts/install.sh                 install into the user's .NET tools folder (~/.dotnet/tools)
#   scripts/install.sh --prefix DIR    install so that DIR/hdnr runs
# Prints where hdnr is.
set -euo pipefail

prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed=$(mktemp -d)
trap 'rm -rf "$feed"' EXIT

# A fresh version per build: the compile cache keys on it, and NuGet never serves a stale package of the same version.
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
echo "Building hdnr $version ..." >&2
dotnet pack "$root/runner/Hdnr.Cli/Hdnr.Cli.csproj" -c Release -o "$feed" -p:Version="$version" \
  --artifacts-path "$feed/artifacts" -nologo -v quiet >&2

if [ -n "$prefix" ]; then
  mkdir -p "$prefix"
  prefix=$(cd "$prefix" && pwd)
  where=(--tool-path "$prefix")
  bin="$prefix/hdnr"
else
  where=(--global)
  bin="${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools/hdnr"
fi

# `update` installs when absent and upgrades in place when present.
dotnet tool update "${where[@]}" --add-source "$feed" --version "$version" hdnr >&2
echo "$bin"
