#!/bin/sh
# Installs envdoctor into $PREFIX (default $HOME/.local):
#   $PREFIX/bin/envdoctor                 the launcher
#   $PREFIX/lib/envdoctor/envdoctor.jar   the app, with its libraries in lib/envdoctor/lib/
#   ./install.sh                  from this source tree: builds it, needs a JDK 17 or newer (Maven
#                                 comes through ./mvnw)
#   ./install.sh ARCHIVE|FOLDER   from the self-contained archive (scripts/package.sh) or its unpacked
#                                 folder, with its own Java runtime: needs no Java. The archive's own
#                                 install.sh, run with no argument, installs its folder.
# Safe to run again (it replaces the previous install). Uninstall:
#   rm -rf "$PREFIX/bin/envdoctor" "$PREFIX/lib/envdoctor"
# Exit codes: 0 installed, 1 no usable Java, 2 the build failed or the archive is not envdoctor's.
set -eu

PREFIX=${PREFIX:-"$HOME/.local"}
from=${1:-}
case $from in /*|'') ;; *) from="$PWD/$from" ;; esac
cd "$(dirname "$0")"

say() { printf '%s\n' "$*"; }
die() { code=$1; shift; printf 'install.sh: %s\n' "$*" >&2; exit "$code"; }
dest="$PREFIX/lib/envdoctor"

# --- from the self-contained archive or its folder: copy it, no build, no Java needed -------------
[ -z "$from" ] && [ -x lib/envdoctor/runtime/bin/java ] && from=$PWD
if [ -n "$from" ]; then
  if [ -f "$from" ]; then
    tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
    tar -C "$tmp" -xzf "$from" 2>/dev/null || die 2 "cannot unpack $from: is it an envdoctor-*.tar.gz from scripts/package.sh?"
    for d in "$tmp"/*/; do from=${d%/}; done
  fi
  [ -x "$from/lib/envdoctor/runtime/bin/java" ] && [ -f "$from/bin/envdoctor" ] \
    || die 2 "$from is not an envdoctor archive or its folder (no lib/envdoctor/runtime): build one with scripts/package.sh."
  mkdir -p "$PREFIX/bin" "$PREFIX/lib"
  rm -rf "$dest.new" && cp -Rp "$from/lib/envdoctor" "$dest.new"   # -p: the CDS archive must stay newer than the jar
  rm -rf "$dest" && mv "$dest.new" "$dest"
  cp "$from/bin/envdoctor" "$PREFIX/bin/envdoctor" && chmod +x "$PREFIX/bin/envdoctor"
  "$PREFIX/bin/envdoctor" --version >/dev/null || die 2 "the installed envdoctor does not start: is the archive for this machine ($(uname -sm))?"
  say "Installed envdoctor (with its own Java runtime) into $PREFIX/bin/envdoctor"
  case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) say "Note: $PREFIX/bin is not on your PATH; add it, or run $PREFIX/bin/envdoctor." ;; esac
  exit 0
fi

# --- Java: present, 17 or newer, and native to this machine -----------------------------------
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then java=java
else
  die 1 "no Java found. Install a JDK 17 or newer (for example 'sudo apt-get install openjdk-17-jdk', 'brew install openjdk@21', or https://adoptium.net), then run ./install.sh again."
fi
props=$("$java" -XshowSettings:properties -version 2>&1) || die 1 "'$java -version' failed: is the JDK installed correctly?"
spec=$(printf '%s\n' "$props" | awk -F'= ' '/java.specification.version/{print $2; exit}')
major=${spec#1.}; major=${major%%.*}
case $major in ''|*[!0-9]*) die 1 "could not read the Java version from '$java'." ;; esac
if [ "$major" -lt 17 ]; then
  die 1 "Java $spec is too old: envdoctor needs Java 17 or newer. Install a newer JDK (https://adoptium.net) and point JAVA_HOME at it."
fi
if command -v javac >/dev/null 2>&1 || [ -x "$(dirname "$java")/javac" ]; then :; else
  die 1 "'$java' is a JRE without javac: the build needs a JDK 17 or newer (https://adoptium.net)."
fi
jarch=$(printf '%s\n' "$props" | awk -F'= ' '/os.arch/{print $2; exit}')
if [ "$(uname -s)" = Darwin ] && [ "$(sysctl -n hw.optional.arm64 2>/dev/null || echo 0)" = 1 ] && [ "$jarch" != aarch64 ]; then
  die 1 "this JDK is $jarch, running under Rosetta 2 on Apple Silicon: PyTorch's MPS (the Mac GPU) is unreachable from it. Install an arm64 (aarch64) JDK 17+, e.g. 'brew install openjdk@21' or Temurin for macOS aarch64, and set JAVA_HOME to it."
fi

# --- build and install ----------------------------------------------------------------------
say "Building envdoctor with Java $spec ($jarch)..."
./mvnw -q -B -DskipTests clean package || die 2 "the build failed; run './mvnw package' to see why."

mkdir -p "$PREFIX/bin" "$dest"
rm -rf "$dest/runtime"   # an archive's runtime, which the launcher would prefer to this JDK
rm -rf "$dest/lib.new" && mkdir -p "$dest/lib.new"
cp target/lib/*.jar "$dest/lib.new/"
rm -rf "$dest/lib" && mv "$dest/lib.new" "$dest/lib"
cp target/envdoctor.jar "$dest/envdoctor.jar"
rm -rf "$dest/checks" && cp -R checks "$dest/checks"

cp src/main/dist/envdoctor "$PREFIX/bin/envdoctor"
chmod +x "$PREFIX/bin/envdoctor"

# A class-data-sharing archive of the app's classes (AppCDS): each command starts ~25% sooner in CPU.
# Made by one probe run; the launcher passes it when present, and a JVM that cannot use it ignores it.
rm -f "$dest/envdoctor.jsa"
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$dest/envdoctor.jsa" \
  -jar "$dest/envdoctor.jar" probe --json >/dev/null 2>&1 || rm -f "$dest/envdoctor.jsa"

say "Installed envdoctor into $PREFIX/bin/envdoctor"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) say "Note: $PREFIX/bin is not on your PATH; add it, or run $PREFIX/bin/envdoctor." ;; esac
