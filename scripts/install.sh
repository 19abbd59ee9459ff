#!/usr/bin/env bash
# Builds, packs and installs the hdnr .NET tool; re-running it upgrades in place.
#   scripts/install.sh                 install into the user's .NET tools folder (~/.dotnet/tools), linked from
#                                      ~/.local/bin when that folder is on a new shell's PATH
#   scripts/install.sh --prefix DIR    install so that DIR/hdnr runs
# Prints where hdnr is; when a new shell would not find `hdnr` by name, prints on stderr the one line to add.
set -euo pipefail

prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
# dotnet's own advice about PATH looks at this shell, not a new one, and is replaced by the line below.
if ! out=$(dotnet tool update "${where[@]}" --add-source "$feed" --version "$version" hdnr 2>&1); then
  echo "$out" >&2
  exit 1
fi
grep "^Tool 'hdnr'" <<<"$out" >&2 || true

# What a new shell of this user finds by name, from its own startup files (a login shell's and a terminal's
# ~/.bashrc), not from this shell's PATH.
home=${HOME:?HOME is not set}
new_path=""
for mode in -lc -ic; do
  new_path+=:$(env -i HOME="$home" USER="${USER:-}" TERM=dumb bash "$mode" 'printf %s "$PATH"' 2>/dev/null </dev/null || true)
done
on_new_path() { case ":$new_path:" in *":$1:"*) return 0 ;; *) return 1 ;; esac; }
dir=$(dirname "$bin")
if [ -z "$prefix" ] && ! on_new_path "$dir" && on_new_path "$home/.local/bin"; then
  # ~/.local/bin is already on the PATH: a link there needs no change to any startup file, and survives upgrades.
  ln -sfn "$bin" "$home/.local/bin/hdnr"
  dir="$home/.local/bin"
fi
# The tool's launcher finds .NET through DOTNET_ROOT when dotnet is not in its default place.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
lines=()
on_new_path "$dir" || lines+=("export PATH=\"\$PATH:$dir\"")
env -i HOME="$home" PATH="$dir:$new_path" hdnr --version >/dev/null 2>&1 || lines+=("export DOTNET_ROOT=\"$dotnet_root\"")
if [ ${#lines[@]} -gt 0 ]; then
  echo "A new shell will not find hdnr by name yet: add to ~/.bashrc (or your shell's startup file):" >&2
  printf '  %s\n' "${lines[@]}" >&2
fi
echo "$bin"
