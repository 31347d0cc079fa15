#!/usr/bin/env bash
# Builds the self-contained archive for the platform it runs on (no Java needed where it is unpacked):
#   target/dist/envdoctor-<version>-<os>-<arch>.tar.gz   (os-arch as DJL names them: linux-x86_64,
#   linux-aarch64, osx-aarch64), holding
#   bin/envdoctor                      the launcher (src/main/dist/envdoctor): it runs lib/envdoctor/runtime,
#                                      never a java from PATH or JAVA_HOME
#   lib/envdoctor/runtime/             a jlinked Java runtime: only the modules below, with its own CDS archive
#   lib/envdoctor/envdoctor.jar, lib/  the app and its jars, with DJL's libtorch for this platform
#   lib/envdoctor/checks/              the shipped check profiles
#   lib/envdoctor/envdoctor.jsa        the app's class-data-sharing archive, dumped here at build time
#   install.sh                         installs the folder it sits in under PREFIX
# The same command on a Mac (Apple Silicon) makes the osx-aarch64 archive. Needs a JDK 21 or newer for
# jlink (JAVA_HOME, or ENVDOCTOR_PACKAGE_JDK): JDK 17's app CDS archive refuses to load once the folder
# has moved ("shared class paths mismatch"), Temurin 25's follows it (tested; 21-24 not tried). Maven builds with the
# usual JDK (./mvnw). --no-build packs what target/ holds. Exit: 0 built, 1 no usable JDK, 2 failed.
set -euo pipefail
cd "$(dirname "$0")/.."
die() { code=$1; shift; printf 'package.sh: %s\n' "$*" >&2; exit "$code"; }

spec() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2; exit}'; }
usable() { [ -x "$1/bin/jlink" ] && v=$(spec "$1") && [ "${v%%.*}" -ge 21 ] 2>/dev/null; }
jdk=
for c in "${ENVDOCTOR_PACKAGE_JDK:-}" "${JAVA_HOME:-}" $(/usr/libexec/java_home -v 21+ 2>/dev/null || true) \
    /opt/homebrew/opt/openjdk /usr/local/opt/openjdk $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  if [ -n "$c" ] && usable "${c%/}"; then jdk=${c%/}; break; fi
done
[ -n "$jdk" ] || die 1 "no JDK 21 or newer with jlink found: install one (e.g. 'brew install openjdk', 'apt-get install openjdk-21-jdk-headless' or Temurin from https://adoptium.net) and set ENVDOCTOR_PACKAGE_JDK to it."

[ "${1:-}" = --no-build ] || ./mvnw -q -B -DskipTests package || die 2 "the build failed; run './mvnw package' to see why."
native=$(ls target/lib/pytorch-native-cpu-*.jar 2>/dev/null | head -1)
[ -n "$native" ] && [ -f target/envdoctor.jar ] || die 2 "target/ holds no envdoctor.jar and libtorch jar: run without --no-build."
platform=$(basename "$native" .jar); platform=${platform#pytorch-native-cpu-*-}     # linux-x86_64
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
name=envdoctor-$version-$platform
stage=target/dist/$name
rm -rf "$stage" "target/dist/$name.tar.gz" && mkdir -p "$stage/bin" "$stage/lib/envdoctor"

# The modules: what scripts/gpu-stage.sh runs on the GPU machines; jdeps must find nothing else but
# java.desktop and java.compiler, which only DJL's image/audio helpers, JNA's AWT glue and an
# annotation library refer to (envdoctor never loads them). jdk.unsupported (Unsafe, reached by
# reflection) and java.naming are not in jdeps's static view.
modules=java.base,java.logging,java.management,jdk.unsupported,java.naming,java.xml,java.sql,jdk.crypto.ec
classes=$(mktemp -d) && trap 'rm -rf "$classes"' EXIT
for j in target/envdoctor.jar target/lib/*.jar; do
  case $j in *pytorch-native-*) ;; *) (cd "$classes" && "$jdk/bin/jar" xf "$OLDPWD/$j") ;; esac
done
rm -rf "$classes/META-INF" && find "$classes" -name module-info.class -delete
found=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$classes" | tail -1)
for m in ${found//,/ }; do
  case ",$modules,java.desktop,java.compiler," in *",$m,"*) ;; *) die 2 "jdeps finds module $m, not in package.sh's list: add it." ;; esac
done

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$stage/lib/envdoctor/runtime" >/dev/null
cp -p target/envdoctor.jar "$stage/lib/envdoctor/"
mkdir "$stage/lib/envdoctor/lib" && cp -p target/lib/*.jar "$stage/lib/envdoctor/lib/"
cp -R checks "$stage/lib/envdoctor/checks"
cp src/main/dist/envdoctor "$stage/bin/envdoctor" && cp install.sh "$stage/install.sh"
chmod +x "$stage/bin/envdoctor" "$stage/install.sh"

# The CDS archive: -XX:ArchiveClassesAtExit (a dynamic archive on top of the runtime's own) records
# exactly the classes one probe loads, in one run and with the launcher's flags; -Xshare:dump would
# need a class list from a first run. The launcher passes it (as after install.sh).
"$stage/lib/envdoctor/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -XX:ArchiveClassesAtExit="$stage/lib/envdoctor/envdoctor.jsa" -jar "$stage/lib/envdoctor/envdoctor.jar" \
  probe --json >/dev/null 2>&1 || die 2 "the bundled runtime could not run envdoctor probe."
[ -s "$stage/lib/envdoctor/envdoctor.jsa" ] || die 2 "no CDS archive was written."

tar -C target/dist -czf "target/dist/$name.tar.gz" "$name"
rm -rf "$stage"
printf 'Built target/dist/%s.tar.gz (%s; Java %s runtime from %s)\n' "$name" \
  "$(du -h "target/dist/$name.tar.gz" | cut -f1)" "$(spec "$jdk")" "$jdk"
